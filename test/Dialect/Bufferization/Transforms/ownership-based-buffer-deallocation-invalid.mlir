// RUN: mlopt %s --ownership-based-buffer-deallocation --split-input-file --verify-diagnostics

// expected-error@+1 {{Only structured control-flow loops are supported.}}
func.func @loop_of_blocks(%n: index) {
  %c0 = arith.constant 0 : index
  cf.br ^head(%c0 : index)
^head(%i: index):
  %a = memref.alloc() : memref<2xf32>
  %more = arith.cmpi slt, %i, %n : index
  cf.cond_br %more, ^head(%i : index), ^exit
^exit:
  return
}

// -----

func.func @switch(%f: i32) {
  %a = memref.alloc() : memref<2xf32>
  // expected-error@+1 {{BranchOpInterface operations with multiple successors are not supported yet}}
  cf.switch %f : i32, [
    default: ^bb1,
    42: ^bb2
  ]
^bb1:
  return
^bb2:
  return
}

// -----

func.func @freed_already() {
  %a = memref.alloc() : memref<2xf32>
  // expected-error@+1 {{memory free side-effect on MemRef value not supported!}}
  memref.dealloc %a : memref<2xf32>
  return
}
