func.func @main() {
  %nan = arith.constant 0x7FC00000 : f32
  %inf = arith.constant 0x7F800000 : f32
  %one = arith.constant 1.0 : f32
  %a = math.isnan %nan : f32
  %b = math.isnan %one : f32
  %c = math.isfinite %inf : f32
  %d = math.isfinite %one : f32
  vector.print %a : i1
  vector.print %b : i1
  vector.print %c : i1
  vector.print %d : i1
  return
}
