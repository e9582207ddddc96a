// linalg.map and linalg.reduce: the short form where the body is one op on the
// block arguments (a reduction's init first), else the body on the next lines,
// one level deeper. Dimension lists end with a space, as upstream prints them.
// RUN: mlopt %s | FileCheck %s --strict-whitespace
// RUN: mlopt %s | mlopt | FileCheck %s --strict-whitespace
// RUN: %if mlir-opt %{ %mlir_opt %s | FileCheck %s --strict-whitespace %}

// CHECK-LABEL: func.func @bodies
func.func @bodies(%in: tensor<8x16xf32>, %init: tensor<8xf32>, %a: tensor<8xf32>, %o: tensor<8xf32>, %tt: tensor<16x8xf32>) -> (tensor<8xf32>, tensor<8xf32>, tensor<8xf32>) {
  // CHECK-NEXT: {{^}}    %reduced = linalg.reduce { arith.subf } ins(%arg0 : tensor<8x16xf32>) outs(%arg1 : tensor<8xf32>) dimensions = [1] {{$}}
  %r = linalg.reduce ins(%in : tensor<8x16xf32>) outs(%init : tensor<8xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.subf %acc, %x : f32
      linalg.yield %s : f32
    }
  // CHECK-NEXT: {{^}}    %reduced_0 = linalg.reduce ins(%arg0 : tensor<8x16xf32>) outs(%arg1 : tensor<8xf32>) dimensions = [1] {{$}}
  // CHECK-NEXT: {{^}}      (%in: f32, %init: f32) {
  // CHECK-NEXT: {{^}}        %0 = arith.subf %in, %init : f32
  // CHECK-NEXT: {{^}}        linalg.yield %0 : f32
  // CHECK-NEXT: {{^}}      }
  %r2 = linalg.reduce ins(%in : tensor<8x16xf32>) outs(%init : tensor<8xf32>) dimensions = [1]
    (%x: f32, %acc: f32) {
      %s = arith.subf %x, %acc : f32
      linalg.yield %s : f32
    }
  // CHECK-NEXT: {{^}}    %transposed = linalg.transpose ins(%arg0 : tensor<8x16xf32>) outs(%arg4 : tensor<16x8xf32>) permutation = [1, 0] {{$}}
  %t = linalg.transpose ins(%in : tensor<8x16xf32>) outs(%tt : tensor<16x8xf32>) permutation = [1, 0]
  // CHECK-NEXT: {{^}}    %mapped = linalg.map { arith.mulf } ins(%arg2, %arg2 : tensor<8xf32>, tensor<8xf32>) outs(%arg3 : tensor<8xf32>){{$}}
  %m = linalg.map ins(%a, %a : tensor<8xf32>, tensor<8xf32>) outs(%o : tensor<8xf32>)
    (%x: f32, %y: f32, %z: f32) {
      %s = arith.mulf %x, %y : f32
      linalg.yield %s : f32
    }
  // CHECK-NEXT: {{^}}    %mapped_1 = linalg.map ins(%arg2 : tensor<8xf32>) outs(%arg3 : tensor<8xf32>){{$}}
  // CHECK-NEXT: {{^}}      (%in: f32, %init: f32) {
  // CHECK-NEXT: {{^}}        %0 = arith.addf %in, %in : f32
  // CHECK-NEXT: {{^}}        linalg.yield %0 : f32
  // CHECK-NEXT: {{^}}      }
  %m2 = linalg.map ins(%a : tensor<8xf32>) outs(%o : tensor<8xf32>)
    (%x: f32, %z: f32) {
      %s = arith.addf %x, %x : f32
      linalg.yield %s : f32
    }
  return %r, %m, %m2 : tensor<8xf32>, tensor<8xf32>, tensor<8xf32>
}
