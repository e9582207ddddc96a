// RUN: mlopt %s --reconcile-unrealized-casts | FileCheck %s

// CHECK-LABEL: func.func @round_trip
func.func @round_trip(%a: i64) -> i64 {
  // CHECK-NOT: unrealized_conversion_cast
  // CHECK: return %{{.*}} : i64
  %0 = builtin.unrealized_conversion_cast %a : i64 to index
  %1 = builtin.unrealized_conversion_cast %0 : index to i32
  %2 = builtin.unrealized_conversion_cast %1 : i32 to i64
  return %2 : i64
}

// A cast at a real boundary stays.
// CHECK-LABEL: func.func @boundary
func.func @boundary(%a: i64) -> index {
  // CHECK: %[[C:.*]] = builtin.unrealized_conversion_cast %{{.*}} : i64 to index
  // CHECK: return %[[C]] : index
  %0 = builtin.unrealized_conversion_cast %a : i64 to index
  // Unused casts go.
  // CHECK-NOT: unrealized_conversion_cast
  %1 = builtin.unrealized_conversion_cast %a : i64 to f64
  return %0 : index
}
