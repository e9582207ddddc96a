// What transform.structured.vectorize makes of a matmul, an elementwise op
// with a broadcast operand, row reductions and, with vector sizes larger
// than the dynamic shapes, masked transfers and a masked multi_reduction,
// lowered as upstream lowers it.
// RUN: mlopt %s --lower-vector-mask --lower-vector-multi-reduction | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --lower-vector-mask --lower-vector-multi-reduction=lowering-strategy=inner-reduction | mlrun - -e main --entry-point-result=void | FileCheck %s
// REQUIRES: mlir-runner
// RUN: %mlir_opt %s --lower-vector-mask --lower-vector-multi-reduction --test-lower-to-llvm | %mlir_runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so.22.1,%mlir_lib_dir/libmlir_c_runner_utils.so.22.1 | FileCheck %s

func.func private @printMemrefF32(memref<*xf32>)

func.func @matmul(%arg0: memref<8x16xf32>, %arg1: memref<16x8xf32>, %arg2: memref<8x8xf32>) {
  %c8 = arith.constant 8 : index
  %c8_0 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c0 = arith.constant 0 : index
  %0 = ub.poison : f32
  %1 = vector.transfer_read %arg0[%c0, %c0], %0 {permutation_map = affine_map<(d0, d1) -> (d0, 0, d1)>} : memref<8x16xf32>, vector<8x8x16xf32>
  %2 = ub.poison : f32
  %3 = vector.transfer_read %arg1[%c0, %c0], %2 {permutation_map = affine_map<(d0, d1) -> (0, d1, d0)>} : memref<16x8xf32>, vector<8x8x16xf32>
  %4 = ub.poison : f32
  %5 = vector.transfer_read %arg2[%c0, %c0], %4 : memref<8x8xf32>, vector<8x8xf32>
  %6 = arith.mulf %1, %3 : vector<8x8x16xf32>
  %7 = vector.multi_reduction <add>, %6, %5 [2] : vector<8x8x16xf32> to vector<8x8xf32>
  %c0_1 = arith.constant 0 : index
  vector.transfer_write %7, %arg2[%c0_1, %c0_1] : vector<8x8xf32>, memref<8x8xf32>
  return
}
func.func @ew(%arg0: memref<7x13xf32>, %arg1: memref<13xf32>, %arg2: memref<7x13xf32>) {
  %c7 = arith.constant 7 : index
  %c13 = arith.constant 13 : index
  %c0 = arith.constant 0 : index
  %0 = ub.poison : f32
  %1 = vector.transfer_read %arg0[%c0, %c0], %0 : memref<7x13xf32>, vector<7x13xf32>
  %2 = ub.poison : f32
  %3 = vector.transfer_read %arg1[%c0], %2 {permutation_map = affine_map<(d0) -> (0, d0)>} : memref<13xf32>, vector<7x13xf32>
  %4 = ub.poison : f32
  %5 = vector.transfer_read %arg2[%c0, %c0], %4 : memref<7x13xf32>, vector<7x13xf32>
  %6 = arith.mulf %1, %3 : vector<7x13xf32>
  %7 = arith.maximumf %6, %5 : vector<7x13xf32>
  %c0_0 = arith.constant 0 : index
  vector.transfer_write %7, %arg2[%c0_0, %c0_0] : vector<7x13xf32>, memref<7x13xf32>
  return
}
func.func @red(%arg0: memref<6x10xf32>, %arg1: memref<6xf32>) {
  %c6 = arith.constant 6 : index
  %c10 = arith.constant 10 : index
  %c0 = arith.constant 0 : index
  %0 = ub.poison : f32
  %1 = vector.transfer_read %arg0[%c0, %c0], %0 : memref<6x10xf32>, vector<6x10xf32>
  %2 = ub.poison : f32
  %3 = vector.transfer_read %arg1[%c0], %2 : memref<6xf32>, vector<6xf32>
  %4 = vector.multi_reduction <add>, %1, %3 [1] : vector<6x10xf32> to vector<6xf32>
  %c0_0 = arith.constant 0 : index
  vector.transfer_write %4, %arg1[%c0_0] : vector<6xf32>, memref<6xf32>
  return
}
func.func @red_dyn(%arg0: memref<?x?xf32>, %arg1: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %dim = memref.dim %arg0, %c0 : memref<?x?xf32>
  %c1 = arith.constant 1 : index
  %dim_0 = memref.dim %arg0, %c1 : memref<?x?xf32>
  %c0_1 = arith.constant 0 : index
  %0 = ub.poison : f32
  %1 = vector.create_mask %dim, %dim_0 : vector<4x8xi1>
  %2 = vector.mask %1 { vector.transfer_read %arg0[%c0_1, %c0_1], %0 {in_bounds = [true, true]} : memref<?x?xf32>, vector<4x8xf32> } : vector<4x8xi1> -> vector<4x8xf32>
  %3 = ub.poison : f32
  %4 = vector.create_mask %dim : vector<4xi1>
  %5 = vector.mask %4 { vector.transfer_read %arg1[%c0_1], %3 {in_bounds = [true]} : memref<?xf32>, vector<4xf32> } : vector<4xi1> -> vector<4xf32>
  %6 = vector.mask %1 { vector.multi_reduction <maximumf>, %2, %5 [1] : vector<4x8xf32> to vector<4xf32> } : vector<4x8xi1> -> vector<4xf32>
  %c0_2 = arith.constant 0 : index
  vector.mask %4 { vector.transfer_write %6, %arg1[%c0_2] {in_bounds = [true]} : vector<4xf32>, memref<?xf32> } : vector<4xi1>
  return
}
func.func @ew_dyn(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %dim = memref.dim %arg0, %c0 : memref<?x?xf32>
  %c1 = arith.constant 1 : index
  %dim_0 = memref.dim %arg0, %c1 : memref<?x?xf32>
  %c0_1 = arith.constant 0 : index
  %0 = ub.poison : f32
  %1 = vector.create_mask %dim, %dim_0 : vector<4x8xi1>
  %2 = vector.mask %1 { vector.transfer_read %arg0[%c0_1, %c0_1], %0 {in_bounds = [true, true]} : memref<?x?xf32>, vector<4x8xf32> } : vector<4x8xi1> -> vector<4x8xf32>
  %3 = ub.poison : f32
  %4 = vector.create_mask %dim_0, %dim : vector<8x4xi1>
  %5 = vector.mask %4 { vector.transfer_read %arg1[%c0_1, %c0_1], %3 {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : memref<?x?xf32>, vector<4x8xf32> } : vector<8x4xi1> -> vector<4x8xf32>
  %6 = arith.addf %2, %5 : vector<4x8xf32>
  %c0_2 = arith.constant 0 : index
  vector.mask %4 { vector.transfer_write %6, %arg1[%c0_2, %c0_2] {in_bounds = [true, true], permutation_map = affine_map<(d0, d1) -> (d1, d0)>} : vector<4x8xf32>, memref<?x?xf32> } : vector<8x4xi1>
  return
}
func.func @mm_dyn(%arg0: memref<?x?xf32>, %arg1: memref<?x?xf32>, %arg2: memref<?x?xf32>) {
  %c0 = arith.constant 0 : index
  %dim = memref.dim %arg0, %c0 : memref<?x?xf32>
  %c1 = arith.constant 1 : index
  %dim_0 = memref.dim %arg1, %c1 : memref<?x?xf32>
  %c1_1 = arith.constant 1 : index
  %dim_2 = memref.dim %arg0, %c1_1 : memref<?x?xf32>
  %c0_3 = arith.constant 0 : index
  %0 = ub.poison : f32
  %1 = vector.create_mask %dim, %dim_2 : vector<4x2xi1>
  %2 = vector.mask %1 { vector.transfer_read %arg0[%c0_3, %c0_3], %0 {in_bounds = [true, true, true], permutation_map = affine_map<(d0, d1) -> (d0, 0, d1)>} : memref<?x?xf32>, vector<4x8x2xf32> } : vector<4x2xi1> -> vector<4x8x2xf32>
  %3 = ub.poison : f32
  %4 = vector.create_mask %dim_2, %dim_0 : vector<2x8xi1>
  %5 = vector.mask %4 { vector.transfer_read %arg1[%c0_3, %c0_3], %3 {in_bounds = [true, true, true], permutation_map = affine_map<(d0, d1) -> (0, d1, d0)>} : memref<?x?xf32>, vector<4x8x2xf32> } : vector<2x8xi1> -> vector<4x8x2xf32>
  %6 = ub.poison : f32
  %7 = vector.create_mask %dim, %dim_0 : vector<4x8xi1>
  %8 = vector.mask %7 { vector.transfer_read %arg2[%c0_3, %c0_3], %6 {in_bounds = [true, true]} : memref<?x?xf32>, vector<4x8xf32> } : vector<4x8xi1> -> vector<4x8xf32>
  %9 = arith.mulf %2, %5 : vector<4x8x2xf32>
  %10 = vector.create_mask %dim, %dim_0, %dim_2 : vector<4x8x2xi1>
  %11 = vector.mask %10 { vector.multi_reduction <add>, %9, %8 [2] : vector<4x8x2xf32> to vector<4x8xf32> } : vector<4x8x2xi1> -> vector<4x8xf32>
  %c0_4 = arith.constant 0 : index
  vector.mask %7 { vector.transfer_write %11, %arg2[%c0_4, %c0_4] {in_bounds = [true, true]} : vector<4x8xf32>, memref<?x?xf32> } : vector<4x8xi1>
  return
}

// m[i][j] = (i * cols + j) * scale + shift
func.func @fill(%m: memref<?x?xf32>, %scale: f32, %shift: f32) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %rows = memref.dim %m, %c0 : memref<?x?xf32>
  %cols = memref.dim %m, %c1 : memref<?x?xf32>
  scf.for %i = %c0 to %rows step %c1 {
    scf.for %j = %c0 to %cols step %c1 {
      %k = arith.muli %i, %cols : index
      %l = arith.addi %k, %j : index
      %li = arith.index_cast %l : index to i32
      %f = arith.sitofp %li : i32 to f32
      %g = arith.mulf %f, %scale : f32
      %h = arith.addf %g, %shift : f32
      memref.store %h, %m[%i, %j] : memref<?x?xf32>
    }
  }
  return
}

