// ORACLE: --convert-math-to-libm --test-lower-to-llvm
// MLOPT: --lower-to-llvm
// MLOPT: --lower-to-llvm=use-bare-ptr-memref-call-conv=1
func.func private @printI64(i64)
func.func private @printF64(f64)
func.func private @printNewline()

// Static memrefs across calls (bare pointers when asked), several results,
// asserts that hold, libm functions.
func.func @scale(%m: memref<4xf64>, %k: f64) -> (memref<4xf64>, f64) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f64
  %sum = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %zero) -> (f64) {
    %v = memref.load %m[%i] : memref<4xf64>
    %s = arith.mulf %v, %k : f64
    memref.store %s, %m[%i] : memref<4xf64>
    %n = arith.addf %acc, %s : f64
    scf.yield %n : f64
  }
  return %m, %sum : memref<4xf64>, f64
}

func.func @main() {
  %m = memref.alloca() : memref<4xf64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  scf.for %i = %c0 to %c4 step %c1 {
    %ii = arith.index_cast %i : index to i64
    %f = arith.sitofp %ii : i64 to f64
    memref.store %f, %m[%i] : memref<4xf64>
  }
  %k = arith.constant 2.5 : f64
  %r, %s = call @scale(%m, %k) : (memref<4xf64>, f64) -> (memref<4xf64>, f64)
  call @printF64(%s) : (f64) -> ()
  call @printNewline() : () -> ()
  %v = memref.load %r[%c1] : memref<4xf64>
  %ok = arith.cmpf oeq, %v, %k : f64
  cf.assert %ok, "scaled value"
  %a = math.acosh %k : f64
  call @printF64(%a) : (f64) -> ()
  call @printNewline() : () -> ()
  %e = math.erf %v : f64
  call @printF64(%e) : (f64) -> ()
  call @printNewline() : () -> ()
  %big = arith.constant 4000000000 : i64
  %t = arith.trunci %big : i64 to i32
  %back = arith.extui %t : i32 to i64
  call @printI64(%back) : (i64) -> ()
  call @printNewline() : () -> ()
  %neg = arith.constant -7 : i64
  %two = arith.constant 2 : i64
  %fd = arith.floordivsi %neg, %two : i64
  %cd = arith.ceildivsi %neg, %two : i64
  %rem = arith.remsi %neg, %two : i64
  call @printI64(%fd) : (i64) -> ()
  call @printNewline() : () -> ()
  call @printI64(%cd) : (i64) -> ()
  call @printNewline() : () -> ()
  call @printI64(%rem) : (i64) -> ()
  call @printNewline() : () -> ()
  return
}
