"""The code's shape (issue #20): data flows one way, so no module imports another into a cycle, and
no module reaches into another's ``_private`` names."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "pipeline"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, list[tuple[str, list[str]]]]:
    """module -> [(imported module, imported names)], every import statement, at any depth."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    out: dict[str, list[tuple[str, list[str]]]] = {}
    for name, path in modules.items():
        found = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pipeline") and node.level == 0:
                names = [a.name for a in node.names]
                # "from pipeline.extract import money" imports the module pipeline.extract.money
                sub = [f"{node.module}.{n}" for n in names if f"{node.module}.{n}" in modules]
                found.extend((m, []) for m in sub)
                if node.module in modules:
                    found.append((node.module, [n for n in names if f"{node.module}.{n}" not in modules]))
            elif isinstance(node, ast.Import):
                found.extend((a.name, []) for a in node.names if a.name in modules)
        out[name] = found
    return out


def test_no_module_imports_another_modules_private_names() -> None:
    bad = [(m, target, n) for m, deps in _imports().items() for target, names in deps for n in names if n.startswith("_") and not n.startswith("__") and target != m]
    assert bad == []


def test_no_import_cycles() -> None:
    graph = {m: {t for t, _ in deps if t != m and not m.startswith(t + ".")} for m, deps in _imports().items()}
    # a package's __init__ importing its own submodules is its API, not a cycle
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:  # back edge: a cycle
                cycles.append(stack[stack.index(nxt):] + [nxt] if nxt in stack else [node, nxt])
            elif nxt not in state:
                visit(nxt, stack + [nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert cycles == []
