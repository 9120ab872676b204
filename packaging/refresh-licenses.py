"""Refresh resources/licenses/: the licence texts of everything the installers ship, read
from the installed packages' own metadata and licence files (nothing typed by hand but
the fonts' entries and the choice of licence where a package offers several), and an
index the About dialog lists.

    .venv/bin/python packaging/refresh-licenses.py [--wheels DIR]

What is listed: StationDesk itself (LICENSE), the bundled fonts (resources/fonts), the
Python interpreter the Windows installer ships, and the runtime dependency closure of
station-desk (no extras) on Linux and on Windows. A Windows-only dependency is not
installed here: ``--wheels DIR`` names a folder holding its wheel (e.g. one made with
``pip download --no-deps --platform win_amd64 --only-binary=:all: NAME``). The run
fails when a package's licence text cannot be found, rather than guess one. Run it in
the project's venv (it uses ``packaging``, which the test extra installs) after
refreshing constraints.txt, and commit the result.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import sysconfig
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "licenses"
COMMON_LICENSES = Path("/usr/share/common-licenses")
MIT_WORDS = ("Permission is hereby granted, free of charge, to any person obtaining a copy of "
             "this software and associated documentation files (the \"Software\"), to deal "
             "in the Software without restriction")
LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)

LINUX = default_environment() | {"sys_platform": "linux", "platform_system": "Linux",
                                 "os_name": "posix", "platform_machine": "x86_64"}
WINDOWS = default_environment() | {"sys_platform": "win32", "platform_system": "Windows",
                                   "os_name": "nt", "platform_machine": "AMD64"}

# Qt for Python's wheels carry no licence file; of the licences they offer, StationDesk
# uses Qt under the LGPL-3.0, whose text builds on the GPL-3.0's.
CHOSEN_TEXTS = {"pyside6-essentials": ("LGPL-3", "GPL-3"),
                "pyside6-addons": ("LGPL-3", "GPL-3"),
                "shiboken6": ("LGPL-3", "GPL-3")}
CHOSEN_LICENCE = {name: "LGPL-3.0-only" for name in CHOSEN_TEXTS}

# The fonts in resources/fonts, described in resources/fonts/README.txt.
FONTS = (
    {"name": "WenQuanYi Micro Hei 文泉驿微米黑", "version": "0.2.0-beta",
     "license": "Apache-2.0 OR GPL-3.0-or-later WITH Font-exception-2.0",
     "file": "fonts/LICENSE-wqy-microhei.txt"},
    {"name": "Hanazono Mincho B 花園明朝 B (subset)", "version": "20170904",
     "license": "Hanazono Font License OR OFL-1.1",
     "file": "fonts/LICENSE-hanazono.txt"},
)


class WheelDistribution(metadata.Distribution):
    """A distribution read from a wheel file that is not installed here."""

    def __init__(self, wheel: Path) -> None:
        self.zip = zipfile.ZipFile(wheel)
        self.info = next(n.split("/")[0] for n in self.zip.namelist()
                         if n.split("/")[0].endswith(".dist-info"))

    def read_text(self, filename: str) -> str | None:
        try:
            return self.zip.read(f"{self.info}/{filename}").decode("utf-8")
        except KeyError:
            return None

    def locate_file(self, path: str) -> Path:  # pragma: no cover - not installed
        raise NotImplementedError(path)


def find(name: str, wheels: Path | None) -> metadata.Distribution:
    try:
        return metadata.distribution(name)
    except metadata.PackageNotFoundError:
        pass
    wanted = canonicalize_name(name).replace("-", "_")
    for wheel in sorted(wheels.glob("*.whl")) if wheels else ():
        if canonicalize_name(wheel.name.split("-")[0]).replace("-", "_") == wanted:
            return WheelDistribution(wheel)
    sys.exit(f"{name} is neither installed nor in --wheels: its licence cannot be read")


def closure(wheels: Path | None = None) -> dict[str, metadata.Distribution]:
    """Every distribution station-desk needs at run time, on Linux or on Windows."""
    found: dict[str, metadata.Distribution] = {}
    todo = [r for r in metadata.requires("station-desk") or [] if "extra ==" not in r]
    while todo:
        requirement = Requirement(todo.pop())
        needed = requirement.marker is None or any(
            requirement.marker.evaluate(env | {"extra": ""}) for env in (LINUX, WINDOWS))
        key = canonicalize_name(requirement.name)
        if not needed or key in found:
            continue
        dist = found[key] = find(requirement.name, wheels)
        todo += [r for r in dist.requires or [] if "extra ==" not in r]
    return dict(sorted(found.items()))


def licence_of(key: str, dist: metadata.Distribution) -> str:
    meta = dist.metadata
    if key in CHOSEN_LICENCE:
        return CHOSEN_LICENCE[key]
    if meta.get("License-Expression"):
        return meta["License-Expression"]
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 60:
        return declared
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License :: OSI Approved")]
    if classifiers:
        return " / ".join(classifiers)
    # Declared nowhere in the metadata (peewee): named from the licence file's own words.
    text = " ".join(" ".join(t for _, t in licence_texts(key, dist)).split())
    if MIT_WORDS in text:
        return "MIT"
    sys.exit(f"{key}: no licence declared in its metadata, and its text is not the MIT's")


def licence_texts(key: str, dist: metadata.Distribution) -> list[tuple[str, str]]:
    """(file name, text) of each licence file the distribution ships."""
    if key in CHOSEN_TEXTS:
        return [(name, (COMMON_LICENSES / name).read_text("utf-8"))
                for name in CHOSEN_TEXTS[key]]
    names = dist.metadata.get_all("License-File") or [
        str(p).split("/", 1)[1] for p in dist.files or ()
        if str(p).split("/")[0].endswith(".dist-info") and LICENCE_FILE.search(str(p))]
    texts = []
    for name in names:
        text = dist.read_text(f"licenses/{name}") or dist.read_text(name)
        if text:
            texts.append((name.removeprefix("licenses/"), text))
    if not texts:
        sys.exit(f"{key}: no licence file found in its distribution")
    return texts


def write_text(out: Path, stem: str, title: str, texts: list[tuple[str, str]]) -> str:
    parts = [title, "=" * len(title)]
    for name, text in texts:
        parts += ["", f"--- {name} ---", "", text.strip("\n")]
    (out / f"{stem}.txt").write_text("\n".join(parts) + "\n", "utf-8")
    return f"licenses/{stem}.txt"


def refresh(out: Path, wheels: Path | None) -> list[dict[str, str]]:
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.txt"):
        old.unlink()
    # No version of its own here: the About dialog shows app.__version__, the only one.
    entries = [{"kind": "app", "name": "StationDesk 文明实践站前台", "version": "",
                "license": metadata.metadata("station-desk")["License"],
                "file": write_text(out, "station-desk", "StationDesk",
                                   [("LICENSE", (ROOT / "LICENSE").read_text("utf-8"))])}]
    entries += [{"kind": "font", **font} for font in FONTS]
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    entries.append({"kind": "runtime", "name": "Python (Windows installer)", "version": python,
                    "license": "PSF-2.0",
                    "file": write_text(out, "python", f"Python {python}", [(
                        "LICENSE.txt",
                        (Path(sysconfig.get_path("stdlib")) / "LICENSE.txt").read_text())])})
    for key, dist in closure(wheels).items():
        name = dist.metadata["Name"]
        entries.append({"kind": "library", "name": name, "version": dist.version,
                        "license": licence_of(key, dist),
                        "file": write_text(out, key, f"{name} {dist.version}",
                                           licence_texts(key, dist))})
    (out / "index.json").write_text(
        json.dumps(entries, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheels", type=Path, help="wheels of Windows-only dependencies")
    parser.add_argument("--out", type=Path, default=OUT, help="default: resources/licenses")
    args = parser.parse_args()
    for entry in refresh(args.out, args.wheels):
        print(f"{entry['name']:40} {entry['version']:12} {entry['license']}")


if __name__ == "__main__":
    main()
