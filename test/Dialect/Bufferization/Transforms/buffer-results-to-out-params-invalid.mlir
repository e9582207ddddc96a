// RUN: mlopt %s --buffer-results-to-out-params --split-input-file --verify-diagnostics

func.func private @dynamic(%n: index) -> memref<?xf32> {
  %a = memref.alloc(%n) : memref<?xf32>
  return %a : memref<?xf32>
}

func.func @caller(%n: index) {
  // expected-error@+1 {{cannot create out param for dynamically shaped result}}
  %m = call @dynamic(%n) : (index) -> memref<?xf32>
  return
}
