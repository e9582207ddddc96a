// Integer arith ops; results printed element by element.
func.func private @printI64(i64)
func.func private @printU64(i64)
func.func private @printNewline()
func.func private @printComma()
func.func private @printMemrefI32(memref<*xi32>)
func.func private @printMemrefI64(memref<*xi64>)

func.func @show(%v: i64) {
  call @printI64(%v) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}

func.func @binary(%a: i32, %b: i32, %out: memref<24xi32>) {
  %r0 = arith.addi %a, %b : i32
  %r1 = arith.subi %a, %b : i32
  %r2 = arith.muli %a, %b : i32
  %r3 = arith.divsi %a, %b : i32
  %r4 = arith.divui %a, %b : i32
  %r5 = arith.remsi %a, %b : i32
  %r6 = arith.remui %a, %b : i32
  %r7 = arith.ceildivsi %a, %b : i32
  %r8 = arith.floordivsi %a, %b : i32
  %r9 = arith.ceildivui %a, %b : i32
  %r10 = arith.andi %a, %b : i32
  %r11 = arith.ori %a, %b : i32
  %r12 = arith.xori %a, %b : i32
  %c3 = arith.constant 3 : i32
  %r13 = arith.shli %a, %c3 : i32
  %r14 = arith.shrsi %a, %c3 : i32
  %r15 = arith.shrui %a, %c3 : i32
  %r16 = arith.maxsi %a, %b : i32
  %r17 = arith.minsi %a, %b : i32
  %r18 = arith.maxui %a, %b : i32
  %r19 = arith.minui %a, %b : i32
  %cmp0 = arith.cmpi slt, %a, %b : i32
  %cmp1 = arith.cmpi uge, %a, %b : i32
  %r20 = arith.extui %cmp0 : i1 to i32
  %r21 = arith.extui %cmp1 : i1 to i32
  %r22 = arith.select %cmp0, %a, %b : i32
  %cmp2 = arith.cmpi ne, %a, %b : i32
  %r23 = arith.extsi %cmp2 : i1 to i32
  %c0 = arith.constant 0 : index
  %at0 = arith.constant 0 : index
  memref.store %r0, %out[%at0] : memref<24xi32>
  %at1 = arith.constant 1 : index
  memref.store %r1, %out[%at1] : memref<24xi32>
  %at2 = arith.constant 2 : index
  memref.store %r2, %out[%at2] : memref<24xi32>
  %at3 = arith.constant 3 : index
  memref.store %r3, %out[%at3] : memref<24xi32>
  %at4 = arith.constant 4 : index
  memref.store %r4, %out[%at4] : memref<24xi32>
  %at5 = arith.constant 5 : index
  memref.store %r5, %out[%at5] : memref<24xi32>
  %at6 = arith.constant 6 : index
  memref.store %r6, %out[%at6] : memref<24xi32>
  %at7 = arith.constant 7 : index
  memref.store %r7, %out[%at7] : memref<24xi32>
  %at8 = arith.constant 8 : index
  memref.store %r8, %out[%at8] : memref<24xi32>
  %at9 = arith.constant 9 : index
  memref.store %r9, %out[%at9] : memref<24xi32>
  %at10 = arith.constant 10 : index
  memref.store %r10, %out[%at10] : memref<24xi32>
  %at11 = arith.constant 11 : index
  memref.store %r11, %out[%at11] : memref<24xi32>
  %at12 = arith.constant 12 : index
  memref.store %r12, %out[%at12] : memref<24xi32>
  %at13 = arith.constant 13 : index
  memref.store %r13, %out[%at13] : memref<24xi32>
  %at14 = arith.constant 14 : index
  memref.store %r14, %out[%at14] : memref<24xi32>
  %at15 = arith.constant 15 : index
  memref.store %r15, %out[%at15] : memref<24xi32>
  %at16 = arith.constant 16 : index
  memref.store %r16, %out[%at16] : memref<24xi32>
  %at17 = arith.constant 17 : index
  memref.store %r17, %out[%at17] : memref<24xi32>
  %at18 = arith.constant 18 : index
  memref.store %r18, %out[%at18] : memref<24xi32>
  %at19 = arith.constant 19 : index
  memref.store %r19, %out[%at19] : memref<24xi32>
  %at20 = arith.constant 20 : index
  memref.store %r20, %out[%at20] : memref<24xi32>
  %at21 = arith.constant 21 : index
  memref.store %r21, %out[%at21] : memref<24xi32>
  %at22 = arith.constant 22 : index
  memref.store %r22, %out[%at22] : memref<24xi32>
  %at23 = arith.constant 23 : index
  memref.store %r23, %out[%at23] : memref<24xi32>
  return
}

func.func @main() {
  %out = memref.alloc() : memref<24xi32>
  %u = memref.cast %out : memref<24xi32> to memref<*xi32>
  %a = arith.constant 47 : i32
  %b = arith.constant -5 : i32
  call @binary(%a, %b, %out) : (i32, i32, memref<24xi32>) -> ()
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  %c = arith.constant -47 : i32
  %d = arith.constant 6 : i32
  call @binary(%c, %d, %out) : (i32, i32, memref<24xi32>) -> ()
  call @printMemrefI32(%u) : (memref<*xi32>) -> ()
  memref.dealloc %out : memref<24xi32>

  // Width changes and casts.
  %big = arith.constant 300 : i64
  %t = arith.trunci %big : i64 to i8
  %s = arith.extsi %t : i8 to i64
  %z = arith.extui %t : i8 to i64
  call @show(%s) : (i64) -> ()
  call @show(%z) : (i64) -> ()
  %idx = arith.index_cast %big : i64 to index
  %idx2 = arith.muli %idx, %idx : index
  %back = arith.index_cast %idx2 : index to i64
  call @show(%back) : (i64) -> ()
  %neg = arith.constant -1 : i32
  %ui = arith.index_castui %neg : i32 to index
  %ui64 = arith.index_cast %ui : index to i64
  call @show(%ui64) : (i64) -> ()
  %minus = arith.constant -2 : i64
  call @printU64(%minus) : (i64) -> ()
  call @printNewline() : () -> ()
  %f = arith.constant 2.5 : f32
  %bits = arith.bitcast %f : f32 to i32
  %bits64 = arith.extui %bits : i32 to i64
  call @show(%bits64) : (i64) -> ()
  // Overflowing arithmetic wraps.
  %max = arith.constant 9223372036854775807 : i64
  %one = arith.constant 1 : i64
  %wrap = arith.addi %max, %one : i64
  call @show(%wrap) : (i64) -> ()
  %m64 = memref.alloca() : memref<2xi64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %mul = arith.muli %big, %minus : i64
  memref.store %mul, %m64[%c0] : memref<2xi64>
  %xor = arith.xori %big, %max : i64
  memref.store %xor, %m64[%c1] : memref<2xi64>
  %u64 = memref.cast %m64 : memref<2xi64> to memref<*xi64>
  call @printMemrefI64(%u64) : (memref<*xi64>) -> ()
  return
}
