// --mlir-elide-elementsattrs-if-larger and --mlir-elide-resource-strings-if-larger
// keep dumps of programs with large constants readable, printing as mlir-opt does.

// RUN: mlopt %s --mlir-elide-elementsattrs-if-larger=2 | FileCheck %s --check-prefix=ELEMENTS
// RUN: mlopt %s --mlir-elide-elementsattrs-if-larger=2 | mlopt | FileCheck %s --check-prefix=ELEMENTS
// RUN: mlopt %s --mlir-elide-elementsattrs-if-larger=2 --mlir-print-op-generic | FileCheck %s --check-prefix=GENERIC
// RUN: mlopt %s --cse --mlir-print-ir-after=cse --mlir-elide-elementsattrs-if-larger=2 -o /dev/null 2>&1 | FileCheck %s --check-prefix=ELEMENTS
// RUN: mlopt %s | FileCheck %s --check-prefix=RESOURCES
// RUN: mlopt %s --mlir-elide-resource-strings-if-larger=17 | FileCheck %s --check-prefix=SOME
// RUN: mlopt %s --mlir-elide-resource-strings-if-larger=4 | FileCheck %s --check-prefix=NONE
// RUN: not mlopt %s --mlir-elide-elementsattrs-if-larger=many 2>&1 | FileCheck %s --check-prefix=BAD

// More elements than the limit: elided; a splat or a small one: printed.
// ELEMENTS: arith.constant dense_resource<__elided__> : tensor<5xf32>
// ELEMENTS: arith.constant dense<[1, 2]> : tensor<2xi32>
// ELEMENTS: arith.constant dense<7.000000e+00> : tensor<4xf32>

// GENERIC: "arith.constant"() <{value = dense_resource<__elided__> : tensor<5xf32>}>

// The resources used are printed after the module.
// RESOURCES: {-#
// RESOURCES-NEXT:   dialect_resources: {
// RESOURCES-NEXT:     builtin: {
// RESOURCES-NEXT:       blob: "0x01000000010203",
// RESOURCES-NEXT:       small: "0x0100000001"
// RESOURCES-NEXT:     }
// RESOURCES-NEXT:   }
// RESOURCES-NEXT: #-}

// A resource whose quoted value is longer than the limit is left out.
// SOME: builtin: {
// SOME-NEXT: small: "0x0100000001"
// SOME-NEXT: }

// NONE: {-#
// NONE-EMPTY:
// NONE-NEXT: #-}

// BAD: mlopt: error: for the --mlir-elide-elementsattrs-if-larger option: 'many' value invalid for uint argument!

func.func @constants() -> (tensor<5xf32>, tensor<2xi32>, tensor<4xf32>, tensor<3xi8>, tensor<1xi8>) {
  %long = arith.constant dense<[1.0, 2.0, 3.0, 4.0, 5.0]> : tensor<5xf32>
  %short = arith.constant dense<[1, 2]> : tensor<2xi32>
  %splat = arith.constant dense<7.0> : tensor<4xf32>
  %blob = arith.constant dense_resource<blob> : tensor<3xi8>
  %small = arith.constant dense_resource<small> : tensor<1xi8>
  return %long, %short, %splat, %blob, %small : tensor<5xf32>, tensor<2xi32>, tensor<4xf32>, tensor<3xi8>, tensor<1xi8>
}

{-#
  dialect_resources: {
    builtin: {
      blob: "0x01000000010203",
      small: "0x0100000001"
    }
  }
#-}
