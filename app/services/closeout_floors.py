"""Where a close-out's window begins in each table, found without reading the table.

Ids grow with time (the floors each close-out saves for the next rely on it too), so a
binary search on the primary key finds the last row written by a moment in a few dozen
lookups by key, where a scan would read the station's whole history: a first close-out
on a station with years of records reads only its day. No index on the write times is
needed, which every deed would pay for.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import peewee as pw

from app.models import database
from app.services.closeout_figures import TABLES, Window

# A row may carry a time a little before a row with a lower id (two desks on one database
# take their times before they take the write lock; a clock put right). The floor stays
# this far before the window's start, and the window's own time bound does the rest: a
# floor too low costs reading a few more rows, one too high would lose them.
MARGIN = dt.timedelta(days=1)


def _first_after(model: type[pw.Model], key: pw.Field, at: pw.Field
                 ) -> Callable[[int], dt.datetime | None]:
    """When the first row after an id was written: one statement, built once and run with
    each id (building it anew for each of a search's dozens of lookups costs more than
    running it)."""
    sql, params = model.select(at).where(key > 0).order_by(key).limit(1).sql()

    def written(after: int) -> dt.datetime | None:
        row = database.execute_sql(sql, (after, *params[1:])).fetchone()
        return None if row is None else at.python_value(row[0])

    return written


def floor_before(model: type[pw.Model], key: pw.Field, at: pw.Field,
                 moment: dt.datetime) -> int:
    """The highest id such that every row up to it was written at or before ``moment``
    (0 if the first row is later), by bisecting the ids: the first row after ``mid`` is
    later than ``moment`` for every ``mid`` from the floor up, and for none below it."""
    written = _first_after(model, key, at)
    low, high = 0, model.select(pw.fn.MAX(key)).scalar() or 0
    while low < high:
        mid = (low + high) // 2
        when = written(mid)
        if when is None or when > moment:
            high = mid
        else:
            low = mid + 1
    return low


PROBES = 33


def in_time_order(model: type[pw.Model], key: pw.Field, at: pw.Field) -> bool:
    """Whether rows taken at even steps of the ids were written in time order (within the
    margin). A demo station's invented history is written resident by resident, each
    resident's year at once: there a floor would hide rows, and the table is read whole."""
    # One aggregate a statement: SQLite reads MIN and MAX of a key from its b-tree's ends
    # only when the statement has no other aggregate, and scans the table otherwise.
    low, high = model.select(pw.fn.MIN(key)).scalar(), model.select(pw.fn.MAX(key)).scalar()
    if low is None or low == high:
        return True
    written = _first_after(model, key, at)
    seen = None
    for n in range(PROBES):
        when = written(low - 1 + (high - low) * n // (PROBES - 1))
        if seen is not None and when is not None and when < seen - MARGIN:
            return False
        seen = when if seen is None else max(seen, when or seen)
    return True


def floors_at(start: dt.datetime | None) -> dict[str, int]:
    """Per table, the floor of a window that starts at ``start`` and has no close-out
    before it to take its floors from; 0 (read from the first row) without a start or
    where the ids are not in time order."""
    if start is None:
        return {}
    moment = start - MARGIN
    return {name: floor_before(model, key, at, moment) if in_time_order(model, key, at)
            else 0 for name, (model, key, at) in TABLES.items()}


def floors_after(window: Window) -> dict[str, int]:
    """The floors the next close-out starts from: the window's (see ``next_floors``), 0
    for a table whose ids are not in time order."""
    return {name: floor if in_time_order(*TABLES[name]) else 0
            for name, floor in window.next_floors().items()}
