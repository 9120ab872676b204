"""Background work on a real worker thread (not the synchronous test mode the other
window tests use): its own database connection, results dropped for closed windows,
closing that waits for every job (a print job included) and closes the worker's
connection, Cancel, and a progress dialog that waits before it appears."""

from __future__ import annotations

import io
import sqlite3
import threading
import time

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget

from app.models import database
from app.printing.jobs import Printout
from app.services import residents
from app.views.common.background import PROGRESS_DELAY_MS, Cancelled, ProgressDialog, Runner
from app.views.documents import output
from app.views.documents.pdf_preview import PdfPreview
from app.views.shell.duty import Desk

pytestmark = pytest.mark.gui

WAIT_MS = 10_000  # an upper bound only: every wait ends as soon as its condition holds


@pytest.fixture
def desk(ctx, qapp):
    """A desk whose work runs on real worker threads; finished after the test so no
    worker connection outlives the test's database."""
    desk = Desk(ctx, Runner())
    desk.set_actor(ctx.actor)
    yield desk
    desk.finish()


@pytest.fixture
def owner(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


class Outcome:
    """What came back to the GUI thread."""

    def __init__(self) -> None:
        self.done: list[object] = []
        self.failed: list[BaseException] = []

    def __bool__(self) -> bool:
        return bool(self.done or self.failed)


def closed(connection: object) -> bool:
    """True once a database connection has been closed (asked from any thread)."""
    if hasattr(connection, "closed"):  # psycopg
        return bool(connection.closed)
    try:
        connection.total_changes  # noqa: B018 - raises once closed; any thread may ask
    except sqlite3.ProgrammingError:
        return True
    return False


def test_work_uses_the_worker_threads_own_connection_and_its_write_is_seen(
        desk, ctx, owner, qtbot):
    gui_connection = database.connection()

    def work() -> tuple[int, object, int]:
        person = residents.register(ctx, residents.ResidentInput(name="李思远"))
        return threading.get_ident(), database.connection(), person.id

    outcome = Outcome()
    desk.run(owner, work, outcome.done.append, outcome.failed.append)
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    assert outcome.failed == []
    worker_thread, worker_connection, person_id = outcome.done[0]
    assert worker_thread != threading.get_ident()
    assert worker_connection is not gui_connection
    assert database.connection() is gui_connection
    assert residents.get(person_id).name == "李思远"  # committed by the worker, read here


@pytest.mark.parametrize("progress_shown", [False, True])
def test_a_result_arriving_after_its_window_closed_is_dropped(desk, qtbot, progress_shown):
    """Closed before the progress dialog appeared, or while it showed: either way the
    callbacks are not called, and nothing raises."""
    owner = QWidget()  # not qtbot's: it is deleted here
    owner.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    owner.show()
    gate, finished = threading.Event(), threading.Event()

    def work() -> str:
        gate.wait(WAIT_MS / 1000)
        finished.set()
        return "late"

    outcome = Outcome()
    desk.run(owner, work, outcome.done.append, outcome.failed.append, progress="正在处理…")
    if progress_shown:
        qtbot.waitUntil(lambda: owner.findChild(ProgressDialog) is not None, timeout=WAIT_MS)
    owner.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(owner), timeout=WAIT_MS)
    gate.set()
    qtbot.waitUntil(lambda: not desk.runner.busy, timeout=WAIT_MS)
    assert finished.is_set()
    assert not outcome


def _pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    for n in range(pages):
        pdf.drawString(100, 700, f"page {n + 1}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _printout(pages: int) -> Printout:
    return Printout(documents=[_pdf(pages)], name="test.pdf", parts=["1"], people=[], count=1)


@pytest.fixture
def print_to_file(monkeypatch, tmp_path):
    """The real sink, its print dialog answered with "print to this PDF file"."""
    from PySide6 import QtPrintSupport
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "printed.pdf"

    class ToFile:
        DialogCode = QPrintDialog.DialogCode

        def __init__(self, printer: QPrinter, parent: QWidget | None) -> None:
            self.printer = printer

        def setWindowTitle(self, title: str) -> None:  # noqa: N802 - Qt API
            pass

        def exec(self) -> QPrintDialog.DialogCode:  # noqa: A003 - Qt API
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(target))
            return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QtPrintSupport, "QPrintDialog", ToFile)
    monkeypatch.setattr(output, "sink", output.Output())
    return target


