"""Bringing a station's resident roster (Excel, WPS, CSV) into StationDesk.

``load`` reads the file and finds its header; ``preview`` shows the first rows with each
column's field for the clerk to correct; ``run`` imports (or, dry, only says what it
would do) and reports every row: imported, already there, refused (with why) or skipped.

The whole import is one operation: one transaction, one request id, one audit record.
A failure or a cancel before the commit leaves nothing behind; 10,000 rows commit in a
few seconds, so there are no partial batches to resume. A resident already registered
(see ``roster_rows`` for who is who) is reported as already there and not touched, so
importing the same file again adds nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.models import database
from app.services import audit, idnumber, operations, roster_columns, roster_plan, roster_write
from app.services.context import Context
from app.services.permissions import require
from app.services.roster_columns import FIELDS, IGNORE, Layout
from app.services.roster_read import RawRow, read
from app.services.roster_rows import Outcome, outcome, plain_text

Progress = Callable[[int, int], None]
IMPORTED, EXISTING, REFUSED, SKIPPED = "imported", "existing", "refused", "skipped"
STATUS_NAMES = {IMPORTED: ("已导入", "imported"), EXISTING: ("已存在", "already there"),
                REFUSED: ("未导入", "refused"), SKIPPED: ("跳过", "skipped")}
PREVIEW_ROWS = 20


@dataclass(frozen=True)
class Roster:
    """A roster as read: its rows, the header found, and a digest of the file."""

    file: str
    digest: str
    rows: list[RawRow]
    layout: Layout

    @property
    def data_rows(self) -> list[RawRow]:
        return self.rows[self.layout.header_row + 1:]


def load(path: str | Path, fields: Sequence[str] | None = None,
         overrides: Mapping[str, str] | None = None) -> Roster:
    """Read ``path``; ``fields`` (one per column) or ``overrides`` (header → field)
    correct the columns as recognised."""
    path = Path(path)
    rows = read(path)
    layout = roster_columns.detect(rows, path.name)
    if fields is not None:
        layout = roster_columns.remap(layout, fields)
    if overrides:
        layout = roster_columns.with_overrides(layout, overrides)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Roster(path.name, digest, rows, layout)


def with_fields(roster: Roster, fields: Sequence[str]) -> Roster:
    """The same roster with each column's field as the clerk set it."""
    return dataclasses.replace(roster, layout=roster_columns.remap(roster.layout, fields))


@dataclass(frozen=True)
class Preview:
    headers: tuple[str, ...]
    fields: tuple[str, ...]
    rows: list[tuple[int, tuple[str, ...]]]  # row number, cells as text
    total: int  # rows below the header


def _masked(cell: object) -> str:
    """A cell as the preview shows it: anything like an ID or mobile number masked, in
    whatever column it is (the window never shows them whole)."""
    shown = plain_text(cell)  # type: ignore[arg-type]
    digits = "".join(unicodedata.normalize("NFKC", shown).split()).upper()
    if len(digits) >= 11 and sum(ch.isdigit() for ch in digits) >= 11:
        return idnumber.mask_phone(digits) if len(digits) == 11 else idnumber.mask(digits)
    return shown


def preview(roster: Roster, limit: int = PREVIEW_ROWS) -> Preview:
    width = len(roster.layout.headers)
    shown = [(r.number, tuple(_masked(c) for c in r.cells[:width]) +
              ("",) * max(0, width - len(r.cells))) for r in roster.data_rows[:limit]]
    return Preview(roster.layout.headers, roster.layout.fields, shown, len(roster.data_rows))


def field_labels(lang: str = "zh") -> dict[str, str]:
    """Every field a column may be given, and ``ignore``, by their label."""
    labels = {key: (zh if lang == "zh" else en) for key, (zh, en, _) in FIELDS.items()}
    return {**labels, IGNORE: "不导入" if lang == "zh" else "not imported"}


@dataclass(frozen=True)
class RowReport:
    row: int
    name: str
    status: str
    reason: str
    reason_en: str
    id_masked: str = ""


@dataclass
class ImportResult:
    file: str
    dry_run: bool
    imported: int = 0
    existing: int = 0
    refused: int = 0
    skipped: int = 0
    households: int = 0
    seconds: float = 0.0
    replayed: bool = False
    rows: list[RowReport] = field(default_factory=list)


