"""The documents the desk and the command line print, each made in one place: the data
gathered from the services, the PDF built, the file named. The window and
``station-desk`` call the same job, so the same input makes the same document under the
same name.

Qt-free, and light to import: reportlab is loaded when a document is first built, so the
window imports this module at start and still opens where the printing libraries are
missing (the ``ImportError`` then reaches whoever asked for a document).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.services import errors, ledger, residents, sign_up_list, station, vouchers
from app.services.residents import ResidentView
from app.services.vouchers import VoucherRow

Report = Callable[[int, int], None]  # done, total: called between two steps of a long job


@dataclass(frozen=True)
class Printout:
    """Finished documents: one PDF, or several (a receipt per voucher, a document per
    hundred cards), with the file name they are saved under."""

    documents: list[bytes]
    name: str  # the file for one document; several are numbered after it, see ``paths``
    parts: list[str]  # what tells the documents apart: a serial, or 1, 2, 3 …
    people: list[str]  # the names printed on them (a font may lack a rare character)
    count: int  # cards, statement entries or vouchers in it

    def paths(self, path: Path) -> list[Path]:
        """Where the documents go when saved as ``path``: ``path`` itself for one,
        ``NAME-PART.pdf`` beside it for each of several."""
        if len(self.documents) == 1:
            return [path]
        return [path.with_name(f"{path.stem}-{part}{path.suffix}") for part in self.parts]

    def write(self, path: Path) -> list[Path]:
        paths = self.paths(path)
        for target, data in zip(paths, self.documents, strict=True):
            target.write_bytes(data)
        return paths


def cards(people: list[ResidentView], chunk: int | None = None,
          report: Report | None = None) -> Printout:
    """Resident cards, ten to an A4 sheet, in the order given: one document, or one per
    ``chunk`` cards (a grid's thousand cards, made between progress reports)."""
    from app.printing.cards import cards_pdf

    info = station.current()
    size = chunk or max(len(people), 1)
    batches = [people[n:n + size] for n in range(0, len(people), size)] or [people]
    documents = []
    for batch in batches:
        if report is not None:
            report(len(documents) * size, len(people))
        documents.append(cards_pdf(batch, info))
    if report is not None:
        report(len(people), len(people))
    name = f"card-{people[0].resident_no}.pdf" if len(people) == 1 else "cards.pdf"
    return Printout(documents, name, [str(n) for n in range(1, len(documents) + 1)],
                    [p.name for p in people], len(people))


def statement(resident: ResidentView, start: dt.date, end: dt.date) -> Printout:
    """The passbook page of a period: the opening balance and every entry dated in it."""
    from app.printing.statement import statement_pdf

    page = ledger.statement(resident.id, start, end)
    pdf = statement_pdf(resident, station.current(), page.rows, page.opening, start, end)
    return Printout([pdf], f"statement-{resident.resident_no}.pdf", ["1"], [resident.name],
                    len(page.rows))


def printable(serials: list[str]) -> list[VoucherRow]:
    """The vouchers to print, refused with a reason when one cannot be printed: unknown,
    already redeemed, voided or expired, or of another resident than the rest."""
    rows = vouchers.vouchers_by_serial(serials)
    found = {r.serial for r in rows}
    for serial in serials:
        if serial not in found:
            raise errors.VoucherNotFound(serial=serial)
    for row in rows:
        if row.status != "issued":
            raise errors.VoucherAlreadyResolved(
                serial=row.serial, what_zh="已核销、作废或过期，不能再打印。",
                what_en="redeemed, voided or past its validity and cannot be printed.")
    if len({r.resident_id for r in rows}) > 1:
        raise errors.InvalidInput(what="一次只能打印同一位居民的兑换券。",
                                  what_en="Print one resident's vouchers at a time.")
    return rows


def voucher_printout(serials: list[str], thermal_dots: int | None = None,
                     reprint: bool = False) -> Printout:
    """One resident's vouchers: all on A4 sheets in one document, or, for a receipt roll
    ``thermal_dots`` wide, one document per voucher, told apart by its serial."""
    from app.printing.vouchers import voucher_documents

    rows = printable(serials)
    holder = residents.get(rows[0].resident_id)
    documents = voucher_documents(rows, station.current(), thermal_dots, holder.id_masked,
                                  reprint)
    parts = [r.serial for r in rows] if len(documents) > 1 else ["1"]
    return Printout(documents, "vouchers-reprint.pdf" if reprint else "vouchers.pdf", parts,
                    [holder.name], len(rows))


def sign_in_sheet(activity_ref: str | int) -> Printout:
    """An activity's paper sign-in sheet: its sign-up list, a QR per row, and rows for
    walk-ins."""
    from app.printing.sign_in_sheet import sign_in_sheet_pdf

    activity, rows = sign_up_list.sign_up_list(activity_ref)
    pdf = sign_in_sheet_pdf(activity, rows, station.current())
    return Printout([pdf], f"sign-in-{activity.id}.pdf", ["1"], [r.name for r in rows],
                    len(rows))
