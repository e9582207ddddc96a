// A forall with shared outputs is refused at the op (mlir-opt 22 fails without a message).
// RUN: mlopt %s --verify-diagnostics --scf-forall-to-parallel

func.func @tensors(%t: tensor<8xf32>) -> tensor<8xf32> {
  // expected-error@+1 {{only fully bufferized scf.forall ops can be lowered to scf.parallel}}
  %r = scf.forall (%i) in (4) shared_outs(%o = %t) -> (tensor<8xf32>) {
    %s = tensor.extract_slice %o[%i] [2] [1] : tensor<8xf32> to tensor<2xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %s into %o[%i] [2] [1] : tensor<2xf32> into tensor<8xf32>
    }
  }
  return %r : tensor<8xf32>
}
