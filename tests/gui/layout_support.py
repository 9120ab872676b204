"""What the layout tests share: the desk's look (CJK font, large-font mode), English,
and a station with a resident whose ledger and vouchers fill the tables."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.services import deeds, ledger, residents, vouchers
from app.views.common import i18n
from app.views.shell import look

SIZES = ((1600, 1000), (1280, 800))


def apply_look(large: bool, lang: str = "zh", cache=None) -> None:  # noqa: ANN001
    """The desk's font and style sheet, as at start-up; English compiled into ``cache``."""
    if lang == "en":
        i18n.build_missing_qm(i18n.TRANSLATIONS, cache)
        assert i18n.install("en", cache) == "en"
    look.apply(QApplication.instance(), look.load_fonts(), large)


def busy_resident(ctx):  # noqa: ANN001, ANN201
    """A resident with a long address, awards, a deduction, issued vouchers and a
    four-digit balance: every column of the ledger has something to show."""
    r = residents.register(ctx, residents.ResidentInput(
        name="欧阳明月", id_number="11010519491231002X", phone="13812345678",
        compound="锦绣华庭东区北苑", building="19", unit="3", room="1803", grid="第一网格"))
    ledger.adjust(ctx, r.id, 1234, "期初余额")
    deeds.record_deed(ctx, r.id, "BLOOD_DONATION")
    deeds.record_deed(ctx, r.id, "LITTERING")
    vouchers.issue(ctx, r.id, 70, [50, 20])
    return residents.get(r.id)
