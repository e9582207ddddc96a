// gpu-kernel-outlining, as upstream outlines launches.
// RUN: mlopt %s --gpu-kernel-outlining | FileCheck %s
// RUN: %if mlir-opt %{ %mlir_opt %s --gpu-kernel-outlining | FileCheck %s %}

// CHECK: module attributes {gpu.container_module}
memref.global "private" constant @table : memref<2xf32> = dense<[1.0, 2.0]>
func.func @helper(%x: f32) -> f32 {
  return %x : f32
}

// CHECK-LABEL: func.func @launches
// CHECK-SAME: (%[[DATA:[^:]+]]: memref<?xf32>, %[[N:[^:]+]]: index)
func.func @launches(%data: memref<?xf32>, %n: index) {
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %scale = arith.constant 2.0 : f32
  // Values from above become arguments, in the order the body uses them.
  // CHECK: gpu.launch_func @launches_kernel::@launches_kernel blocks in (%[[N]], %{{.*}}, %{{.*}}) threads in (%{{.*}}, %{{.*}}, %{{.*}}) args(%{{.*}} : f32, %[[DATA]] : memref<?xf32>)
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %n, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c4, %sy = %c1, %sz = %c1) {
    %g = memref.get_global @table : memref<2xf32>
    %v = memref.load %g[%tx] : memref<2xf32>
    %w = func.call @helper(%v) : (f32) -> f32
    %s = arith.mulf %w, %scale : f32
    memref.store %s, %data[%bx] : memref<?xf32>
    gpu.terminator
  }
  // CHECK: %[[TOKEN:.*]] = gpu.wait async
  %t = gpu.wait async
  // CHECK: %[[DONE:.*]] = gpu.launch_func async [%[[TOKEN]]] @launches_kernel_0::@launches_kernel blocks in
  %done = gpu.launch async [%t] blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c4, %sy = %c1, %sz = %c1)
             workgroup(%tile : memref<4xf32, #gpu.address_space<workgroup>>) {
    %c0 = arith.constant 0 : index
    %v = memref.load %data[%c0] : memref<?xf32>
    memref.store %v, %tile[%tx] : memref<4xf32, #gpu.address_space<workgroup>>
    cf.br ^next
  ^next:
    gpu.terminator
  }
  // CHECK: gpu.wait [%[[DONE]]]
  gpu.wait [%done]
  return
}

// The first kernel: known sizes from constant launch sizes (the grid is not constant).
// CHECK-LABEL: gpu.module @launches_kernel {
// CHECK: gpu.func @launches_kernel(%{{.*}}: f32, %{{.*}}: memref<?xf32>) kernel attributes {known_block_size = array<i32: 4, 1, 1>} {
// CHECK: gpu.block_id x
// CHECK: gpu.block_id y
// CHECK: gpu.block_id z
// CHECK: gpu.thread_id x
// CHECK: gpu.thread_id y
// CHECK: gpu.thread_id z
// CHECK: gpu.grid_dim x
// CHECK: gpu.grid_dim y
// CHECK: gpu.grid_dim z
// CHECK: gpu.block_dim x
// CHECK: gpu.block_dim y
// CHECK: gpu.block_dim z
// CHECK: memref.get_global @table
// CHECK: func.call @helper
// CHECK: gpu.return
// The symbols the kernel uses are copied into its module.
// CHECK: memref.global "private" constant @table
// CHECK: func.func @helper

// The second: a workgroup attribution, blocks kept, a unique module name.
// CHECK-LABEL: gpu.module @launches_kernel_0 {
// CHECK: gpu.func @launches_kernel(%{{.*}}: memref<?xf32>) workgroup(%{{.*}} : memref<4xf32, #gpu.address_space<workgroup>>) kernel attributes {known_block_size = array<i32: 4, 1, 1>, known_grid_size = array<i32: 1, 1, 1>} {
// CHECK: cf.br ^[[NEXT:[a-z0-9_]+]]
// CHECK: ^[[NEXT]]:
// CHECK-NEXT: gpu.return
