"""One rotating log file per data directory, and references for unexpected errors.

A clerk never sees a traceback: an unexpected error is logged with a short reference
the clerk can quote, and the screen or terminal shows only that reference.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from app.runtime.config import PRIVATE_DIR, PRIVATE_FILE

log = logging.getLogger("app")


def setup(log_dir: Path) -> Path | None:
    """Log to ``log_dir/station-desk.log`` (5 × 1 MB); quietly skip if the folder is
    not writable (the error that follows will say why)."""
    path = log_dir / "station-desk.log"
    try:
        log_dir.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5,
                                                       encoding="utf-8")
        if os.name != "nt":  # a log names clerks and residents: its user's only
            path.chmod(PRIVATE_FILE)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def report_unexpected(exc: BaseException) -> str:
    """Log ``exc`` with its traceback under a new reference and return the reference."""
    import secrets

    reference = secrets.token_hex(3).upper()
    log.error("unexpected error, reference %s", reference, exc_info=exc)
    return reference
