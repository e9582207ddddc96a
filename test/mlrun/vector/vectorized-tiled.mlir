// A matmul tiled 8x8 over subviews and vectorized (vectorize_children_and_apply_patterns,
// contractions lowered to outer products) and a max-reduction + exp over rows
// (multi_reduction lowered to row reductions): the vector IR mlir-opt's
// transform interpreter produced, lowered and run as upstream lowers it.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func @matmul(%arg0: memref<24x20xf32>, %arg1: memref<20x16xf32>, %arg2: memref<24x16xf32>) {
  %0 = ub.poison : f32
  %c0 = arith.constant 0 : index
  %c24 = arith.constant 24 : index
  %c16 = arith.constant 16 : index
  %c8 = arith.constant 8 : index
  scf.for %arg3 = %c0 to %c24 step %c8 {
    scf.for %arg4 = %c0 to %c16 step %c8 {
      %subview = memref.subview %arg0[%arg3, 0] [8, 20] [1, 1] : memref<24x20xf32> to memref<8x20xf32, strided<[20, 1], offset: ?>>
      %subview_0 = memref.subview %arg1[0, %arg4] [20, 8] [1, 1] : memref<20x16xf32> to memref<20x8xf32, strided<[16, 1], offset: ?>>
      %subview_1 = memref.subview %arg2[%arg3, %arg4] [8, 8] [1, 1] : memref<24x16xf32> to memref<8x8xf32, strided<[16, 1], offset: ?>>
      %1 = vector.transfer_read %subview[%c0, %c0], %0 {in_bounds = [true, true]} : memref<8x20xf32, strided<[20, 1], offset: ?>>, vector<8x20xf32>
      %2 = vector.transfer_read %subview_0[%c0, %c0], %0 {in_bounds = [true, true]} : memref<20x8xf32, strided<[16, 1], offset: ?>>, vector<20x8xf32>
      %3 = vector.transfer_read %subview_1[%c0, %c0], %0 {in_bounds = [true, true]} : memref<8x8xf32, strided<[16, 1], offset: ?>>, vector<8x8xf32>
      %4 = vector.transpose %1, [1, 0] : vector<8x20xf32> to vector<20x8xf32>
      %5 = vector.extract %4[0] : vector<8xf32> from vector<20x8xf32>
      %6 = vector.extract %2[0] : vector<8xf32> from vector<20x8xf32>
      %7 = vector.outerproduct %5, %6, %3 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %8 = vector.extract %4[1] : vector<8xf32> from vector<20x8xf32>
      %9 = vector.extract %2[1] : vector<8xf32> from vector<20x8xf32>
      %10 = vector.outerproduct %8, %9, %7 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %11 = vector.extract %4[2] : vector<8xf32> from vector<20x8xf32>
      %12 = vector.extract %2[2] : vector<8xf32> from vector<20x8xf32>
      %13 = vector.outerproduct %11, %12, %10 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %14 = vector.extract %4[3] : vector<8xf32> from vector<20x8xf32>
      %15 = vector.extract %2[3] : vector<8xf32> from vector<20x8xf32>
      %16 = vector.outerproduct %14, %15, %13 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %17 = vector.extract %4[4] : vector<8xf32> from vector<20x8xf32>
      %18 = vector.extract %2[4] : vector<8xf32> from vector<20x8xf32>
      %19 = vector.outerproduct %17, %18, %16 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %20 = vector.extract %4[5] : vector<8xf32> from vector<20x8xf32>
      %21 = vector.extract %2[5] : vector<8xf32> from vector<20x8xf32>
      %22 = vector.outerproduct %20, %21, %19 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %23 = vector.extract %4[6] : vector<8xf32> from vector<20x8xf32>
      %24 = vector.extract %2[6] : vector<8xf32> from vector<20x8xf32>
      %25 = vector.outerproduct %23, %24, %22 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %26 = vector.extract %4[7] : vector<8xf32> from vector<20x8xf32>
      %27 = vector.extract %2[7] : vector<8xf32> from vector<20x8xf32>
      %28 = vector.outerproduct %26, %27, %25 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %29 = vector.extract %4[8] : vector<8xf32> from vector<20x8xf32>
      %30 = vector.extract %2[8] : vector<8xf32> from vector<20x8xf32>
      %31 = vector.outerproduct %29, %30, %28 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %32 = vector.extract %4[9] : vector<8xf32> from vector<20x8xf32>
      %33 = vector.extract %2[9] : vector<8xf32> from vector<20x8xf32>
      %34 = vector.outerproduct %32, %33, %31 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %35 = vector.extract %4[10] : vector<8xf32> from vector<20x8xf32>
      %36 = vector.extract %2[10] : vector<8xf32> from vector<20x8xf32>
      %37 = vector.outerproduct %35, %36, %34 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %38 = vector.extract %4[11] : vector<8xf32> from vector<20x8xf32>
      %39 = vector.extract %2[11] : vector<8xf32> from vector<20x8xf32>
      %40 = vector.outerproduct %38, %39, %37 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %41 = vector.extract %4[12] : vector<8xf32> from vector<20x8xf32>
      %42 = vector.extract %2[12] : vector<8xf32> from vector<20x8xf32>
      %43 = vector.outerproduct %41, %42, %40 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %44 = vector.extract %4[13] : vector<8xf32> from vector<20x8xf32>
      %45 = vector.extract %2[13] : vector<8xf32> from vector<20x8xf32>
      %46 = vector.outerproduct %44, %45, %43 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %47 = vector.extract %4[14] : vector<8xf32> from vector<20x8xf32>
      %48 = vector.extract %2[14] : vector<8xf32> from vector<20x8xf32>
      %49 = vector.outerproduct %47, %48, %46 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %50 = vector.extract %4[15] : vector<8xf32> from vector<20x8xf32>
      %51 = vector.extract %2[15] : vector<8xf32> from vector<20x8xf32>
      %52 = vector.outerproduct %50, %51, %49 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %53 = vector.extract %4[16] : vector<8xf32> from vector<20x8xf32>
      %54 = vector.extract %2[16] : vector<8xf32> from vector<20x8xf32>
      %55 = vector.outerproduct %53, %54, %52 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %56 = vector.extract %4[17] : vector<8xf32> from vector<20x8xf32>
      %57 = vector.extract %2[17] : vector<8xf32> from vector<20x8xf32>
      %58 = vector.outerproduct %56, %57, %55 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %59 = vector.extract %4[18] : vector<8xf32> from vector<20x8xf32>
      %60 = vector.extract %2[18] : vector<8xf32> from vector<20x8xf32>
      %61 = vector.outerproduct %59, %60, %58 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      %62 = vector.extract %4[19] : vector<8xf32> from vector<20x8xf32>
      %63 = vector.extract %2[19] : vector<8xf32> from vector<20x8xf32>
      %64 = vector.outerproduct %62, %63, %61 {kind = #vector.kind<add>} : vector<8xf32>, vector<8xf32>
      vector.transfer_write %64, %subview_1[%c0, %c0] {in_bounds = [true, true]} : vector<8x8xf32>, memref<8x8xf32, strided<[16, 1], offset: ?>>
    }
  }
  return
}
func.func @softmax_like(%arg0: memref<6x10xf32>, %arg1: memref<6x10xf32>) {
  %cst = arith.constant dense<0.000000e+00> : vector<6xf32>
  %0 = ub.poison : f32
  %cst_0 = arith.constant dense<-1.000000e+30> : vector<6xf32>
  %c0 = arith.constant 0 : index
  %alloc = memref.alloc() : memref<6xf32>
  vector.transfer_write %cst_0, %alloc[%c0] {in_bounds = [true]} : vector<6xf32>, memref<6xf32>
  %1 = vector.transfer_read %arg0[%c0, %c0], %0 {in_bounds = [true, true]} : memref<6x10xf32>, vector<6x10xf32>
  %2 = vector.transfer_read %alloc[%c0], %0 {in_bounds = [true]} : memref<6xf32>, vector<6xf32>
  %3 = vector.extract %1[0] : vector<10xf32> from vector<6x10xf32>
  %4 = vector.extract %2[0] : f32 from vector<6xf32>
  %5 = vector.reduction <maximumf>, %3, %4 : vector<10xf32> into f32
  %6 = vector.insert %5, %cst [0] : f32 into vector<6xf32>
  %7 = vector.extract %1[1] : vector<10xf32> from vector<6x10xf32>
  %8 = vector.extract %2[1] : f32 from vector<6xf32>
  %9 = vector.reduction <maximumf>, %7, %8 : vector<10xf32> into f32
  %10 = vector.insert %9, %6 [1] : f32 into vector<6xf32>
  %11 = vector.extract %1[2] : vector<10xf32> from vector<6x10xf32>
  %12 = vector.extract %2[2] : f32 from vector<6xf32>
  %13 = vector.reduction <maximumf>, %11, %12 : vector<10xf32> into f32
  %14 = vector.insert %13, %10 [2] : f32 into vector<6xf32>
  %15 = vector.extract %1[3] : vector<10xf32> from vector<6x10xf32>
  %16 = vector.extract %2[3] : f32 from vector<6xf32>
  %17 = vector.reduction <maximumf>, %15, %16 : vector<10xf32> into f32
  %18 = vector.insert %17, %14 [3] : f32 into vector<6xf32>
  %19 = vector.extract %1[4] : vector<10xf32> from vector<6x10xf32>
  %20 = vector.extract %2[4] : f32 from vector<6xf32>
  %21 = vector.reduction <maximumf>, %19, %20 : vector<10xf32> into f32
  %22 = vector.insert %21, %18 [4] : f32 into vector<6xf32>
  %23 = vector.extract %1[5] : vector<10xf32> from vector<6x10xf32>
  %24 = vector.extract %2[5] : f32 from vector<6xf32>
  %25 = vector.reduction <maximumf>, %23, %24 : vector<10xf32> into f32
  %26 = vector.insert %25, %22 [5] : f32 into vector<6xf32>
  vector.transfer_write %26, %alloc[%c0] {in_bounds = [true]} : vector<6xf32>, memref<6xf32>
  %27 = vector.transfer_read %arg0[%c0, %c0], %0 {in_bounds = [true, true]} : memref<6x10xf32>, vector<6x10xf32>
  %28 = vector.transfer_read %alloc[%c0], %0 {in_bounds = [true]} : memref<6xf32>, vector<6xf32>
  %29 = vector.broadcast %28 : vector<6xf32> to vector<10x6xf32>
  %30 = vector.transpose %29, [1, 0] : vector<10x6xf32> to vector<6x10xf32>
  %31 = arith.subf %27, %30 : vector<6x10xf32>
  %32 = math.exp %31 : vector<6x10xf32>
  vector.transfer_write %32, %arg1[%c0, %c0] {in_bounds = [true, true]} : vector<6x10xf32>, memref<6x10xf32>
  memref.dealloc %alloc : memref<6xf32>
  return
}

