// The index dialect, lowered by convert-index-to-llvm.
func.func private @printI64(i64)
func.func private @printNewline()
func.func private @printComma()

func.func @show(%v: index) {
  %i = index.casts %v : index to i64
  call @printI64(%i) : (i64) -> ()
  call @printComma() : () -> ()
  return
}

func.func @ops(%a: index, %b: index) {
  %r0 = index.add %a, %b
  %r1 = index.sub %a, %b
  %r2 = index.mul %a, %b
  %r3 = index.divs %a, %b
  %r4 = index.divu %a, %b
  %r5 = index.ceildivs %a, %b
  %r6 = index.ceildivu %a, %b
  %r7 = index.floordivs %a, %b
  %r8 = index.rems %a, %b
  %r9 = index.remu %a, %b
  %r10 = index.maxs %a, %b
  %r11 = index.mins %a, %b
  %r12 = index.maxu %a, %b
  %r13 = index.minu %a, %b
  %r14 = index.shl %a, %b
  %r15 = index.shrs %a, %b
  %r16 = index.shru %a, %b
  %r17 = index.and %a, %b
  %r18 = index.or %a, %b
  %r19 = index.xor %a, %b
  %c = index.cmp slt(%a, %b)
  %r20 = index.casts %c : i1 to index
  %c2 = index.cmp uge(%a, %b)
  %r21 = index.castu %c2 : i1 to index
  %s = index.sizeof
  call @show(%r0) : (index) -> ()
  call @show(%r1) : (index) -> ()
  call @show(%r2) : (index) -> ()
  call @show(%r3) : (index) -> ()
  call @show(%r4) : (index) -> ()
  call @show(%r5) : (index) -> ()
  call @show(%r6) : (index) -> ()
  call @show(%r7) : (index) -> ()
  call @show(%r8) : (index) -> ()
  call @show(%r9) : (index) -> ()
  call @show(%r10) : (index) -> ()
  call @show(%r11) : (index) -> ()
  call @show(%r12) : (index) -> ()
  call @show(%r13) : (index) -> ()
  call @show(%r14) : (index) -> ()
  call @show(%r15) : (index) -> ()
  call @show(%r16) : (index) -> ()
  call @show(%r17) : (index) -> ()
  call @show(%r18) : (index) -> ()
  call @show(%r19) : (index) -> ()
  call @show(%r20) : (index) -> ()
  call @show(%r21) : (index) -> ()
  call @show(%s) : (index) -> ()
  call @printNewline() : () -> ()
  return
}

func.func @main() {
  %a = index.constant 1000
  %b = index.constant 3
  call @ops(%a, %b) : (index, index) -> ()
  %c = index.constant -1000
  %d = index.constant 7
  call @ops(%c, %d) : (index, index) -> ()
  %t = index.bool.constant true
  %ti = index.castu %t : i1 to index
  call @show(%ti) : (index) -> ()
  call @printNewline() : () -> ()
  return
}
