"""First run: name the station, create the first admin, start empty or with demo data.

Everything is checked by the services: a weak password is refused with the reason
before leaving the admin page, and a refusal at the end sends the clerk back to the
page and field it concerns.
"""

from __future__ import annotations

import importlib.util

from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.services import auth
from app.services import station as station_service
from app.views.common import titles
from app.views.common.errors import field_of, message_for
from app.views.common.widgets import Feedback, FieldErrors, error_label
from app.views.shell import look
from app.views.shell.duty import Desk

DEMO_RESIDENTS = 200
DEMO_SEED = 2026
STATION_PAGE, ADMIN_PAGE, DATA_PAGE = 0, 1, 2


def demo_available() -> bool:
    return importlib.util.find_spec("app.services.demo") is not None


class StationPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("本站信息"))
        self.setSubTitle(self.tr("站点名称印在兑换券和对账单上；站点代码是券号的开头，设定后不能修改。"))
        self.name = QLineEdit()
        self.name.setObjectName("stationName")
        self.name.setPlaceholderText(self.tr("例如：新华社区新时代文明实践站"))
        self.code = QLineEdit()
        self.code.setObjectName("stationCode")
        self.code.setPlaceholderText(self.tr("2–8 位大写字母或数字，例如 XH01"))
        self.code.setMaxLength(8)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        name_error, code_error = error_label(), error_label()
        self.errors.add("station_name", self.name, name_error)
        self.errors.add("station_code", self.code, code_error)
        form = QFormLayout(self)
        form.addRow(self.tr("站点名称"), self.name)
        form.addRow("", name_error)
        form.addRow(self.tr("站点代码"), self.code)
        form.addRow("", code_error)
        form.addRow(self.feedback)
        self.code.textEdited.connect(self._on_code_text_edited)

    def _on_code_text_edited(self, text: str) -> None:
        if text != text.upper():
            position = self.code.cursorPosition()
            self.code.setText(text.upper())
            self.code.setCursorPosition(position)

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.errors.clear()
        if not self.name.text().strip():
            self.errors.set("station_name", self.tr("请填写站点名称。"))
            return False
        if not self.code.text().strip():
            self.errors.set("station_code", self.tr("请填写站点代码。"))
            return False
        return True


class AdminPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("第一位管理员"))
        self.setSubTitle(self.tr("管理员可以维护积分目录、经办人和站点设置。请牢记密码。"))
        self.username = QLineEdit("admin")
        self.username.setObjectName("adminUsername")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("adminDisplayName")
        self.display_name.setPlaceholderText(self.tr("例如：王站长"))
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("adminRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.feedback = Feedback()
        self.errors = FieldErrors(self.feedback)
        labels = {name: error_label() for name in ("username", "password", "repeat")}
        self.errors.add("username", self.username, labels["username"])
        self.errors.add("password", self.password, labels["password"])
        self.errors.add("repeat", self.repeat, labels["repeat"])
        form = QFormLayout(self)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow("", labels["username"])
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("密码"), self.password)
        form.addRow("", labels["password"])
        form.addRow(self.tr("再输一次"), self.repeat)
        form.addRow("", labels["repeat"])
        form.addRow(QLabel(self.tr("密码至少 8 位，字母与数字（或符号）混合，不要包含用户名。")))
        form.addRow(self.feedback)

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        self.errors.clear()
        if not self.username.text().strip():
            self.errors.set("username", self.tr("请填写用户名。"))
            return False
        try:
            auth.check_password_strength(self.password.text(), self.username.text().strip())
        except Exception as exc:  # noqa: BLE001 - shown next to the field by FieldErrors
            self.errors.show(exc)
            return False
        if self.password.text() != self.repeat.text():
            self.errors.set("repeat", self.tr("两次输入的密码不一致。"))
            self.repeat.setFocus()
            return False
        return True


class DataPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("开始使用"))
        self.setSubTitle(self.tr("正式使用请从空白开始；演示数据只用于培训，之后不能删除。"))
        self.empty = QRadioButton(self.tr("从空白开始（正式使用）"))
        self.empty.setObjectName("startEmpty")
        self.demo = QRadioButton(self.tr("载入演示数据（约 {n} 位虚构居民，用于培训）").format(
            n=DEMO_RESIDENTS))
        self.demo.setObjectName("startDemo")
        self.empty.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.empty)
        group.addButton(self.demo)
        self.feedback = Feedback()
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.demo)
        if not demo_available():
            self.demo.setEnabled(False)
            note = QLabel(self.tr("本版本未包含演示数据。"))
            note.setObjectName("hint")
            layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(self.feedback)


class FirstRunWizard(QWizard):
    """Sets the station up; ``admin_username`` is offered at the sign-in that follows."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(titles.window_title(self.tr("首次使用设置")))
        self.setWindowIcon(look.icon())
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.station_page = StationPage()
        self.admin_page = AdminPage()
        self.data_page = DataPage()
        self.setPage(STATION_PAGE, self.station_page)
        self.setPage(ADMIN_PAGE, self.admin_page)
        self.setPage(DATA_PAGE, self.data_page)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完成"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("取消"))
        self.setMinimumSize(620, 420)
        self.admin_username = ""
        self.demo_problem = ""  # why demo data could not be loaded, if it could not
        self._working = False

    def accept(self) -> None:
        if self._working:
            return
        self._working = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        s, a = self.station_page, self.admin_page
        code, name = s.code.text().strip(), s.name.text().strip()
        username, password = a.username.text().strip(), a.password.text()
        display = a.display_name.text().strip()
        demo = self.data_page.demo.isChecked()
        base = self.desk.base

        def work() -> tuple[str, BaseException | None]:
            station_service.init_station(base, code, name, username, password, display)
            if demo:
                # The station exists now: a failure here must not send the clerk back.
                try:
                    from app.services import demo as demo_service  # only when it exists

                    admin = auth.sign_in(base, username, password)
                    demo_service.generate(base.as_actor(admin), residents=DEMO_RESIDENTS,
                                          seed=DEMO_SEED)
                except Exception as exc:  # noqa: BLE001 - reported after the wizard closes
                    return username, exc
            return username, None

        self.data_page.feedback.show_info(self.tr("正在设置本站…"))
        self.desk.run(self, work, self._on_setup_succeeded, self._on_setup_failed,
                      progress=self.tr("正在设置本站，请稍候…"))

    def _on_setup_succeeded(self, outcome: tuple[str, BaseException | None]) -> None:
        self.admin_username, problem = outcome
        if problem is not None:
            self.demo_problem = message_for(problem)
        self._working = False
        super().accept()

    def _on_setup_failed(self, exc: BaseException) -> None:
        self._working = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.data_page.feedback.clear_message()
        field = field_of(exc)
        if field == "station_code":
            self._back_to(STATION_PAGE)
            self.station_page.errors.show(exc)
        elif field in ("password", "username") or getattr(exc, "code", "") == "invalid_input":
            # The only free-form refusal left at this point is the user name's format.
            self._back_to(ADMIN_PAGE)
            self.admin_page.errors.set(field or "username", message_for(exc))
            self.admin_page.username.setFocus()
        else:
            self.data_page.feedback.show_error(message_for(exc))

    def _back_to(self, page_id: int) -> None:
        while self.currentId() > page_id:
            self.back()
