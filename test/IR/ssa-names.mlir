// RUN: mlopt %s --split-input-file | FileCheck %s
// RUN: mlopt %s --split-input-file --mlir-use-nameloc-as-prefix | FileCheck %s --check-prefix=SOURCE
// RUN: mlopt %s --split-input-file --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC

// Values print with upstream's names, not the source's: results numbered per
// region after their parent region's values, entry arguments %argN, and the
// names upstream's ops choose (constants, allocations) with a shared _N suffix.

// CHECK-LABEL: func.func @numbering(
// CHECK-SAME: %arg0: index, %arg1: i32) -> (index, i32)
// CHECK-NEXT: %c0 = arith.constant 0 : index
// CHECK-NEXT: %c0_0 = arith.constant 0 : index
// CHECK-NEXT: %c7_i32 = arith.constant 7 : i32
// CHECK-NEXT: %c-1_i8 = arith.constant -1 : i8
// CHECK-NEXT: %true = arith.constant true
// CHECK-NEXT: %cst = arith.constant 1.500000e+00 : f32
// CHECK-NEXT: %cst_1 = arith.constant dense<1> : vector<2xi32>
// CHECK-NEXT: %0:2 = scf.for %arg2 = %c0 to %arg0 step %arg0 iter_args(%arg3 = %c0_0, %arg4 = %arg1) -> (index, i32) {
// CHECK-NEXT:   %2 = arith.addi %arg3, %arg2 : index
// CHECK-NEXT:   scf.yield %2, %arg4 : index, i32
// CHECK-NEXT: }
// CHECK-NEXT: %1 = arith.addi %0#1, %c7_i32 : i32
// CHECK-NEXT: return %0#0, %1 : index, i32
// SOURCE-LABEL: func.func @numbering(
// SOURCE-SAME: %n: index, %init: i32)
// SOURCE: %c0_0 = arith.constant 0 : index
// SOURCE: %sum:2 = scf.for %i = %c0 to %n step %n iter_args(%acc = %c0_0, %keep = %init)
// SOURCE: %next = arith.addi %acc, %i : index
// SOURCE: return %sum#0, %total : index, i32
// GENERIC-LABEL: sym_name = "numbering"
// GENERIC: %0 = "arith.constant"() <{value = 0 : index}> : () -> index
// GENERIC: %1 = "arith.constant"() <{value = 0 : index}> : () -> index
// GENERIC: %7:2 = "scf.for"(%0, %arg0, %arg0, %1, %arg1)
func.func @numbering(%n: index, %init: i32) -> (index, i32) {
  %c0 = arith.constant 0 : index
  %c0_0 = arith.constant 0 : index
  %seven = arith.constant 7 : i32
  %minus_one = arith.constant 255 : i8
  %t = arith.constant true
  %f = arith.constant 1.5 : f32
  %v = arith.constant dense<1> : vector<2xi32>
  %sum:2 = scf.for %i = %c0 to %n step %n iter_args(%acc = %c0_0, %keep = %init) -> (index, i32) {
    %next = arith.addi %acc, %i : index
    scf.yield %next, %keep : index, i32
  }
  %total = arith.addi %sum#1, %seven : i32
  return %sum#0, %total : index, i32
}

// -----

// Sibling regions number their values alike; blocks are ^bbN in each region,
// with upstream's comment on their predecessors.

// CHECK-LABEL: func.func @blocks(
// CHECK: %0 = scf.if %arg0 -> (i32) {
// CHECK-NEXT:   %c1_i32 = arith.constant 1 : i32
// CHECK-NEXT:   %2 = arith.addi %arg1, %c1_i32 : i32
// CHECK:      } else {
// CHECK-NEXT:   %2 = arith.subi %arg1, %arg1 : i32
// CHECK:      cf.cond_br %arg0, ^bb1(%0 : i32), ^bb2
// CHECK-NEXT: ^bb1(%1: i32):  // 2 preds: ^bb0, ^bb2
// CHECK-NEXT:   return %1 : i32
// CHECK-NEXT: ^bb2:  // pred: ^bb0
// CHECK-NEXT:   cf.br ^bb1(%arg1 : i32)
// CHECK-NEXT: ^bb3:  // pred: ^bb3
// CHECK-NEXT:   cf.br ^bb3
// CHECK-NEXT: ^bb4:  // no predecessors
func.func @blocks(%c: i1, %x: i32) -> i32 {
  %r = scf.if %c -> (i32) {
    %one = arith.constant 1 : i32
    %y = arith.addi %x, %one : i32
    scf.yield %y : i32
  } else {
    %z = arith.subi %x, %x : i32
    scf.yield %z : i32
  }
  cf.cond_br %c, ^exit(%r : i32), ^other
^exit(%v: i32):
  return %v : i32
^other:
  cf.br ^exit(%x : i32)
^loop:
  cf.br ^loop
^dead:
  return %x : i32
}

// -----

// Affine maps and sets print as #map/#set aliases defined at the top, in order
// of first use.

// CHECK: #map = affine_map<(d0) -> (d0 * 2)>
// CHECK-NEXT: #map1 = affine_map<(d0)[s0] -> (d0 + s0)>
// CHECK-NEXT: #set = affine_set<(d0) : (d0 - 1 >= 0)>
// CHECK-LABEL: func.func @aliases(
// CHECK-SAME: memref<4xf32, #map>
// CHECK: affine.apply #map1(%arg0)[%arg0]
// CHECK: affine.if #set(%arg0)
// CHECK: affine.apply #map(%arg0)
func.func @aliases(%i: index, %m: memref<4xf32, affine_map<(d0) -> (d0 * 2)>>) {
  %a = affine.apply affine_map<(d0)[s0] -> (d0 + s0)>(%i)[%i]
  affine.if affine_set<(d0) : (d0 - 1 >= 0)>(%i) {
    %b = affine.apply affine_map<(d0) -> (d0 * 2)>(%i)
  }
  return
}

// -----

// Op-chosen names for results and region arguments.

// CHECK-LABEL: func.func @op_names(
// CHECK: %alloc = memref.alloc() : memref<4x4xf32>
// CHECK: %subview = memref.subview %alloc
// CHECK: %collapse_shape = memref.collapse_shape %alloc
// CHECK: %base_buffer, %offset, %sizes:2, %strides:2 = memref.extract_strided_metadata %alloc
// CHECK: %extracted_slice = tensor.extract_slice %arg0
// CHECK: %0 = tensor.empty() : tensor<4xf32>
// CHECK: %sum, %overflow = arith.addui_extended
// CHECK: %idx3 = index.constant 3
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%in: f32, %out: f32):
func.func @op_names(%t: tensor<8xf32>, %a: i32) -> tensor<4xf32> {
  %m = memref.alloc() : memref<4x4xf32>
  %s = memref.subview %m[0, 0] [2, 2] [1, 1] : memref<4x4xf32> to memref<2x2xf32, strided<[4, 1]>>
  %c = memref.collapse_shape %m [[0, 1]] : memref<4x4xf32> into memref<16xf32>
  %base, %off, %sz:2, %st:2 = memref.extract_strided_metadata %m : memref<4x4xf32> -> memref<f32>, index, index, index, index, index
  %e = tensor.extract_slice %t[0] [4] [1] : tensor<8xf32> to tensor<4xf32>
  %init = tensor.empty() : tensor<4xf32>
  %add, %carry = arith.addui_extended %a, %a : i32, i1
  %three = index.constant 3
  %g = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%e : tensor<4xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%x: f32, %y: f32):
    linalg.yield %x : f32
  } -> tensor<4xf32>
  return %g : tensor<4xf32>
}
