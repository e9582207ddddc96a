// Upstream's checks of #nvvm.target and the nvvm ops, with its messages.
// RUN: not mlopt %s --split-input-file 2>&1 | FileCheck %s

// CHECK: The optimization level must be a number between 0 and 3.
gpu.module @a [#nvvm.target<O = 4>] {}

// -----

// CHECK: The target chip cannot be empty.
gpu.module @a [#nvvm.target<chip = "">] {}

// -----

// CHECK: The target triple cannot be empty.
gpu.module @a [#nvvm.target<triple = "">] {}

// -----

// CHECK: All the elements in the `link` array must be strings.
gpu.module @a [#nvvm.target<link = [1]>] {}

// -----

// CHECK: duplicate or unknown struct parameter name: chips
gpu.module @a [#nvvm.target<chips = "sm_90">] {}

// -----

llvm.func @f(%m: i32, %p: i1) {
  // CHECK: vote.sync 'ballot' returns an i32 value
  %0 = nvvm.vote.sync ballot %m, %p -> i1
  llvm.return
}

// -----

llvm.func @f(%m: i32, %v: f32) {
  // CHECK: expected return type to be a two-element struct with i1 as the second element
  %0 = nvvm.shfl.sync up %m, %v, %m, %m {return_value_and_is_valid} : f32 -> f32
  llvm.return
}
