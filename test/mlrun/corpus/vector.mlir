// Common vector ops through convert-vector-to-scf and convert-vector-to-llvm.
func.func private @printMemrefF32(memref<*xf32>)

func.func @kernel(%m: memref<4x8xf32>, %s: f32, %v: vector<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %pad = arith.constant 0.0 : f32
  %b = vector.broadcast %s : f32 to vector<8xf32>
  %sum = arith.addf %b, %v : vector<8xf32>
  vector.store %sum, %m[%c0, %c0] : memref<4x8xf32>, vector<8xf32>
  %fma = vector.fma %v, %b, %sum : vector<8xf32>
  vector.transfer_write %fma, %m[%c1, %c0] {in_bounds = [true]} : vector<8xf32>, memref<4x8xf32>
  %row = vector.transfer_read %m[%c0, %c0], %pad {in_bounds = [true]} : memref<4x8xf32>, vector<8xf32>
  %e = vector.extract %row[3] : f32 from vector<8xf32>
  %ins = vector.insert %e, %v [0] : f32 into vector<8xf32>
  %sh = vector.shuffle %ins, %v [7, 6, 5, 4, 3, 2, 1, 0] : vector<8xf32>, vector<8xf32>
  vector.store %sh, %m[%c2, %c0] : memref<4x8xf32>, vector<8xf32>
  %red = vector.reduction <add>, %sh : vector<8xf32> into f32
  %mx = vector.reduction <maxnumf>, %sh : vector<8xf32> into f32
  %two = vector.from_elements %red, %mx : vector<2xf32>
  %mask = vector.create_mask %c2 : vector<8xi1>
  %masked = vector.maskedload %m[%c0, %c0], %mask, %v : memref<4x8xf32>, vector<8xi1>, vector<8xf32> into vector<8xf32>
  vector.store %masked, %m[%c3, %c0] : memref<4x8xf32>, vector<8xf32>
  vector.store %two, %m[%c3, %c2] : memref<4x8xf32>, vector<2xf32>
  %tile = vector.transfer_read %m[%c0, %c0], %pad : memref<4x8xf32>, vector<2x4xf32>
  %t = vector.transpose %tile, [1, 0] : vector<2x4xf32> to vector<4x2xf32>
  %t0 = vector.extract %t[1] : vector<2xf32> from vector<4x2xf32>
  vector.store %t0, %m[%c3, %c2] : memref<4x8xf32>, vector<2xf32>
  %splat = vector.broadcast %mx : f32 to vector<2xf32>
  %c6 = arith.constant 6 : index
  vector.store %splat, %m[%c3, %c6] : memref<4x8xf32>, vector<2xf32>
  return
}

func.func @main() {
  %m = memref.alloc() : memref<4x8xf32>
  %s = arith.constant 0.5 : f32
  %v = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]> : vector<8xf32>
  call @kernel(%m, %s, %v) : (memref<4x8xf32>, f32, vector<8xf32>) -> ()
  %u = memref.cast %m : memref<4x8xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %c0 = arith.constant 0 : index
  %pad = arith.constant 0.0 : f32
  %r = vector.transfer_read %m[%c0, %c0], %pad : memref<4x8xf32>, vector<4xf32>
  vector.print %r : vector<4xf32>
  %i = arith.constant dense<[3, -4]> : vector<2xi64>
  vector.print %i : vector<2xi64>
  vector.print %s : f32
  memref.dealloc %m : memref<4x8xf32>
  return
}
