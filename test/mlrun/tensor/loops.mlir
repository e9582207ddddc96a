// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --one-shot-bufferize="bufferize-function-boundaries allow-return-allocs-from-loops" --buffer-deallocation-pipeline --convert-bufferization-to-memref --lower-to-llvm | mlrun - -e main --entry-point-result=void | FileCheck %s
// ORACLE: --one-shot-bufferize="bufferize-function-boundaries allow-return-allocs-from-loops" --buffer-deallocation-pipeline --convert-bufferization-to-memref --test-lower-to-llvm
// Tensors carried through scf.for and scf.if: updates in place, a loop that
// makes a fresh tensor every iteration, and a branch yielding either tensor.
func.func @prefix_sum(%t: tensor<6xf32>) -> tensor<6xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %r = scf.for %i = %c1 to %c6 step %c1 iter_args(%a = %t) -> (tensor<6xf32>) {
    %prev = arith.subi %i, %c1 : index
    %p = tensor.extract %a[%prev] : tensor<6xf32>
    %v = tensor.extract %a[%i] : tensor<6xf32>
    %s = arith.addf %p, %v : f32
    %b = tensor.insert %s into %a[%i] : tensor<6xf32>
    scf.yield %b : tensor<6xf32>
  }
  return %r : tensor<6xf32>
}

func.func @doubling(%t: tensor<6xf32>, %n: index) -> tensor<6xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%a = %t) -> (tensor<6xf32>) {
    %e = tensor.empty() : tensor<6xf32>
    %d = linalg.add ins(%a, %a : tensor<6xf32>, tensor<6xf32>) outs(%e : tensor<6xf32>) -> tensor<6xf32>
    scf.yield %d : tensor<6xf32>
  }
  return %r : tensor<6xf32>
}

func.func @pick(%c: i1, %a: tensor<6xf32>, %b: tensor<6xf32>) -> tensor<6xf32> {
  %r = scf.if %c -> (tensor<6xf32>) {
    %e = tensor.empty() : tensor<6xf32>
    %m = linalg.mul ins(%a, %b : tensor<6xf32>, tensor<6xf32>) outs(%e : tensor<6xf32>) -> tensor<6xf32>
    scf.yield %m : tensor<6xf32>
  } else {
    scf.yield %b : tensor<6xf32>
  }
  return %r : tensor<6xf32>
}

func.func private @printMemrefF32(tensor<*xf32>)

func.func @main() {
  %t = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>
  %c3 = arith.constant 3 : index
  %true = arith.constant true
  %false = arith.constant false
  %p = call @prefix_sum(%t) : (tensor<6xf32>) -> tensor<6xf32>
  %d = call @doubling(%t, %c3) : (tensor<6xf32>, index) -> tensor<6xf32>
  %x = call @pick(%true, %p, %d) : (i1, tensor<6xf32>, tensor<6xf32>) -> tensor<6xf32>
  %y = call @pick(%false, %p, %d) : (i1, tensor<6xf32>, tensor<6xf32>) -> tensor<6xf32>
  %tu = tensor.cast %t : tensor<6xf32> to tensor<*xf32>
  %pu = tensor.cast %p : tensor<6xf32> to tensor<*xf32>
  %xu = tensor.cast %x : tensor<6xf32> to tensor<*xf32>
  %yu = tensor.cast %y : tensor<6xf32> to tensor<*xf32>
  call @printMemrefF32(%tu) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%pu) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%xu) : (tensor<*xf32>) -> ()
  call @printMemrefF32(%yu) : (tensor<*xf32>) -> ()
  return
}

// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [6] strides = [1] data =
// CHECK-NEXT: [1,  2,  3,  4,  5,  6]
// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [6] strides = [1] data =
// CHECK-NEXT: [1,  3,  6,  10,  15,  21]
// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [6] strides = [1] data =
// CHECK-NEXT: [8,  48,  144,  320,  600,  1008]
// CHECK: Unranked Memref base@ = {{.*}} rank = 1 offset = 0 sizes = [6] strides = [1] data =
// CHECK-NEXT: [8,  16,  24,  32,  40,  48]
