"""Layers: the domain (models, services), printing and the command line import no Qt,
and the services leave heavy libraries to the moment they are first needed."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh interpreter, so nothing imported by the test run itself can hide a leak.
PROBE = r"""
import importlib, json, pkgutil, sys

import app

names = []
for package in ("app.models", "app.services", "app.printing", "app.cli", "app.runtime"):
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError as exc:
        if exc.name != package:
            raise
        continue
    names.append(package)
    names += [m.name for m in pkgutil.walk_packages(module.__path__, package + ".")]
domain = [n for n in names if n.startswith(("app.models", "app.services"))]
for name in domain:
    importlib.import_module(name)
after_domain = sorted(m for m in sys.modules if m.split(".")[0] in
                      ("PySide6", "shiboken6", "pypinyin", "reportlab", "openpyxl"))
for name in names:
    importlib.import_module(name)
print(json.dumps({
    "imported": names,
    "pyside6_loaded": "PySide6" in sys.modules,
    "qt": sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")),
    "views": sorted(m for m in sys.modules if m.startswith("app.views")),
    "heavy_after_domain": after_domain,
}))
"""


def probe() -> dict:
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_domain_printing_and_cli_import_no_qt():
    """Every model, service, printing and command-line module imports without PySide6."""
    result = probe()
    imported = set(result["imported"])
    assert {"app.models.ledger", "app.services.vouchers", "app.services.search"} <= imported
    assert len([n for n in imported if n.startswith("app.services.")]) >= 20
    assert result["pyside6_loaded"] is False
    assert result["qt"] == []
    assert result["views"] == []


def test_services_load_heavy_libraries_lazily():
    """Importing the domain does not pay for pypinyin, reportlab or Qt at start-up."""
    assert probe()["heavy_after_domain"] == []


def module_level_imports(source: str) -> set[str]:
    """Top-level names of what a module imports when it is loaded (not inside functions,
    where a lazy import belongs)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name.split(".")[0] for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                found.add(child.module.split(".")[0])
            visit(child)

    visit(ast.parse(source))
    return found


def test_only_views_import_qt_in_the_source():
    """Outside app/views (and the composition root), no module imports Qt when loaded."""
    app_dir = ROOT / "app"
    offenders = [
        str(path.relative_to(ROOT)) for path in sorted(app_dir.rglob("*.py"))
        if "views" not in path.relative_to(app_dir).parts[:1]
        and path.name != "__main__.py"
        and {"PySide6", "shiboken6"} & module_level_imports(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
    # The scanner itself: a module-level import counts, a lazy one inside a function not.
    sample = "import PySide6.QtCore\nif True:\n    from qrcode import make\n" \
             "def show():\n    import reportlab\n"
    assert module_level_imports(sample) == {"PySide6", "qrcode"}


def cli_imports(source: str) -> set[str]:
    """The ``app.cli`` modules a module imports, anywhere in it: a lazy import inside a
    function ties two modules together as much as one at the top."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("app.cli."))
        elif isinstance(node, ast.ImportFrom) and node.module == "app.cli":
            found.update(f"app.cli.{a.name}" for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("app.cli."):
            found.add(node.module)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle reachable in ``graph`` (module → modules it imports)."""
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            found.append(path[path.index(name):] + [name])
            return
        if name in done:
            return
        for other in sorted(graph.get(name, ())):
            visit(other, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    return found


def test_command_line_handlers_share_only_the_support_module():
    """``main`` (the parser) loads the handlers; each handler module imports, of the
    command line, only ``support``, which imports none of them: no cycle inside app/cli."""
    graph = {f"app.cli.{path.stem}": cli_imports(path.read_text(encoding="utf-8"))
             for path in sorted((ROOT / "app" / "cli").glob("*.py"))
             if path.stem != "__init__"}
    handlers = set(graph) - {"app.cli.main", "app.cli.support"}
    assert len(handlers) >= 6
    assert {name: graph[name] for name in handlers
            if graph[name] - {"app.cli.support"}} == {}
    assert graph["app.cli.support"] == set()
    assert handlers <= graph["app.cli.main"]
    assert cycles(graph) == []
    # The checker itself: a lazy import counts, and a cycle through it is found.
    sample = "from app.cli import support\ndef f():\n    from app.cli.main import main\n"
    assert cli_imports(sample) == {"app.cli.support", "app.cli.main"}
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
