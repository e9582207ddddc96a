func.func @main() {
  %m = memref.alloc() : memref<4xi32>
  %f = memref.alloc() : memref<2xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 5 : i32
  %fz = arith.constant 1.5 : f32
  memref.store %z, %m[%c1] : memref<4xi32>
  memref.store %fz, %f[%c0] : memref<2xf32>
  %three = arith.constant 3 : i32
  %old = memref.atomic_rmw addi %three, %m[%c1] : (i32, memref<4xi32>) -> i32
  %new = memref.load %m[%c1] : memref<4xi32>
  vector.print %old : i32
  vector.print %new : i32
  %mx = memref.atomic_rmw maxs %three, %m[%c1] : (i32, memref<4xi32>) -> i32
  %fo = memref.atomic_rmw addf %fz, %f[%c0] : (f32, memref<2xf32>) -> f32
  %fn = memref.load %f[%c0] : memref<2xf32>
  vector.print %fo : f32
  vector.print %fn : f32
  memref.dealloc %m : memref<4xi32>
  memref.dealloc %f : memref<2xf32>
  return
}
