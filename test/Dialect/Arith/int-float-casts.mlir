// Integer <-> float casts on scalars, vectors and tensors, round trip and to LLVM.
// RUN: mlopt %s | mlopt | FileCheck %s
// RUN: mlopt %s --convert-arith-to-llvm | FileCheck %s --check-prefix=LLVM

// CHECK-LABEL: func.func @vector_casts
// CHECK: arith.fptosi %{{.*}} : vector<8xf32> to vector<8xi32>
// CHECK: arith.fptoui %{{.*}} : vector<8xf32> to vector<8xi16>
// CHECK: arith.sitofp %{{.*}} : vector<8xi32> to vector<8xf64>
// CHECK: arith.uitofp %{{.*}} : vector<8xi16> to vector<8xf16>
// LLVM-LABEL: func.func @vector_casts
// LLVM: llvm.fptosi %{{.*}} : vector<8xf32> to vector<8xi32>
// LLVM: llvm.fptoui %{{.*}} : vector<8xf32> to vector<8xi16>
// LLVM: llvm.sitofp %{{.*}} : vector<8xi32> to vector<8xf64>
// LLVM: llvm.uitofp %{{.*}} : vector<8xi16> to vector<8xf16>
func.func @vector_casts(%f: vector<8xf32>) -> (vector<8xf64>, vector<8xf16>) {
  %s = arith.fptosi %f : vector<8xf32> to vector<8xi32>
  %u = arith.fptoui %f : vector<8xf32> to vector<8xi16>
  %d = arith.sitofp %s : vector<8xi32> to vector<8xf64>
  %h = arith.uitofp %u : vector<8xi16> to vector<8xf16>
  return %d, %h : vector<8xf64>, vector<8xf16>
}

// CHECK-LABEL: func.func @tensor_casts
// CHECK: arith.uitofp %{{.*}} : tensor<?x4xi32> to tensor<?x4xf32>
// CHECK: arith.fptosi %{{.*}} : tensor<?x4xf32> to tensor<?x4xi64>
func.func @tensor_casts(%t: tensor<?x4xi32>) -> tensor<?x4xi64> {
  %f = arith.uitofp %t : tensor<?x4xi32> to tensor<?x4xf32>
  %i = arith.fptosi %f : tensor<?x4xf32> to tensor<?x4xi64>
  return %i : tensor<?x4xi64>
}
