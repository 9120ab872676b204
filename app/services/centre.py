"""The district centre's role: a database with a ``Centre`` row is a centre, one with a
``Station`` row a station, and each refuses the other's commands.

Who may act at a centre: whoever can reach its database. A centre is run by a few
district staff on a PostgreSQL server whose own logins guard it, and it holds no names,
ID numbers or phones (residents arrive as pseudonyms), so its commands take no clerk
sign-in (``--as``); instead every write is audited under the operator's system user and
host, in the same sealed, hash-chained audit log a station keeps.
"""

from __future__ import annotations

import getpass
import socket
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.models import Station, write_transaction
from app.models.district import Centre
from app.services import audit, text
from app.services.context import Context
from app.services.errors import InvalidInput, KeyUnavailable
from app.services.errors.centre import (
    CentreExists,
    CentreOnly,
    NotACentre,
    StationDatabase,
)

# What a centre's database runs besides the ``centre`` command itself: its imports, and
# the checks of its own database (schema, seals and audit chain, under the centre's
# secret in its data directory, as a station's are under the station's).
CENTRE_COMMANDS = {("package", "import"), ("audit", "verify"), ("check", None)}


def current() -> Centre | None:
    return Centre.select().first()


def require_centre() -> Centre:
    centre = current()
    if centre is None:
        station = Station.select().first()
        if station is not None:
            raise NotACentre(what=f"它是站点 {station.code} 的数据库",
                             what_en=f"it is station {station.code}'s database")
        raise NotACentre(what="它还没有初始化", what_en="it is not set up yet")
    return centre


def check_command(command: str | None, action: str | None) -> None:
    """Refuse a station command on a centre's database, and a centre command (but
    ``centre init``, which says why itself) on any other."""
    centre = current()
    if centre is not None:
        if command != "centre" and (command, action) not in CENTRE_COMMANDS:
            said = " ".join(w for w in (command, action) if w)
            raise CentreOnly(centre=centre.name, command=said)
    elif (command == "centre" and action != "init") or (command, action) == ("package",
                                                                             "import"):
        require_centre()


def operator() -> str:
    """The system user and host a centre command runs as (its audit trail)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return f"{user}@{socket.gethostname()}"


def record(ctx: Context, action: str, target: str, detail: dict[str, Any] | None = None) -> None:
    """Audit a centre write under its operator; call inside the write's transaction."""
    audit.record(ctx, action, target, {**(detail or {}), "operator": operator()})


@dataclass(frozen=True)
class CentreInfo:
    uid: str
    name: str
    fingerprint: str
    deed_types: int


def init_centre(ctx: Context, name: str) -> CentreInfo:
    """Make this empty database the district centre: its row, its signing key (the
    private half encrypted under the data directory's secret, as a station's keys are)
    and the district's deed catalogue (the default one, sent to the stations)."""
    from app.services import catalogue, keys
    from app.services.package_file import fingerprint

    if not name.strip():
        raise InvalidInput(what="请填写区中心名称。", what_en="The centre's name is required.")
    name = text.clean(name, text.STATION_NAME, field="name")
    with write_transaction():
        station = Station.select().first()
        if station is not None:
            raise StationDatabase(station=station.code)
        existing = current()
        if existing is not None:
            raise CentreExists(name=existing.name)
        private = Ed25519PrivateKey.generate()
        public = private.public_key().public_bytes(serialization.Encoding.Raw,
                                                   serialization.PublicFormat.Raw)
        encrypted = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(keys.ensure_kek(ctx)))
        centre = Centre.create(uid=uuid.uuid4().hex, name=name, public_key=public,
                               private_key_encrypted=encrypted, created_at=ctx.clock.now())
        count = catalogue.load_default() if not _has_catalogue() else 0
        record(ctx, "centre.init", centre.uid, {"name": name, "deed_types": count})
    return CentreInfo(centre.uid, name, fingerprint(public), count)


def _has_catalogue() -> bool:
    from app.models import DeedType

    return DeedType.select().exists()


def private_key(ctx: Context, centre: Centre) -> Ed25519PrivateKey:
    """The centre's signing key, opened with the secret in its data directory."""
    from app.services import seal

    try:
        loaded = serialization.load_pem_private_key(bytes(centre.private_key_encrypted),
                                                    password=seal.read_secret(ctx.keys_dir))
    except ValueError as exc:
        raise KeyUnavailable(reason="密钥文件与区中心数据库不匹配") from exc
    assert isinstance(loaded, Ed25519PrivateKey)
    return loaded
