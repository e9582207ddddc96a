// Toy ops become affine loop nests over memrefs; toy.print stays, on a memref
// (the tutorial's chapter 5).
// RUN: mlopt %s --toy-to-affine | FileCheck %s

toy.func @main() {
  %0 = toy.constant dense<[[1.000000e+00, 2.000000e+00, 3.000000e+00], [4.000000e+00, 5.000000e+00, 6.000000e+00]]> : tensor<2x3xf64>
  %2 = toy.transpose(%0 : tensor<2x3xf64>) to tensor<3x2xf64>
  %3 = toy.mul %2, %2 : tensor<3x2xf64>
  %4 = toy.add %3, %3 : tensor<3x2xf64>
  toy.print %4 : tensor<3x2xf64>
  toy.return
}

// CHECK-LABEL: func.func @main()
// CHECK:         [[SUM:%.*]] = memref.alloc() : memref<3x2xf64>
// CHECK:         [[PRODUCT:%.*]] = memref.alloc() : memref<3x2xf64>
// CHECK:         [[TRANSPOSED:%.*]] = memref.alloc() : memref<3x2xf64>
// CHECK:         [[CONSTANT:%.*]] = memref.alloc() : memref<2x3xf64>
// CHECK:         [[V0:%.*]] = arith.constant 1.000000e+00 : f64
// CHECK-NEXT:    affine.store [[V0]], [[CONSTANT]][0, 0] : memref<2x3xf64>
// CHECK:         [[V5:%.*]] = arith.constant 6.000000e+00 : f64
// CHECK-NEXT:    affine.store [[V5]], [[CONSTANT]][1, 2] : memref<2x3xf64>
// CHECK:         affine.for [[I:%.*]] = 0 to 3 {
// CHECK-NEXT:      affine.for [[J:%.*]] = 0 to 2 {
// CHECK-NEXT:        [[T:%.*]] = affine.load [[CONSTANT]]{{\[}}[[J]], [[I]]] : memref<2x3xf64>
// CHECK-NEXT:        affine.store [[T]], [[TRANSPOSED]]{{\[}}[[I]], [[J]]] : memref<3x2xf64>
// CHECK:         affine.for [[I2:%.*]] = 0 to 3 {
// CHECK-NEXT:      affine.for [[J2:%.*]] = 0 to 2 {
// CHECK-NEXT:        [[L:%.*]] = affine.load [[TRANSPOSED]]{{\[}}[[I2]], [[J2]]] : memref<3x2xf64>
// CHECK-NEXT:        [[R:%.*]] = affine.load [[TRANSPOSED]]{{\[}}[[I2]], [[J2]]] : memref<3x2xf64>
// CHECK-NEXT:        [[P:%.*]] = arith.mulf [[L]], [[R]] : f64
// CHECK-NEXT:        affine.store [[P]], [[PRODUCT]]{{\[}}[[I2]], [[J2]]] : memref<3x2xf64>
// CHECK:             arith.addf
// CHECK-NEXT:        affine.store {{.*}}, [[SUM]]
// CHECK:         toy.print [[SUM]] : memref<3x2xf64>
// CHECK-NEXT:    memref.dealloc [[CONSTANT]] : memref<2x3xf64>
// CHECK-NEXT:    memref.dealloc [[TRANSPOSED]] : memref<3x2xf64>
// CHECK-NEXT:    memref.dealloc [[PRODUCT]] : memref<3x2xf64>
// CHECK-NEXT:    memref.dealloc [[SUM]] : memref<3x2xf64>
// CHECK-NEXT:    return
// CHECK-NOT:   toy.
