func.func @scale(%x: memref<?xf32>, %factor: f64) {
  %c0 = arith.constant 0 : index
  %v = memref.load %x[%c0] : memref<?xf32>
  %scaled = arith.mulf %v, %factor : f32
  memref.store %scaled, %x[%c0] : memref<?xf32>
  return
}
