"""The 志愿服务记录证明 end to end: real activities closed into hours, a certificate issued
from the register, its PDF read back as text and rendered as pictures of A4 pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from PIL import Image
from printing_checks import STATION, assert_private, pdf_text, render

from app.printing.certificate import certificate_pdf, certificate_printout
from app.services import activities, activity_close, attendance, certificates
from app.services.activities import ActivityPlan

A4_RATIO = 297 / 210


def serve(ctx, person_id: int, count: int) -> None:
    """``count`` closed two-hour activities in 2026, the volunteer there 08:00–10:00."""
    for n in range(count):
        day = dt.date(2026, 1, 5) + dt.timedelta(days=7 * n)
        title = "幸福里小区环境卫生整治与垃圾分类桶边值守" if n % 3 else f"楼道清扫 第{n + 1}次"
        made = activities.add_activity(ctx, ActivityPlan(
            title, day, dt.time(8, 0), dt.time(10, 0), "ENV_CLEANUP", kind="environment"))
        attendance.attend(ctx, made.id, [person_id], sign_in=dt.time(8, 0),
                          sign_out=dt.time(10, 0))
        activity_close.close_activity(ctx, made.id)


def test_the_certificate_says_who_how_long_what_and_who_issued_it(ctx, resident, tmp_path):
    serve(ctx, resident.id, 3)
    content = certificates.issue_certificate(ctx, resident.id, person_in_charge="王站长",
                                             handler="李敏").content
    pdf = certificate_pdf(content)
    (page,) = pdf_text(pdf)
    assert_private(page)
    flat = page.replace(" ", "").replace("\n", "")
    for words in ("志愿服务记录证明", "张明月", "居民身份证", "110105********002X",
                  f"编号：{content.number}", "2026年1月5日至2026年11月23日",
                  "参加志愿服务活动3次", "累计志愿服务时长6小时", "楼道清扫第1次",
                  "不包括往返交通时间", "特此证明", f"出具单位：{STATION}", "负责人：王站长",
                  "经办人：李敏", "出具日期：2026年11月23日", "盖章处"):
        assert words in flat, words
    (png,) = render(pdf, 100, tmp_path)
    with Image.open(png) as image:
        assert abs(image.height / image.width - A4_RATIO) < 0.01
        # Something is printed in the top, the middle and the seal's corner; the foot of
        # the page below the closing block stays white.
        grey = image.convert("L")
        w, h = grey.size
        assert grey.crop((0, 0, w, h // 8)).getextrema()[0] < 100
        assert grey.crop((w // 2, h // 2, w, 3 * h // 4)).getextrema()[0] < 200
        assert grey.crop((0, 7 * h // 8, w, h - 60)).getextrema()[0] > 240


def test_a_long_record_continues_on_pages_that_name_the_certificate(ctx, resident, tmp_path):
    serve(ctx, resident.id, 30)
    content = certificates.issue_certificate(ctx, resident.id).content
    printout = certificate_printout(content)
    pages = pdf_text(printout.documents[0])
    assert len(pages) >= 2 and printout.name == f"certificate-{content.number}.pdf"
    for n, page in enumerate(pages[1:], start=2):
        assert "志愿服务记录证明（续）" in page and content.number in page
        assert f"第 {n} 页 共 {len(pages)} 页" in page
    last = pages[-1].replace(" ", "")
    assert "合计" in last and "30次" in last and "60" in last and "盖章处" in last
    assert all("合计" not in page for page in pages[:-1])
    rows = sum(page.count("楼道清扫") + page.count("桶边值守") for page in pages)
    assert rows == 30
    assert len(render(printout.documents[0], 50, tmp_path)) == len(pages)


def test_a_full_id_reaches_paper_only_when_issued_so(ctx, resident):
    serve(ctx, resident.id, 1)
    masked = certificates.issue_certificate(ctx, resident.id).content
    with pytest.raises(ValueError, match="masked"):
        certificate_pdf(replace(masked, id_text="11010519491231002X"))
    full = certificates.issue_certificate(ctx, resident.id, full_id=True).content
    assert "11010519491231002X" in pdf_text(certificate_pdf(full))[0]
