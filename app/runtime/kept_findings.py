"""What a whole-file check found, kept beside the database until a later whole check
passes or the file is replaced.

The start-up check reads only what was written after the verified checkpoint, so it
cannot see the damage a whole check found in older pages: without this note, a restart
would let writes go on until the background check found the damage again. The note names
the database file by its inode, so a restored backup (a new file at the same path) is not
held by the findings of the file it replaced; a copied data directory (a new file too) is
held by the placement check instead.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from app.runtime.config import Config

NOTE_FILE = "whole-check.failed"


def _note(config: Config) -> Path:
    return config.data_dir / NOTE_FILE


def _inode(config: Config) -> int | None:
    try:
        return config.sqlite_path.stat().st_ino
    except OSError:
        return None


def remember(config: Config, problems: list[str]) -> None:
    if not config.is_sqlite:
        return
    path = _note(config)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"inode": _inode(config), "problems": problems},
                              ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def forget(config: Config) -> None:
    with contextlib.suppress(FileNotFoundError):
        _note(config).unlink()


def recalled(config: Config) -> list[str]:
    """The problems found in this very database file by its last whole check; none when
    that check passed, never ran, or looked at a file since replaced."""
    if not config.is_sqlite:
        return []
    try:
        kept = json.loads(_note(config).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        return ["上次整体检查的结论无法读取（文件已损坏）：请运行 station-desk check 重新检查"]
    if kept.get("inode") != _inode(config):
        forget(config)
        return []
    return [str(p) for p in kept.get("problems", [])] or ["上次整体检查发现了问题"]
