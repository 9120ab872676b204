"""志愿服务记录证明: issuing a volunteer's certificate from the register, and the register.

Issuing takes the next number of the year (``2026-0001``, ``2026-0002`` …), writes the
register row (append-only: the database refuses to change or remove it) and the audit
record in one transaction, and returns what the printed certificate says. Writers take
turns (``write_transaction``), so two desks issuing at the same moment get two
consecutive numbers, and a number is never skipped nor given twice.

The identity number is printed masked. An admin may choose to print it in full (a
certificate handed to another authority may need it); that choice is refused to a
clerk, marked in the register and in the audit record. The full number is never kept
in the operation's stored result: it is read afresh for the admin who asked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, replace

from app.models import Clerk, Resident, VolunteerCertificate
from app.services import audit, operations, residents, station, text
from app.services.activities import hours_text
from app.services.changes import NOTHING, Changes
from app.services.context import Context
from app.services.errors import FutureDate
from app.services.errors.certificates import NoServiceRecorded
from app.services.permissions import require
from app.services.volunteer_record import (
    ServiceLine,
    YearHours,
    check_period,
    id_type_label,
    service_lines,
    years_of,
)

SIGNER = text.Kind("签字人姓名", "The signer's name", 20)


@dataclass(frozen=True)
class CertificateContent:
    """Everything the printed certificate says."""

    number: str
    issued_on: str
    station: str
    demo: bool
    name: str
    resident_no: str
    id_type: str  # 居民身份证 / 其他证件 / 无
    id_text: str  # masked, unless ``full_id``
    full_id: bool
    start: str  # the period certified
    end: str
    services: list[ServiceLine]
    years: list[YearHours]
    hours: str
    activities: int
    person_in_charge: str
    handler: str


@dataclass(frozen=True)
class IssuedCertificate:
    content: CertificateContent
    replayed: bool = False

    @property
    def changes(self) -> Changes:
        return NOTHING  # a register row: no balance, list or page of residents moves


def next_number(year: int) -> str:
    """The number the next certificate of ``year`` gets; call inside the write."""
    prefix = f"{year}-"
    taken = (VolunteerCertificate.select(VolunteerCertificate.number)
             .where(VolunteerCertificate.number.startswith(prefix)).tuples())
    last = max((int(n[len(prefix):]) for (n,) in taken if n[len(prefix):].isdigit()),
               default=0)
    return f"{prefix}{last + 1:04d}"


def _content(number: str, issued_on: dt.date, person: Resident, lines: list[ServiceLine],
             start: dt.date, end: dt.date, in_charge: str, handler: str,
             full_id: bool) -> CertificateContent:
    info = station.current()
    return CertificateContent(
        number, str(issued_on), info.name, info.demo, person.name, person.resident_no,
        id_type_label(person.id_type, person.id_number), residents.view_of(person).id_masked,
        full_id, str(start), str(end), lines, years_of(lines),
        hours_text(sum(line.tenths for line in lines)), len(lines), in_charge, handler)


def issue_certificate(ctx: Context, resident_id: int, start: dt.date | None = None,
                      end: dt.date | None = None, full_id: bool = False,
                      person_in_charge: str = "", handler: str | None = None,
                      request_id: str | None = None) -> IssuedCertificate:
    """Certify the resident's service hours from ``start`` (default: their first) to
    ``end`` (default: today). ``handler`` defaults to the clerk issuing it."""
    actor = require(ctx, "volunteer.certificate")
    if full_id:
        require(ctx, "volunteer.certificate_full_id")
    check_period(start, end)
    today = ctx.clock.today()
    if end is not None and end > today:
        raise FutureDate(date=str(end))
    in_charge = text.clean(person_in_charge, SIGNER, field="in_charge")
    handler = text.clean(actor.display_name if handler is None else handler, SIGNER,
                         field="handler")
    params = {"resident": resident_id, "from": str(start) if start else None,
              "to": str(end) if end else None, "full_id": full_id, "in_charge": in_charge,
              "handler": handler}

    def body(rid: str) -> dict:
        person = residents.load(resident_id)
        lines = service_lines(resident_id, start, end)
        if not lines:
            period = f"{start or '…'} – {end or today}"
            raise NoServiceRecorded(name=person.name, period=period)
        first, last = start or dt.date.fromisoformat(lines[0].date), end or today
        number = next_number(today.year)
        content = _content(number, today, person, lines, first, last, in_charge, handler,
                           full_id)
        VolunteerCertificate.create(
            number=number, resident=person, period_from=first, period_to=last,
            hours_tenths=sum(line.tenths for line in lines), activities=len(lines),
            full_id=full_id, person_in_charge=in_charge, handler=handler,
            issued_by=actor.clerk_id, issued_at=ctx.clock.now())
        audit.record(ctx, "volunteer.certificate", number, {
            "resident": person.uid, "from": str(first), "to": str(last),
            "hours": content.hours, "activities": content.activities, "full_id": full_id})
        return asdict(content)

    stored, replayed = operations.run(ctx, "volunteer.certificate", request_id, params, body)
    content = _as_content(stored)
    if full_id:  # the stored result keeps only the masked number
        full = Resident.get_by_id(resident_id).id_number or ""
        content = replace(content, id_text=full)
    return IssuedCertificate(content, replayed)


def _as_content(stored: dict) -> CertificateContent:
    return CertificateContent(**{**stored,
                                 "services": [ServiceLine(**s) for s in stored["services"]],
                                 "years": [YearHours(**y) for y in stored["years"]]})


@dataclass(frozen=True)
class RegisterRow:
    number: str
    issued_at: str
    resident_no: str
    name: str
    start: str
    end: str
    hours: str
    activities: int
    full_id: bool
    person_in_charge: str
    handler: str
    issued_by: str


def register(year: int | None = None) -> list[RegisterRow]:
    """The certificates issued (in ``year``, or all), newest first."""
    query = (VolunteerCertificate
             .select(VolunteerCertificate, Resident.resident_no, Resident.name,
                     Clerk.display_name)
             .join(Resident).switch(VolunteerCertificate).join(Clerk))
    if year is not None:
        query = query.where(VolunteerCertificate.number.startswith(f"{year}-"))
    rows = query.order_by(VolunteerCertificate.id.desc())
    return [RegisterRow(c.number, str(c.issued_at)[:16], c.resident.resident_no,
                        c.resident.name, str(c.period_from), str(c.period_to),
                        hours_text(c.hours_tenths), c.activities, c.full_id,
                        c.person_in_charge, c.handler, c.issued_by.display_name)
            for c in rows]