func.func private @printMemrefF32(memref<*xf32>)
func.func @fill(%m: memref<?x?xf32>, %scale: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = memref.dim %m, %c0 : memref<?x?xf32>
  %cols = memref.dim %m, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %cols step %c1 {
      %k = arith.muli %i, %cols : index
      %l = arith.addi %k, %j : index
      %c7 = arith.constant 7 : index
      %m7 = arith.remui %l, %c7 : index
      %li = arith.index_cast %m7 : index to i32
      %f = arith.sitofp %li : i32 to f32
      %g = arith.mulf %f, %scale : f32
      memref.store %g, %m[%i, %j] : memref<?x?xf32>
    }
  }
  return
}
func.func @main() {
  %one = arith.constant 1.0 : f32
  %half = arith.constant 0.5 : f32
  %zero = arith.constant 0.0 : f32
  %A = memref.alloc() : memref<24x20xf32>
  %B = memref.alloc() : memref<20x16xf32>
  %C = memref.alloc() : memref<24x16xf32>
  %Ad = memref.cast %A : memref<24x20xf32> to memref<?x?xf32>
  %Bd = memref.cast %B : memref<20x16xf32> to memref<?x?xf32>
  %Cd = memref.cast %C : memref<24x16xf32> to memref<?x?xf32>
  func.call @fill(%Ad, %one) : (memref<?x?xf32>, f32) -> ()
  func.call @fill(%Bd, %half) : (memref<?x?xf32>, f32) -> ()
  func.call @fill(%Cd, %zero) : (memref<?x?xf32>, f32) -> ()
  func.call @matmul(%A, %B, %C) : (memref<24x20xf32>, memref<20x16xf32>, memref<24x16xf32>) -> ()
  %Cu = memref.cast %C : memref<24x16xf32> to memref<*xf32>
  // CHECK: sizes = [24, 16] strides = [16, 1] data =
  // CHECK-NEXT: {{\[}}[100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5],
  // CHECK-NEXT: [71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5],
  // CHECK-NEXT: [63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5],
  // CHECK-NEXT: [76.5,   106.5,   115.5,   82.5,   91.5,   69,   88.5,   76.5,   106.5,   115.5,   82.5,   91.5,   69,   88.5,   76.5,   106.5],
  // CHECK-NEXT: [110.5,   78,   94.5,   72.5,   92.5,   81,   111.5,   110.5,   78,   94.5,   72.5,   92.5,   81,   111.5,   110.5,   78],
  // CHECK-NEXT: [92,   70.5,   94.5,   83.5,   114.5,   114,   82,   92,   70.5,   94.5,   83.5,   114.5,   114,   82,   92,   70.5],
  // CHECK-NEXT: [94.5,   84,   115.5,   115.5,   84,   94.5,   73.5,   94.5,   84,   115.5,   115.5,   84,   94.5,   73.5,   94.5,   84],
  // CHECK-NEXT: [100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5],
  // CHECK-NEXT: [71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5],
  // CHECK-NEXT: [63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5],
  // CHECK-NEXT: [76.5,   106.5,   115.5,   82.5,   91.5,   69,   88.5,   76.5,   106.5,   115.5,   82.5,   91.5,   69,   88.5,   76.5,   106.5],
  // CHECK-NEXT: [110.5,   78,   94.5,   72.5,   92.5,   81,   111.5,   110.5,   78,   94.5,   72.5,   92.5,   81,   111.5,   110.5,   78],
  // CHECK-NEXT: [92,   70.5,   94.5,   83.5,   114.5,   114,   82,   92,   70.5,   94.5,   83.5,   114.5,   114,   82,   92,   70.5],
  // CHECK-NEXT: [94.5,   84,   115.5,   115.5,   84,   94.5,   73.5,   94.5,   84,   115.5,   115.5,   84,   94.5,   73.5,   94.5,   84],
  // CHECK-NEXT: [100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5],
  // CHECK-NEXT: [71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5],
  // CHECK-NEXT: [63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5],
  // CHECK-NEXT: [76.5,   106.5,   115.5,   82.5,   91.5,   69,   88.5,   76.5,   106.5,   115.5,   82.5,   91.5,   69,   88.5,   76.5,   106.5],
  // CHECK-NEXT: [110.5,   78,   94.5,   72.5,   92.5,   81,   111.5,   110.5,   78,   94.5,   72.5,   92.5,   81,   111.5,   110.5,   78],
  // CHECK-NEXT: [92,   70.5,   94.5,   83.5,   114.5,   114,   82,   92,   70.5,   94.5,   83.5,   114.5,   114,   82,   92,   70.5],
  // CHECK-NEXT: [94.5,   84,   115.5,   115.5,   84,   94.5,   73.5,   94.5,   84,   115.5,   115.5,   84,   94.5,   73.5,   94.5,   84],
  // CHECK-NEXT: [100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5,   84,   91.5,   67.5,   85.5,   72,   100.5,   97.5],
  // CHECK-NEXT: [71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5,   73.5,   92,   79,   108,   105.5,   71.5,   79.5],
  // CHECK-NEXT: [63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5,   84,   113.5,   111.5,   78,   86.5,   63.5,   82.5]]
  func.call @printMemrefF32(%Cu) : (memref<*xf32>) -> ()
  %X = memref.alloc() : memref<6x10xf32>
  %Y = memref.alloc() : memref<6x10xf32>
  %Xd = memref.cast %X : memref<6x10xf32> to memref<?x?xf32>
  func.call @fill(%Xd, %half) : (memref<?x?xf32>, f32) -> ()
  func.call @softmax_like(%X, %Y) : (memref<6x10xf32>, memref<6x10xf32>) -> ()
  %Yu = memref.cast %Y : memref<6x10xf32> to memref<*xf32>
  // CHECK: sizes = [6, 10] strides = [10, 1] data =
  // CHECK-NEXT: {{\[}}[0.0497871,   0.082085,   0.135335,   0.22313,   0.367879,   0.606531,   1,   0.0497871,   0.082085,   0.135335],
  // CHECK-NEXT: [0.22313,   0.367879,   0.606531,   1,   0.0497871,   0.082085,   0.135335,   0.22313,   0.367879,   0.606531],
  // CHECK-NEXT: [1,   0.0497871,   0.082085,   0.135335,   0.22313,   0.367879,   0.606531,   1,   0.0497871,   0.082085],
  // CHECK-NEXT: [0.135335,   0.22313,   0.367879,   0.606531,   1,   0.0497871,   0.082085,   0.135335,   0.22313,   0.367879],
  // CHECK-NEXT: [0.606531,   1,   0.0497871,   0.082085,   0.135335,   0.22313,   0.367879,   0.606531,   1,   0.0497871],
  // CHECK-NEXT: [0.082085,   0.135335,   0.22313,   0.367879,   0.606531,   1,   0.0497871,   0.082085,   0.135335,   0.22313]]
  func.call @printMemrefF32(%Yu) : (memref<*xf32>) -> ()
  return
}
