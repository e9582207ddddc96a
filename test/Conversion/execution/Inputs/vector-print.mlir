func.func @main() {
  %v = arith.constant dense<[1.5, -2.0, 3.25, 4.0]> : vector<4xf32>
  %iv = arith.constant dense<[1, -2, 3, 4]> : vector<4xi32>
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : vector<2x3xf32>
  vector.print %v : vector<4xf32>
  vector.print %iv : vector<4xi32>
  vector.print %w : vector<2x3xf32>
  %b = arith.constant dense<[true, false, true]> : vector<3xi1>
  vector.print %b : vector<3xi1>
  %i = arith.constant 7 : index
  vector.print %i : index
  %s = vector.step : vector<4xindex>
  vector.print %s : vector<4xindex>
  %c2 = arith.constant 2 : index
  %m = vector.create_mask %c2 : vector<4xi1>
  vector.print %m : vector<4xi1>
  %cm = vector.constant_mask [1, 2] : vector<2x3xi1>
  vector.print %cm : vector<2x3xi1>
  %t = vector.transpose %w, [1, 0] : vector<2x3xf32> to vector<3x2xf32>
  vector.print %t : vector<3x2xf32>
  %z = arith.constant dense<0.0> : vector<2x2xf32>
  %c = vector.contract {indexing_maps = [affine_map<(i, j, k) -> (i, k)>, affine_map<(i, j, k) -> (k, j)>, affine_map<(i, j, k) -> (i, j)>], iterator_types = ["parallel", "parallel", "reduction"], kind = #vector.kind<add>} %w, %t, %z : vector<2x3xf32>, vector<3x2xf32> into vector<2x2xf32>
  vector.print %c : vector<2x2xf32>
  %x = arith.constant dense<[1.0, 2.0]> : vector<2xf32>
  %y = arith.constant dense<[3.0, 4.0, 5.0]> : vector<3xf32>
  %o = vector.outerproduct %x, %y : vector<2xf32>, vector<3xf32>
  vector.print %o : vector<2x3xf32>
  %sh = vector.shuffle %v, %v [0, 5, 2, 7] : vector<4xf32>, vector<4xf32>
  vector.print %sh : vector<4xf32>
  %bc = vector.broadcast %x : vector<2xf32> to vector<3x2xf32>
  vector.print %bc : vector<3x2xf32>
  %r1 = vector.reduction <mul>, %iv : vector<4xi32> into i32
  vector.print %r1 : i32
  %r2 = vector.reduction <minimumf>, %v : vector<4xf32> into f32
  vector.print %r2 : f32
  %fe = vector.from_elements %r2, %r2 : vector<2xf32>
  vector.print %fe : vector<2xf32>
  %sc = vector.shape_cast %w : vector<2x3xf32> to vector<3x2xf32>
  vector.print %sc : vector<3x2xf32>
  %e = vector.extract %w[1] : vector<3xf32> from vector<2x3xf32>
  vector.print %e : vector<3xf32>
  %in = vector.insert %e, %w[0] : vector<3xf32> into vector<2x3xf32>
  vector.print %in : vector<2x3xf32>
  %bits = vector.bitcast %iv : vector<4xi32> to vector<4xf32>
  %back = vector.bitcast %bits : vector<4xf32> to vector<4xi32>
  vector.print %back : vector<4xi32>
  vector.print str "done\n"
  return
}
