func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
func.func private @printF32(f32)
func.func private @printNewline()

func.func @fill(%m: memref<6x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %c8 = arith.constant 8 : index
  scf.for %i = %c0 to %c6 step %c1 {
    scf.for %j = %c0 to %c8 step %c1 {
      %k = arith.muli %i, %c8 : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i32
      %f = arith.sitofp %li : i32 to f32
      memref.store %f, %m[%i, %j] : memref<6x8xf32>
    }
  }
  return
}

func.func @sum(%s: memref<?x?xf32, strided<[?, ?], offset: ?>>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %d0 = memref.dim %s, %c0 : memref<?x?xf32, strided<[?, ?], offset: ?>>
  %d1 = memref.dim %s, %c1 : memref<?x?xf32, strided<[?, ?], offset: ?>>
  %r = scf.for %i = %c0 to %d0 step %c1 iter_args(%a = %zero) -> (f32) {
    %r2 = scf.for %j = %c0 to %d1 step %c1 iter_args(%b = %a) -> (f32) {
      %v = memref.load %s[%i, %j] : memref<?x?xf32, strided<[?, ?], offset: ?>>
      %n = arith.addf %b, %v : f32
      scf.yield %n : f32
    }
    scf.yield %r2 : f32
  }
  return %r : f32
}

func.func @main() {
  %m = memref.alloc() : memref<6x8xf32>
  call @fill(%m) : (memref<6x8xf32>) -> ()
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %s = memref.subview %m[%c1, 2][3, %c3][2, 2] : memref<6x8xf32> to memref<3x?xf32, strided<[16, 2], offset: ?>>
  %u = memref.cast %s : memref<3x?xf32, strided<[16, 2], offset: ?>> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %d = memref.cast %s : memref<3x?xf32, strided<[16, 2], offset: ?>> to memref<?x?xf32, strided<[?, ?], offset: ?>>
  %t = call @sum(%d) : (memref<?x?xf32, strided<[?, ?], offset: ?>>) -> f32
  call @printF32(%t) : (f32) -> ()
  call @printNewline() : () -> ()
  %c = memref.collapse_shape %m [[0, 1]] : memref<6x8xf32> into memref<48xf32>
  %e = memref.expand_shape %c [[0, 1, 2]] output_shape [4, 3, 4] : memref<48xf32> into memref<4x3x4xf32>
  %ue = memref.cast %e : memref<4x3x4xf32> to memref<*xf32>
  call @printMemrefF32(%ue) : (memref<*xf32>) -> ()
  %copy = memref.alloc(%c3) : memref<3x?xf32>
  memref.copy %s, %copy : memref<3x?xf32, strided<[16, 2], offset: ?>> to memref<3x?xf32>
  %uc = memref.cast %copy : memref<3x?xf32> to memref<*xf32>
  call @printMemrefF32(%uc) : (memref<*xf32>) -> ()
  memref.dealloc %copy : memref<3x?xf32>
  memref.dealloc %m : memref<6x8xf32>
  return
}
