// i16 arithmetic emulated with i8 ops keeps the numbers: carries, borrows,
// the cross products of muli, shifts by less and more than 8 bits, signed and
// unsigned comparisons, extensions and truncations. The functions named
// emulate_* are emulated with their signatures kept. The CHECK lines are
// mlir-runner's output, emulated by mlir-opt or not (they agree).
// RUN: mlopt %s --test-arith-emulate-wide-int=widest-int-supported=8 | mlrun - -e main --entry-point-result=void | FileCheck %s
// RUN: mlopt %s --test-arith-emulate-wide-int=widest-int-supported=8 | FileCheck %s --check-prefix=EMULATED

// EMULATED-LABEL: func.func @emulate_ops
// EMULATED-NOT: arith.{{[a-z]+}} {{.*}}: i16
// EMULATED: llvm.bitcast %{{.*}} : vector<2xi8> to i16
// EMULATED-LABEL: func.func @emulate_casts
// EMULATED-LABEL: func.func @check
// EMULATED: call @emulate_ops(%{{.*}}, %{{.*}}, %{{.*}}) : (i16, i16, i16) ->

func.func @emulate_ops(%a: i16, %b: i16, %s: i16) -> (i16, i16, i16, i16, i16, i16, i16, i16, i16, i16) {
  %0 = arith.addi %a, %b : i16
  %1 = arith.subi %a, %b : i16
  %2 = arith.muli %a, %b : i16
  %3 = arith.xori %a, %b : i16
  %4 = arith.shli %a, %s : i16
  %5 = arith.shrui %a, %s : i16
  %6 = arith.shrsi %a, %s : i16
  %7 = arith.maxsi %a, %b : i16
  %8 = arith.minui %a, %b : i16
  %lt = arith.cmpi slt, %a, %b : i16
  %c = arith.constant 1000 : i16
  %9 = arith.select %lt, %c, %a : i16
  return %0, %1, %2, %3, %4, %5, %6, %7, %8, %9 : i16, i16, i16, i16, i16, i16, i16, i16, i16, i16
}
func.func @emulate_casts(%x: i8) -> (i16, i16, i8) {
  %e = arith.extsi %x : i8 to i16
  %u = arith.extui %x : i8 to i16
  %big = arith.addi %e, %u : i16
  %t = arith.trunci %big : i16 to i8
  return %e, %u, %t : i16, i16, i8
}
func.func @check(%a: i16, %b: i16, %s: i16) {
  %r:10 = func.call @emulate_ops(%a, %b, %s) : (i16, i16, i16) -> (i16, i16, i16, i16, i16, i16, i16, i16, i16, i16)
  %v = vector.from_elements %r#0, %r#1, %r#2, %r#3, %r#4, %r#5, %r#6, %r#7, %r#8, %r#9 : vector<10xi16>
  vector.print %v : vector<10xi16>
  return
}
// CHECK: ( 307, 293, 2100, 299, 2400, 37, 37, 300, 7, 300 )
// CHECK-NEXT: ( -293, -307, -2100, -301, -22528, 127, -1, 7, 7, 1000 )
// CHECK-NEXT: ( 32767, -32767, -32768, 32767, 0, 1, -1, -1, -32768, 1000 )
// CHECK-NEXT: ( 511, -1, -256, 511, -256, 0, 0, 256, 255, 1000 )
// CHECK-NEXT: ( -11111, -29735, -26272, -27559, 12345, 12345, 12345, 12345, 12345, 12345 )
// CHECK-NEXT: ( 1, -5, -6, -3, -4, 32767, -1, 3, 3, 1000 )
// CHECK-NEXT: ( 2000, 0, 16960, 0, -32768, 0, 0, 1000, 1000, 1000 )
// CHECK-NEXT: -100
// CHECK-NEXT: 156
// CHECK-NEXT: 56
func.func @main() {
  %pairs = arith.constant dense<[[300, 7, 3], [-300, 7, 9], [-32768, -1, 15], [255, 256, 8], [12345, -23456, 0], [-2, 3, 1], [1000, 1000, 12]]> : tensor<7x3xi16>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c7 = arith.constant 7 : index
  scf.for %i = %c0 to %c7 step %c1 {
    %a = tensor.extract %pairs[%i, %c0] : tensor<7x3xi16>
    %b = tensor.extract %pairs[%i, %c1] : tensor<7x3xi16>
    %s = tensor.extract %pairs[%i, %c2] : tensor<7x3xi16>
    func.call @check(%a, %b, %s) : (i16, i16, i16) -> ()
  }
  %x = arith.constant -100 : i8
  %r:3 = func.call @emulate_casts(%x) : (i8) -> (i16, i16, i8)
  vector.print %r#0 : i16
  vector.print %r#1 : i16
  vector.print %r#2 : i8
  return
}
