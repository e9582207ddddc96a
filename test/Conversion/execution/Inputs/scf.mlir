func.func private @printF32(f32)
func.func private @printI64(i64)
func.func private @printNewline()
func.func @main() {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  %f0 = arith.constant 0.0 : f32
  %sum = scf.for %i = %c0 to %c10 step %c1 iter_args(%acc = %f0) -> (f32) {
    %ii = arith.index_cast %i : index to i32
    %fi = arith.sitofp %ii : i32 to f32
    %two = arith.constant 2 : index
    %r = arith.remui %i, %two : index
    %even = arith.cmpi eq, %r, %c0 : index
    %v = scf.if %even -> (f32) {
      %x = arith.addf %acc, %fi : f32
      scf.yield %x : f32
    } else {
      %x = arith.subf %acc, %fi : f32
      scf.yield %x : f32
    }
    scf.yield %v : f32
  }
  call @printF32(%sum) : (f32) -> ()
  call @printNewline() : () -> ()
  %c5 = arith.constant 5 : i64
  %w:2 = scf.while (%a = %c5, %b = %c0) : (i64, index) -> (i64, index) {
    %z = arith.constant 0 : i64
    %cond = arith.cmpi sgt, %a, %z : i64
    scf.condition(%cond) %a, %b : i64, index
  } do {
  ^bb0(%a: i64, %b: index):
    %one = arith.constant 1 : i64
    %a2 = arith.subi %a, %one : i64
    %b2 = arith.addi %b, %c1 : index
    scf.yield %a2, %b2 : i64, index
  }
  %bi = arith.index_cast %w#1 : index to i64
  call @printI64(%bi) : (i64) -> ()
  call @printNewline() : () -> ()
  %m = memref.alloc() : memref<4xf32>
  %sw = scf.index_switch %c1 -> i64
  case 1 {
    %q = arith.constant 11 : i64
    scf.yield %q : i64
  }
  default {
    %q = arith.constant 22 : i64
    scf.yield %q : i64
  }
  call @printI64(%sw) : (i64) -> ()
  call @printNewline() : () -> ()
  memref.dealloc %m : memref<4xf32>
  return
}
