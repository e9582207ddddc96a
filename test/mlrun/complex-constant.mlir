// A dense complex constant becomes an array of {re, im} structs.
// RUN: mlrun %s -e main --entry-point-result=void | FileCheck %s

memref.global "private" constant @pairs : memref<3xcomplex<f32>> = dense<[(1.0, 2.0), (-0.5, 0.25), (3.0, -4.0)]>
memref.global "private" constant @splat : memref<2xcomplex<f64>> = dense<(20.0, 5.0)>

func.func private @printMemrefC32(memref<*xcomplex<f32>>) attributes {llvm.emit_c_interface}
func.func private @printMemrefC64(memref<*xcomplex<f64>>) attributes {llvm.emit_c_interface}

func.func @main() {
  %p = memref.get_global @pairs : memref<3xcomplex<f32>>
  %pu = memref.cast %p : memref<3xcomplex<f32>> to memref<*xcomplex<f32>>
  call @printMemrefC32(%pu) : (memref<*xcomplex<f32>>) -> ()
  %s = memref.get_global @splat : memref<2xcomplex<f64>>
  %su = memref.cast %s : memref<2xcomplex<f64>> to memref<*xcomplex<f64>>
  call @printMemrefC64(%su) : (memref<*xcomplex<f64>>) -> ()
  return
}

// CHECK: rank = 1 offset = 0 sizes = [3] strides = [1] data =
// CHECK-NEXT: [(1,2),  (-0.5,0.25),  (3,-4)]
// CHECK: rank = 1 offset = 0 sizes = [2] strides = [1] data =
// CHECK-NEXT: [(20,5),  (20,5)]
