// y[i] = a * x[i] + y[i], callable from Python through mlopt.ExecutionEngine.
func.func @saxpy(%a: f32, %x: memref<?xf32>, %y: memref<?xf32>) attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %x, %c0 : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %xi = memref.load %x[%i] : memref<?xf32>
    %yi = memref.load %y[%i] : memref<?xf32>
    %axi = arith.mulf %a, %xi : f32
    %r = arith.addf %axi, %yi : f32
    memref.store %r, %y[%i] : memref<?xf32>
  }
  return
}
