func.func private @printI64(i64)
func.func private @printNewline()
func.func @p(%v: index) {
  %i = index.casts %v : index to i64
  call @printI64(%i) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}
func.func @main() {
  %a = index.constant -7
  %b = index.constant 2
  %c = index.constant 3
  %0 = index.ceildivs %a, %b
  call @p(%0) : (index) -> ()
  %1 = index.floordivs %a, %b
  call @p(%1) : (index) -> ()
  %2 = index.ceildivu %c, %b
  call @p(%2) : (index) -> ()
  %3 = index.rems %a, %c
  call @p(%3) : (index) -> ()
  %4 = index.maxs %a, %b
  call @p(%4) : (index) -> ()
  %5 = index.shl %c, %b
  call @p(%5) : (index) -> ()
  %6 = index.sizeof
  call @p(%6) : (index) -> ()
  %7 = index.cmp sgt(%a, %b)
  %8 = index.castu %7 : i1 to index
  call @p(%8) : (index) -> ()
  %9 = index.ceildivs %b, %a
  call @p(%9) : (index) -> ()
  %10 = index.floordivs %c, %a
  call @p(%10) : (index) -> ()
  return
}
