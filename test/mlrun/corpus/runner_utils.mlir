// The runner utilities: scalar printing, punctuation, strings, the C
// interface (llvm.emit_c_interface), printMemref of every element type.
func.func private @printF32(f32)
func.func private @printF64(f64)
func.func private @printI64(i64)
func.func private @printU64(i64)
func.func private @printNewline()
func.func private @printOpen()
func.func private @printClose()
func.func private @printComma()
func.func private @printMemrefF32(memref<*xf32>) attributes {llvm.emit_c_interface}
func.func private @printMemrefF64(memref<*xf64>) attributes {llvm.emit_c_interface}
func.func private @printMemrefI32(memref<*xi32>) attributes {llvm.emit_c_interface}
func.func private @printMemrefI64(memref<*xi64>) attributes {llvm.emit_c_interface}
func.func private @printMemrefInd(memref<*xindex>) attributes {llvm.emit_c_interface}
func.func private @rtclock() -> f64

func.func @scaled(%m: memref<2x3xf64>, %s: f64) -> f64 attributes {llvm.emit_c_interface} {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %v = memref.load %m[%c0, %c1] : memref<2x3xf64>
  %r = arith.mulf %v, %s : f64
  return %r : f64
}

func.func @main() {
  %f = arith.constant 3.14159274 : f32
  call @printF32(%f) : (f32) -> ()
  call @printNewline() : () -> ()
  %d = arith.constant 2.718281828459045 : f64
  call @printOpen() : () -> ()
  call @printF64(%d) : (f64) -> ()
  call @printComma() : () -> ()
  %small = arith.constant 1.0e-7 : f64
  call @printF64(%small) : (f64) -> ()
  call @printComma() : () -> ()
  %i = arith.constant -42 : i64
  call @printI64(%i) : (i64) -> ()
  call @printClose() : () -> ()
  call @printNewline() : () -> ()

  %t0 = call @rtclock() : () -> f64
  %t1 = call @rtclock() : () -> f64
  %dt = arith.subf %t1, %t0 : f64
  %zero = arith.constant 0.0 : f64
  %monotonic = arith.cmpf oge, %dt, %zero : f64
  cf.assert %monotonic, "rtclock went backwards"

  %m64 = memref.alloc() : memref<2x3xf64>
  %m32 = memref.alloc() : memref<2x3xf32>
  %i32 = memref.alloc() : memref<2x3xi32>
  %i64 = memref.alloc() : memref<2x3xi64>
  %ind = memref.alloc() : memref<2x3xindex>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  scf.for %r = %c0 to %c2 step %c1 {
    scf.for %c = %c0 to %c3 step %c1 {
      %k = arith.muli %r, %c3 : index
      %l = arith.addi %k, %c : index
      %li = arith.index_cast %l : index to i64
      %lf = arith.sitofp %li : i64 to f64
      %x = arith.constant 1.0e5 : f64
      %big = arith.mulf %lf, %x : f64
      %fr = arith.constant 0.3333333333 : f64
      %val = arith.addf %big, %fr : f64
      memref.store %val, %m64[%r, %c] : memref<2x3xf64>
      %v32 = arith.truncf %val : f64 to f32
      memref.store %v32, %m32[%r, %c] : memref<2x3xf32>
      %neg = arith.subi %c0, %l : index
      %n32 = arith.index_cast %neg : index to i32
      memref.store %n32, %i32[%r, %c] : memref<2x3xi32>
      %sq = arith.muli %li, %li : i64
      memref.store %sq, %i64[%r, %c] : memref<2x3xi64>
      memref.store %l, %ind[%r, %c] : memref<2x3xindex>
    }
  }
  %u64 = memref.cast %m64 : memref<2x3xf64> to memref<*xf64>
  call @printMemrefF64(%u64) : (memref<*xf64>) -> ()
  %u32 = memref.cast %m32 : memref<2x3xf32> to memref<*xf32>
  call @printMemrefF32(%u32) : (memref<*xf32>) -> ()
  %ui32 = memref.cast %i32 : memref<2x3xi32> to memref<*xi32>
  call @printMemrefI32(%ui32) : (memref<*xi32>) -> ()
  %ui64 = memref.cast %i64 : memref<2x3xi64> to memref<*xi64>
  call @printMemrefI64(%ui64) : (memref<*xi64>) -> ()
  %uind = memref.cast %ind : memref<2x3xindex> to memref<*xindex>
  call @printMemrefInd(%uind) : (memref<*xindex>) -> ()
  %three = arith.constant 3.0 : f64
  %s = call @scaled(%m64, %three) : (memref<2x3xf64>, f64) -> f64
  call @printF64(%s) : (f64) -> ()
  call @printNewline() : () -> ()
  // A 3-d view.
  %cube = memref.reinterpret_cast %m32 to offset: [0], sizes: [3, 1, 2], strides: [2, 2, 1] : memref<2x3xf32> to memref<3x1x2xf32>
  %uc = memref.cast %cube : memref<3x1x2xf32> to memref<*xf32>
  call @printMemrefF32(%uc) : (memref<*xf32>) -> ()
  memref.dealloc %m64 : memref<2x3xf64>
  memref.dealloc %m32 : memref<2x3xf32>
  memref.dealloc %i32 : memref<2x3xi32>
  memref.dealloc %i64 : memref<2x3xi64>
  memref.dealloc %ind : memref<2x3xindex>
  return
}
