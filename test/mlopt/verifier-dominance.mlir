// RUN: mlopt %s --split-input-file --verify-diagnostics
// Dominance across blocks: the verifier walks blocks in dominator-tree order,
// not in the order they are listed; uses in unreachable blocks are not
// checked, as upstream.

// A block listed before the block that dominates it uses that block's value.
func.func @dominator_listed_after(%c: i1) -> i32 {
  cf.br ^def
^use(%unused: i32):
  %w = arith.addi %v, %unused : i32
  return %w : i32
^def:
  %v = arith.constant 1 : i32
  cf.br ^use(%v : i32)
}

func.func @unreachable_use_of_later_value() -> i32 {
  %a = arith.constant 2 : i32
  return %a : i32
^dead:
  %x = arith.addi %y, %y : i32
  cf.br ^dead2
^dead2:
  %y = arith.constant 3 : i32
  cf.br ^dead
}

// -----

// A value of one branch is not visible in the other, though listed before it.
func.func @sibling_does_not_dominate(%c: i1) -> i32 {
  cf.cond_br %c, ^left, ^right
^left:
  // expected-note@+1 {{operand defined here}}
  %v = arith.constant 1 : i32
  cf.br ^join
^right:
  // expected-error@+1 {{operand #0 does not dominate this use}}
  %w = arith.addi %v, %v : i32
  cf.br ^join
^join:
  %z = arith.constant 0 : i32
  return %z : i32
}

// -----

// Nested regions see the values of the blocks dominating their op's block.
func.func @nested_region_in_dominated_block(%c: i1, %n: index) -> i32 {
  %v = arith.constant 1 : i32
  cf.br ^loop
^loop:
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %v) -> (i32) {
    %s = arith.addi %acc, %v : i32
    scf.yield %s : i32
  }
  return %r : i32
}

// -----

func.func @nested_region_in_sibling_block(%c: i1, %n: index) -> i32 {
  cf.cond_br %c, ^left, ^right
^left:
  // expected-note@+1 {{operand defined here}}
  %v = arith.constant 1 : i32
  return %v : i32
^right:
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %z = arith.constant 0 : i32
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %z) -> (i32) {
    // expected-error@+1 {{operand #1 does not dominate this use}}
    %s = arith.addi %acc, %v : i32
    scf.yield %s : i32
  }
  return %r : i32
}