def _join(reasons: Sequence[tuple[str, str]]) -> tuple[str, str]:
    return "；".join(r[0] for r in reasons), "; ".join(r[1] for r in reasons)


def _masked_id(roster: Roster, row: RawRow) -> str:
    index = roster.layout.column_of("id_number")
    typed = plain_text(row.cells[index]) if index is not None and index < len(row.cells) else ""
    return idnumber.mask("".join(typed.split()).upper())


def _reports(roster: Roster, outcomes: list[Outcome], plan: roster_plan.Plan
             ) -> list[RowReport]:
    reports = []
    for raw, o in zip(roster.data_rows, outcomes, strict=True):
        c = o.candidate
        if c is None:
            status, reasons = o.status, list(o.reasons)
        elif c.row in plan.refused:
            status, reasons = REFUSED, plan.refused[c.row]
        elif c.row in plan.existing:
            status, reasons = EXISTING, [plan.existing[c.row]]
        else:
            status, reasons = IMPORTED, c.notes
        zh, en = _join(reasons)
        masked = idnumber.mask(c.id_number) if c and c.id_number else _masked_id(roster, raw)
        reports.append(RowReport(o.row, o.name, status, zh, en, masked))
    return reports


def _classify(ctx: Context, roster: Roster, progress: Progress | None, steps: int = 1
              ) -> tuple[list[Outcome], roster_plan.Plan]:
    """Each row's outcome, then the plan; ``steps``: what share of the progress bar this
    is (half of an import, all of a dry run)."""
    today = ctx.clock.today()
    outcomes = []
    rows = roster.data_rows
    header = roster.rows[roster.layout.header_row].cells
    for n, row in enumerate(rows, start=1):
        if row.cells == header:  # the header again, as a printed roster repeats it
            outcomes.append(Outcome(row.number, "", None, SKIPPED, (("重复的表头行",
                                                                      "the header again"),)))
        else:
            outcomes.append(outcome(row.number, row.cells, roster.layout, today))
        if progress and n % 500 == 0:
            progress(n, len(rows) * steps)
    return outcomes, roster_plan.make(outcomes)


def _count(result: ImportResult) -> ImportResult:
    for key in (IMPORTED, EXISTING, REFUSED, SKIPPED):
        setattr(result, key, sum(r.status == key for r in result.rows))
    return result


def run(ctx: Context, roster: Roster, dry_run: bool = False, request_id: str | None = None,
        progress: Progress | None = None) -> ImportResult:
    """Import ``roster`` (or, ``dry_run``, say what would happen and write nothing).
    ``progress(done, total)`` is called along the way and may raise to cancel: nothing is
    written then."""
    require(ctx, "resident.register")
    started = time.perf_counter()
    result = ImportResult(roster.file, dry_run)
    if dry_run:
        # It says who is registered already: a look at personal data, noted first.
        audit.note_access(ctx, "resident.import.dry_run", roster.file, {"sha256": roster.digest})
        with database.atomic():  # one consistent view of the station
            outcomes, plan = _classify(ctx, roster, progress)
        result.rows = _reports(roster, outcomes, plan)
        result.households = sum(1 for h in plan.households if h.existing_id is None and
                                (h.head or h.members))
        result.seconds = round(time.perf_counter() - started, 2)
        return _count(result)
    params = {"file": roster.file, "sha256": roster.digest, "fields": list(roster.layout.fields)}

    def body(_rid: str) -> dict:
        outcomes, plan = _classify(ctx, roster, progress, steps=2)
        result.rows = _reports(roster, outcomes, plan)
        total = len(roster.data_rows)

        def step(done: int, count: int) -> None:
            if progress:
                progress(total + done * total // max(count, 1), total * 2)

        result.households = roster_write.write(ctx, plan, step)
        _count(result)
        counts = {k: getattr(result, k) for k in (IMPORTED, EXISTING, REFUSED, SKIPPED)}
        audit.record(ctx, "resident.import", roster.file,
                     {**counts, "households": result.households, "sha256": roster.digest})
        return {**counts, "households": result.households}

    done, replayed = operations.run(ctx, "resident.import", request_id, params, body)
    if replayed:
        result = ImportResult(roster.file, False, replayed=True, **done)
    result.seconds = round(time.perf_counter() - started, 2)
    return result
