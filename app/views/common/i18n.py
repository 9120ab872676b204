"""The interface language: which one is in use, installing its translators, and
compiling missing ``.qm`` files from the ``.ts`` sources with PySide6's lrelease.

Simplified Chinese is the source language, so it needs no translator of its own (only
Qt's standard buttons); English comes from ``resources/translations/stationdesk_en.ts``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import RESOURCES
from app.views.common import titles

log = logging.getLogger(__name__)

TRANSLATIONS = RESOURCES / "translations"
LANGUAGES = {"zh": "简体中文", "en": "English"}
_current = "zh"
_installed: list[QTranslator] = []


def language() -> str:
    """The language in use: ``zh`` or ``en`` (also the argument of DeskError.message)."""
    return _current


def lrelease_tool() -> list[str] | None:
    """The command that compiles .ts into .qm, if PySide6 (or Qt) ships one here."""
    import shutil

    found = shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if found:
        return [found]
    try:
        import PySide6

        bundled = Path(PySide6.__file__).parent / "lrelease"
        if bundled.exists():
            return [str(bundled)]
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        pass
    return None


def build_missing_qm(source: Path = TRANSLATIONS, target: Path | None = None) -> list[Path]:
    """Compile every ``.ts`` in ``source`` whose ``.qm`` is missing or older; return them.

    ``target`` defaults to ``source``; an installation whose resources are read-only
    passes a writable directory instead.
    """
    import subprocess  # only here: a start whose .qm files are current never loads it

    tool = lrelease_tool()
    built: list[Path] = []
    if tool is None:
        log.warning("lrelease not found: translations stay uncompiled")
        return built
    out_dir = target or source
    for ts in sorted(source.glob("*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        # Written under a name of its own and moved into place: a second desk (or test
        # process) starting meanwhile, or a compile cut short, never finds half a file.
        partial = out_dir / f".{qm.name}.{os.getpid()}"
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            subprocess.run([*tool, "-silent", str(ts), "-qm", str(partial)], check=True,
                           capture_output=True, timeout=60)
            os.replace(partial, qm)
        except (OSError, subprocess.SubprocessError) as exc:
            partial.unlink(missing_ok=True)
            log.warning("could not compile %s: %s", ts, exc)
            continue
        built.append(qm)
    return built


def compiled(name: str, cache_dir: Path | None = None) -> Path | None:
    """An up-to-date ``name.qm``: next to its .ts if that folder is writable, else in
    ``cache_dir``; compiled on the spot when missing or older than the .ts."""
    ts = TRANSLATIONS / f"{name}.ts"
    for directory in (TRANSLATIONS, cache_dir):
        if directory is None:
            continue
        qm = directory / f"{name}.qm"
        if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
            return qm
        build_missing_qm(TRANSLATIONS, directory)
        if qm.exists():
            return qm
    return None


def install(lang: str, cache_dir: Path | None = None) -> str:
    """Install the translators for ``lang`` (falling back to Chinese); return what is used."""
    global _current
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = lang if lang in LANGUAGES else "zh"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "en":
        qm = compiled("stationdesk_en", cache_dir)
        translator = QTranslator(app)
        if qm is None or not translator.load(str(qm)):
            log.warning("English translation unavailable; using Chinese")
            lang = "zh"
        else:
            _installed.append(translator)
    if lang == "zh":
        qt_translator = QTranslator(app)
        if qt_translator.load("qtbase_zh_CN", qt_dir):
            _installed.append(qt_translator)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    for translator in _installed:
        app.installTranslator(translator)
    _current = lang
    titles.apply_display_name()
    return lang
