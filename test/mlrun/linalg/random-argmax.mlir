// fill_rng_2d (upstream's generator, bit for bit) and a two-result
// linalg.reduce (argmax: the value and its index) through the loop lowerings;
// printed results equal mlir-runner's.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-affine-loops | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --convert-linalg-to-parallel-loops | mlrun - -e main --entry-point-result=void | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)
func.func private @printMemrefI32(memref<*xi32>)

func.func @main() {
  %min = arith.constant -1.0 : f64
  %max = arith.constant 1.0 : f64
  %seed = arith.constant 42 : i32
  %values = memref.alloc() : memref<3x7xf32>
  linalg.fill_rng_2d ins(%min, %max, %seed : f64, f64, i32) outs(%values : memref<3x7xf32>)
  %indices = memref.alloc() : memref<3x7xi32>
  linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      outs(%indices : memref<3x7xi32>) {
  ^bb0(%out: i32):
    %j = linalg.index 1 : index
    %ji = arith.index_cast %j : index to i32
    linalg.yield %ji : i32
  }
  %lowest = arith.constant -3.0e38 : f32
  %zero = arith.constant 0 : i32
  %best = memref.alloc() : memref<3xf32>
  %where = memref.alloc() : memref<3xi32>
  linalg.fill ins(%lowest : f32) outs(%best : memref<3xf32>)
  linalg.fill ins(%zero : i32) outs(%where : memref<3xi32>)
  linalg.reduce ins(%values, %indices : memref<3x7xf32>, memref<3x7xi32>) outs(%best, %where : memref<3xf32>, memref<3xi32>) dimensions = [1]
    (%x: f32, %xi: i32, %acc: f32, %acci: i32) {
      %greater = arith.cmpf ogt, %x, %acc : f32
      %m = arith.select %greater, %x, %acc : f32
      %mi = arith.select %greater, %xi, %acci : i32
      linalg.yield %m, %mi : f32, i32
    }
  %0 = memref.cast %values : memref<3x7xf32> to memref<*xf32>
  call @printMemrefF32(%0) : (memref<*xf32>) -> ()
  %1 = memref.cast %best : memref<3xf32> to memref<*xf32>
  call @printMemrefF32(%1) : (memref<*xf32>) -> ()
  %2 = memref.cast %where : memref<3xi32> to memref<*xi32>
  call @printMemrefI32(%2) : (memref<*xi32>) -> ()
  memref.dealloc %values : memref<3x7xf32>
  memref.dealloc %indices : memref<3x7xi32>
  memref.dealloc %best : memref<3xf32>
  memref.dealloc %where : memref<3xi32>
  return
}

// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 2 offset = 0 sizes = [3, 7] strides = [7, 1] data =
// CHECK-NEXT: {{\[\[}}-0.480181,   0.0336831,   0.547547,   -0.938588,   -0.424724,   0.0891404,   0.603005],
// CHECK-NEXT:  [-0.959594,   -0.44573,   0.0681346,   0.581999,   -0.904137,   -0.390272,   0.123592],
// CHECK-NEXT:  [0.560993,   -0.925142,   -0.411278,   0.102586,   0.616451,   -0.869685,   -0.355821]]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [0.603005,  0.581999,  0.616451]
// CHECK: Unranked Memref base@ = {{0x[0-9a-f]+}} rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [6,  3,  4]
