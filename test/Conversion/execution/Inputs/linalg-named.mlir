func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
func.func @main() {
  %a = memref.alloc() : memref<3x4xf32>
  %v = memref.alloc() : memref<4xf32>
  %w = memref.alloc() : memref<3xf32>
  %t = memref.alloc() : memref<4x3xf32>
  %s = memref.alloc() : memref<3x4xf32>
  %one = arith.constant 1.5 : f32
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%one : f32) outs(%a : memref<3x4xf32>)
  linalg.fill ins(%one : f32) outs(%v : memref<4xf32>)
  linalg.fill ins(%zero : f32) outs(%w : memref<3xf32>)
  linalg.matvec ins(%a, %v : memref<3x4xf32>, memref<4xf32>) outs(%w : memref<3xf32>)
  linalg.transpose ins(%a : memref<3x4xf32>) outs(%t : memref<4x3xf32>) permutation = [1, 0]
  linalg.add ins(%a, %a : memref<3x4xf32>, memref<3x4xf32>) outs(%s : memref<3x4xf32>)
  linalg.reduce ins(%s : memref<3x4xf32>) outs(%w : memref<3xf32>) dimensions = [1]
    (%in: f32, %init: f32) {
      %0 = arith.addf %in, %init : f32
      linalg.yield %0 : f32
    }
  linalg.broadcast ins(%w : memref<3xf32>) outs(%s : memref<3x4xf32>) dimensions = [1]
  linalg.copy ins(%s : memref<3x4xf32>) outs(%a : memref<3x4xf32>)
  %u = memref.cast %a : memref<3x4xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}
