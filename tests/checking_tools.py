"""The outside programs some tests check with (poppler's pdftoppm, strace, Qt's lupdate,
PostgreSQL's client tools, a tmpfs mount): without one such a test cannot check anything.

On a developer's machine the test is skipped with the reason; in CI (``CI`` set, as
tests/run.sh is run there) it fails, so a missing tool never turns into a green run that
checked nothing."""

from __future__ import annotations

import os
import shutil

import pytest

IN_CI = bool(os.environ.get("CI"))


def unavailable(what: str) -> None:
    """Stop the test: ``what`` it needs is not here."""
    message = f"{what} (tests/run.sh installs what the tests need)"
    if IN_CI:
        pytest.fail(f"needed in CI: {message}", pytrace=False)
    pytest.skip(message)


def program(name: str, package: str) -> str:
    """The path of the program ``name`` (from the Debian ``package``)."""
    found = shutil.which(name)
    if found is None:
        unavailable(f"{name} is not installed (Debian package {package})")
    return str(found)
