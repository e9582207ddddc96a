#map = affine_map<(d0)[s0] -> (d0 floordiv 3 + s0 mod 4 - (d0 ceildiv 2) + (d0 * 5 - 13) mod 7 + (d0 - 7) floordiv 4 + (d0 - 5) ceildiv 3)>
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main() {
  %m = memref.alloc() : memref<10xi64>
  %s = arith.constant 7 : index
  affine.for %i = 0 to 10 {
    %v = affine.apply #map(%i)[%s]
    %vi = arith.index_cast %v : index to i64
    affine.store %vi, %m[%i] : memref<10xi64>
  }
  affine.for %i = max affine_map<(d0) -> (d0 - 6, 0)>(%s) to min affine_map<(d0) -> (d0 + 2, 10)>(%s) step 2 {
    %x = affine.load %m[%i] : memref<10xi64>
    func.call @printI64(%x) : (i64) -> ()
    func.call @printNewline() : () -> ()
  }
  affine.for %i = 0 to 10 step 3 {
    affine.if affine_set<(d0) : (d0 - 5 >= 0, -d0 + 9 >= 0)>(%i) {
      %x = affine.load %m[%i - 1] : memref<10xi64>
      func.call @printI64(%x) : (i64) -> ()
      func.call @printNewline() : () -> ()
    } else {
      %y = affine.load %m[%i] : memref<10xi64>
      %z = arith.muli %y, %y : i64
      func.call @printI64(%z) : (i64) -> ()
      func.call @printNewline() : () -> ()
    }
  }
  %sum = affine.for %i = 0 to 10 iter_args(%acc = %s) -> (index) {
    %n = affine.apply affine_map<(d0, d1) -> (d0 + d1 * 2)>(%acc, %i)
    affine.yield %n : index
  }
  %si = arith.index_cast %sum : index to i64
  func.call @printI64(%si) : (i64) -> ()
  func.call @printNewline() : () -> ()
  %mn = affine.min affine_map<(d0) -> (d0 * -2, -20)>(%s)
  %mi = arith.index_cast %mn : index to i64
  func.call @printI64(%mi) : (i64) -> ()
  func.call @printNewline() : () -> ()
  %mx = affine.max affine_map<(d0) -> ((d0 * -1) floordiv 2 + 1, d0 mod 3)>(%s)
  %mxi = arith.index_cast %mx : index to i64
  func.call @printI64(%mxi) : (i64) -> ()
  func.call @printNewline() : () -> ()
  memref.dealloc %m : memref<10xi64>
  return
}
