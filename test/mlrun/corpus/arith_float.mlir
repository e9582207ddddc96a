// Float arith ops and conversions, printed with printF32/printF64.
func.func private @printF32(f32)
func.func private @printF64(f64)
func.func private @printI64(i64)
func.func private @printNewline()
func.func private @printComma()
func.func private @printMemrefF32(memref<*xf32>)

func.func @f32_ops(%a: f32, %b: f32) {
  %r0 = arith.addf %a, %b : f32
  %r1 = arith.subf %a, %b : f32
  %r2 = arith.mulf %a, %b : f32
  %r3 = arith.divf %a, %b : f32
  %r4 = arith.remf %a, %b : f32
  %r5 = arith.negf %a : f32
  %r6 = arith.maximumf %a, %b : f32
  %r7 = arith.minimumf %a, %b : f32
  %r8 = arith.maxnumf %a, %b : f32
  %r9 = arith.minnumf %a, %b : f32
  %r10 = arith.addf %a, %b fastmath<fast> : f32
  %out = memref.alloca() : memref<11xf32>
  %c0 = arith.constant 0 : index
  %at0 = arith.constant 0 : index
  memref.store %r0, %out[%at0] : memref<11xf32>
  %at1 = arith.constant 1 : index
  memref.store %r1, %out[%at1] : memref<11xf32>
  %at2 = arith.constant 2 : index
  memref.store %r2, %out[%at2] : memref<11xf32>
  %at3 = arith.constant 3 : index
  memref.store %r3, %out[%at3] : memref<11xf32>
  %at4 = arith.constant 4 : index
  memref.store %r4, %out[%at4] : memref<11xf32>
  %at5 = arith.constant 5 : index
  memref.store %r5, %out[%at5] : memref<11xf32>
  %at6 = arith.constant 6 : index
  memref.store %r6, %out[%at6] : memref<11xf32>
  %at7 = arith.constant 7 : index
  memref.store %r7, %out[%at7] : memref<11xf32>
  %at8 = arith.constant 8 : index
  memref.store %r8, %out[%at8] : memref<11xf32>
  %at9 = arith.constant 9 : index
  memref.store %r9, %out[%at9] : memref<11xf32>
  %at10 = arith.constant 10 : index
  memref.store %r10, %out[%at10] : memref<11xf32>
  %u = memref.cast %out : memref<11xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @compare(%a: f64, %b: f64) {
  %p0 = arith.cmpf oeq, %a, %b : f64
  %p1 = arith.cmpf one, %a, %b : f64
  %p2 = arith.cmpf olt, %a, %b : f64
  %p3 = arith.cmpf ole, %a, %b : f64
  %p4 = arith.cmpf ogt, %a, %b : f64
  %p5 = arith.cmpf oge, %a, %b : f64
  %p6 = arith.cmpf ueq, %a, %b : f64
  %p7 = arith.cmpf une, %a, %b : f64
  %p8 = arith.cmpf ord, %a, %b : f64
  %p9 = arith.cmpf uno, %a, %b : f64
  %p10 = arith.cmpf ult, %a, %b : f64
  %p11 = arith.cmpf true, %a, %b : f64
  %w0 = arith.extui %p0 : i1 to i64
  %w1 = arith.extui %p1 : i1 to i64
  %w2 = arith.extui %p2 : i1 to i64
  %w3 = arith.extui %p3 : i1 to i64
  %w4 = arith.extui %p4 : i1 to i64
  %w5 = arith.extui %p5 : i1 to i64
  %w6 = arith.extui %p6 : i1 to i64
  %w7 = arith.extui %p7 : i1 to i64
  %w8 = arith.extui %p8 : i1 to i64
  %w9 = arith.extui %p9 : i1 to i64
  %w10 = arith.extui %p10 : i1 to i64
  %w11 = arith.extui %p11 : i1 to i64
  %s0 = arith.addi %w0, %w1 : i64
  %s1 = arith.addi %s0, %w2 : i64
  %s2 = arith.addi %s1, %w3 : i64
  %s3 = arith.addi %s2, %w4 : i64
  %s4 = arith.addi %s3, %w5 : i64
  %s5 = arith.addi %s4, %w6 : i64
  %s6 = arith.addi %s5, %w7 : i64
  %s7 = arith.addi %s6, %w8 : i64
  %s8 = arith.addi %s7, %w9 : i64
  %s9 = arith.addi %s8, %w10 : i64
  %s10 = arith.addi %s9, %w11 : i64
  call @printI64(%s10) : (i64) -> ()
  call @printComma() : () -> ()
  %e0 = arith.addi %w2, %w2 : i64
  call @printI64(%e0) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}

func.func @main() {
  %a = arith.constant 7.25 : f32
  %b = arith.constant -2.5 : f32
  call @f32_ops(%a, %b) : (f32, f32) -> ()
  %tiny = arith.constant 1.0e-30 : f32
  %huge = arith.constant 3.0e+38 : f32
  call @f32_ops(%tiny, %huge) : (f32, f32) -> ()
  %x = arith.constant 0.1 : f64
  %y = arith.constant 0.2 : f64
  %s = arith.addf %x, %y : f64
  call @printF64(%s) : (f64) -> ()
  call @printNewline() : () -> ()
  %big = arith.constant 123456789.0 : f64
  call @printF64(%big) : (f64) -> ()
  call @printNewline() : () -> ()
  %third = arith.divf %x, %big : f64
  call @printF64(%third) : (f64) -> ()
  call @printNewline() : () -> ()
  %zero = arith.constant 0.0 : f64
  %inf = arith.divf %x, %zero : f64
  call @printF64(%inf) : (f64) -> ()
  call @printNewline() : () -> ()
  %ninf = arith.negf %inf : f64
  call @printF64(%ninf) : (f64) -> ()
  call @printNewline() : () -> ()
  %negzero = arith.negf %zero : f64
  call @printF64(%negzero) : (f64) -> ()
  call @printNewline() : () -> ()
  call @compare(%x, %y) : (f64, f64) -> ()
  %nan = arith.divf %zero, %zero : f64
  call @compare(%nan, %y) : (f64, f64) -> ()
  call @compare(%y, %y) : (f64, f64) -> ()
  // Conversions.
  %ext = arith.extf %a : f32 to f64
  call @printF64(%ext) : (f64) -> ()
  call @printNewline() : () -> ()
  %tr = arith.truncf %s : f64 to f32
  call @printF32(%tr) : (f32) -> ()
  call @printNewline() : () -> ()
  %neg = arith.constant -7.75 : f64
  %si = arith.fptosi %neg : f64 to i32
  %si64 = arith.extsi %si : i32 to i64
  call @printI64(%si64) : (i64) -> ()
  call @printNewline() : () -> ()
  %pos = arith.constant 3000000000.5 : f64
  %ui = arith.fptoui %pos : f64 to i32
  %ui64 = arith.extui %ui : i32 to i64
  call @printI64(%ui64) : (i64) -> ()
  call @printNewline() : () -> ()
  %m1 = arith.constant -1 : i32
  %asu = arith.uitofp %m1 : i32 to f64
  call @printF64(%asu) : (f64) -> ()
  call @printNewline() : () -> ()
  %ass = arith.sitofp %m1 : i32 to f32
  call @printF32(%ass) : (f32) -> ()
  call @printNewline() : () -> ()
  %h = arith.truncf %a : f32 to f16
  %hb = arith.extf %h : f16 to f32
  call @printF32(%hb) : (f32) -> ()
  call @printNewline() : () -> ()
  %bf = arith.truncf %ext : f64 to bf16
  %bfb = arith.extf %bf : bf16 to f64
  call @printF64(%bfb) : (f64) -> ()
  call @printNewline() : () -> ()
  return
}
