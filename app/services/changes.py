"""What a write changed, so every screen showing that data can refresh itself.

Every write service's result carries a ``Changes``; the window runs each write
through one entry point and announces the ``Changes`` once, and each page decides
from it whether what it shows is stale. A result that cannot say exactly which
residents it touched says ``all_residents`` rather than guessing too few.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Changes:
    residents: frozenset[int] = frozenset()  # whose data, balance or check-ins changed
    all_residents: bool = False  # work touching everyone (year-end clearing, imports)
    ledger: bool = False  # entries were posted (balances, statements, totals)
    vouchers: bool = False  # issued, redeemed, voided or expired
    pending: bool = False  # the deeds waiting for review
    catalogue: bool = False  # deed types and their caps
    clerks: bool = False  # accounts, roles, passwords
    settings: bool = False  # station settings and merchants
    honours: bool = False  # commendations and nominations (光荣榜)
    district: bool = False  # at a centre: merged records, packages received, exceptions

    @staticmethod
    def of_residents(ids: Iterable[int], **areas: bool) -> Changes:
        return Changes(residents=frozenset(ids), **areas)

    @staticmethod
    def union(many: Iterable[Changes]) -> Changes:
        out = NOTHING
        for changes in many:
            out = out | changes
        return out

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            residents=self.residents | other.residents,
            all_residents=self.all_residents or other.all_residents,
            ledger=self.ledger or other.ledger,
            vouchers=self.vouchers or other.vouchers,
            pending=self.pending or other.pending,
            catalogue=self.catalogue or other.catalogue,
            clerks=self.clerks or other.clerks,
            settings=self.settings or other.settings,
            honours=self.honours or other.honours,
            district=self.district or other.district,
        )

    def touches_resident(self, resident_id: int | None) -> bool:
        return resident_id is not None and (self.all_residents or resident_id in self.residents)

    def __bool__(self) -> bool:
        return bool(self.residents) or any((
            self.all_residents, self.ledger, self.vouchers, self.pending, self.catalogue,
            self.clerks, self.settings, self.honours, self.district))


NOTHING = Changes()
