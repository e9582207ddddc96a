// Used by ../verify-diagnostics.mlir: every annotation here is wrong.
func.func @g(%a: i32) -> i64 {
  // expected-error@+1 {{something else}}
  return %a : i32
}
// -----
func.func @h() {
// expected-warning@-1 {{never emitted}}
  return
}
