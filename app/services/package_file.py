"""The district package file, both ways (station → centre, centre → station).

A package is one zip file with three members:

- ``records.jsonl``: one record per line, canonical JSON (see ``canonical``);
- ``manifest.json``: who wrote it, its number, period and counts, and the SHA-256 and
  size of ``records.jsonl``, canonical JSON;
- ``manifest.sig``: the Ed25519 signature of ``manifest.json``'s exact bytes, base64.

Signing the manifest signs the records through their hash. A reader checks the
signature before it trusts a word of the manifest, and the records' hash before it
reads a record, so a changed, truncated or re-signed file is refused whole.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from app.services.errors.packages import PackageDamaged, PackageTampered, PackageUnsupported

FORMAT = "stationdesk-package"
VERSION = 1
RECORDS = "records.jsonl"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
_CHUNK = 1 << 20


def canonical(value: Any) -> bytes:
    """The one byte form of a JSON value: sorted keys, no spaces, UTF-8 (Chinese as is)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


def fingerprint(public_key: bytes) -> str:
    """A short, readable form of a public key to compare by eye (first 16 hex of SHA-256)."""
    digest = hashlib.sha256(public_key).hexdigest()[:16]
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def write(path: Path, manifest: dict, records: Iterable[dict],
          key: Ed25519PrivateKey) -> tuple[str, dict[str, int]]:
    """Write a signed package to ``path``; return the whole file's SHA-256 and the count of
    records by kind (also put in the manifest as ``counts``).

    ``manifest`` gets ``format``, ``version``, ``counts`` and ``files`` added. The file is
    written under a temporary name, synced and moved into place: a package cut short by
    a crash or a full disk is never left under the name asked for.
    """
    path = Path(path)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    counts: dict[str, int] = {}
    digest = hashlib.sha256()
    size = 0
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            with zf.open(RECORDS, "w", force_zip64=True) as out:
                # Handed to the compressor a megabyte at a time: a write per line costs
                # the compressor a call per record.
                pending: list[bytes] = []
                held = 0
                for record in records:
                    line = canonical(record) + b"\n"
                    digest.update(line)
                    size += len(line)
                    counts[record["kind"]] = counts.get(record["kind"], 0) + 1
                    pending.append(line)
                    held += len(line)
                    if held >= _CHUNK:
                        out.write(b"".join(pending))
                        pending, held = [], 0
                out.write(b"".join(pending))
            body = canonical({**manifest, "format": FORMAT, "version": VERSION,
                              "counts": counts,
                              "files": {RECORDS: {"sha256": digest.hexdigest(),
                                                  "bytes": size}}})
            zf.writestr(MANIFEST, body)
            zf.writestr(SIGNATURE, base64.b64encode(key.sign(body)))
        with open(partial, "rb") as fh:
            os.fsync(fh.fileno())
            whole = hashlib.file_digest(fh, "sha256").hexdigest()
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return whole, counts


@dataclass(frozen=True)
class Package:
    """A package opened for reading: its manifest is not trusted until ``verify``."""

    path: Path
    manifest: dict
    manifest_bytes: bytes
    signature: bytes
    sha256: str  # of the whole file

    def verify(self, public_key: bytes) -> bool:
        """Whether ``public_key`` signed this manifest."""
        try:
            Ed25519PublicKey.from_public_bytes(public_key).verify(self.signature,
                                                                 self.manifest_bytes)
        except (InvalidSignature, ValueError):
            return False
        return True

    def check_records(self) -> None:
        """Refuse the package unless ``records.jsonl`` is exactly what the manifest names."""
        wanted = self.manifest.get("files", {}).get(RECORDS, {})
        digest = hashlib.sha256()
        size = 0
        try:
            with zipfile.ZipFile(self.path) as zf, zf.open(RECORDS) as fh:
                while chunk := fh.read(_CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
        except (zipfile.BadZipFile, KeyError, OSError, EOFError) as exc:
            raise PackageTampered(path=str(self.path), member=RECORDS) from exc
        if digest.hexdigest() != wanted.get("sha256") or size != wanted.get("bytes"):
            raise PackageTampered(path=str(self.path), member=RECORDS)

    def records(self) -> Iterator[dict]:
        """The records, in the order written (call ``check_records`` first)."""
        with zipfile.ZipFile(self.path) as zf, zf.open(RECORDS) as fh:
            for line in fh:
                yield json.loads(line)


def open_package(path: Path) -> Package:
    """Open ``path`` as a package: a whole zip with the three members and a manifest of a
    format this program reads. Nothing is trusted yet (see ``Package.verify``)."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            whole = hashlib.file_digest(fh, "sha256").hexdigest()
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            missing = {RECORDS, MANIFEST, SIGNATURE} - names
            if missing:
                raise PackageDamaged(path=str(path), detail="缺少 " + "、".join(sorted(missing)))
            body = zf.read(MANIFEST)
            signature = base64.b64decode(zf.read(SIGNATURE), validate=True)
        manifest = json.loads(body)
    except FileNotFoundError as exc:
        raise PackageDamaged(path=str(path), detail="文件不存在 / no such file") from exc
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, zipfile.LargeZipFile) as exc:
        raise PackageDamaged(path=str(path), detail=type(exc).__name__) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageDamaged(path=str(path), detail="不是文明实践站前台的包 / not a package")
    if manifest.get("version") != VERSION:
        raise PackageUnsupported(path=str(path), version=str(manifest.get("version")))
    return Package(path, manifest, body, signature, whole)
