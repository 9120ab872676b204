"""Forms and previews read whole: a receipt preview shows the whole receipt, the lock
screen's heading stays on one line above fields that show what is typed, large-font
mode grows check boxes, spin arrows and the deed list with the text, and the deed
dialog says the cap before saving without moving the form."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSpinBox,
    QStyleOptionViewItem,
)

from app.services import ledger, vouchers
from app.views.desk.reprint_dialog import ReprintDialog
from app.views.documents import output
from app.views.tables.trailing import TRAILING_ROLE

from .conftest import open_window
from .layout_support import apply_look, busy_resident

pytestmark = pytest.mark.gui


def test_a_receipt_preview_shows_the_whole_receipt(window, ctx, resident, qtbot):
    ledger.adjust(ctx, resident.id, 20, "期初")
    vouchers.issue(ctx, resident.id, 20, [20])
    dialog = ReprintDialog(window.desk, resident, window)
    qtbot.addWidget(dialog)
    dialog.resize(880, 760)
    dialog.show()
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData(output.THERMAL))
    qtbot.waitUntil(lambda: dialog.preview.page_count() == 1)
    view = dialog.preview.view
    QTest.qWait(50)
    # the receipt is a long narrow strip: all of it in view, nothing to scroll to
    assert view.verticalScrollBar().maximum() == 0
    assert view.horizontalScrollBar().maximum() == 0
    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData(output.SHEET))
    QTest.qWait(300)  # the render waits a moment for more clicks
    qtbot.waitUntil(lambda: dialog.preview.layout == output.SHEET)
    assert view.zoomMode() == view.ZoomMode.FitToWidth  # a sheet is read across


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("large", [False, True])
def test_the_lock_screen_heading_fits_on_one_line(desk, qtbot, lang, large, tmp_path):
    apply_look(large, lang, tmp_path)
    window = open_window(desk, qtbot)
    window.resize(1280, 800)
    window.lock()
    QTest.qWait(20)
    form = window.lock_form
    heading, username = form.heading, form.username
    assert heading.text().count("\n") == 0 and heading.sizeHint().width() <= heading.width()
    assert heading.height() >= heading.sizeHint().height()
    for field in (username, form.password):  # not squeezed under a wrapped heading
        assert field.height() >= field.sizeHint().height()
    assert username.text() == "admin"
    assert username.contentsRect().width() > username.fontMetrics().horizontalAdvance("admin")
    assert form.width() <= window.width()


def _indicator(widget) -> QRect:  # noqa: ANN001
    option = QStyleOptionButton()
    option.initFrom(widget)
    return widget.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option,
                                         widget)


def _up_arrow(spin) -> QRect:  # noqa: ANN001
    option = QStyleOptionSpinBox()
    option.initFrom(spin)
    option.subControls = QStyle.SubControl.SC_SpinBoxUp
    return spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option,
                                       QStyle.SubControl.SC_SpinBoxUp, spin)


def _deed_dialog(window, r):  # noqa: ANN001
    window.desk_page.open_resident(r.id)
    window.desk_page.actions_by_name["record_deed"].trigger()
    dialog = window.desk_page.active_dialog()
    QTest.qWait(20)
    return dialog


def test_large_font_check_boxes_and_spin_arrows_grow_with_the_text(ctx, desk, qtbot):
    r = busy_resident(ctx)
    plain_box, plain_spin = QCheckBox("包括已归档"), QDoubleSpinBox()  # as the style draws them
    qtbot.addWidget(plain_box)
    qtbot.addWidget(plain_spin)
    box, arrow = _indicator(plain_box).height(), _up_arrow(plain_spin).width()
    apply_look(True)
    window = open_window(desk, qtbot)
    archived = window.residents_page.archived
    dialog = _deed_dialog(window, r)
    line = archived.fontMetrics().height()
    assert line > plain_box.fontMetrics().height() or line >= 20
    assert _indicator(archived).height() >= 0.7 * line > box  # a box as tall as the text
    assert _up_arrow(dialog.quantity).width() >= 0.8 * line > arrow


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_large_font_deed_points_stay_whole_beside_a_wrapping_name(ctx, desk, qtbot, lang,
                                                                 tmp_path):
    r = busy_resident(ctx)
    apply_look(True, lang, tmp_path)
    window = open_window(desk, qtbot)
    dialog = _deed_dialog(window, r)
    types, delegate = dialog.types, dialog.types.itemDelegate()
    viewport = types.viewport().rect()
    wrapped = 0
    for row in range(types.model().rowCount()):
        index = types.model().index(row, 0)
        option = QStyleOptionViewItem()
        option.initFrom(types)
        option.rect = types.visualRect(index)
        text_rect, points_rect = delegate.layout(option, index)
        points = index.data(TRAILING_ROLE)
        metrics = types.fontMetrics()
        assert points_rect.width() >= metrics.horizontalAdvance(points), points
        assert points_rect.right() <= viewport.right() and points_rect.left() > text_rect.left()
        needed = metrics.boundingRect(QRect(0, 0, text_rect.width(), 10_000),
                                      int(Qt.TextFlag.TextWordWrap), index.data())
        assert option.rect.height() >= needed.height()  # a wrapped name gets its lines
        wrapped += needed.height() > metrics.height()
    assert wrapped or lang == "en"  # at 15 pt some Chinese names do wrap: the case here


def test_the_cap_shows_under_the_deed_type_before_saving(ctx, desk, qtbot):
    r = busy_resident(ctx)
    apply_look(False)
    window = open_window(desk, qtbot)
    dialog = _deed_dialog(window, r)
    dialog.filter.setText("hjws")  # environmental clean-up: 4 hours a day
    hint = dialog.cap_hint
    assert hint.isVisible() and "还可登记 4" in hint.text()
    assert dialog.save_button.isEnabled()
    places = (dialog.save_button.geometry(), dialog.quantity.geometry())
    dialog.quantity.setValue(5)
    QTest.qWait(20)
    assert hint.isVisible() and "每天最多 4 小时" in hint.text() and "还可登记 4" in hint.text()
    assert not dialog.save_button.isEnabled()  # before saving, not after
    assert (dialog.save_button.geometry(), dialog.quantity.geometry()) == places  # nothing moved
    assert hint.geometry().top() > dialog.types.geometry().bottom()  # under the deed types
    dialog.quantity.setValue(4)
    assert dialog.save_button.isEnabled() and "还可登记 4" in hint.text()
