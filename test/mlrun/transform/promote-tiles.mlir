// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --test-lower-to-llvm
func.func private @printMemrefF32(memref<*xf32>)

// C += A * B on memrefs (11x7 * 7x9), tiled 4 x 3 x 5 with scf.for; every
// tile of A, B and C promoted to a full-tile buffer (zero-filled, so partial
// tiles compute on zeros) and C's copied back; then D = C * 2.
func.func @compute(%a: memref<11x7xf32>, %b: memref<7x9xf32>, %c: memref<11x9xf32>, %d: memref<11x9xf32>) {
  linalg.matmul ins(%a, %b : memref<11x7xf32>, memref<7x9xf32>) outs(%c : memref<11x9xf32>)
  linalg.add ins(%c, %c : memref<11x9xf32>, memref<11x9xf32>) outs(%d : memref<11x9xf32>)
  return
}

func.func @main() {
  %a = memref.alloc() : memref<11x7xf32>
  %b = memref.alloc() : memref<7x9xf32>
  %c = memref.alloc() : memref<11x9xf32>
  %d = memref.alloc() : memref<11x9xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c9 = arith.constant 9 : index
  %c11 = arith.constant 11 : index
  %one = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c11 step %c1 {
    scf.for %j = %c0 to %c7 step %c1 {
      %s = arith.addi %i, %j : index
      %t = arith.index_cast %s : index to i32
      %v = arith.sitofp %t : i32 to f32
      memref.store %v, %a[%i, %j] : memref<11x7xf32>
    }
  }
  scf.for %i = %c0 to %c7 step %c1 {
    scf.for %j = %c0 to %c9 step %c1 {
      %s = arith.subi %i, %j : index
      %t = arith.index_cast %s : index to i32
      %v = arith.sitofp %t : i32 to f32
      memref.store %v, %b[%i, %j] : memref<7x9xf32>
    }
  }
  linalg.fill ins(%one : f32) outs(%c : memref<11x9xf32>)
  call @compute(%a, %b, %c, %d) : (memref<11x7xf32>, memref<7x9xf32>, memref<11x9xf32>, memref<11x9xf32>) -> ()
  %u = memref.cast %d : memref<11x9xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<11x7xf32>
  memref.dealloc %b : memref<7x9xf32>
  memref.dealloc %c : memref<11x9xf32>
  memref.dealloc %d : memref<11x9xf32>
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tiled, %loops:3 = transform.structured.tile_using_for %mm tile_sizes [4, 3, 5] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %promoted = transform.structured.promote %tiled {operands_to_promote = [0, 1, 2], use_full_tiles_by_default} : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}
// CHECK: Unranked Memref base@ = {{.*}} rank = 2 offset = 0 sizes = [11, 9] strides = [9, 1] data =
// CHECK-NEXT: {{\[\[}}184,   142,   100,   58,   16,   -26,   -68,   -110,   -152],
// CHECK-NEXT:  [226,   170,   114,   58,   2,   -54,   -110,   -166,   -222],
// CHECK-NEXT:  [268,   198,   128,   58,   -12,   -82,   -152,   -222,   -292],
// CHECK-NEXT:  [310,   226,   142,   58,   -26,   -110,   -194,   -278,   -362],
// CHECK-NEXT:  [352,   254,   156,   58,   -40,   -138,   -236,   -334,   -432],
// CHECK-NEXT:  [394,   282,   170,   58,   -54,   -166,   -278,   -390,   -502],
// CHECK-NEXT:  [436,   310,   184,   58,   -68,   -194,   -320,   -446,   -572],
// CHECK-NEXT:  [478,   338,   198,   58,   -82,   -222,   -362,   -502,   -642],
// CHECK-NEXT:  [520,   366,   212,   58,   -96,   -250,   -404,   -558,   -712],
// CHECK-NEXT:  [562,   394,   226,   58,   -110,   -278,   -446,   -614,   -782],
// CHECK-NEXT:  [604,   422,   240,   58,   -124,   -306,   -488,   -670,   -852]]
