// Math ops lowered by convert-math-to-llvm (and friends), on scalars and vectors.
func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefF64(memref<*xf64>)
func.func private @printMemrefI32(memref<*xi32>)

func.func @unary(%x: f32, %out: memref<?xf32>, %row: index) {
  %c0 = arith.constant 0 : index
  %r0 = math.exp %x : f32
  %r1 = math.exp2 %x : f32
  %r2 = math.expm1 %x : f32
  %ax = math.absf %x : f32
  %r3 = math.log %ax : f32
  %r4 = math.log2 %ax : f32
  %r5 = math.log10 %ax : f32
  %r6 = math.log1p %ax : f32
  %r7 = math.sqrt %ax : f32
  %r8 = math.rsqrt %ax : f32
  %r9 = math.sin %x : f32
  %r10 = math.cos %x : f32
  %r11 = math.ceil %x : f32
  %r12 = math.floor %x : f32
  %r13 = math.round %x : f32
  %r14 = math.roundeven %x : f32
  %r15 = math.trunc %x : f32
  %r16 = math.absf %x : f32
  %c2 = arith.constant 2.0 : f32
  %r17 = math.powf %ax, %c2 : f32
  %r18 = math.fma %x, %c2, %x : f32
  %r19 = math.copysign %c2, %x : f32
  %base = arith.constant 20 : index
  %start = arith.muli %row, %base : index
  %at0 = arith.constant 0 : index
  %pos0 = arith.addi %start, %at0 : index
  memref.store %r0, %out[%pos0] : memref<?xf32>
  %at1 = arith.constant 1 : index
  %pos1 = arith.addi %start, %at1 : index
  memref.store %r1, %out[%pos1] : memref<?xf32>
  %at2 = arith.constant 2 : index
  %pos2 = arith.addi %start, %at2 : index
  memref.store %r2, %out[%pos2] : memref<?xf32>
  %at3 = arith.constant 3 : index
  %pos3 = arith.addi %start, %at3 : index
  memref.store %r3, %out[%pos3] : memref<?xf32>
  %at4 = arith.constant 4 : index
  %pos4 = arith.addi %start, %at4 : index
  memref.store %r4, %out[%pos4] : memref<?xf32>
  %at5 = arith.constant 5 : index
  %pos5 = arith.addi %start, %at5 : index
  memref.store %r5, %out[%pos5] : memref<?xf32>
  %at6 = arith.constant 6 : index
  %pos6 = arith.addi %start, %at6 : index
  memref.store %r6, %out[%pos6] : memref<?xf32>
  %at7 = arith.constant 7 : index
  %pos7 = arith.addi %start, %at7 : index
  memref.store %r7, %out[%pos7] : memref<?xf32>
  %at8 = arith.constant 8 : index
  %pos8 = arith.addi %start, %at8 : index
  memref.store %r8, %out[%pos8] : memref<?xf32>
  %at9 = arith.constant 9 : index
  %pos9 = arith.addi %start, %at9 : index
  memref.store %r9, %out[%pos9] : memref<?xf32>
  %at10 = arith.constant 10 : index
  %pos10 = arith.addi %start, %at10 : index
  memref.store %r10, %out[%pos10] : memref<?xf32>
  %at11 = arith.constant 11 : index
  %pos11 = arith.addi %start, %at11 : index
  memref.store %r11, %out[%pos11] : memref<?xf32>
  %at12 = arith.constant 12 : index
  %pos12 = arith.addi %start, %at12 : index
  memref.store %r12, %out[%pos12] : memref<?xf32>
  %at13 = arith.constant 13 : index
  %pos13 = arith.addi %start, %at13 : index
  memref.store %r13, %out[%pos13] : memref<?xf32>
  %at14 = arith.constant 14 : index
  %pos14 = arith.addi %start, %at14 : index
  memref.store %r14, %out[%pos14] : memref<?xf32>
  %at15 = arith.constant 15 : index
  %pos15 = arith.addi %start, %at15 : index
  memref.store %r15, %out[%pos15] : memref<?xf32>
  %at16 = arith.constant 16 : index
  %pos16 = arith.addi %start, %at16 : index
  memref.store %r16, %out[%pos16] : memref<?xf32>
  %at17 = arith.constant 17 : index
  %pos17 = arith.addi %start, %at17 : index
  memref.store %r17, %out[%pos17] : memref<?xf32>
  %at18 = arith.constant 18 : index
  %pos18 = arith.addi %start, %at18 : index
  memref.store %r18, %out[%pos18] : memref<?xf32>
  %at19 = arith.constant 19 : index
  %pos19 = arith.addi %start, %at19 : index
  memref.store %r19, %out[%pos19] : memref<?xf32>
  return
}

