// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @addi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.addi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.addi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.addi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @addi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.addi %a, %b : i64
  %1 = arith.addi %v, %v : vector<[4]xi32>
  %2 = arith.addi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @subi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.subi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.subi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.subi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @subi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.subi %a, %b : i64
  %1 = arith.subi %v, %v : vector<[4]xi32>
  %2 = arith.subi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @muli
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.muli %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.muli %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.muli %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @muli(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.muli %a, %b : i64
  %1 = arith.muli %v, %v : vector<[4]xi32>
  %2 = arith.muli %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @divui
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.divui %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.divui %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.divui %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @divui(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.divui %a, %b : i64
  %1 = arith.divui %v, %v : vector<[4]xi32>
  %2 = arith.divui %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @divsi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.divsi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.divsi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.divsi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @divsi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.divsi %a, %b : i64
  %1 = arith.divsi %v, %v : vector<[4]xi32>
  %2 = arith.divsi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @remui
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.remui %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.remui %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.remui %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @remui(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.remui %a, %b : i64
  %1 = arith.remui %v, %v : vector<[4]xi32>
  %2 = arith.remui %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @remsi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.remsi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.remsi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.remsi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @remsi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.remsi %a, %b : i64
  %1 = arith.remsi %v, %v : vector<[4]xi32>
  %2 = arith.remsi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @andi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.andi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.andi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.andi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @andi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.andi %a, %b : i64
  %1 = arith.andi %v, %v : vector<[4]xi32>
  %2 = arith.andi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @ori
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.ori %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.ori %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.ori %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @ori(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.ori %a, %b : i64
  %1 = arith.ori %v, %v : vector<[4]xi32>
  %2 = arith.ori %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @xori
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.xori %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.xori %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.xori %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @xori(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.xori %a, %b : i64
  %1 = arith.xori %v, %v : vector<[4]xi32>
  %2 = arith.xori %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @ceildivsi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.ceildivsi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.ceildivsi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.ceildivsi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @ceildivsi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.ceildivsi %a, %b : i64
  %1 = arith.ceildivsi %v, %v : vector<[4]xi32>
  %2 = arith.ceildivsi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @ceildivui
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.ceildivui %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.ceildivui %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.ceildivui %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @ceildivui(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.ceildivui %a, %b : i64
  %1 = arith.ceildivui %v, %v : vector<[4]xi32>
  %2 = arith.ceildivui %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @floordivsi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.floordivsi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.floordivsi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.floordivsi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @floordivsi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.floordivsi %a, %b : i64
  %1 = arith.floordivsi %v, %v : vector<[4]xi32>
  %2 = arith.floordivsi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @shli
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.shli %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.shli %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.shli %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @shli(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.shli %a, %b : i64
  %1 = arith.shli %v, %v : vector<[4]xi32>
  %2 = arith.shli %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @shrui
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.shrui %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.shrui %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.shrui %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @shrui(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.shrui %a, %b : i64
  %1 = arith.shrui %v, %v : vector<[4]xi32>
  %2 = arith.shrui %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @shrsi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.shrsi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.shrsi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.shrsi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @shrsi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.shrsi %a, %b : i64
  %1 = arith.shrsi %v, %v : vector<[4]xi32>
  %2 = arith.shrsi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @maxsi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.maxsi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.maxsi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.maxsi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @maxsi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.maxsi %a, %b : i64
  %1 = arith.maxsi %v, %v : vector<[4]xi32>
  %2 = arith.maxsi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @maxui
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.maxui %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.maxui %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.maxui %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @maxui(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.maxui %a, %b : i64
  %1 = arith.maxui %v, %v : vector<[4]xi32>
  %2 = arith.maxui %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @minsi
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.minsi %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.minsi %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.minsi %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @minsi(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.minsi %a, %b : i64
  %1 = arith.minsi %v, %v : vector<[4]xi32>
  %2 = arith.minsi %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @minui
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64, %[[V:[^ ,:]+]]: vector<[4]xi32>, %[[T:[^ ,:]+]]: tensor<2x?xi8>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.minui %[[A]], %[[B]] : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.minui %[[V]], %[[V]] : vector<[4]xi32>
// CHECK: %[[N2:[^ ,:]+]] = arith.minui %[[T]], %[[T]] : tensor<2x?xi8>
// CHECK: return
func.func @minui(%a: i64, %b: i64, %v: vector<[4]xi32>, %t: tensor<2x?xi8>) {
  %0 = arith.minui %a, %b : i64
  %1 = arith.minui %v, %v : vector<[4]xi32>
  %2 = arith.minui %t, %t : tensor<2x?xi8>
  return
}

// -----

// CHECK-LABEL: func.func @addi_ovf
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64) {
// CHECK: %[[N0:[^ ,:]+]] = arith.addi %[[A]], %[[B]] overflow<nsw> : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.addi %[[A]], %[[B]] overflow<nsw, nuw> : i64
// CHECK: %[[N2:[^ ,:]+]] = arith.addi %[[A]], %[[B]] : i64
// CHECK: return
func.func @addi_ovf(%a: i64, %b: i64) {
  %0 = arith.addi %a, %b overflow<nsw> : i64
  %1 = arith.addi %a, %b overflow<nsw, nuw> : i64
  %2 = arith.addi %a, %b overflow<none> : i64
  return
}

// -----

// CHECK-LABEL: func.func @subi_ovf
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64) {
// CHECK: %[[N0:[^ ,:]+]] = arith.subi %[[A]], %[[B]] overflow<nsw> : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.subi %[[A]], %[[B]] overflow<nsw, nuw> : i64
// CHECK: %[[N2:[^ ,:]+]] = arith.subi %[[A]], %[[B]] : i64
// CHECK: return
func.func @subi_ovf(%a: i64, %b: i64) {
  %0 = arith.subi %a, %b overflow<nsw> : i64
  %1 = arith.subi %a, %b overflow<nsw, nuw> : i64
  %2 = arith.subi %a, %b overflow<none> : i64
  return
}

// -----

// CHECK-LABEL: func.func @muli_ovf
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64) {
// CHECK: %[[N0:[^ ,:]+]] = arith.muli %[[A]], %[[B]] overflow<nsw> : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.muli %[[A]], %[[B]] overflow<nsw, nuw> : i64
// CHECK: %[[N2:[^ ,:]+]] = arith.muli %[[A]], %[[B]] : i64
// CHECK: return
func.func @muli_ovf(%a: i64, %b: i64) {
  %0 = arith.muli %a, %b overflow<nsw> : i64
  %1 = arith.muli %a, %b overflow<nsw, nuw> : i64
  %2 = arith.muli %a, %b overflow<none> : i64
  return
}

// -----

// CHECK-LABEL: func.func @shli_ovf
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64) {
// CHECK: %[[N0:[^ ,:]+]] = arith.shli %[[A]], %[[B]] overflow<nsw> : i64
// CHECK: %[[N1:[^ ,:]+]] = arith.shli %[[A]], %[[B]] overflow<nsw, nuw> : i64
// CHECK: %[[N2:[^ ,:]+]] = arith.shli %[[A]], %[[B]] : i64
// CHECK: return
func.func @shli_ovf(%a: i64, %b: i64) {
  %0 = arith.shli %a, %b overflow<nsw> : i64
  %1 = arith.shli %a, %b overflow<nsw, nuw> : i64
  %2 = arith.shli %a, %b overflow<none> : i64
  return
}

// -----

// CHECK-LABEL: func.func @addf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.addf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.addf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: return
func.func @addf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.addf %a, %b : f32
  %1 = arith.addf %a, %b fastmath<fast> : f32
  %2 = arith.addf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.addf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @subf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.subf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.subf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.subf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.subf %[[A]], %[[B]] : f32
// CHECK: return
func.func @subf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.subf %a, %b : f32
  %1 = arith.subf %a, %b fastmath<fast> : f32
  %2 = arith.subf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.subf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @mulf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.mulf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.mulf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.mulf %[[A]], %[[B]] : f32
// CHECK: return
func.func @mulf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.mulf %a, %b : f32
  %1 = arith.mulf %a, %b fastmath<fast> : f32
  %2 = arith.mulf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.mulf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @divf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.divf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.divf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.divf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.divf %[[A]], %[[B]] : f32
// CHECK: return
func.func @divf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.divf %a, %b : f32
  %1 = arith.divf %a, %b fastmath<fast> : f32
  %2 = arith.divf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.divf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @remf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.remf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.remf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.remf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.remf %[[A]], %[[B]] : f32
// CHECK: return
func.func @remf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.remf %a, %b : f32
  %1 = arith.remf %a, %b fastmath<fast> : f32
  %2 = arith.remf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.remf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @maximumf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.maximumf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.maximumf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.maximumf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.maximumf %[[A]], %[[B]] : f32
// CHECK: return
func.func @maximumf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.maximumf %a, %b : f32
  %1 = arith.maximumf %a, %b fastmath<fast> : f32
  %2 = arith.maximumf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.maximumf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @minimumf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.minimumf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.minimumf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.minimumf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.minimumf %[[A]], %[[B]] : f32
// CHECK: return
func.func @minimumf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.minimumf %a, %b : f32
  %1 = arith.minimumf %a, %b fastmath<fast> : f32
  %2 = arith.minimumf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.minimumf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @maxnumf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.maxnumf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.maxnumf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.maxnumf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.maxnumf %[[A]], %[[B]] : f32
// CHECK: return
func.func @maxnumf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.maxnumf %a, %b : f32
  %1 = arith.maxnumf %a, %b fastmath<fast> : f32
  %2 = arith.maxnumf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.maxnumf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @minnumf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf16>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.minnumf %[[A]], %[[B]] : f32
// CHECK: %[[N1:[^ ,:]+]] = arith.minnumf %[[A]], %[[B]] fastmath<fast> : f32
// CHECK: %[[N2:[^ ,:]+]] = arith.minnumf %[[V]], %[[V]] fastmath<nnan,contract> : vector<4xf16>
// CHECK: %[[N3:[^ ,:]+]] = arith.minnumf %[[A]], %[[B]] : f32
// CHECK: return
func.func @minnumf(%a: f32, %b: f32, %v: vector<4xf16>) {
  %0 = arith.minnumf %a, %b : f32
  %1 = arith.minnumf %a, %b fastmath<fast> : f32
  %2 = arith.minnumf %v, %v fastmath<nnan,contract> : vector<4xf16>
  %3 = arith.minnumf %a, %b fastmath<none> : f32
  return
}

// -----

// CHECK-LABEL: func.func @negf
// CHECK-SAME: (%[[A:[^ ,:]+]]: f64) {
// CHECK: %[[N0:[^ ,:]+]] = arith.negf %[[A]] : f64
// CHECK: %[[N1:[^ ,:]+]] = arith.negf %[[A]] fastmath<fast> : f64
// CHECK: return
func.func @negf(%a: f64) {
  %0 = arith.negf %a : f64
  %1 = arith.negf %a fastmath<reassoc,nnan,ninf,nsz,arcp,contract,afn> : f64
  return
}

// -----

// CHECK-LABEL: func.func @ext
// CHECK-SAME: (%[[A:[^ ,:]+]]: i64, %[[B:[^ ,:]+]]: i64) {
// CHECK: %[[S:[^ ,:]+]], %[[O:[^ ,:]+]] = arith.addui_extended %[[A]], %[[B]] : i64, i1
// CHECK: %[[L:[^ ,:]+]], %[[H:[^ ,:]+]] = arith.mulsi_extended %[[A]], %[[B]] : i64
// CHECK: %[[L2:[^ ,:]+]], %[[H2:[^ ,:]+]] = arith.mului_extended %[[A]], %[[B]] : i64
// CHECK: return
func.func @ext(%a: i64, %b: i64) {
  %s, %o = arith.addui_extended %a, %b : i64, i1
  %l, %h = arith.mulsi_extended %a, %b : i64
  %l2, %h2 = arith.mului_extended %a, %b : i64
  return
}

// -----

// CHECK-LABEL: func.func @constants
// CHECK-SAME: () {
// CHECK: %[[N0:[^ ,:]+]] = arith.constant 42 : i32
// CHECK: %[[N1:[^ ,:]+]] = arith.constant -1 : i64
// CHECK: %[[N2:[^ ,:]+]] = arith.constant true
// CHECK: %[[N3:[^ ,:]+]] = arith.constant false
// CHECK: %[[N4:[^ ,:]+]] = arith.constant 1.500000e+00 : f64
// CHECK: %[[N5:[^ ,:]+]] = arith.constant 0x7FC00000 : f32
// CHECK: %[[N6:[^ ,:]+]] = arith.constant 0xFF800000 : f32
// CHECK: %[[N7:[^ ,:]+]] = arith.constant 7 : index
// CHECK: %[[N8:[^ ,:]+]] = arith.constant dense<0> : vector<4xi32>
// CHECK: %[[N9:[^ ,:]+]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK: %[[N10:[^ ,:]+]] = arith.constant dense<{{\[\[}}1, 2], [3, 4]]> : tensor<2x2xi16>
// CHECK: %[[N11:[^ ,:]+]] = arith.constant 1.000440e-10 : bf16
// CHECK: %[[N12:[^ ,:]+]] = arith.constant 3.40282347E+38 : f32
// CHECK: %[[N13:[^ ,:]+]] = arith.constant dense<true> : vector<2xi1>
// CHECK: %[[N14:[^ ,:]+]] = arith.constant -0.000000e+00 : f16
// CHECK: %[[N15:[^ ,:]+]] = arith.constant -1 : i8
// CHECK: %[[N16:[^ ,:]+]] = arith.constant 1.000000e-01 : f64
// CHECK: return
func.func @constants() {
  %0 = arith.constant 42 : i32
  %1 = arith.constant -1 : i64
  %2 = arith.constant true
  %3 = arith.constant false
  %4 = arith.constant 1.5 : f64
  %5 = arith.constant 0x7FC00000 : f32
  %6 = arith.constant 0xFF800000 : f32
  %7 = arith.constant 7 : index
  %8 = arith.constant dense<0> : vector<4xi32>
  %9 = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  %10 = arith.constant dense<[[1, 2], [3, 4]]> : tensor<2x2xi16>
  %11 = arith.constant 1.0e-10 : bf16
  %12 = arith.constant 3.4028235e38 : f32
  %13 = arith.constant dense<true> : vector<2xi1>
  %14 = arith.constant -0.0 : f16
  %15 = arith.constant 255 : i8
  %16 = arith.constant 0.1 : f64
  return
}

// -----

// CHECK-LABEL: func.func @casts
// CHECK-SAME: (%[[I:[^ ,:]+]]: i32, %[[F:[^ ,:]+]]: f32, %[[X:[^ ,:]+]]: index, %[[V:[^ ,:]+]]: vector<4xi32>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.extsi %[[I]] : i32 to i64
// CHECK: %[[N1:[^ ,:]+]] = arith.extui %[[I]] : i32 to i64
// CHECK: %[[N2:[^ ,:]+]] = arith.trunci %[[I]] : i32 to i8
// CHECK: %[[N3:[^ ,:]+]] = arith.sitofp %[[I]] : i32 to f32
// CHECK: %[[N4:[^ ,:]+]] = arith.uitofp %[[I]] : i32 to f64
// CHECK: %[[N5:[^ ,:]+]] = arith.fptosi %[[F]] : f32 to i32
// CHECK: %[[N6:[^ ,:]+]] = arith.fptoui %[[F]] : f32 to i16
// CHECK: %[[N7:[^ ,:]+]] = arith.extf %[[F]] : f32 to f64
// CHECK: %[[N8:[^ ,:]+]] = arith.truncf %[[F]] : f32 to f16
// CHECK: %[[N9:[^ ,:]+]] = arith.bitcast %[[F]] : f32 to i32
// CHECK: %[[N10:[^ ,:]+]] = arith.index_cast %[[I]] : i32 to index
// CHECK: %[[N11:[^ ,:]+]] = arith.index_castui %[[X]] : index to i64
// CHECK: %[[N12:[^ ,:]+]] = arith.index_cast %[[X]] : index to i32
// CHECK: %[[N13:[^ ,:]+]] = arith.extsi %[[V]] : vector<4xi32> to vector<4xi64>
// CHECK: %[[N14:[^ ,:]+]] = arith.truncf %[[F]] to_nearest_even : f32 to bf16
// CHECK: %[[N15:[^ ,:]+]] = arith.truncf %[[F]] fastmath<fast> : f32 to f16
// CHECK: %[[N16:[^ ,:]+]] = arith.extf %[[F]] fastmath<fast> : f32 to f64
// CHECK: %[[N17:[^ ,:]+]] = arith.trunci %[[I]] overflow<nsw> : i32 to i8
// CHECK: return
func.func @casts(%i: i32, %f: f32, %x: index, %v: vector<4xi32>) {
  %0 = arith.extsi %i : i32 to i64
  %1 = arith.extui %i : i32 to i64
  %2 = arith.trunci %i : i32 to i8
  %3 = arith.sitofp %i : i32 to f32
  %4 = arith.uitofp %i : i32 to f64
  %5 = arith.fptosi %f : f32 to i32
  %6 = arith.fptoui %f : f32 to i16
  %7 = arith.extf %f : f32 to f64
  %8 = arith.truncf %f : f32 to f16
  %9 = arith.bitcast %f : f32 to i32
  %10 = arith.index_cast %i : i32 to index
  %11 = arith.index_castui %x : index to i64
  %12 = arith.index_cast %x : index to i32
  %13 = arith.extsi %v : vector<4xi32> to vector<4xi64>
  %14 = arith.truncf %f to_nearest_even : f32 to bf16
  %15 = arith.truncf %f fastmath<fast> : f32 to f16
  %16 = arith.extf %f fastmath<fast> : f32 to f64
  %17 = arith.trunci %i overflow<nsw> : i32 to i8
  return
}

// -----

// CHECK-LABEL: func.func @cmp
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32, %[[B:[^ ,:]+]]: i32, %[[F:[^ ,:]+]]: f32, %[[G:[^ ,:]+]]: f32, %[[V:[^ ,:]+]]: vector<4xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.cmpi eq, %[[A]], %[[B]] : i32
// CHECK: %[[N1:[^ ,:]+]] = arith.cmpi ne, %[[A]], %[[B]] : i32
// CHECK: %[[N2:[^ ,:]+]] = arith.cmpi ult, %[[A]], %[[B]] : i32
// CHECK: %[[N3:[^ ,:]+]] = arith.cmpi sge, %[[A]], %[[B]] : i32
// CHECK: %[[N4:[^ ,:]+]] = arith.cmpf oeq, %[[F]], %[[G]] : f32
// CHECK: %[[N5:[^ ,:]+]] = arith.cmpf une, %[[F]], %[[G]] fastmath<nnan> : f32
// CHECK: %[[N6:[^ ,:]+]] = arith.cmpf false, %[[F]], %[[G]] : f32
// CHECK: %[[N7:[^ ,:]+]] = arith.cmpf true, %[[F]], %[[G]] : f32
// CHECK: %[[N8:[^ ,:]+]] = arith.cmpf uno, %[[V]], %[[V]] : vector<4xf32>
// CHECK: %[[N9:[^ ,:]+]] = arith.select %[[N0]], %[[A]], %[[B]] : i32
// CHECK: %[[M:[^ ,:]+]] = arith.cmpf olt, %[[V]], %[[V]] : vector<4xf32>
// CHECK: %[[N10:[^ ,:]+]] = arith.select %[[M]], %[[V]], %[[V]] : vector<4xi1>, vector<4xf32>
// CHECK: %[[N11:[^ ,:]+]] = arith.select %[[N0]], %[[V]], %[[V]] : vector<4xf32>
// CHECK: return
func.func @cmp(%a: i32, %b: i32, %f: f32, %g: f32, %v: vector<4xf32>) {
  %0 = arith.cmpi eq, %a, %b : i32
  %1 = arith.cmpi ne, %a, %b : i32
  %2 = arith.cmpi ult, %a, %b : i32
  %3 = arith.cmpi sge, %a, %b : i32
  %4 = arith.cmpf oeq, %f, %g : f32
  %5 = arith.cmpf une, %f, %g fastmath<nnan> : f32
  %6 = arith.cmpf false, %f, %g : f32
  %7 = arith.cmpf true, %f, %g : f32
  %8 = arith.cmpf uno, %v, %v : vector<4xf32>
  %9 = arith.select %0, %a, %b : i32
  %m = arith.cmpf olt, %v, %v : vector<4xf32>
  %10 = arith.select %m, %v, %v : vector<4xi1>, vector<4xf32>
  %11 = arith.select %0, %v, %v : vector<4xf32>
  return
}

// -----

// CHECK-LABEL: func.func @scaling
// CHECK-SAME: (%[[A:[^ ,:]+]]: vector<4xf8E5M2>, %[[S:[^ ,:]+]]: vector<4xf8E8M0FNU>, %[[F:[^ ,:]+]]: vector<4xf32>) {
// CHECK: %[[N0:[^ ,:]+]] = arith.scaling_extf %[[A]], %[[S]] : vector<4xf8E5M2>, vector<4xf8E8M0FNU> to vector<4xf32>
// CHECK: %[[N1:[^ ,:]+]] = arith.scaling_truncf %[[F]], %[[S]] : vector<4xf32>, vector<4xf8E8M0FNU> to vector<4xf8E5M2>
// CHECK: return
func.func @scaling(%a: vector<4xf8E5M2>, %s: vector<4xf8E8M0FNU>, %f: vector<4xf32>) {
  %0 = arith.scaling_extf %a, %s : vector<4xf8E5M2>, vector<4xf8E8M0FNU> to vector<4xf32>
  %1 = arith.scaling_truncf %f, %s : vector<4xf32>, vector<4xf8E8M0FNU> to vector<4xf8E5M2>
  return
}

// -----

// CHECK-LABEL: func.func @attrs
// CHECK-SAME: (%[[A:[^ ,:]+]]: i32) {
// CHECK: %[[N0:[^ ,:]+]] = arith.addi %[[A]], %[[A]] {foo = 1 : i32} : i32
// CHECK: %[[N1:[^ ,:]+]] = arith.constant {bar} 3 : i32
// CHECK: return
func.func @attrs(%a: i32) {
  %0 = arith.addi %a, %a {foo = 1 : i32} : i32
  %1 = arith.constant {bar} 3 : i32
  return
}
