"""Which memref results ExecutionEngine frees: only buffers the call
allocated on the heap; a stack buffer (memref.alloca) is copied out, on any
thread (each thread's stack is told apart by its own bounds)."""

from __future__ import annotations

import threading

import numpy as np
import pytest

import mlopt

PIPELINE = "finalize-memref-to-llvm,convert-func-to-llvm,convert-arith-to-llvm,reconcile-unrealized-casts"

SOURCE = """
func.func @on_stack() -> memref<4xf32> {
  %m = memref.alloca() : memref<4xf32>
  return %m : memref<4xf32>
}

func.func @on_heap() -> memref<4xf32> {
  %m = memref.alloc() : memref<4xf32>
  return %m : memref<4xf32>
}
"""


@pytest.fixture(scope="module")
def engine() -> mlopt.ExecutionEngine:
    return mlopt.ExecutionEngine(SOURCE, pipeline=PIPELINE)


def _calls_on_a_thread(engine, freed: list[int], worker: bool) -> list[np.ndarray]:
    results: list[np.ndarray] = []

    def call() -> None:
        results.extend(engine.on_stack() for _ in range(3))
        results.extend(engine.on_heap() for _ in range(2))

    if worker:
        thread = threading.Thread(target=call)
        thread.start()
        thread.join()
    else:
        call()
    return results


@pytest.mark.parametrize("worker", [False, True], ids=["main thread", "worker thread"])
def test_stack_results_are_copied_and_heap_results_adopted(engine, monkeypatch, worker) -> None:
    import gc

    from mlopt import execution_engine

    freed: list[int] = []
    real_free = execution_engine._free
    monkeypatch.setattr(execution_engine, "_free", lambda address: (freed.append(address), real_free(address)))
    results = _calls_on_a_thread(engine, freed, worker)
    stack, heap = results[:3], results[3:]
    assert all(r.flags.owndata for r in stack), "a stack buffer is copied into numpy's memory"
    assert not any(r.flags.owndata for r in heap), "a heap buffer is handed over without a copy"
    heap_addresses = {r.__array_interface__["data"][0] for r in heap}
    del results, stack, heap
    gc.collect()
    assert set(freed) == heap_addresses and len(freed) == 2, "only the heap buffers are freed, once each"
