// RUN: mlopt --split-input-file %s | mlopt --split-input-file | FileCheck %s
// RUN: mlopt --split-input-file %s --mlir-print-op-generic | mlopt --split-input-file | FileCheck %s

// CHECK: module attributes {gpu.container_module} {
// CHECK-LABEL: gpu.module @kernels
// CHECK-SAME:  {
// CHECK-LABEL: gpu.func @kernel
// CHECK-SAME: (%[[ARG0:[^ ,:]+]]: f32, %[[ARG1:[^ ,:]+]]: memref<?xf32>) kernel {
// CHECK: %[[TX:[^ ,:]+]] = gpu.thread_id x
// CHECK: %[[TY:[^ ,:]+]] = gpu.thread_id y
// CHECK: %[[BX:[^ ,:]+]] = gpu.block_id x
// CHECK: %[[BD:[^ ,:]+]] = gpu.block_dim z
// CHECK: %[[GD:[^ ,:]+]] = gpu.grid_dim x
// CHECK: %[[L:[^ ,:]+]] = gpu.lane_id
// CHECK: %[[G:[^ ,:]+]] = gpu.global_id x
// CHECK: %[[SID:[^ ,:]+]] = gpu.subgroup_id : index
// CHECK: %[[NS:[^ ,:]+]] = gpu.num_subgroups : index
// CHECK: %[[SS:[^ ,:]+]] = gpu.subgroup_size : index
// CHECK: gpu.barrier
// CHECK: %[[C:[^ ,:]+]] = arith.constant 1 : i32
// CHECK: %[[W:[^ ,:]+]] = arith.constant 32 : i32
// CHECK: %[[S:[^ ,:]+]], %[[VALID:[^ ,:]+]] = gpu.shuffle xor %[[ARG0]], %[[C]], %[[W]] : f32
// CHECK: %[[S2:[^ ,:]+]], %[[V2:[^ ,:]+]] = gpu.shuffle down %[[ARG0]], %[[C]], %[[W]] : f32
// CHECK: %[[S3:[^ ,:]+]], %[[V3:[^ ,:]+]] = gpu.shuffle idx %[[ARG0]], %[[C]], %[[W]] : f32
// CHECK: %[[S4:[^ ,:]+]], %[[V4:[^ ,:]+]] = gpu.shuffle up %[[ARG0]], %[[C]], %[[W]] : f32
// CHECK: %[[R:[^ ,:]+]] = gpu.all_reduce add %[[ARG0]] uniform {
// CHECK: } : (f32) -> f32
// CHECK: %[[R2:[^ ,:]+]] = gpu.all_reduce %[[ARG0]] {
// CHECK: ^bb0(%[[A:[^ ,:]+]]: f32, %[[B:[^ ,:]+]]: f32):
// CHECK: %[[X:[^ ,:]+]] = arith.addf %[[A]], %[[B]] : f32
// CHECK: gpu.yield %[[X]] : f32
// CHECK: } : (f32) -> f32
// CHECK: %[[SR:[^ ,:]+]] = gpu.subgroup_reduce add %[[ARG0]] : (f32) -> f32
// CHECK: %[[SR2:[^ ,:]+]] = gpu.subgroup_reduce maxnumf %[[ARG0]] uniform cluster(size = 4) : (f32) -> f32
// CHECK: gpu.printf "Hello %[[D:[^ ,:]+]]\0A", %[[TX]] : index
// CHECK: %[[DYN:[^ ,:]+]] = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
// CHECK: gpu.return
// CHECK-LABEL: gpu.func @attribs
// CHECK-SAME: (%[[ARG0:[^ ,:]+]]: f32) workgroup(%[[W:[^ ,:]+]] : memref<32xf32, #gpu.address_space<workgroup>>) private(%[[P:[^ ,:]+]] : memref<1xf32, #gpu.address_space<private>>) kernel attributes {gpu.known_block_size = array<i32: 32, 1, 1>} {
// CHECK: gpu.return
// CHECK-LABEL: gpu.func @device
// CHECK-SAME: (%[[ARG0:[^ ,:]+]]: f32) -> f32 {
// CHECK: gpu.return %[[ARG0]] : f32
// CHECK-LABEL: func.func @plain
// CHECK-SAME: () {
// CHECK: return
// CHECK-LABEL: func.func @host
// CHECK-SAME: (%[[F:[^ ,:]+]]: f32, %[[M:[^ ,:]+]]: memref<?xf32>, %[[N:[^ ,:]+]]: index) {
// CHECK: %[[C1:[^ ,:]+]] = arith.constant 1 : index
// CHECK: gpu.launch_func @kernels::@kernel blocks in (%[[C1]], %[[C1]], %[[C1]]) threads in (%[[N]], %[[C1]], %[[C1]]) args(%[[F]] : f32, %[[M]] : memref<?xf32>)
// CHECK: %[[SMEM:[^ ,:]+]] = arith.constant 0 : i32
// CHECK: gpu.launch_func @kernels::@kernel blocks in (%[[C1]], %[[C1]], %[[C1]]) threads in (%[[N]], %[[C1]], %[[C1]]) dynamic_shared_memory_size %[[SMEM]] args(%[[F]] : f32, %[[M]] : memref<?xf32>)
// CHECK: %[[T0:[^ ,:]+]] = gpu.wait async
// CHECK: %[[T1:[^ ,:]+]] = gpu.launch_func async [%[[T0]]] @kernels::@kernel blocks in (%[[C1]], %[[C1]], %[[C1]]) threads in (%[[N]], %[[C1]], %[[C1]]) args(%[[F]] : f32, %[[M]] : memref<?xf32>)
// CHECK: gpu.wait [%[[T1]]]
// CHECK: gpu.launch_func @kernels::@kernel clusters in (%[[C1]], %[[C1]], %[[C1]]) blocks in (%[[C1]], %[[C1]], %[[C1]]) threads in (%[[N]], %[[C1]], %[[C1]]) args(%[[F]] : f32, %[[M]] : memref<?xf32>)
// CHECK: gpu.launch blocks(%[[BX_0:[^ ,:]+]], %[[BY:[^ ,:]+]], %[[BZ:[^ ,:]+]]) in (%[[GX:[^ ,:]+]] = %[[C1]], %[[GY:[^ ,:]+]] = %[[C1]], %[[GZ:[^ ,:]+]] = %[[C1]]) threads(%[[TX_0:[^ ,:]+]], %[[TY_0:[^ ,:]+]], %[[TZ:[^ ,:]+]]) in (%[[SX:[^ ,:]+]] = %[[N]], %[[SY:[^ ,:]+]] = %[[C1]], %[[SZ:[^ ,:]+]] = %[[C1]]) {
// CHECK: %[[V:[^ ,:]+]] = memref.load %[[M]][%[[TX_0]]] : memref<?xf32>
// CHECK: gpu.terminator
// CHECK: %[[T2:[^ ,:]+]] = gpu.launch async [%[[T0]]] blocks(%[[BX_1:[^ ,:]+]], %[[BY_1:[^ ,:]+]], %[[BZ_1:[^ ,:]+]]) in (%[[GX_1:[^ ,:]+]] = %[[C1]], %[[GY_1:[^ ,:]+]] = %[[C1]], %[[GZ_1:[^ ,:]+]] = %[[C1]]) threads(%[[TX_1:[^ ,:]+]], %[[TY_1:[^ ,:]+]], %[[TZ_1:[^ ,:]+]]) in (%[[SX_1:[^ ,:]+]] = %[[N]], %[[SY_1:[^ ,:]+]] = %[[C1]], %[[SZ_1:[^ ,:]+]] = %[[C1]]) dynamic_shared_memory_size %[[SMEM]] workgroup(%[[W_1:[^ ,:]+]] : memref<32xf32, #gpu.address_space<workgroup>>) private(%[[P_1:[^ ,:]+]] : memref<1xf32, #gpu.address_space<private>>) {
// CHECK: gpu.terminator
// CHECK: gpu.launch clusters(%[[CX:[^ ,:]+]], %[[CY:[^ ,:]+]], %[[CZ:[^ ,:]+]]) in (%[[CGX:[^ ,:]+]] = %[[C1]], %[[CGY:[^ ,:]+]] = %[[C1]], %[[CGZ:[^ ,:]+]] = %[[C1]]) blocks(%[[BX_2:[^ ,:]+]], %[[BY_2:[^ ,:]+]], %[[BZ_2:[^ ,:]+]]) in (%[[GX_2:[^ ,:]+]] = %[[C1]], %[[GY_2:[^ ,:]+]] = %[[C1]], %[[GZ_2:[^ ,:]+]] = %[[C1]]) threads(%[[TX_2:[^ ,:]+]], %[[TY_2:[^ ,:]+]], %[[TZ_2:[^ ,:]+]]) in (%[[SX_2:[^ ,:]+]] = %[[N]], %[[SY_2:[^ ,:]+]] = %[[C1]], %[[SZ_2:[^ ,:]+]] = %[[C1]]) {
// CHECK: gpu.terminator
// CHECK: gpu.launch blocks(%[[BX_3:[^ ,:]+]], %[[BY_3:[^ ,:]+]], %[[BZ_3:[^ ,:]+]]) in (%[[GX_3:[^ ,:]+]] = %[[C1]], %[[GY_3:[^ ,:]+]] = %[[C1]], %[[GZ_3:[^ ,:]+]] = %[[C1]]) threads(%[[TX_3:[^ ,:]+]], %[[TY_3:[^ ,:]+]], %[[TZ_3:[^ ,:]+]]) in (%[[SX_3:[^ ,:]+]] = %[[N]], %[[SY_3:[^ ,:]+]] = %[[C1]], %[[SZ_3:[^ ,:]+]] = %[[C1]]) module(@m) function(@f) {
// CHECK: gpu.terminator
// CHECK: return
// CHECK-LABEL: func.func @memory
// CHECK-SAME: (%[[N:[^ ,:]+]]: index, %[[H:[^ ,:]+]]: memref<?xf32>, %[[F:[^ ,:]+]]: f32) {
// CHECK: %[[D:[^ ,:]+]] = gpu.alloc (%[[N]]) : memref<?xf32>
// CHECK: %[[T0:[^ ,:]+]] = gpu.wait async
// CHECK: %[[D2:[^ ,:]+]], %[[T1:[^ ,:]+]] = gpu.alloc async [%[[T0]]] (%[[N]]) : memref<?xf32>
// CHECK: %[[D3:[^ ,:]+]] = gpu.alloc host_shared (%[[N]]) : memref<?xf32>
// CHECK: gpu.memcpy %[[D]], %[[H]] : memref<?xf32>, memref<?xf32>
// CHECK: %[[T2:[^ ,:]+]] = gpu.memcpy async [%[[T1]]] %[[D2]], %[[H]] : memref<?xf32>, memref<?xf32>
// CHECK: gpu.memset %[[D]], %[[F]] : memref<?xf32>, f32
// CHECK: %[[T3:[^ ,:]+]] = gpu.memset async [%[[T2]]] %[[D2]], %[[F]] : memref<?xf32>, f32
// CHECK: %[[T4:[^ ,:]+]] = gpu.dealloc async [%[[T3]]] %[[D2]] : memref<?xf32>
// CHECK: gpu.dealloc %[[D]] : memref<?xf32>
// CHECK: gpu.wait [%[[T4]], %[[T0]]]
// CHECK: gpu.wait
// CHECK: %[[T5:[^ ,:]+]] = gpu.wait async [%[[T4]]]
// CHECK: %[[U:[^ ,:]+]] = memref.cast %[[H]] : memref<?xf32> to memref<*xf32>
// CHECK: gpu.host_register %[[U]] : memref<*xf32>
// CHECK: gpu.host_unregister %[[U]] : memref<*xf32>
// CHECK: %[[SM:[^ ,:]+]] = gpu.alloc () : memref<4xf32, #gpu.address_space<workgroup>>
// CHECK: return
module attributes {gpu.container_module} {
  gpu.module @kernels {
    gpu.func @kernel(%arg0: f32, %arg1: memref<?xf32>) kernel {
      %tx = gpu.thread_id x
      %ty = gpu.thread_id y
      %bx = gpu.block_id x
      %bd = gpu.block_dim z
      %gd = gpu.grid_dim x
      %l = gpu.lane_id
      %g = gpu.global_id x
      %sid = gpu.subgroup_id : index
      %ns = gpu.num_subgroups : index
      %ss = gpu.subgroup_size : index
      gpu.barrier
      %c = arith.constant 1 : i32
      %w = arith.constant 32 : i32
      %s, %valid = gpu.shuffle xor %arg0, %c, %w : f32
      %s2, %v2 = gpu.shuffle down %arg0, %c, %w : f32
      %s3, %v3 = gpu.shuffle idx %arg0, %c, %w : f32
      %s4, %v4 = gpu.shuffle up %arg0, %c, %w : f32
      %r = gpu.all_reduce add %arg0 uniform {} : (f32) -> f32
      %r2 = gpu.all_reduce %arg0 {
      ^bb(%a: f32, %b: f32):
        %x = arith.addf %a, %b : f32
        gpu.yield %x : f32
      } : (f32) -> f32
      %sr = gpu.subgroup_reduce add %arg0 : (f32) -> f32
      %sr2 = gpu.subgroup_reduce maxnumf %arg0 uniform cluster(size = 4) : (f32) -> f32
      gpu.printf "Hello %d\n", %tx : index
      %dyn = gpu.dynamic_shared_memory : memref<?xi8, #gpu.address_space<workgroup>>
      gpu.return
    }
    gpu.func @attribs(%arg0: f32) workgroup(%w: memref<32xf32, #gpu.address_space<workgroup>>) private(%p: memref<1xf32, #gpu.address_space<private>>) kernel attributes {gpu.known_block_size = array<i32: 32, 1, 1>} {
      gpu.return
    }
    gpu.func @device(%arg0: f32) -> f32 {
      gpu.return %arg0 : f32
    }
    func.func @plain() {
      return
    }
  }
  func.func @host(%f: f32, %m: memref<?xf32>, %n: index) {
    %c1 = arith.constant 1 : index
    gpu.launch_func @kernels::@kernel blocks in (%c1, %c1, %c1) threads in (%n, %c1, %c1) args(%f : f32, %m : memref<?xf32>)
    %smem = arith.constant 0 : i32
    gpu.launch_func @kernels::@kernel blocks in (%c1, %c1, %c1) threads in (%n, %c1, %c1) dynamic_shared_memory_size %smem args(%f : f32, %m : memref<?xf32>)
    %t0 = gpu.wait async
    %t1 = gpu.launch_func async [%t0] @kernels::@kernel blocks in (%c1, %c1, %c1) threads in (%n, %c1, %c1) args(%f : f32, %m : memref<?xf32>)
    gpu.wait [%t1]
    gpu.launch_func @kernels::@kernel clusters in (%c1, %c1, %c1) blocks in (%c1, %c1, %c1) threads in (%n, %c1, %c1) args(%f : f32, %m : memref<?xf32>)
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %n, %sy = %c1, %sz = %c1) {
      %v = memref.load %m[%tx] : memref<?xf32>
      gpu.terminator
    }
    %t2 = gpu.launch async [%t0] blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %n, %sy = %c1, %sz = %c1) dynamic_shared_memory_size %smem workgroup(%w: memref<32xf32, #gpu.address_space<workgroup>>) private(%p: memref<1xf32, #gpu.address_space<private>>) {
      gpu.terminator
    }
    gpu.launch clusters(%cx, %cy, %cz) in (%cgx = %c1, %cgy = %c1, %cgz = %c1) blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %n, %sy = %c1, %sz = %c1) {
      gpu.terminator
    }
    gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1) threads(%tx, %ty, %tz) in (%sx = %n, %sy = %c1, %sz = %c1) module(@m) function(@f) {
      gpu.terminator
    }
    return
  }
  func.func @memory(%n: index, %h: memref<?xf32>, %f: f32) {
    %d = gpu.alloc(%n) : memref<?xf32>
    %t0 = gpu.wait async
    %d2, %t1 = gpu.alloc async [%t0] (%n) : memref<?xf32>
    %d3 = gpu.alloc host_shared (%n) : memref<?xf32>
    gpu.memcpy %d, %h : memref<?xf32>, memref<?xf32>
    %t2 = gpu.memcpy async [%t1] %d2, %h : memref<?xf32>, memref<?xf32>
    gpu.memset %d, %f : memref<?xf32>, f32
    %t3 = gpu.memset async [%t2] %d2, %f : memref<?xf32>, f32
    %t4 = gpu.dealloc async [%t3] %d2 : memref<?xf32>
    gpu.dealloc %d : memref<?xf32>
    gpu.wait [%t4, %t0]
    gpu.wait
    %t5 = gpu.wait async [%t4]
    %u = memref.cast %h : memref<?xf32> to memref<*xf32>
    gpu.host_register %u : memref<*xf32>
    gpu.host_unregister %u : memref<*xf32>
    %sm = gpu.alloc () : memref<4xf32, #gpu.address_space<workgroup>>
    return
  }
}

