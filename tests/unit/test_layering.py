"""Layers: the domain (models, services), printing and the command line import no Qt,
and the services leave heavy libraries to the moment they are first needed; no modules
of app/ import each other in a ring, the views reach no model, and every module stays
under 400 lines."""

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


def module_files(package_dir: Path) -> dict[str, Path]:
    """Every module of the package at ``package_dir``, by dotted name (a package by its
    ``__init__``)."""
    root = package_dir.parent
    found = {}
    for path in sorted(package_dir.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The known modules that ``name`` imports anywhere in its source: at module level, in
    functions, under ``if TYPE_CHECKING``. ``from a.b import c`` names the module a.b.c
    when c is one, else a.b."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def nearest(dotted: str) -> str | None:
        while dotted and dotted not in known:
            dotted = dotted.rpartition(".")[0]
        return dotted or None

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        found.update(m for m in map(nearest, targets) if m is not None and m != name)
    return found


def import_graph(package_dir: Path) -> dict[str, set[str]]:
    files = module_files(package_dir)
    return {name: imported_modules(name, path, set(files)) for name, path in files.items()}


def import_rings(graph: dict[str, set[str]]) -> list[set[str]]:
    """The groups of modules that import each other, directly or around a ring (Tarjan's
    strongly connected components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[set[str]] = []

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                connect(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = {stack.pop()}
            while module not in group:
                group.add(stack.pop())
            if len(group) > 1:
                groups.append(group)

    for module in sorted(graph):
        if module not in index:
            connect(module)
    return groups


def cycle_in(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph[module] & group):
                if target == start:
                    return paths[module] + [start]
                if target not in paths:
                    paths[target] = paths[module] + [target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no cycle through {start}")


def test_no_import_cycles_inside_app():
    """No two modules of app/ import each other, directly or around a ring, not even
    from inside a function (a lazy import hides a cycle; it does not remove it)."""
    graph = import_graph(ROOT / "app")
    rings = import_rings(graph)
    assert rings == [], "\n".join(
        f"{' → '.join(cycle_in(graph, ring))} (the ring: {', '.join(sorted(ring))})"
        for ring in rings)


def test_views_import_no_models():
    """A view reaches the data only through the services."""
    graph = import_graph(ROOT / "app")
    offenders = sorted(f"{view} imports {target}" for view, targets in graph.items()
                       if view.startswith("app.views.") for target in targets
                       if target == "app.models" or target.startswith("app.models."))
    assert offenders == []


def test_every_module_stays_under_400_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines())
             for name, path in module_files(ROOT / "app").items()}
    assert {name: lines for name, lines in sizes.items() if lines >= 400} == {}


def test_the_import_scanner_sees_lazy_relative_and_submodule_imports(tmp_path):
    """The scanner itself: a ring closed inside a function is a cycle; ``from pkg import
    sub`` names the submodule; a relative import is resolved; an unrelated import is not
    an edge."""
    pkg = tmp_path / "pkg"
    (pkg / "inner").mkdir(parents=True)
    sources = {
        "__init__.py": "",
        "a.py": "import os\nfrom pkg import b\n",
        "b.py": "def later():\n    from pkg.inner import c\n",
        "inner/__init__.py": "",
        "inner/c.py": "from .. import a\nfrom ..d import thing\n",
        "d.py": "thing = 1\n",
    }
    for relative, source in sources.items():
        (pkg / relative).write_text(source, encoding="utf-8")
    graph = import_graph(pkg)
    assert graph["pkg.a"] == {"pkg.b"} and graph["pkg.inner.c"] == {"pkg.a", "pkg.d"}
    assert import_rings(graph) == [{"pkg.a", "pkg.b", "pkg.inner.c"}]
    assert cycle_in(graph, import_rings(graph)[0]) == ["pkg.a", "pkg.b", "pkg.inner.c", "pkg.a"]
    (pkg / "b.py").write_text("import json\n", encoding="utf-8")
    assert import_rings(import_graph(pkg)) == []


def test_command_line_handlers_share_only_the_support_module():
    """``main`` loads the handlers; each handler module imports, of the command line, only
    ``support``, which imports none of them. The grammar (``grammar*``, argparse's words)
    is the parser's side, not a handler."""
    graph = {name: {m for m in imports if m.startswith("app.cli.")}
             for name, imports in import_graph(ROOT / "app").items()
             if name.startswith("app.cli.")}
    grammar = {name for name in graph
               if name.startswith("app.cli.grammar") or name == "app.cli.argparse_words"}
    handlers = set(graph) - {"app.cli.main", "app.cli.support"} - grammar
    assert len(handlers) >= 6
    assert {name: graph[name] for name in handlers
            if graph[name] - {"app.cli.support"}} == {}
    assert graph["app.cli.support"] == set()
    assert handlers <= graph["app.cli.main"]
