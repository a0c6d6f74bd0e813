"""The Dask executor (LocalCluster) writes partitioned datasets with the same rows as the local one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from pipeline.tables import SCHEMAS, read_arrow

pytest.importorskip("dask.distributed")


def test_dask_local_cluster_matches_the_local_executor(extracted_raw, settings, tmp_path: Path) -> None:
    from pipeline.distributed import run_dask

    out, local_summary = extracted_raw
    dask_out = tmp_path / "dask"
    summary = run_dask(replace(settings, out_dir=dask_out, workers=2, batch_size=2, incremental=False))
    assert summary.articles == local_summary.articles
    for name in SCHEMAS:
        assert (dask_out / name).is_dir() and not (dask_out / f"{name}.parquet").exists()
        local, distributed = read_arrow(name, out), read_arrow(name, dask_out)
        if name == "rejects":
            assert sorted(map(str, local.to_pylist())) == sorted(map(str, distributed.to_pylist()))
        else:
            assert local.equals(distributed), name
        # a plain pyarrow dataset read (as DuckDB/Spark would) sees the same rows
        assert ds.dataset(dask_out / name, format="parquet").to_table().num_rows == local.num_rows
