// toy.print of a memref becomes loops that print each element and end each
// row with a newline, through the Toy runtime's two functions.
// RUN: mlopt %s --toy-lower-print | FileCheck %s

func.func @main() {
  %0 = memref.alloc() : memref<2x3xf64>
  toy.print %0 : memref<2x3xf64>
  memref.dealloc %0 : memref<2x3xf64>
  return
}

// CHECK-LABEL: func.func @main()
// CHECK:         affine.for [[I:%.*]] = 0 to 2 {
// CHECK-NEXT:      affine.for [[J:%.*]] = 0 to 3 {
// CHECK-NEXT:        [[E:%.*]] = affine.load %{{.*}}{{\[}}[[I]], [[J]]] : memref<2x3xf64>
// CHECK-NEXT:        func.call @mlopt_toy_print_f64([[E]]) : (f64) -> ()
// CHECK-NEXT:      }
// CHECK-NEXT:      func.call @mlopt_toy_print_newline() : () -> ()
// CHECK-NEXT:    }
// CHECK-NOT:     toy.print
// CHECK:       func.func private @mlopt_toy_print_f64(f64)
// CHECK:       func.func private @mlopt_toy_print_newline()
