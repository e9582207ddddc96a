// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK-LABEL: func.func @index
// CHECK-SAME: (%[[A:[^ ,:]+]]: index, %[[B:[^ ,:]+]]: index, %[[I:[^ ,:]+]]: i32, %[[J:[^ ,:]+]]: i64) {
// CHECK: %[[N0:[^ ,:]+]] = index.add %[[A]], %[[B]]
// CHECK: %[[N1:[^ ,:]+]] = index.sub %[[A]], %[[B]]
// CHECK: %[[N2:[^ ,:]+]] = index.mul %[[A]], %[[B]]
// CHECK: %[[N3:[^ ,:]+]] = index.divs %[[A]], %[[B]]
// CHECK: %[[N4:[^ ,:]+]] = index.divu %[[A]], %[[B]]
// CHECK: %[[N5:[^ ,:]+]] = index.ceildivs %[[A]], %[[B]]
// CHECK: %[[N6:[^ ,:]+]] = index.ceildivu %[[A]], %[[B]]
// CHECK: %[[N7:[^ ,:]+]] = index.floordivs %[[A]], %[[B]]
// CHECK: %[[N8:[^ ,:]+]] = index.rems %[[A]], %[[B]]
// CHECK: %[[N9:[^ ,:]+]] = index.remu %[[A]], %[[B]]
// CHECK: %[[N10:[^ ,:]+]] = index.maxs %[[A]], %[[B]]
// CHECK: %[[N11:[^ ,:]+]] = index.maxu %[[A]], %[[B]]
// CHECK: %[[N12:[^ ,:]+]] = index.mins %[[A]], %[[B]]
// CHECK: %[[N13:[^ ,:]+]] = index.minu %[[A]], %[[B]]
// CHECK: %[[N14:[^ ,:]+]] = index.shl %[[A]], %[[B]]
// CHECK: %[[N15:[^ ,:]+]] = index.shrs %[[A]], %[[B]]
// CHECK: %[[N16:[^ ,:]+]] = index.shru %[[A]], %[[B]]
// CHECK: %[[N17:[^ ,:]+]] = index.and %[[A]], %[[B]]
// CHECK: %[[N18:[^ ,:]+]] = index.or %[[A]], %[[B]]
// CHECK: %[[N19:[^ ,:]+]] = index.xor %[[A]], %[[B]]
// CHECK: %[[N20:[^ ,:]+]] = index.cmp slt(%[[A]], %[[B]])
// CHECK: %[[N21:[^ ,:]+]] = index.cmp uge(%[[A]], %[[B]])
// CHECK: %[[N22:[^ ,:]+]] = index.constant 42
// CHECK: %[[N23:[^ ,:]+]] = index.bool.constant true
// CHECK: %[[N24:[^ ,:]+]] = index.casts %[[A]] : index to i32
// CHECK: %[[N25:[^ ,:]+]] = index.castu %[[I]] : i32 to index
// CHECK: %[[N26:[^ ,:]+]] = index.sizeof
// CHECK: %[[N27:[^ ,:]+]] = index.cmp eq(%[[A]], %[[B]])
// CHECK: %[[N28:[^ ,:]+]] = index.constant -1
// CHECK: return
func.func @index(%a: index, %b: index, %i: i32, %j: i64) {
  %0 = index.add %a, %b
  %1 = index.sub %a, %b
  %2 = index.mul %a, %b
  %3 = index.divs %a, %b
  %4 = index.divu %a, %b
  %5 = index.ceildivs %a, %b
  %6 = index.ceildivu %a, %b
  %7 = index.floordivs %a, %b
  %8 = index.rems %a, %b
  %9 = index.remu %a, %b
  %10 = index.maxs %a, %b
  %11 = index.maxu %a, %b
  %12 = index.mins %a, %b
  %13 = index.minu %a, %b
  %14 = index.shl %a, %b
  %15 = index.shrs %a, %b
  %16 = index.shru %a, %b
  %17 = index.and %a, %b
  %18 = index.or %a, %b
  %19 = index.xor %a, %b
  %20 = index.cmp slt(%a, %b)
  %21 = index.cmp uge(%a, %b)
  %22 = index.constant 42
  %23 = index.bool.constant true
  %24 = index.casts %a : index to i32
  %25 = index.castu %i : i32 to index
  %26 = index.sizeof
  %27 = index.cmp eq(%a, %b)
  %28 = index.constant -1
  return
}
