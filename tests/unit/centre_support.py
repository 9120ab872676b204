"""What the centre's tests share: the district's packages (built once a module), a
centre with both stations registered, and a snapshot of everything an import may touch."""

from __future__ import annotations

import pytest

from app.models import AuditRecord
from app.models.district import (
    DistrictException,
    DistrictRecord,
    MemberKey,
    MemberStation,
    PackageReceipt,
)
from app.services import centre, centre_members
from app.services.context import Context
from tests.conftest import FAST_HASHER
from tests.district_packages import District

INSTITUTE = "新华街道实践所"


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    return District(tmp_path_factory.mktemp("district"), FAST_HASHER)


@pytest.fixture
def hub(db, tmp_path, clock, district):
    """A centre (on the test database) with XH01 and XH02 registered."""
    ctx = Context(tmp_path / "centre", clock)
    centre.init_centre(ctx, "新华区新时代文明实践中心")
    centre_members.add_institute(ctx, INSTITUTE)
    centre_members.add_station(ctx, "XH01", INSTITUTE, district.ring_a)
    centre_members.add_station(ctx, "XH02", INSTITUTE, district.ring_b)
    return ctx


def snapshot() -> dict[str, list]:
    """Every row an import may write, as text."""
    return {m.__name__: sorted(tuple(map(_text, row)) for row in m.select().tuples())
            for m in (DistrictRecord, PackageReceipt, DistrictException, MemberStation,
                      MemberKey, AuditRecord)}


def _text(value: object) -> str:
    return bytes(value).hex() if isinstance(value, bytes | memoryview) else str(value)


def open_exceptions(kind: str | None = None) -> list[DistrictException]:
    query = DistrictException.select().where(DistrictException.state == "open")
    if kind:
        query = query.where(DistrictException.kind == kind)
    return list(query.order_by(DistrictException.id))