func.func @main() {
  %n = arith.constant 60 : index
  %out = memref.alloc(%n) : memref<?xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %x0 = arith.constant 0.75 : f32
  %x1 = arith.constant -2.5 : f32
  %x2 = arith.constant 3.5 : f32
  call @unary(%x0, %out, %c0) : (f32, memref<?xf32>, index) -> ()
  call @unary(%x1, %out, %c1) : (f32, memref<?xf32>, index) -> ()
  call @unary(%x2, %out, %c2) : (f32, memref<?xf32>, index) -> ()
  %mat = memref.reinterpret_cast %out to offset: [0], sizes: [3, 20], strides: [20, 1] : memref<?xf32> to memref<3x20xf32>
  %u = memref.cast %mat : memref<3x20xf32> to memref<*xf32>
  call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  memref.dealloc %out : memref<?xf32>

  // f64 and vector forms.
  %d = arith.constant dense<[0.5, 1.5, -4.0, 9.0]> : vector<4xf64>
  %d0 = math.absf %d : vector<4xf64>
  %d1 = math.sqrt %d0 : vector<4xf64>
  %d2 = math.exp %d : vector<4xf64>
  %d3 = math.log %d0 : vector<4xf64>
  %m = memref.alloca() : memref<4x4xf64>
  vector.store %d0, %m[%c0, %c0] : memref<4x4xf64>, vector<4xf64>
  vector.store %d1, %m[%c1, %c0] : memref<4x4xf64>, vector<4xf64>
  vector.store %d2, %m[%c2, %c0] : memref<4x4xf64>, vector<4xf64>
  %c3 = arith.constant 3 : index
  vector.store %d3, %m[%c3, %c0] : memref<4x4xf64>, vector<4xf64>
  %um = memref.cast %m : memref<4x4xf64> to memref<*xf64>
  call @printMemrefF64(%um) : (memref<*xf64>) -> ()

  %i = arith.constant dense<[1, 40, -7, 0, 255, 65536]> : vector<6xi32>
  call @integer_math(%i) : (vector<6xi32>) -> ()
  return
}

// Integer math, in a function of its own so that nothing is constant-folded.
func.func @integer_math(%i: vector<6xi32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %i0 = math.ctlz %i : vector<6xi32>
  %i1 = math.cttz %i : vector<6xi32>
  %i2 = math.ctpop %i : vector<6xi32>
  %i3 = math.absi %i : vector<6xi32>
  %mi = memref.alloca() : memref<4x6xi32>
  vector.store %i0, %mi[%c0, %c0] : memref<4x6xi32>, vector<6xi32>
  vector.store %i1, %mi[%c1, %c0] : memref<4x6xi32>, vector<6xi32>
  vector.store %i2, %mi[%c2, %c0] : memref<4x6xi32>, vector<6xi32>
  vector.store %i3, %mi[%c3, %c0] : memref<4x6xi32>, vector<6xi32>
  %umi = memref.cast %mi : memref<4x6xi32> to memref<*xi32>
  call @printMemrefI32(%umi) : (memref<*xi32>) -> ()
  return
}
