"""Compare what a built Windows installer holds with the manifest kept in the repository.

    python manifest.py packaging/windows/expected-manifest.txt dist/StationDesk-Setup-X.exe

7-Zip reads NSIS installers: ``7z l -slt`` lists every file the installer would write
(the uninstaller too, with no size: NSIS writes it at install time). The manifest names
one path a line, as 7-Zip shows them (``/`` separators, ``*`` matching within the
listing like fnmatch); a line starting with ``!`` names what must NOT be inside (a
trimmed Qt module coming back, caches). Exit 0 when all holds; else 1 and one line per
problem on stderr.
"""

from __future__ import annotations

import fnmatch
import subprocess
import sys
from pathlib import Path


def listed_paths(slt_listing: str) -> set[str]:
    """The paths in a ``7z l -slt`` listing (the archive's own ``Path =`` line, above the
    ``----------`` separator, is not one of them)."""
    _, sep, entries = slt_listing.partition("\n----------\n")
    if not sep:
        raise ValueError("not a 7z -slt listing: no ---------- separator")
    return {line[len("Path = "):].replace("\\", "/") for line in entries.splitlines()
            if line.startswith("Path = ")}


def read_manifest(text: str) -> tuple[list[str], list[str]]:
    """(required patterns, forbidden patterns); ``#`` starts a comment."""
    required, forbidden = [], []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("!"):
            forbidden.append(line[1:].strip())
        elif line:
            required.append(line)
    return required, forbidden


def problems(required: list[str], forbidden: list[str], paths: set[str]) -> list[str]:
    found = []
    for pattern in required:
        if not fnmatch.filter(paths, pattern):
            found.append(f"missing from the installer: {pattern}")
    for pattern in forbidden:
        for path in sorted(fnmatch.filter(paths, pattern)):
            found.append(f"must not be in the installer: {path} (matches !{pattern})")
    return found


def list_installer(installer: Path) -> str:
    return subprocess.run(["7z", "l", "-slt", str(installer)], check=True,
                          capture_output=True, text=True).stdout


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    manifest, installer = Path(argv[0]), Path(argv[1])
    required, forbidden = read_manifest(manifest.read_text(encoding="utf-8"))
    paths = listed_paths(list_installer(installer))
    found = problems(required, forbidden, paths)
    for line in found:
        print(f"{installer.name}: {line}", file=sys.stderr)
    if not found:
        print(f"manifest: {installer.name} holds {len(paths)} files; all {len(required)} "
              f"expected present, none of {len(forbidden)} excluded patterns")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
