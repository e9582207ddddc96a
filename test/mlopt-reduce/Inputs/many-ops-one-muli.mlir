// A few hundred ops, one of them the arith.muli the planted pass crashes on.

func.func @kernel0(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel1(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel2(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel3(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel4(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel5(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel6(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel7(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.muli %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel8(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel9(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel10(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @kernel11(%buf: memref<16xi32>, %x: i32, %y: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  %r = scf.for %i = %c0 to %c16 step %c1 iter_args(%acc = %x) -> (i32) {
    %v = memref.load %buf[%i] : memref<16xi32>
    %a = arith.addi %acc, %v : i32
    %b = arith.xori %a, %y : i32
    %c = arith.subi %b, %x : i32
    %d = arith.andi %c, %a : i32
    %e = arith.ori %d, %v : i32
    %cond = arith.cmpi slt, %e, %y : i32
    %s = arith.select %cond, %e, %d : i32
    memref.store %s, %buf[%i] : memref<16xi32>
    scf.yield %s : i32
  }
  %t = arith.addi %r, %y : i32
  %u = arith.shli %t, %x : i32
  return %u : i32
}

func.func @main() -> i32 {
  %buf = memref.alloc() : memref<16xi32>
  %one = arith.constant 1 : i32
  %two = arith.constant 2 : i32
  %r0 = call @kernel0(%buf, %one, %two) : (memref<16xi32>, i32, i32) -> i32
  %r1 = call @kernel1(%buf, %r0, %two) : (memref<16xi32>, i32, i32) -> i32
  %r2 = call @kernel2(%buf, %r1, %two) : (memref<16xi32>, i32, i32) -> i32
  %r3 = call @kernel3(%buf, %r2, %two) : (memref<16xi32>, i32, i32) -> i32
  %r4 = call @kernel4(%buf, %r3, %two) : (memref<16xi32>, i32, i32) -> i32
  %r5 = call @kernel5(%buf, %r4, %two) : (memref<16xi32>, i32, i32) -> i32
  %r6 = call @kernel6(%buf, %r5, %two) : (memref<16xi32>, i32, i32) -> i32
  %r7 = call @kernel7(%buf, %r6, %two) : (memref<16xi32>, i32, i32) -> i32
  %r8 = call @kernel8(%buf, %r7, %two) : (memref<16xi32>, i32, i32) -> i32
  %r9 = call @kernel9(%buf, %r8, %two) : (memref<16xi32>, i32, i32) -> i32
  %r10 = call @kernel10(%buf, %r9, %two) : (memref<16xi32>, i32, i32) -> i32
  %r11 = call @kernel11(%buf, %r10, %two) : (memref<16xi32>, i32, i32) -> i32
  memref.dealloc %buf : memref<16xi32>
  return %r11 : i32
}
