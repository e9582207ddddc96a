// memref ops: alloc/alloca/dealloc, load/store, dim, casts, globals,
// reinterpret_cast, subview, reshapes, copy.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI64(memref<*xi64>)
func.func private @printI64(i64)
func.func private @printNewline()

memref.global "private" constant @table : memref<2x3xf32> = dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]>
memref.global @counter : memref<i64> = dense<7>

func.func @fill(%m: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = memref.dim %m, %c0 : memref<?x?xf32>
  %cols = memref.dim %m, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %cols step %c1 {
      %k = arith.muli %i, %cols : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i64
      %f = arith.sitofp %li : i64 to f32
      memref.store %f, %m[%i, %j] : memref<?x?xf32>
    }
  }
  return
}

func.func @print2d(%m: memref<?x?xf32, strided<[?, ?], offset: ?>>) {
  %u = memref.cast %m : memref<?x?xf32, strided<[?, ?], offset: ?>> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c6 = arith.constant 6 : index
  %a = memref.alloc(%c4, %c6) : memref<?x?xf32>
  call @fill(%a) : (memref<?x?xf32>) -> ()
  %as = memref.cast %a : memref<?x?xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  call @print2d(%as) : (memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()

  // A strided, offset window.
  %sub = memref.subview %a[1, 1] [2, 3] [1, 2] : memref<?x?xf32> to memref<2x3xf32, strided<[?, 2], offset: ?>>
  %subd = memref.cast %sub : memref<2x3xf32, strided<[?, 2], offset: ?>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  call @print2d(%subd) : (memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()

  // Copy into a fresh buffer, then reshape it.
  %b = memref.alloc() : memref<2x3xf32>
  memref.copy %sub, %b : memref<2x3xf32, strided<[?, 2], offset: ?>> to memref<2x3xf32>
  %flat = memref.collapse_shape %b [[0, 1]] : memref<2x3xf32> into memref<6xf32>
  %uf = memref.cast %flat : memref<6xf32> to memref<*xf32>
  call @printMemrefF32(%uf) : (memref<*xf32>) -> ()
  %three = memref.expand_shape %flat [[0, 1]] output_shape [3, 2] : memref<6xf32> into memref<3x2xf32>
  %u3 = memref.cast %three : memref<3x2xf32> to memref<*xf32>
  call @printMemrefF32(%u3) : (memref<*xf32>) -> ()
  memref.dealloc %b : memref<2x3xf32>

  // Globals.
  %t = memref.get_global @table : memref<2x3xf32>
  %ut = memref.cast %t : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%ut) : (memref<*xf32>) -> ()
  %cnt = memref.get_global @counter : memref<i64>
  %v = memref.load %cnt[] : memref<i64>
  %v1 = arith.addi %v, %v : i64
  memref.store %v1, %cnt[] : memref<i64>
  %v2 = memref.load %cnt[] : memref<i64>
  call @printI64(%v2) : (i64) -> ()
  call @printNewline() : () -> ()
  %uc = memref.cast %cnt : memref<i64> to memref<*xi64>
  call @printMemrefI64(%uc) : (memref<*xi64>) -> ()

  // Rank of an unranked memref, and dim through a dynamic index.
  %ua = memref.cast %a : memref<?x?xf32> to memref<*xf32>
  %rank = memref.rank %ua : memref<*xf32>
  %ri = arith.index_cast %rank : index to i64
  call @printI64(%ri) : (i64) -> ()
  call @printNewline() : () -> ()
  %d1 = memref.dim %a, %c1 : memref<?x?xf32>
  %d1i = arith.index_cast %d1 : index to i64
  call @printI64(%d1i) : (i64) -> ()
  call @printNewline() : () -> ()

  // Stack allocation with a dynamic size, and a transposed view.
  %s = memref.alloca(%c2) : memref<?x3xf32>
  %sc = memref.cast %s : memref<?x3xf32> to memref<?x?xf32>
  call @fill(%sc) : (memref<?x?xf32>) -> ()
  %tr = memref.transpose %sc (i, j) -> (j, i) : memref<?x?xf32> to memref<?x?xf32, strided<[1, ?]>>
  %trd = memref.cast %tr : memref<?x?xf32, strided<[1, ?]>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  call @print2d(%trd) : (memref<?x?xf32, strided<[?, ?], offset: ?>>) -> ()
  // A 0-d view of one element.
  %elt = memref.subview %a[3, 5] [1, 1] [1, 1] : memref<?x?xf32> to memref<f32, strided<[], offset: ?>>
  %ue = memref.cast %elt : memref<f32, strided<[], offset: ?>> to memref<*xf32>
  call @printMemrefF32(%ue) : (memref<*xf32>) -> ()
  memref.dealloc %a : memref<?x?xf32>
  return
}
