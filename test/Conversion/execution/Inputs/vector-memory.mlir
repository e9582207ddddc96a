func.func private @printF32(f32)
func.func private @printNewline()
func.func @main() {
  %x = arith.constant 1.5 : f32
  %m = memref.alloc() : memref<8xf32>
  %c0 = arith.constant 0 : index
  %c4 = arith.constant 4 : index
  %b = vector.broadcast %x : f32 to vector<4xf32>
  vector.store %b, %m[%c0] : memref<8xf32>, vector<4xf32>
  %cst = arith.constant dense<[1.0, 2.0, 3.0, 4.0]> : vector<4xf32>
  vector.store %cst, %m[%c4] : memref<8xf32>, vector<4xf32>
  %l = vector.load %m[%c4] : memref<8xf32>, vector<4xf32>
  %f = vector.fma %l, %b, %cst : vector<4xf32>
  %e = vector.extract %f[2] : f32 from vector<4xf32>
  func.call @printF32(%e) : (f32) -> ()
  func.call @printNewline() : () -> ()
  %acc = arith.constant 10.0 : f32
  %r = vector.reduction <add>, %f, %acc : vector<4xf32> into f32
  func.call @printF32(%r) : (f32) -> ()
  func.call @printNewline() : () -> ()
  %r2 = vector.reduction <maxnumf>, %f : vector<4xf32> into f32
  func.call @printF32(%r2) : (f32) -> ()
  func.call @printNewline() : () -> ()
  %b2 = vector.broadcast %f : vector<4xf32> to vector<3x4xf32>
  %ins = vector.insert %x, %b2[1, 3] : f32 into vector<3x4xf32>
  %e2 = vector.extract %ins[1] : vector<4xf32> from vector<3x4xf32>
  %r3 = vector.reduction <add>, %e2 : vector<4xf32> into f32
  func.call @printF32(%r3) : (f32) -> ()
  func.call @printNewline() : () -> ()
  %t = vector.transfer_read %m[%c4], %x : memref<8xf32>, vector<6xf32>
  %r4 = vector.reduction <add>, %t : vector<6xf32> into f32
  func.call @printF32(%r4) : (f32) -> ()
  func.call @printNewline() : () -> ()
  vector.transfer_write %t, %m[%c4] : vector<6xf32>, memref<8xf32>
  %l2 = vector.load %m[%c0] : memref<8xf32>, vector<8xf32>
  %r5 = vector.reduction <mul>, %l2 : vector<8xf32> into f32
  func.call @printF32(%r5) : (f32) -> ()
  func.call @printNewline() : () -> ()
  memref.dealloc %m : memref<8xf32>
  return
}
