// RUN: mlopt %s | FileCheck %s

// Poison (-1), the last element and a dynamic position stay valid.

// CHECK-LABEL: func.func @positions
func.func @positions(%v: vector<4xf32>, %s: f32, %i: index) -> (f32, f32, f32, vector<4xf32>) {
  // CHECK: vector.extract %{{.*}}[-1] : f32 from vector<4xf32>
  %p = vector.extract %v[-1] : f32 from vector<4xf32>
  // CHECK: vector.extract %{{.*}}[3] : f32 from vector<4xf32>
  %l = vector.extract %v[3] : f32 from vector<4xf32>
  // CHECK: vector.extract %{{.*}}[%{{.*}}] : f32 from vector<4xf32>
  %d = vector.extract %v[%i] : f32 from vector<4xf32>
  // CHECK: vector.insert %{{.*}}, %{{.*}} [3] : f32 into vector<4xf32>
  %w = vector.insert %s, %v[3] : f32 into vector<4xf32>
  return %p, %l, %d, %w : f32, f32, f32, vector<4xf32>
}
