// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @index_cast(%a: index) {
  // expected-error@+1 {{one of the input and output types must be an `index`}}
  %0 = index.casts %a : index to index
  return
}
