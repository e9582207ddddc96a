func.func private @printF64(f64)
func.func private @printNewline()
func.func private @printMemrefF32(memref<*xf32>)

func.func @main() {
  %c = arith.constant 2.5 : f64
  call @printF64(%c) : (f64) -> ()
  call @printNewline() : () -> ()
  %m = memref.alloca() : memref<2xf32>
  %one = arith.constant 1.5 : f32
  linalg.fill ins(%one : f32) outs(%m : memref<2xf32>)
  %u = memref.cast %m : memref<2xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