// -----

// CHECK-LABEL: gpu.module @m
// CHECK-SAME:  {
// CHECK-LABEL: gpu.func @k
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32, %[[I:[^ ,:]+]]: i32, %[[V:[^ ,:]+]]: vector<4xf32>) kernel {
// CHECK: %[[N0:[^ ,:]+]] = gpu.thread_id x upper_bound 128
// CHECK: %[[N1:[^ ,:]+]] = gpu.lane_id upper_bound 32
// CHECK: %[[N2:[^ ,:]+]] = gpu.subgroup_size upper_bound 64 : index
// CHECK: %[[N3:[^ ,:]+]] = gpu.cluster_id y
// CHECK: %[[N4:[^ ,:]+]] = gpu.cluster_block_id z
// CHECK: %[[N5:[^ ,:]+]] = gpu.cluster_dim x
// CHECK: %[[N6:[^ ,:]+]] = gpu.cluster_dim_blocks x
// CHECK: gpu.barrier
// CHECK: %[[R:[^ ,:]+]], %[[P:[^ ,:]+]] = gpu.rotate %[[A]], 3, 16 : f32
// CHECK: %[[B0:[^ ,:]+]] = gpu.subgroup_broadcast %[[A]], first_active_lane : f32
// CHECK: %[[B1:[^ ,:]+]] = gpu.subgroup_broadcast %[[A]], specific_lane %[[I]] : f32
// CHECK: %[[S:[^ ,:]+]] = gpu.subgroup_reduce minimumf %[[V]] cluster(size = 4, stride = 2) : (vector<4xf32>) -> vector<4xf32>
// CHECK: %[[G:[^ ,:]+]] = gpu.global_id x upper_bound 1024
// CHECK: gpu.return
// CHECK-LABEL: func.func @w
// CHECK-SAME: (%[[LANEID:[^ ,:]+]]: index, %[[V0:[^ ,:]+]]: vector<4xi32>) -> vector<4xi32> {
// CHECK: %[[N0:[^ ,:]+]] = gpu.warp_execute_on_lane_0(%[[LANEID]])[32] args(%[[V0]] : vector<4xi32>) -> (vector<4xi32>) {
// CHECK: ^bb0(%[[ARG0:[^ ,:]+]]: vector<128xi32>):
// CHECK: gpu.yield %[[ARG0]] : vector<128xi32>
// CHECK: gpu.warp_execute_on_lane_0(%[[LANEID]])[32] {
// CHECK: return %[[N0]] : vector<4xi32>
// CHECK-LABEL: func.func @mma
// CHECK-SAME: (%[[SRC:[^ ,:]+]]: memref<32x32xf16, 3>, %[[I:[^ ,:]+]]: index, %[[F:[^ ,:]+]]: f32) {
// CHECK: %[[N0:[^ ,:]+]] = gpu.subgroup_mma_load_matrix %[[SRC]][%[[I]], %[[I]]] {leadDimension = 32 : index} : memref<32x32xf16, 3> -> !gpu.mma_matrix<16x16xf16, "AOp">
// CHECK: %[[N1:[^ ,:]+]] = gpu.subgroup_mma_load_matrix %[[SRC]][%[[I]], %[[I]]] {leadDimension = 32 : index, transpose} : memref<32x32xf16, 3> -> !gpu.mma_matrix<16x16xf16, "BOp">
// CHECK: %[[C:[^ ,:]+]] = gpu.subgroup_mma_constant_matrix %[[F]] : !gpu.mma_matrix<16x16xf32, "COp">
// CHECK: %[[D:[^ ,:]+]] = gpu.subgroup_mma_compute %[[N0]], %[[N1]], %[[C]] : !gpu.mma_matrix<16x16xf16, "AOp">, !gpu.mma_matrix<16x16xf16, "BOp"> -> !gpu.mma_matrix<16x16xf32, "COp">
// CHECK: %[[E:[^ ,:]+]] = gpu.subgroup_mma_compute %[[N0]], %[[N1]], %[[C]] {a_transpose} : !gpu.mma_matrix<16x16xf16, "AOp">, !gpu.mma_matrix<16x16xf16, "BOp"> -> !gpu.mma_matrix<16x16xf32, "COp">
// CHECK: %[[X:[^ ,:]+]] = gpu.subgroup_mma_elementwise addf %[[D]], %[[E]] : (!gpu.mma_matrix<16x16xf32, "COp">, !gpu.mma_matrix<16x16xf32, "COp">) -> !gpu.mma_matrix<16x16xf32, "COp">
// CHECK: %[[V:[^ ,:]+]] = gpu.subgroup_mma_extract_thread_local %[[X]][%[[I]]] : !gpu.mma_matrix<16x16xf32, "COp"> -> f32
// CHECK: %[[Y:[^ ,:]+]] = gpu.subgroup_mma_insert_thread_local %[[V]], %[[X]][%[[I]]] : f32, !gpu.mma_matrix<16x16xf32, "COp"> -> !gpu.mma_matrix<16x16xf32, "COp">
// CHECK: %[[DST:[^ ,:]+]] = memref.alloca() : memref<16x16xf32>
// CHECK: gpu.subgroup_mma_store_matrix %[[Y]], %[[DST]][%[[I]], %[[I]]] {leadDimension = 16 : index} : !gpu.mma_matrix<16x16xf32, "COp">, memref<16x16xf32>
// CHECK: %[[DEV:[^ ,:]+]] = arith.constant 0 : i32
// CHECK: gpu.set_default_device %[[DEV]]
// CHECK: return
// CHECK-LABEL: func.func @maps
// CHECK-SAME: () attributes {l = #gpu.loop_dim_map<processor = thread_x, map = (d0) -> (d0), bound = (d0) -> (d0)>, m = [#gpu.thread<x>, #gpu.block<y>, #gpu.warp<z>, #gpu.warpgroup<x>, #gpu.lane<x>, #gpu.memory_space<workgroup>, #gpu.thread<linear_dim_0>], s = #gpu.address_space<global>} {
// CHECK: return
gpu.module @m {
  gpu.func @k(%a: f32, %i: i32, %v: vector<4xf32>) kernel {
    %0 = gpu.thread_id x upper_bound 128
    %1 = gpu.lane_id upper_bound 32
    %2 = gpu.subgroup_size upper_bound 64 : index
    %3 = gpu.cluster_id y
    %4 = gpu.cluster_block_id z
    %5 = gpu.cluster_dim x
    %6 = gpu.cluster_dim_blocks x
    gpu.barrier
    %r, %p = gpu.rotate %a, 3, 16 : f32
    %b0 = gpu.subgroup_broadcast %a, first_active_lane : f32
    %b1 = gpu.subgroup_broadcast %a, specific_lane %i : f32
    %s = gpu.subgroup_reduce minimumf %v cluster(size = 4, stride = 2) : (vector<4xf32>) -> vector<4xf32>
    %g = gpu.global_id x upper_bound 1024
    gpu.return
  }
}
func.func @w(%laneid: index, %v0: vector<4xi32>) -> vector<4xi32> {
  %2 = gpu.warp_execute_on_lane_0(%laneid)[32] args(%v0 : vector<4xi32>) -> (vector<4xi32>) {
  ^bb0(%arg0 : vector<128xi32>):
    gpu.yield %arg0 : vector<128xi32>
  }
  gpu.warp_execute_on_lane_0(%laneid)[32] {
  }
  return %2 : vector<4xi32>
}
func.func @mma(%src: memref<32x32xf16, 3>, %i: index, %f: f32) {
  %0 = gpu.subgroup_mma_load_matrix %src[%i, %i] {leadDimension = 32 : index} : memref<32x32xf16, 3> -> !gpu.mma_matrix<16x16xf16, "AOp">
  %1 = gpu.subgroup_mma_load_matrix %src[%i, %i] {leadDimension = 32 : index, transpose} : memref<32x32xf16, 3> -> !gpu.mma_matrix<16x16xf16, "BOp">
  %c = gpu.subgroup_mma_constant_matrix %f : !gpu.mma_matrix<16x16xf32, "COp">
  %d = gpu.subgroup_mma_compute %0, %1, %c : !gpu.mma_matrix<16x16xf16, "AOp">, !gpu.mma_matrix<16x16xf16, "BOp"> -> !gpu.mma_matrix<16x16xf32, "COp">
  %e = gpu.subgroup_mma_compute %0, %1, %c {a_transpose} : !gpu.mma_matrix<16x16xf16, "AOp">, !gpu.mma_matrix<16x16xf16, "BOp"> -> !gpu.mma_matrix<16x16xf32, "COp">
  %x = gpu.subgroup_mma_elementwise addf %d, %e : (!gpu.mma_matrix<16x16xf32, "COp">, !gpu.mma_matrix<16x16xf32, "COp">) -> !gpu.mma_matrix<16x16xf32, "COp">
  %v = gpu.subgroup_mma_extract_thread_local %x[%i] : !gpu.mma_matrix<16x16xf32, "COp"> -> f32
  %y = gpu.subgroup_mma_insert_thread_local %v, %x[%i] : f32, !gpu.mma_matrix<16x16xf32, "COp"> -> !gpu.mma_matrix<16x16xf32, "COp">
  %dst = memref.alloca() : memref<16x16xf32>
  gpu.subgroup_mma_store_matrix %y, %dst[%i, %i] {leadDimension = 16 : index} : !gpu.mma_matrix<16x16xf32, "COp">, memref<16x16xf32>
  %dev = arith.constant 0 : i32
  gpu.set_default_device %dev
  return
}
func.func @maps() attributes {m = [#gpu.thread<x>, #gpu.block<y>, #gpu.warp<z>, #gpu.warpgroup<x>, #gpu.lane<x>, #gpu.memory_space<workgroup>, #gpu.thread<linear_dim_0>], l = #gpu.loop_dim_map<processor = thread_x, map = (d0) -> (d0), bound = (d0) -> (d0)>, s = #gpu.address_space<global>} {
  return
}

// -----

// CHECK-LABEL: gpu.module @m
// CHECK-SAME:  {
// CHECK-LABEL: gpu.func @k
// CHECK-SAME: (%[[A:[^ ,:]+]]: f32 {x.z}) -> (f32 {x.y}) workgroup(%[[W:[^ ,:]+]] : memref<4xf32, 3>) private(%[[P:[^ ,:]+]] : memref<1xf32, 5>) attributes {foo} {
// CHECK: gpu.return %[[A]] : f32
// CHECK-LABEL: gpu.func @e
// CHECK-SAME: () {
// CHECK: gpu.return
gpu.module @m {
 gpu.func @k(%a: f32 {x.z}) -> (f32 {x.y}) workgroup(%w: memref<4xf32, 3>) private(%p: memref<1xf32, 5>) attributes {foo} {
 gpu.return %a : f32
 }
 gpu.func @e() workgroup() private() {
 gpu.return }
}

// -----

// CHECK-LABEL: func.func @f
// CHECK-SAME: (%[[N:[^ ,:]+]]: index) {
// CHECK: gpu.launch clusters(%[[CX:[^ ,:]+]], %[[CY:[^ ,:]+]], %[[CZ:[^ ,:]+]]) in (%[[CGX:[^ ,:]+]] = %[[N]], %[[CGY:[^ ,:]+]] = %[[N]], %[[CGZ:[^ ,:]+]] = %[[N]]) blocks(%[[BX:[^ ,:]+]], %[[BY:[^ ,:]+]], %[[BZ:[^ ,:]+]]) in (%[[GX:[^ ,:]+]] = %[[N]], %[[GY:[^ ,:]+]] = %[[N]], %[[GZ:[^ ,:]+]] = %[[N]]) threads(%[[TX:[^ ,:]+]], %[[TY:[^ ,:]+]], %[[TZ:[^ ,:]+]]) in (%[[SX:[^ ,:]+]] = %[[N]], %[[SY:[^ ,:]+]] = %[[N]], %[[SZ:[^ ,:]+]] = %[[N]]) workgroup(%[[W:[^ ,:]+]] : memref<4xf32, 3>) private(%[[P:[^ ,:]+]] : memref<1xf32, 5>) {
// CHECK: %[[S0:[^ ,:]+]] = arith.addi %[[CX]], %[[CGZ]] : index
// CHECK: %[[S1:[^ ,:]+]] = arith.addi %[[BX]], %[[GZ]] : index
// CHECK: %[[S2:[^ ,:]+]] = arith.addi %[[TZ]], %[[SX]] : index
// CHECK: gpu.terminator
// CHECK: } {foo}
// CHECK: return
func.func @f(%n: index) {
  gpu.launch clusters(%cx, %cy, %cz) in (%cgx = %n, %cgy = %n, %cgz = %n) blocks(%bx, %by, %bz) in (%gx = %n, %gy = %n, %gz = %n) threads(%tx, %ty, %tz) in (%sx = %n, %sy = %n, %sz = %n) workgroup(%w: memref<4xf32, 3>) private(%p: memref<1xf32, 5>) {
    %s0 = arith.addi %cx, %cgz : index
    %s1 = arith.addi %bx, %gz : index
    %s2 = arith.addi %tz, %sx : index
    gpu.terminator
  } {foo}
  return
}
