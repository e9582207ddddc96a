// RUN: mlopt %s --transform-interpreter --test-transform-dialect-erase-schedule | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --transform-interpreter --test-transform-dialect-erase-schedule --test-lower-to-llvm
func.func private @printMemrefF32(memref<*xf32>)

// C += A * B on memrefs (10x7 * 7x9) tiled 4 x 4: the i loop's last,
// partial tile is peeled off (its tile size becomes a constant in the main
// loop), the main loop is unrolled by 2 (fully: two iterations), the peeled
// loop is outlined into @rest; the two tile loops of D = C + C (tiled 3 x 4)
// are coalesced into one loop.
func.func @compute(%a: memref<10x7xf32>, %b: memref<7x9xf32>, %c: memref<10x9xf32>, %d: memref<10x9xf32>) {
  linalg.matmul ins(%a, %b : memref<10x7xf32>, memref<7x9xf32>) outs(%c : memref<10x9xf32>)
  linalg.add ins(%c, %c : memref<10x9xf32>, memref<10x9xf32>) outs(%d : memref<10x9xf32>)
  return
}

func.func @main() {
  %a = memref.alloc() : memref<10x7xf32>
  %b = memref.alloc() : memref<7x9xf32>
  %c = memref.alloc() : memref<10x9xf32>
  %d = memref.alloc() : memref<10x9xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c7 = arith.constant 7 : index
  %c9 = arith.constant 9 : index
  %c10 = arith.constant 10 : index
  %one = arith.constant 1.0 : f32
  scf.for %i = %c0 to %c10 step %c1 {
    scf.for %j = %c0 to %c7 step %c1 {
      %s = arith.addi %i, %j : index
      %t = arith.index_cast %s : index to i32
      %v = arith.sitofp %t : i32 to f32
      memref.store %v, %a[%i, %j] : memref<10x7xf32>
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
  linalg.fill ins(%one : f32) outs(%c : memref<10x9xf32>)
  call @compute(%a, %b, %c, %d) : (memref<10x7xf32>, memref<7x9xf32>, memref<10x9xf32>, memref<10x9xf32>) -> ()
  %u = memref.cast %d : memref<10x9xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<10x7xf32>
  memref.dealloc %b : memref<7x9xf32>
  memref.dealloc %c : memref<10x9xf32>
  memref.dealloc %d : memref<10x9xf32>
  return
}

module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op {transform.readonly}) {
    %mm = transform.structured.match ops{["linalg.matmul"]} in %root : (!transform.any_op) -> !transform.any_op
    %tile, %i, %j = transform.structured.tile_using_for %mm tile_sizes [4, 4, 0] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %i_for = transform.cast %i : !transform.any_op to !transform.op<"scf.for">
    %main, %rest = transform.loop.peel %i_for : (!transform.op<"scf.for">) -> (!transform.any_op, !transform.any_op)
    transform.loop.unroll %main {factor = 2} : !transform.any_op
    %fn, %call = transform.loop.outline %rest {func_name = "rest"} : (!transform.any_op) -> (!transform.any_op, !transform.op<"func.call">)
    %add = transform.structured.match ops{["linalg.add"]} in %root : (!transform.any_op) -> !transform.any_op
    %tile2, %x, %y = transform.structured.tile_using_for %add tile_sizes [3, 4] : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op)
    %one = transform.loop.coalesce %x : (!transform.any_op) -> !transform.any_op
    transform.yield
  }
}

// CHECK:      rank = 2 offset = 0 sizes = [10, 9] strides = [9, 1] data =
// CHECK-NEXT: {{\[\[}}184,   142,   100,   58,   16,   -26,   -68,   -110,   -152],
// CHECK-NEXT: [226,   170,   114,   58,   2,   -54,   -110,   -166,   -222],
// CHECK:      [562,   394,   226,   58,   -110,   -278,   -446,   -614,   -782]]
