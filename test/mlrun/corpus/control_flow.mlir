// scf (for with iter_args, if, while, parallel), cf (br, cond_br, switch,
// assert), func (call, recursion, multiple results, indirect call), ub.poison.
func.func private @printI64(i64)
func.func private @printF64(f64)
func.func private @printNewline()
func.func private @printComma()
func.func private @printOpen()
func.func private @printClose()
func.func private @printMemrefI64(memref<*xi64>)

func.func @show(%v: i64) {
  call @printI64(%v) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}

func.func @factorial(%n: i64) -> i64 {
  %c1 = arith.constant 1 : i64
  %done = arith.cmpi sle, %n, %c1 : i64
  %r = scf.if %done -> i64 {
    scf.yield %c1 : i64
  } else {
    %m = arith.subi %n, %c1 : i64
    %f = func.call @factorial(%m) : (i64) -> i64
    %p = arith.muli %n, %f : i64
    scf.yield %p : i64
  }
  return %r : i64
}

func.func @divmod(%a: i64, %b: i64) -> (i64, i64) {
  %q = arith.divsi %a, %b : i64
  %r = arith.remsi %a, %b : i64
  return %q, %r : i64, i64
}

func.func @collatz_steps(%n: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %c1 = arith.constant 1 : i64
  %c2 = arith.constant 2 : i64
  %c3 = arith.constant 3 : i64
  %res:2 = scf.while (%x = %n, %steps = %c0) : (i64, i64) -> (i64, i64) {
    %more = arith.cmpi ne, %x, %c1 : i64
    scf.condition(%more) %x, %steps : i64, i64
  } do {
  ^bb0(%x: i64, %steps: i64):
    %rem = arith.remui %x, %c2 : i64
    %even = arith.cmpi eq, %rem, %c0 : i64
    %next = scf.if %even -> i64 {
      %h = arith.divui %x, %c2 : i64
      scf.yield %h : i64
    } else {
      %t = arith.muli %x, %c3 : i64
      %t1 = arith.addi %t, %c1 : i64
      scf.yield %t1 : i64
    }
    %s1 = arith.addi %steps, %c1 : i64
    scf.yield %next, %s1 : i64, i64
  }
  return %res#1 : i64
}

func.func @classify(%x: i32) -> i64 {
  cf.switch %x : i32, [
    default: ^other,
    1: ^one,
    5: ^five(%x : i32)
  ]
^one:
  %r1 = arith.constant 100 : i64
  cf.br ^done(%r1 : i64)
^five(%v: i32):
  %r5 = arith.extsi %v : i32 to i64
  cf.br ^done(%r5 : i64)
^other:
  %r0 = arith.constant -1 : i64
  cf.br ^done(%r0 : i64)
^done(%r: i64):
  return %r : i64
}

func.func @sign(%x: i64) -> i64 {
  %c0 = arith.constant 0 : i64
  %neg = arith.cmpi slt, %x, %c0 : i64
  cf.cond_br %neg, ^negative, ^nonneg(%x : i64)
^negative:
  %m = arith.constant -1 : i64
  return %m : i64
^nonneg(%v: i64):
  %pos = arith.cmpi sgt, %v, %c0 : i64
  %one = arith.constant 1 : i64
  %r = arith.select %pos, %one, %c0 : i64
  return %r : i64
}

func.func @main() {
  %c10 = arith.constant 10 : i64
  %f = call @factorial(%c10) : (i64) -> i64
  call @show(%f) : (i64) -> ()
  %a = arith.constant -17 : i64
  %b = arith.constant 5 : i64
  %q:2 = call @divmod(%a, %b) : (i64, i64) -> (i64, i64)
  call @printOpen() : () -> ()
  call @printI64(%q#0) : (i64) -> ()
  call @printComma() : () -> ()
  call @printI64(%q#1) : (i64) -> ()
  call @printClose() : () -> ()
  call @printNewline() : () -> ()
  %c27 = arith.constant 27 : i64
  %steps = call @collatz_steps(%c27) : (i64) -> i64
  call @show(%steps) : (i64) -> ()

  // Sum with iter_args, and a nested loop with a dynamic bound.
  %lb = arith.constant 0 : index
  %ub = arith.constant 10 : index
  %st = arith.constant 1 : index
  %zero = arith.constant 0 : i64
  %sum = scf.for %i = %lb to %ub step %st iter_args(%acc = %zero) -> (i64) {
    %ii = arith.index_cast %i : index to i64
    %sq = arith.muli %ii, %ii : i64
    %inner = scf.for %j = %lb to %i step %st iter_args(%acc2 = %sq) -> (i64) {
      %one = arith.constant 1 : i64
      %n = arith.addi %acc2, %one : i64
      scf.yield %n : i64
    }
    %next = arith.addi %acc, %inner : i64
    scf.yield %next : i64
  }
  call @show(%sum) : (i64) -> ()

  // scf.parallel writing a buffer.
  %buf = memref.alloc() : memref<3x4xi64>
  %c3 = arith.constant 3 : index
  %c4 = arith.constant 4 : index
  scf.parallel (%i, %j) = (%lb, %lb) to (%c3, %c4) step (%st, %st) {
    %ii = arith.index_cast %i : index to i64
    %jj = arith.index_cast %j : index to i64
    %k = arith.muli %ii, %c10 : i64
    %v = arith.addi %k, %jj : i64
    memref.store %v, %buf[%i, %j] : memref<3x4xi64>
    scf.reduce
  }
  %u = memref.cast %buf : memref<3x4xi64> to memref<*xi64>
  call @printMemrefI64(%u) : (memref<*xi64>) -> ()
  memref.dealloc %buf : memref<3x4xi64>

  // cf.switch and cf.cond_br.
  %s1 = arith.constant 1 : i32
  %s5 = arith.constant 5 : i32
  %s9 = arith.constant 9 : i32
  %r1 = call @classify(%s1) : (i32) -> i64
  %r5 = call @classify(%s5) : (i32) -> i64
  %r9 = call @classify(%s9) : (i32) -> i64
  call @show(%r1) : (i64) -> ()
  call @show(%r5) : (i64) -> ()
  call @show(%r9) : (i64) -> ()
  %g0 = call @sign(%a) : (i64) -> i64
  %g1 = call @sign(%zero) : (i64) -> i64
  %g2 = call @sign(%b) : (i64) -> i64
  call @show(%g0) : (i64) -> ()
  call @show(%g1) : (i64) -> ()
  call @show(%g2) : (i64) -> ()

  // Indirect call through a function value.
  %fn = func.constant @factorial : (i64) -> i64
  %five = arith.constant 5 : i64
  %f5 = func.call_indirect %fn(%five) : (i64) -> i64
  call @show(%f5) : (i64) -> ()

  // An assertion that holds, and a poison value on a path never taken.
  %ok = arith.cmpi sgt, %f, %zero : i64
  cf.assert %ok, "factorial must be positive"
  %p = ub.poison : i64
  %true = arith.constant true
  %pick = arith.select %true, %f5, %p : i64
  call @show(%pick) : (i64) -> ()
  return
}