func.func @print2d(%m: memref<?x?xf32>) {
  %u = memref.cast %m : memref<?x?xf32> to memref<*xf32>
  func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
  return
}

func.func @main() {
  %one = arith.constant 1.0 : f32
  %zero = arith.constant 0.0 : f32
  %half = arith.constant 0.5 : f32
  %minus = arith.constant -3.0 : f32
  %c3f = arith.constant 3.0 : f32

  %A = memref.alloc() : memref<8x16xf32>
  %B = memref.alloc() : memref<16x8xf32>
  %C = memref.alloc() : memref<8x8xf32>
  %Ad = memref.cast %A : memref<8x16xf32> to memref<?x?xf32>
  %Bd = memref.cast %B : memref<16x8xf32> to memref<?x?xf32>
  %Cd = memref.cast %C : memref<8x8xf32> to memref<?x?xf32>
  func.call @fill(%Ad, %half, %minus) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @fill(%Bd, %one, %zero) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @fill(%Cd, %zero, %one) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @matmul(%A, %B, %C) : (memref<8x16xf32>, memref<16x8xf32>, memref<8x8xf32>) -> ()
  // CHECK: sizes = [8, 8] strides = [8, 1] data =
  // CHECK-NEXT: {{\[}}[2081,   2093,   2105,   2117,   2129,   2141,   2153,   2165],
  // CHECK-NEXT: [9761,   9901,   10041,   10181,   10321,   10461,   10601,   10741],
  // CHECK-NEXT: [17441,   17709,   17977,   18245,   18513,   18781,   19049,   19317],
  // CHECK-NEXT: [25121,   25517,   25913,   26309,   26705,   27101,   27497,   27893],
  // CHECK-NEXT: [32801,   33325,   33849,   34373,   34897,   35421,   35945,   36469],
  // CHECK-NEXT: [40481,   41133,   41785,   42437,   43089,   43741,   44393,   45045],
  // CHECK-NEXT: [48161,   48941,   49721,   50501,   51281,   52061,   52841,   53621],
  // CHECK-NEXT: [55841,   56749,   57657,   58565,   59473,   60381,   61289,   62197]]
  func.call @print2d(%Cd) : (memref<?x?xf32>) -> ()

  %X = memref.alloc() : memref<7x13xf32>
  %Y = memref.alloc() : memref<1x13xf32>
  %Z = memref.alloc() : memref<7x13xf32>
  %Xd = memref.cast %X : memref<7x13xf32> to memref<?x?xf32>
  %Yd = memref.cast %Y : memref<1x13xf32> to memref<?x?xf32>
  %Zd = memref.cast %Z : memref<7x13xf32> to memref<?x?xf32>
  func.call @fill(%Xd, %one, %minus) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @fill(%Yd, %half, %minus) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @fill(%Zd, %zero, %one) : (memref<?x?xf32>, f32, f32) -> ()
  %y = memref.collapse_shape %Y [[0, 1]] : memref<1x13xf32> into memref<13xf32>
  func.call @ew(%X, %y, %Z) : (memref<7x13xf32>, memref<13xf32>, memref<7x13xf32>) -> ()
  // CHECK: sizes = [7, 13] strides = [13, 1] data =
  // CHECK-NEXT: {{\[}}[9,   5,   2,   1,   1,   1,   1,   2,   5,   9,   14,   20,   27],
  // CHECK-NEXT: [1,   1,   1,   1,   1,   1,   1,   8.5,   18,   28.5,   40,   52.5,   66],
  // CHECK-NEXT: [1,   1,   1,   1,   1,   1,   1,   15,   31,   48,   66,   85,   105],
  // CHECK-NEXT: [1,   1,   1,   1,   1,   1,   1,   21.5,   44,   67.5,   92,   117.5,   144],
  // CHECK-NEXT: [1,   1,   1,   1,   1,   1,   1,   28,   57,   87,   118,   150,   183],
  // CHECK-NEXT: [1,   1,   1,   1,   1,   1,   1,   34.5,   70,   106.5,   144,   182.5,   222],
  // CHECK-NEXT: [1,   1,   1,   1,   1,   1,   1,   41,   83,   126,   170,   215,   261]]
  func.call @print2d(%Zd) : (memref<?x?xf32>) -> ()

  %R = memref.alloc() : memref<6x10xf32>
  %Rd = memref.cast %R : memref<6x10xf32> to memref<?x?xf32>
  func.call @fill(%Rd, %half, %minus) : (memref<?x?xf32>, f32, f32) -> ()
  %sums = memref.alloc() : memref<1x6xf32>
  %sumsd = memref.cast %sums : memref<1x6xf32> to memref<?x?xf32>
  func.call @fill(%sumsd, %zero, %one) : (memref<?x?xf32>, f32, f32) -> ()
  %s = memref.collapse_shape %sums [[0, 1]] : memref<1x6xf32> into memref<6xf32>
  func.call @red(%R, %s) : (memref<6x10xf32>, memref<6xf32>) -> ()
  // CHECK: sizes = [1, 6] strides = [6, 1] data =
  // CHECK-NEXT: {{\[}}[-6.5,   43.5,   93.5,   143.5,   193.5,   243.5]]
  func.call @print2d(%sumsd) : (memref<?x?xf32>) -> ()

  // Dynamic shapes smaller than the vector sizes: everything is masked.
  %c3 = arith.constant 3 : index
  %c5 = arith.constant 5 : index
  %c2 = arith.constant 2 : index
  %P = memref.alloc(%c3, %c5) : memref<?x?xf32>
  func.call @fill(%P, %one, %minus) : (memref<?x?xf32>, f32, f32) -> ()
  %maxima = memref.alloc(%c3) : memref<?xf32>
  %mp = memref.expand_shape %maxima [[0, 1]] output_shape [1, %c3] : memref<?xf32> into memref<1x?xf32>
  %mpd = memref.cast %mp : memref<1x?xf32> to memref<?x?xf32>
  func.call @fill(%mpd, %zero, %c3f) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @red_dyn(%P, %maxima) : (memref<?x?xf32>, memref<?xf32>) -> ()
  // CHECK: sizes = [1, 3] strides = [3, 1] data =
  // CHECK-NEXT: {{\[}}[3,   6,   11]]
  func.call @print2d(%mpd) : (memref<?x?xf32>) -> ()

  %Q = memref.alloc(%c5, %c3) : memref<?x?xf32>
  func.call @fill(%Q, %half, %zero) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @ew_dyn(%P, %Q) : (memref<?x?xf32>, memref<?x?xf32>) -> ()
  // CHECK: sizes = [5, 3] strides = [3, 1] data =
  // CHECK-NEXT: {{\[}}[-3,   2.5,   8],
  // CHECK-NEXT: [-0.5,   5,   10.5],
  // CHECK-NEXT: [2,   7.5,   13],
  // CHECK-NEXT: [4.5,   10,   15.5],
  // CHECK-NEXT: [7,   12.5,   18]]
  func.call @print2d(%Q) : (memref<?x?xf32>) -> ()

  %M = memref.alloc(%c3, %c2) : memref<?x?xf32>
  %N = memref.alloc(%c2, %c5) : memref<?x?xf32>
  %O = memref.alloc(%c3, %c5) : memref<?x?xf32>
  func.call @fill(%M, %one, %one) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @fill(%N, %half, %minus) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @fill(%O, %zero, %half) : (memref<?x?xf32>, f32, f32) -> ()
  func.call @mm_dyn(%M, %N, %O) : (memref<?x?xf32>, memref<?x?xf32>, memref<?x?xf32>) -> ()
  // CHECK: sizes = [3, 5] strides = [5, 1] data =
  // CHECK-NEXT: {{\[}}[-3.5,   -2,   -0.5,   1,   2.5],
  // CHECK-NEXT: [-10.5,   -7,   -3.5,   0,   3.5],
  // CHECK-NEXT: [-17.5,   -12,   -6.5,   -1,   4.5]]
  func.call @print2d(%O) : (memref<?x?xf32>) -> ()
  return
}
