// RUN: mlopt %s --split-input-file --verify-diagnostics

func.func @func_call_types(%a: i32) {
  // expected-error@+1 {{expects different type than prior uses: 'i64' vs 'i32'}}
  call @func_call_types(%a) : (i64) -> ()
  return
}

// -----

// expected-error@+1 {{type of entry block argument #0('i64') must match the type of the corresponding argument in function signature('i32')}}
"func.func"() <{function_type = (i32) -> (), sym_name = "entry_block_types"}> ({
^bb0(%x: i64):
  "func.return"() : () -> ()
}) : () -> ()

// -----

func.func @call_indirect_types(%f: (i32) -> i32, %a: i64) {
  // expected-error@+1 {{callee operand types do not match the callee's function type}}
  %0 = "func.call_indirect"(%f, %a) : ((i32) -> i32, i64) -> i32
  return
}

// -----

func.func @constant_missing() {
  // expected-error@+1 {{reference to undefined function 'nope'}}
  %0 = func.constant @nope : () -> ()
  return
}

// -----

// expected-error@+1 {{symbol declaration cannot have public visibility}}
func.func public @public_declaration()
