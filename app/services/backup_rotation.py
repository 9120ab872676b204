"""Automatic backups: one a day and one at every close, kept by a rotation of 14 daily
and 12 monthly copies. Manual backups and copies made before a migration or restore are
never deleted by the rotation."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from app.runtime.config import Config
from app.services import backup

KEEP_DAILY = 14
KEEP_MONTHLY = 12
AUTO_KINDS = ("daily", "close")
_NAME = re.compile(r"station-(\d{8})-(\d{6})-(\w+)\.db$")


def _stamp(path: Path) -> tuple[dt.datetime, str] | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    return dt.datetime.strptime(match.group(1) + match.group(2), "%Y%m%d%H%M%S"), match.group(3)


def automatic(config: Config) -> list[tuple[dt.datetime, Path]]:
    if not config.backup_dir.is_dir():
        return []
    found = []
    for path in config.backup_dir.glob("station-*.db"):
        stamp = _stamp(path)
        if stamp and stamp[1] in AUTO_KINDS:
            found.append((stamp[0], path))
    return sorted(found, reverse=True)


def daily_due(config: Config, now: dt.datetime) -> bool:
    return not any(when.date() == now.date() for when, _ in automatic(config))


def run(config: Config, now: dt.datetime, kind: str) -> backup.BackupReport | None:
    """Make the daily backup (if none today) or the close backup, then rotate."""
    if not config.is_sqlite or (kind == "daily" and not daily_due(config, now)):
        return None
    report = backup.backup_to(config.backup_dir / backup.default_name(now, kind),
                              config.data_dir / "keys")
    rotate(config)
    return report


def rotate(config: Config) -> list[Path]:
    """Keep the newest automatic backup of each of the last 14 days that have one and of
    each of the last 12 months; delete the other automatic ones. Returns what went."""
    keep: set[Path] = set()
    days: list[dt.date] = []
    months: list[tuple[int, int]] = []
    for when, path in automatic(config):  # newest first
        if when.date() not in days and len(days) < KEEP_DAILY:
            days.append(when.date())
            keep.add(path)
        month = (when.year, when.month)
        if month not in months and len(months) < KEEP_MONTHLY:
            months.append(month)
            keep.add(path)
    removed = []
    for _, path in automatic(config):
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
