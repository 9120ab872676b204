"""The licences the About dialog shows: StationDesk's own (LICENSE, Apache-2.0), the
bundled fonts' and every library the installers ship, each with its full text under
resources/, current with the versions installed (packaging/refresh-licenses.py)."""

from __future__ import annotations

import json
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from app import RESOURCES

ROOT = RESOURCES.parent


def _index() -> list[dict[str, str]]:
    return json.loads((RESOURCES / "licenses" / "index.json").read_text("utf-8"))


def _runtime_closure() -> dict[str, str]:
    """Name → installed version of every distribution station-desk needs here to run."""
    found: dict[str, str] = {}
    todo = [r for r in metadata.requires("station-desk") or [] if "extra ==" not in r]
    while todo:
        requirement = Requirement(todo.pop())
        key = canonicalize_name(requirement.name)
        if key in found or not (requirement.marker is None
                                or requirement.marker.evaluate({"extra": ""})):
            continue
        dist = metadata.distribution(requirement.name)
        found[key] = dist.version
        todo += [r for r in dist.requires or [] if "extra ==" not in r]
    return found


def test_stationdesk_is_licensed_under_the_full_apache_2_text():
    text = (ROOT / "LICENSE").read_text("utf-8")
    assert "Apache License" in text and "Version 2.0, January 2004" in text
    assert "END OF TERMS AND CONDITIONS" in text and "APPENDIX" in text
    own = [e for e in _index() if e["kind"] == "app"]
    assert [e["license"] for e in own] == ["Apache-2.0"]
    assert text.strip() in (RESOURCES / own[0]["file"]).read_text("utf-8")


def test_every_library_shipped_is_listed_at_its_installed_version_with_its_text():
    listed = {canonicalize_name(e["name"]): e for e in _index() if e["kind"] == "library"}
    closure = _runtime_closure()
    assert {"pyside6-essentials", "peewee", "reportlab", "cryptography"} <= set(closure)
    stale = {name: (version, listed.get(name, {}).get("version"))
             for name, version in closure.items()
             if listed.get(name, {}).get("version") != version}
    assert stale == {}, "run packaging/refresh-licenses.py"
    assert listed["pyside6-essentials"]["license"] == "LGPL-3.0-only"
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (
        RESOURCES / listed["pyside6-essentials"]["file"]).read_text("utf-8")


def test_every_entry_has_a_licence_and_a_text_beside_the_app():
    entries = _index()
    assert {e["kind"] for e in entries} == {"app", "font", "runtime", "library"}
    empty = [e["name"] for e in entries
             if not e["license"] or len((RESOURCES / e["file"]).read_text("utf-8")) < 300]
    assert empty == []
    fonts = sorted(e["file"] for e in entries if e["kind"] == "font")
    assert fonts == sorted(f"fonts/{p.name}" for p in (RESOURCES / "fonts").glob("LICENSE-*"))
