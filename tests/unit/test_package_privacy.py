"""No resident's name, ID number or phone leaves the station in a package unless an
admin authorised it; the setting is an admin's and every change is audited."""

from __future__ import annotations

import re
import zipfile

import pytest

from app.models import AuditRecord, Resident
from app.services import demo, ledger, package_export, package_identities, residents
from app.services.errors import PermissionDenied


def _unzipped(path) -> str:
    """Every member of the file, decompressed: what anyone holding it could read."""
    with zipfile.ZipFile(path) as zf:
        return "\n".join(zf.read(n).decode("utf-8") for n in zf.namelist())


def _found(text: str) -> list[str]:
    found = []
    for name, id_number, phone in Resident.select(Resident.name, Resident.id_number,
                                                  Resident.phone).tuples():
        for value in (name, id_number, phone):
            if value and value in text:
                found.append(value)
        # The ID's last digits as a desk shows them (not inside a hex digest).
        if id_number and re.search(rf"(?<![0-9a-f]){id_number[-6:]}(?![0-9a-f])", text):
            found.append(id_number[-6:])
    return found


@pytest.fixture
def people(ctx):
    demo.generate(ctx, residents=80, seed=5)
    resident = residents.register(ctx, residents.ResidentInput(
        name="欧阳·娜仁", id_number="11010519491231002X", phone="13812345678", grid="第一网格"))
    # Free text a clerk typed may name the resident too.
    ledger.adjust(ctx, resident.id, 5, f"{resident.name}补录 13812345678")
    return ctx


def test_no_name_id_or_phone_leaves_without_authorisation(people, tmp_path):
    done = package_export.export(people, tmp_path)
    text = _unzipped(done.file)
    assert Resident.select().count() > 80 and done.counts["resident"] == 81
    assert _found(text) == []
    assert '"identities":false' in text


def test_authorised_identities_go_to_the_centre(people, tmp_path):
    package_identities.set_sharing(people, True)
    done = package_export.export(people, tmp_path)
    text = _unzipped(done.file)
    names = [n for (n,) in Resident.select(Resident.name).tuples()]
    assert all(n in text for n in names)
    assert '"identities":true' in text and done.identities


def test_turning_sharing_off_again_stops_it(people, tmp_path):
    package_identities.set_sharing(people, True)
    package_identities.set_sharing(people, False)
    assert _found(_unzipped(package_export.export(people, tmp_path).file)) == []
    actions = [a.detail for a in AuditRecord.select().where(
        AuditRecord.action == "package.identities").order_by(AuditRecord.seq)]
    assert len(actions) == 2 and '"after": false' in actions[-1]


def test_only_an_admin_may_share_identities(clerk_ctx):
    with pytest.raises(PermissionDenied):
        package_identities.set_sharing(clerk_ctx, True)
    assert package_identities.sharing() is False
