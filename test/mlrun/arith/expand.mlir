// arith-expand keeps the numbers: rounded divisions of every sign, integer
// min/max, the NaN rules of maximumf/minimumf (NaN wins) and maxnumf/minnumf
// (NaN loses), on scalars and vectors, and bf16 conversions by bit
// manipulation (rounding to nearest even, NaN kept). The CHECK lines are
// mlir-runner's output for mlir-opt --arith-expand=include-bf16 --test-lower-to-llvm.
// RUN: mlopt %s --arith-expand=include-bf16 | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --arith-expand=include-bf16 | FileCheck %s --check-prefix=EXPANDED

// EXPANDED-LABEL: func.func @integers
// EXPANDED-NOT: arith.ceildivsi
// EXPANDED-NOT: arith.ceildivui
// EXPANDED-NOT: arith.floordivsi
// EXPANDED-NOT: arith.maxsi
// EXPANDED-NOT: arith.minui
func.func @integers(%a: i32, %b: i32) {
  %0 = arith.ceildivsi %a, %b : i32
  %1 = arith.ceildivui %a, %b : i32
  %2 = arith.floordivsi %a, %b : i32
  %3 = arith.maxsi %a, %b : i32
  %4 = arith.maxui %a, %b : i32
  %5 = arith.minsi %a, %b : i32
  %6 = arith.minui %a, %b : i32
  %v = vector.from_elements %0, %1, %2, %3, %4, %5, %6 : vector<7xi32>
  vector.print %v : vector<7xi32>
  return
}

// EXPANDED-LABEL: func.func @floats
// EXPANDED-NOT: arith.maximumf
// EXPANDED-NOT: arith.minnumf
func.func @floats(%x: f32, %y: f32) {
  %0 = arith.maximumf %x, %y : f32
  %1 = arith.minimumf %x, %y : f32
  %2 = arith.maxnumf %x, %y : f32
  %3 = arith.minnumf %x, %y : f32
  %v = vector.from_elements %0, %1, %2, %3 : vector<4xf32>
  vector.print %v : vector<4xf32>
  return
}

// EXPANDED-LABEL: func.func @vectors
// EXPANDED: arith.divsi %{{.*}}, %{{.*}} : vector<4xi32>
func.func @vectors(%a: vector<4xi32>, %b: vector<4xi32>) {
  %0 = arith.ceildivsi %a, %b : vector<4xi32>
  %1 = arith.floordivsi %a, %b : vector<4xi32>
  vector.print %0 : vector<4xi32>
  vector.print %1 : vector<4xi32>
  return
}

// EXPANDED-LABEL: func.func @bfloat16
// EXPANDED-NOT: arith.truncf
// EXPANDED-NOT: arith.extf
func.func @bfloat16(%x: vector<6xf32>) {
  %h = arith.truncf %x : vector<6xf32> to vector<6xbf16>
  %back = arith.extf %h : vector<6xbf16> to vector<6xf32>
  vector.print %back : vector<6xf32>
  return
}

func.func @main() {
  %c7 = arith.constant 7 : i32
  %cm7 = arith.constant -7 : i32
  %c2 = arith.constant 2 : i32
  %cm2 = arith.constant -2 : i32
  %c0 = arith.constant 0 : i32
  %cm8 = arith.constant -8 : i32
  %c4 = arith.constant 4 : i32
  // CHECK: ( 4, 4, 3, 7, 7, 2, 2 )
  func.call @integers(%c7, %c2) : (i32, i32) -> ()
  // CHECK-NEXT: ( -3, 2147483645, -4, 2, -7, -7, 2 )
  func.call @integers(%cm7, %c2) : (i32, i32) -> ()
  // CHECK-NEXT: ( -3, 1, -4, 7, -2, -2, 7 )
  func.call @integers(%c7, %cm2) : (i32, i32) -> ()
  // CHECK-NEXT: ( 4, 1, 3, -2, -2, -7, -7 )
  func.call @integers(%cm7, %cm2) : (i32, i32) -> ()
  // CHECK-NEXT: ( 0, 0, 0, 7, 7, 0, 0 )
  func.call @integers(%c0, %c7) : (i32, i32) -> ()
  // CHECK-NEXT: ( -2, 1073741822, -2, 4, -8, -8, 4 )
  func.call @integers(%cm8, %c4) : (i32, i32) -> ()

  %one = arith.constant 1.0 : f32
  %two = arith.constant 2.0 : f32
  %nan = arith.constant 0x7FC00000 : f32
  %zero = arith.constant 0.0 : f32
  %negzero = arith.constant -0.0 : f32
  // CHECK-NEXT: ( 2, 1, 2, 1 )
  func.call @floats(%one, %two) : (f32, f32) -> ()
  // CHECK-NEXT: ( nan, nan, 1, 1 )
  func.call @floats(%nan, %one) : (f32, f32) -> ()
  // CHECK-NEXT: ( nan, nan, 1, 1 )
  func.call @floats(%one, %nan) : (f32, f32) -> ()
  // CHECK-NEXT: ( 0, 0, 0, 0 )
  func.call @floats(%negzero, %zero) : (f32, f32) -> ()

  %a = arith.constant dense<[7, -7, 7, -7]> : vector<4xi32>
  %b = arith.constant dense<[2, 2, -2, -2]> : vector<4xi32>
  // CHECK-NEXT: ( 4, -3, -3, 4 )
  // CHECK-NEXT: ( 3, -4, -4, 3 )
  func.call @vectors(%a, %b) : (vector<4xi32>, vector<4xi32>) -> ()

  %x = arith.constant dense<[1.0, 3.14159274, 1.00390625, 1.01171875, 0x7FC00000, 3.0e38]> : vector<6xf32>
  // CHECK-NEXT: ( 1, 3.14062, 1, 1.01562, nan, 3.00406e+38 )
  func.call @bfloat16(%x) : (vector<6xf32>) -> ()
  return
}