def test_finish_waits_for_a_print_job_and_closes_the_worker_connection(
        desk, owner, print_to_file, qtbot):
    """The window's closing (``Desk.finish``) returns only once the queued print has
    been painted, and the worker's database connection is closed after it."""
    started, gate = threading.Event(), threading.Event()
    held: list[object] = []

    def hold_the_worker() -> None:  # the print queues behind this
        held.append(database.connection())
        started.set()
        gate.wait(WAIT_MS / 1000)

    desk.run(owner, hold_the_worker, lambda _: None, lambda _: None)
    preview = PdfPreview(desk, "test", owner)
    preview.set_printout(_printout(4))
    printed: list[str] = []
    preview.delivered.connect(printed.append)
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert preview.printing and desk.runner.busy
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    assert not closed(held[0])
    # Released only after finish has begun to wait; a finish that did not wait would
    # return before the print was even started.
    threading.Thread(target=lambda: (time.sleep(0.2), gate.set()), daemon=True).start()
    desk.finish()
    assert len(PdfReader(print_to_file).pages) == 4
    assert closed(held[0])


def test_cancel_stops_a_long_job_and_the_caller_is_told(owner, qtbot):
    """A real worker thread: the dialog appears, its Cancel stops the work at its next
    step, and ``failed`` receives Cancelled."""
    runner = Runner(parent=owner)
    steps: list[int] = []
    total = 1_000

    def work(progress) -> str:  # noqa: ANN001
        for step in range(total):
            progress.report(step, total)
            steps.append(step)
            time.sleep(0.01)  # a slow job: a page, a card
        return "finished"

    outcome = Outcome()
    handle = runner.run(owner, work, outcome.done.append, outcome.failed.append,
                        progress="正在生成…", cancellable=True)
    qtbot.waitUntil(lambda: owner.findChild(ProgressDialog) is not None
                    and owner.findChild(ProgressDialog).isVisible(), timeout=WAIT_MS)
    dialog = owner.findChild(ProgressDialog)
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=WAIT_MS)  # one percent done
    assert dialog.maximum() == total
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # Cancel
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    assert outcome.done == [] and isinstance(outcome.failed[0], Cancelled)
    assert handle.cancelled and len(steps) < total
    assert runner.finish()


def test_the_progress_dialog_appears_only_after_the_delay(owner, qtbot):
    runner = Runner(parent=owner)
    gate = threading.Event()
    outcome = Outcome()
    runner.run(owner, lambda: "quick", outcome.done.append, outcome.failed.append,
               progress="正在处理…")
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    assert outcome.done == ["quick"]
    assert owner.findChild(ProgressDialog) is None  # quick work: never a dialog
    assert not [t for t in owner.findChildren(QTimer) if t.isActive()]  # nor one later

    clock = QElapsedTimer()
    clock.start()
    runner.run(owner, lambda: gate.wait(WAIT_MS / 1000), outcome.done.append,
               outcome.failed.append, progress="正在处理…")
    qtbot.wait(0)  # the events so far are processed: a dialog due now would show
    assert owner.findChild(ProgressDialog) is None
    qtbot.waitUntil(lambda: owner.findChild(ProgressDialog) is not None
                    and owner.findChild(ProgressDialog).isVisible(), timeout=WAIT_MS)
    assert clock.elapsed() >= PROGRESS_DELAY_MS * 0.9  # a coarse timer may fire 5% early
    gate.set()
    qtbot.waitUntil(lambda: owner.findChild(ProgressDialog) is None
                    or not owner.findChild(ProgressDialog).isVisible(), timeout=WAIT_MS)
    assert runner.finish()


def test_cancelling_a_print_aborts_it_and_says_it_was_not_printed(
        desk, owner, print_to_file, qtbot):
    gate = threading.Event()
    desk.run(owner, lambda: gate.wait(WAIT_MS / 1000), lambda _: None, lambda _: None)
    preview = PdfPreview(desk, "test", owner)
    preview.set_printout(_printout(2))
    outcome: list[str] = []
    preview.delivered.connect(outcome.append)
    preview.not_printed.connect(lambda: outcome.append("not printed"))
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: preview.findChild(ProgressDialog) is not None
                    and preview.findChild(ProgressDialog).isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(preview.findChild(ProgressDialog).findChild(QPushButton),
                     Qt.MouseButton.LeftButton)  # Cancel, before the first page
    gate.set()
    qtbot.waitUntil(lambda: bool(outcome), timeout=WAIT_MS)
    assert outcome == ["not printed"] and not preview.printing


def test_work_while_closed_says_a_refusal_and_returns_the_result(qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.services.errors import InvalidInput
    from app.views.common.background import run_while_closed

    warned: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(
        (title, text)))

    def refused() -> None:
        raise InvalidInput(what="备份已损坏", what_en="The backup is damaged")

    assert run_while_closed(Runner(synchronous=True), "请稍候", refused, "恢复备份",
                            "没有恢复，数据保持原样：{reason}") is None
    assert warned == [("恢复备份", "没有恢复，数据保持原样：备份已损坏")]
    assert run_while_closed(Runner(synchronous=True), "请稍候", lambda: 42, "恢复备份",
                            "{reason}") == 42
    assert len(warned) == 1
