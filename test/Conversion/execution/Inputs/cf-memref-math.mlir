func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
func.func private @printF32(f32)
func.func private @printNewline()
func.func @fill(%m: memref<?x4xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  cf.br ^loop(%c0 : index)
^loop(%i: index):
  %cond = arith.cmpi slt, %i, %n : index
  cf.cond_br %cond, ^body, ^exit
^body:
  cf.br ^inner(%c0 : index)
^inner(%j: index):
  %cj = arith.cmpi slt, %j, %c4 : index
  cf.cond_br %cj, ^ibody, ^next
^ibody:
  %k = arith.muli %i, %c4 : index
  %l = arith.addi %k, %j : index
  %li = arith.index_cast %l : index to i32
  %f = arith.sitofp %li : i32 to f32
  %e = math.sqrt %f : f32
  memref.store %e, %m[%i, %j] : memref<?x4xf32>
  %j1 = arith.addi %j, %c1 : index
  cf.br ^inner(%j1 : index)
^next:
  %i1 = arith.addi %i, %c1 : index
  cf.br ^loop(%i1 : index)
^exit:
  return
}
func.func @main() {
  %c3 = arith.constant 3 : index
  %m = memref.alloc(%c3) : memref<?x4xf32>
  call @fill(%m, %c3) : (memref<?x4xf32>, index) -> ()
  %u = memref.cast %m : memref<?x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %v = memref.load %m[%c1, %c2] : memref<?x4xf32>
  call @printF32(%v) : (f32) -> ()
  call @printNewline() : () -> ()
  memref.dealloc %m : memref<?x4xf32>
  return
}
