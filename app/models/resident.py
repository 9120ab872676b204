"""Residents, households, replaced card codes and the search index."""

from __future__ import annotations

import peewee as pw

from app.models.base import EMPTY, BaseModel


class Household(BaseModel):
    uid = pw.CharField(unique=True)
    name = pw.CharField()
    created_at = pw.DateTimeField()


class Resident(BaseModel):
    uid = pw.CharField(unique=True)  # station code + resident number: unique across stations
    resident_no = pw.CharField(unique=True)
    name = pw.CharField()
    id_type = pw.CharField(default="cn_id")  # cn_id | other | none
    id_number = pw.CharField(null=True, unique=True)
    gender = pw.CharField(default="")  # M | F | ""
    birth_date = pw.DateField(null=True)
    phone = pw.CharField(null=True, index=True)
    compound = pw.CharField(default="")
    building = pw.CharField(default="")
    unit = pw.CharField(default="")
    room = pw.CharField(default="")
    grid = pw.CharField(default="", index=True)
    household = pw.ForeignKeyField(Household, null=True, backref="members")
    tags = pw.CharField(default="")  # comma-separated tag codes
    card_code = pw.CharField(unique=True)
    archived = pw.BooleanField(default=False)
    # A cache of the ledger sum, written in the same transaction as every entry.
    balance = pw.IntegerField(default=0)
    created_at = pw.DateTimeField()
    updated_at = pw.DateTimeField()
    # Step 13, from the roster: the relation to the household's head (户主 for the head
    # itself, 配偶, 子女…) and the roster's remark (备注).
    relation = pw.CharField(default="", constraints=[EMPTY])
    note = pw.TextField(default="", constraints=[EMPTY])


class RetiredCard(BaseModel):
    """A card code that was replaced (lost card): scanning it is refused with a reason."""

    code = pw.CharField(unique=True)
    resident = pw.ForeignKeyField(Resident, backref="retired_cards")
    retired_at = pw.DateTimeField()


class ResidentSearchTerm(BaseModel):
    """One searchable key of a resident: prefix look-ups on ``term`` use its index."""

    resident = pw.ForeignKeyField(Resident, backref="search_terms", on_delete="CASCADE",
                                  index=False)
    term = pw.CharField()
    rank = pw.SmallIntegerField()  # lower ranks first

    class Meta:
        indexes = (
            (("resident", "term"), True),
            # A search reads this index in order and stops after a page: no sorting.
            (("term", "rank", "resident"), False),
        )
