"""Freed memory is kept for the next batch (pipeline/run.py ``keep_freed_memory``, issue 22): a block the
size of a batch's model arrays, freed and asked for again, is not faulted in from the kernel a second
time, and the cyclic collector runs less often once the model is loaded. Timings live in
benchmarks/throughput.py; this counts page faults and reads the thresholds."""

from __future__ import annotations

import sys

import pytest

from pipeline.run import keep_freed_memory

BLOCK = 64 << 20  # over glibc's largest automatic mmap threshold (32 MB): returned to the kernel by default


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_a_freed_batch_block_is_reused_without_page_faults():
    import resource

    if not keep_freed_memory():
        pytest.skip("not glibc: nothing is tuned")
    block = bytearray(BLOCK)  # zero-filled: every page touched once
    del block
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    block = bytearray(BLOCK)
    del block
    faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
    assert faults < BLOCK // 4096 // 8, f"{faults} page faults: the block went back to the kernel"



def test_the_collector_runs_less_often_but_is_never_turned_back_on():
    import gc

    from pipeline.collector import GC_THRESHOLDS, collect_less_often

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        assert collect_less_often() == GC_THRESHOLDS
        gc.set_threshold(10**6, 5, 100)  # already less eager on one generation: that one is kept
        assert collect_less_often() == (10**6, GC_THRESHOLDS[1], 100)
        gc.set_threshold(0)  # off
        assert collect_less_often()[0] == 0
    finally:
        gc.set_threshold(*saved)
