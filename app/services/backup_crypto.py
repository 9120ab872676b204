"""Encrypted copies of a backup for a second place (a USB drive): AES-256-GCM in 1 MiB
chunks, with the key derived from a password by scrypt.

Each chunk is authenticated with its index and whether it is the last, so a copy that
was truncated, reordered or altered is refused when it is opened, not half-restored.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from app.services.errors import DeskError

MAGIC = b"SDBAK1\0\0"
CHUNK = 1024 * 1024
_SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class BackupPasswordError(DeskError):
    code = "backup_password"
    zh = "无法解密备份：{reason}"
    en = "Cannot decrypt the backup: {reason_en}"
    reason: str
    reason_en: str


def is_encrypted(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def _key(password: str, salt: bytes) -> bytes:
    if len(password) < 8:
        raise BackupPasswordError(reason="密码至少 8 个字符", reason_en="use at least 8 characters")
    return Scrypt(salt=salt, length=32, **_SCRYPT).derive(password.encode("utf-8"))


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">Q?", index, last)


def encrypt_file(source: Path, dest: Path, password: str) -> None:
    salt, prefix = os.urandom(16), os.urandom(4)
    header = MAGIC + salt + prefix
    aead = AESGCM(_key(password, salt))
    partial = dest.with_name(dest.name + ".partial")
    size = source.stat().st_size
    with open(source, "rb") as src, open(partial, "wb") as out:
        out.write(header)
        index = 0
        while True:
            chunk = src.read(CHUNK)
            last = src.tell() >= size
            sealed = aead.encrypt(prefix + struct.pack(">Q", index), chunk, _aad(header, index,
                                                                                last))
            out.write(struct.pack(">I", len(sealed)) + sealed)
            index += 1
            if last:
                break
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, dest)


def decrypt_file(source: Path, dest: Path, password: str) -> None:
    wrong = BackupPasswordError(reason="密码错误，或文件已损坏",
                                reason_en="wrong password or damaged file")
    with open(source, "rb") as src, open(dest, "wb") as out:
        header = src.read(len(MAGIC) + 20)
        if not header.startswith(MAGIC) or len(header) != len(MAGIC) + 20:
            raise BackupPasswordError(reason="不是加密备份文件",
                                      reason_en="not an encrypted backup")
        salt, prefix = header[len(MAGIC):len(MAGIC) + 16], header[len(MAGIC) + 16:]
        aead = AESGCM(_key(password, salt))
        index = 0
        while True:
            length_bytes = src.read(4)
            if len(length_bytes) != 4:
                raise wrong  # the copy ends before its last chunk: truncated
            sealed = src.read(struct.unpack(">I", length_bytes)[0])
            last = src.peek(1)[:1] == b""
            try:
                out.write(aead.decrypt(prefix + struct.pack(">Q", index), sealed,
                                       _aad(header, index, last)))
            except InvalidTag:
                raise wrong from None
            index += 1
            if last:
                break
