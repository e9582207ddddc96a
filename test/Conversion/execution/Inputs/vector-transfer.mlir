func.func private @printF32(f32)
func.func private @printNewline()
func.func @main() {
  %m = memref.alloc() : memref<3x5xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  scf.for %i = %c0 to %c3 step %c1 {
    scf.for %j = %c0 to %c5 step %c1 {
      %k = arith.muli %i, %c5 : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i32
      %f = arith.sitofp %li : i32 to f32
      memref.store %f, %m[%i, %j] : memref<3x5xf32>
    }
  }
  %pad = arith.constant -1.0 : f32
  %t = vector.transfer_read %m[%c1, %c2], %pad : memref<3x5xf32>, vector<3x4xf32>
  %s = vector.shape_cast %t : vector<3x4xf32> to vector<12xf32>
  %r = vector.reduction <add>, %s : vector<12xf32> into f32
  func.call @printF32(%r) : (f32) -> ()
  func.call @printNewline() : () -> ()
  %tr = vector.transpose %t, [1, 0] : vector<3x4xf32> to vector<4x3xf32>
  vector.transfer_write %tr, %m[%c0, %c0] : vector<4x3xf32>, memref<3x5xf32>
  %all = vector.transfer_read %m[%c0, %c0], %pad {in_bounds = [true, true]} : memref<3x5xf32>, vector<3x5xf32>
  %ss = vector.shape_cast %all : vector<3x5xf32> to vector<15xf32>
  %e0 = vector.extract %ss[0] : f32 from vector<15xf32>
  %e1 = vector.extract %ss[4] : f32 from vector<15xf32>
  %e2 = vector.extract %ss[7] : f32 from vector<15xf32>
  func.call @printF32(%e0) : (f32) -> ()
  func.call @printNewline() : () -> ()
  func.call @printF32(%e1) : (f32) -> ()
  func.call @printNewline() : () -> ()
  func.call @printF32(%e2) : (f32) -> ()
  func.call @printNewline() : () -> ()
  %ct = arith.constant dense<0.0> : vector<3x3xf32>
  %c = vector.contract {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %t, %tr, %ct : vector<3x4xf32>, vector<4x3xf32> into vector<3x3xf32>
  %cs = vector.shape_cast %c : vector<3x3xf32> to vector<9xf32>
  %cr = vector.reduction <add>, %cs : vector<9xf32> into f32
  func.call @printF32(%cr) : (f32) -> ()
  func.call @printNewline() : () -> ()
  memref.dealloc %m : memref<3x5xf32>
  return
}
