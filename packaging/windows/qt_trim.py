"""Take out of a bundled PySide6 (Windows wheels) the Qt modules StationDesk never loads.

PySide6-Addons brings QtWebEngine, Qt Quick, QML, 3D, multimedia and the Qt tools: most
of the installer's size and none of the desk. What stays is decided, not guessed:

- the Python modules in ``KEEP_MODULES`` (every ``PySide6.QtX`` that app/ imports; a
  test compares the two), the plugin folders in ``KEEP_PLUGINS`` (window system, styles,
  image formats for the SVG icons, TLS for QtNetwork) and Qt's Chinese translation;
- every DLL those files import, followed to the end (``objdump -p`` reads PE imports).

``missing_imports`` then re-reads every PE file left in the whole bundle and names any
import that this trim took out: the build fails on it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

KEEP_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPdf", "QtPdfWidgets",
                "QtPrintSupport", "QtSvg")
# platforminputcontexts holds only the virtual keyboard (Qt Quick); the Windows IME
# reaches Qt through the qwindows platform plugin.
KEEP_PLUGINS = ("platforms", "styles", "imageformats", "iconengines", "tls",
                "networkinformation", "generic")
KEEP_TRANSLATIONS = re.compile(r"^(qt|qtbase)_zh_CN\.qm$")  # i18n.install loads qtbase_zh_CN
PE_SUFFIXES = (".dll", ".pyd", ".exe")
_DLL_NAME = re.compile(r"^\s*DLL Name:\s*(\S+)\s*$", re.MULTILINE)


def pe_imports(path: Path) -> set[str]:
    """The DLL names a PE file imports (lower case), as objdump reads its import table."""
    out = subprocess.run(["objdump", "-p", str(path)], check=True, capture_output=True,
                         text=True, errors="replace").stdout
    return {name.lower() for name in _DLL_NAME.findall(out)}


def _roots(pyside: Path) -> list[Path]:
    roots = [pyside / f"{module}.pyd" for module in KEEP_MODULES]
    roots += [pyside / "pyside6.abi3.dll"]
    for folder in KEEP_PLUGINS:
        roots += sorted((pyside / "plugins" / folder).glob("*.dll"))
    return [root for root in roots if root.exists()]


def closure(pyside: Path) -> set[str]:
    """Lower-case names of the PySide6 top-level PE files the kept roots need."""
    local = {p.name.lower(): p for p in pyside.iterdir() if p.suffix.lower() in PE_SUFFIXES}
    needed: set[str] = set()
    todo = _roots(pyside)
    seen: set[Path] = set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        if current.parent == pyside:
            needed.add(current.name.lower())
        for name in pe_imports(current):
            if name in local and local[name] not in seen:
                todo.append(local[name])
    return needed


def _remove(path: Path, removed: list[str]) -> None:
    if path.is_dir():
        removed += [p.name.lower() for p in path.rglob("*") if p.is_file()]
        shutil.rmtree(path)
    else:
        removed.append(path.name.lower())
        path.unlink()


# Folders for building against Qt or for QML, and the asyncio helper the desk never uses.
UNUSED_DIRS = ("qml", "resources", "doc", "include", "glue", "metatypes", "typesystems",
               "scripts", "lib", "QtAsyncio")


def _unwanted(entry: Path, needed: set[str]) -> bool:
    suffix = entry.suffix.lower()
    if entry.is_dir():
        return entry.name in UNUSED_DIRS
    return (suffix in PE_SUFFIXES and entry.name.lower() not in needed) or \
        suffix in (".pyi", ".lib")  # typing stubs, import libraries


def trim(pyside: Path) -> list[str]:
    """Remove from ``pyside`` what the desk never loads; return the removed file names."""
    needed = closure(pyside)
    removed: list[str] = []
    for entry in sorted(pyside.iterdir()):
        if _unwanted(entry, needed):
            _remove(entry, removed)
    for folder in sorted((pyside / "plugins").iterdir()):
        if folder.name not in KEEP_PLUGINS:
            _remove(folder, removed)
    for qm in sorted((pyside / "translations").glob("*")):
        if not KEEP_TRANSLATIONS.match(qm.name):
            _remove(qm, removed)
    return removed


def missing_imports(bundle: Path, removed: set[str]) -> list[str]:
    """``file: dll`` for every import of a PE file in ``bundle`` that the trim removed and
    nothing else in the bundle provides (empty when the trim left all that is needed)."""
    present = {p.name.lower() for p in bundle.rglob("*") if p.is_file()}
    problems = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and path.suffix.lower() in PE_SUFFIXES:
            for name in sorted(pe_imports(path)):
                if name in removed and name not in present:
                    problems.append(f"{path.relative_to(bundle)}: {name}")
    return problems


def main(argv: list[str]) -> int:
    """``qt_trim.py BUNDLE``: trim BUNDLE/lib/PySide6, then check every PE import."""
    bundle = Path(argv[0])
    removed = trim(bundle / "lib" / "PySide6")
    (bundle.parent / "qt-trimmed.txt").write_text("\n".join(sorted(removed)) + "\n")
    problems = missing_imports(bundle, set(removed))
    for problem in problems:
        print(f"trimmed but still imported: {problem}", file=sys.stderr)
    print(f"qt_trim: removed {len(removed)} files; {len(problems)} broken imports")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
