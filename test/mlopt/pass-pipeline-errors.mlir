// RUN: not mlopt %s --pass-pipeline='builtin.module(func.func(nope))' 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not mlopt %s --pass-pipeline='builtin.module(func.func(cse)' 2>&1 | FileCheck %s --check-prefix=UNBALANCED
// RUN: not mlopt %s --pass-pipeline='func.func(cse),cse' 2>&1 | FileCheck %s --check-prefix=ANCHOR
// RUN: not mlopt %s --canonicalize='max-iteration=3' 2>&1 | FileCheck %s --check-prefix=OPTION
// RUN: not mlopt %s --canonicalize='max-iterations=lots' 2>&1 | FileCheck %s --check-prefix=VALUE
// RUN: not mlopt %s --canonicalize='region-simplify=sometimes' 2>&1 | FileCheck %s --check-prefix=CHOICE
// RUN: not mlopt %s --cse --pass-pipeline='builtin.module(cse)' 2>&1 | FileCheck %s --check-prefix=MIX
// RUN: not mlopt %s --csee 2>&1 | FileCheck %s --check-prefix=FLAG

// UNKNOWN: <pass-pipeline>:1:26: error: 'nope' does not refer to a registered pass or pass pipeline
// UNKNOWN-NEXT: builtin.module(func.func(nope))
// UNKNOWN-NEXT: {{^                         \^~~~$}}

// UNBALANCED: <pass-pipeline>:1:30: error: expected ',' or ')', found end of pipeline

// ANCHOR: error: expected the pipeline to be wrapped in its anchor op, e.g. 'builtin.module(...)'

// OPTION: error: pass 'canonicalize' has no option 'max-iteration'; did you mean 'max-iterations'?

// VALUE: error: invalid value 'lots' for option 'max-iterations' of 'canonicalize': expected an integer

// CHOICE: error: invalid value 'sometimes' for option 'region-simplify' of 'canonicalize': expected one of disabled, normal, aggressive

// MIX: mlopt: error: '--pass-pipeline' cannot be combined with individual pass flags (such as '--cse')

// FLAG: mlopt: error: unknown command line argument '--csee'; did you mean '--cse'?

func.func @f() {
  return
}
