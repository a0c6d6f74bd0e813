"""Every notebook in notebooks/ runs from a clean kernel on the tables of a real run, so none rots."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="notebook tests need the test extras (nbformat, nbclient, ipykernel)")
nbclient = pytest.importorskip("nbclient", reason="notebook tests need the test extras (nbformat, nbclient, ipykernel)")

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))


def test_there_is_a_notebook() -> None:
    assert NOTEBOOKS, "notebooks/ holds no notebook"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_from_a_clean_kernel(path: Path, extracted_raw, monkeypatch: pytest.MonkeyPatch) -> None:
    out, _ = extracted_raw
    monkeypatch.setenv("NEWSFACTS_EXTRACTED", str(out))  # the kernel inherits it: no second extraction
    notebook = nbformat.read(path, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "commit notebooks without outputs"
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError naming the cell on the first failure
    images = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 3, "each question is plotted"
