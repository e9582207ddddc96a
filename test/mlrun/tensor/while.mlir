// A tensor carried through scf.while, halved in place until its first element
// is at most the limit.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
func.func @halve_until(%t: tensor<4xf32>, %limit: f32) -> tensor<4xf32> {
  %c0 = arith.constant 0 : index
  %half = arith.constant 0.5 : f32
  %r = scf.while (%a = %t) : (tensor<4xf32>) -> tensor<4xf32> {
    %v = tensor.extract %a[%c0] : tensor<4xf32>
    %go = arith.cmpf ogt, %v, %limit : f32
    scf.condition(%go) %a : tensor<4xf32>
  } do {
  ^bb0(%b: tensor<4xf32>):
    %e = tensor.empty() : tensor<4xf32>
    %h = linalg.generic {indexing_maps = [affine_map<(d0) -> (d0)>, affine_map<(d0) -> (d0)>], iterator_types = ["parallel"]} ins(%b : tensor<4xf32>) outs(%b : tensor<4xf32>) {
    ^bb1(%x: f32, %o: f32):
      %m = arith.mulf %x, %half : f32
      linalg.yield %m : f32
    } -> tensor<4xf32>
    scf.yield %h : tensor<4xf32>
  }
  return %r : tensor<4xf32>
}
func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %t = arith.constant dense<[100.0, 8.0, 3.0, 1.0]> : tensor<4xf32>
  %l = arith.constant 5.0 : f32
  %r = call @halve_until(%t, %l) : (tensor<4xf32>, f32) -> tensor<4xf32>
  %u = tensor.cast %r : tensor<4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [4] strides = [1] data =
// CHECK-NEXT: [3.125,  0.25,  0.09375,  0.03125]
