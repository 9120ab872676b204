"""The words on a voucher and its counterfoil, shared by the A4 sheet and the thermal roll
so both say exactly the same thing (see reference/domain.md §2.3, the voucher face).

Also the checks made before anything is drawn: only an issued (unresolved) voucher is
printed, and an identity number reaches paper only masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.services.station import StationInfo, yuan_of
from app.services.tokens import is_demo
from app.services.vouchers import VoucherRow

TITLE = "道德积分兑换券"
TERMS = "不兑现金、不找零、不得转让"
REPRINT = "补打"
SPECIMEN = "样券 SPECIMEN"  # a demo station's voucher: it looks like one, it is not one
SPECIMEN_NOTE = "演示数据，不能兑换 / Demo data, not valid"
COUNTERFOIL = "存根"
SIGN_HERE = "领取人签字"
SEAL_HERE = "盖章处"
SCOPE_ANY = "任意合作商户"
SCOPE_STORE = "本站积分超市"

# Eleven or more digits in a row is a full phone or identity number, never printed.
_UNMASKED = re.compile(r"\d{11,}")


def require_masked(text: str, what: str = "证件号") -> str:
    """Return ``text`` if it holds no full identity or phone number, else refuse."""
    if _UNMASKED.search(text.replace(" ", "")):
        raise ValueError(f"{what} must be masked before printing (got a full number)")
    return text


def require_printable(vouchers: list[VoucherRow]) -> None:
    """Refuse an empty list and any voucher already redeemed, voided or expired: a
    printed copy of it would look spendable."""
    if not vouchers:
        raise ValueError("no vouchers to print")
    done = [v.serial for v in vouchers if v.status != "issued"]
    if done:
        raise ValueError(f"vouchers no longer valid cannot be printed: {', '.join(done)}")


def cn_date(iso: str) -> str:
    """2026-12-31 → 2026年12月31日."""
    year, month, day = iso[:10].split("-")
    return f"{int(year)}年{int(month)}月{int(day)}日"


def yuan_text(points: int, station: StationInfo) -> str:
    """"抵 10 元", or "抵 10.50 元" when the rate leaves fen."""
    value = yuan_of(points, station)
    return f"抵 {value.removesuffix('.00')} 元"


def scope_text(voucher: VoucherRow) -> str:
    if voucher.scope == "merchant":
        return f"限{voucher.merchant}" if voucher.merchant else "限指定商户"
    if voucher.scope == "store":
        return SCOPE_STORE
    return SCOPE_ANY


@dataclass(frozen=True)
class Face:
    """Every line printed on one voucher, as label/value pairs where that applies."""

    station: str
    points: str
    yuan: str
    serial: str
    check_code: str
    holder: str
    holder_id: str
    issued: str
    valid_until: str
    scope: str
    clerk: str
    token: str
    reprint: bool
    specimen: bool = False  # a demo voucher: marked SPECIMEN on the face and counterfoil

    def detail_lines(self) -> list[tuple[str, str]]:
        """The label/value lines under the face value, in reading order."""
        lines = [("编号：", self.serial), ("校验码：", self.check_code),
                 ("持券人：", self.holder)]
        if self.holder_id:
            lines.append(("证件：", self.holder_id))
        lines += [("签发日期：", self.issued), ("有效期至：", self.valid_until),
                  ("使用范围：", self.scope), ("经办人：", self.clerk)]
        return lines

    def counterfoil_lines(self) -> list[tuple[str, str]]:
        return [("编号", self.serial), ("分值", f"{self.points}（{self.yuan}）"),
                ("持券人", self.holder), ("签发", self.issued), ("经办", self.clerk)]


def face_of(voucher: VoucherRow, station: StationInfo, holder_id_masked: str = "",
            reprint: bool = False) -> Face:
    return Face(
        station=station.name,
        points=f"{voucher.points} 分",
        yuan=yuan_text(voucher.points, station),
        serial=voucher.serial,
        check_code=voucher.check_code,
        holder=voucher.holder,
        holder_id=require_masked(holder_id_masked),
        issued=cn_date(voucher.issue_date),
        valid_until=cn_date(voucher.expiry_date),
        scope=scope_text(voucher),
        clerk=voucher.clerk,
        token=voucher.token,
        reprint=reprint,
        specimen=station.demo or is_demo(voucher.token),
    )


def holder_id_for(vouchers: list[VoucherRow], holder_id_masked: str) -> str:
    """The masked ID printed on every voucher: it belongs to one holder, so a batch that
    mixes holders cannot carry it."""
    if holder_id_masked and len({v.resident_id for v in vouchers}) > 1:
        raise ValueError("holder_id_masked given for vouchers of several residents")
    return require_masked(holder_id_masked)
