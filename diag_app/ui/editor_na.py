"""A whole sub-domain declared 不适用 (where the pack allows it), with the assessment's reason: a
bar at the top of the sub-domain's page says whether it is declared and offers to declare or
withdraw it. Declared, its items are not asked and not scored (the model's rule); the step can be
undone like an answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .errors import present_error
from .lazy import emit
from .style import role

if TYPE_CHECKING:
    from .editor import AssessmentEditor


class ReasonDialog(QDialog):
    """The reason a sub-domain does not apply, with the pack's own words on when it may not."""

    def __init__(self, lang: str, title: str, when: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("naReasonDialog")
        self.setWindowTitle(title)
        hint = QLabel(tr("ui.na_sd.when", lang, text=when) if when else "")
        hint.setWordWrap(True)
        role(hint, "muted")
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("naReason")
        self.reason.setPlaceholderText(tr("ui.na_sd.placeholder", lang))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(tr("ui.na_sd.declare", lang))
        ok.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("ui.cancel", lang))
        self.reason.textChanged.connect(lambda: ok.setEnabled(bool(self.text())))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.reason)
        lay.addWidget(self.buttons)
        self.resize(520, 260)

    def text(self) -> str:
        return self.reason.toPlainText().strip()


def na_bar(ed: AssessmentEditor, sd: str) -> QWidget | None:
    """The bar for sub-domain ``sd``'s page, or None where the pack does not let it be declared."""
    pack, lang = ed.pack, ed.lang
    sub = pack.subdomains[sd]
    reason = ed.assessment.na_subdomains.get(sd)
    if not sub.na_allowed and reason is None:
        return None
    bar = QWidget()
    bar.setObjectName("naBar")
    row = QHBoxLayout(bar)
    row.setContentsMargins(0, 0, 0, 0)
    text = QLabel(tr("ui.na_sd.declared", lang, reason=reason) if reason else tr("ui.na_sd.may", lang))
    text.setWordWrap(True)
    role(text, "provisional" if reason else "muted")
    row.addWidget(text, 1)
    button = QPushButton(tr("ui.na_sd.withdraw", lang) if reason else tr("ui.na_sd.declare_button", lang))
    button.setObjectName("naWithdraw" if reason else "naDeclare")
    button.setEnabled(not ed.read_only)
    button.clicked.connect(lambda: withdraw(ed, sd) if reason else ask(ed, sd))
    row.addWidget(button)
    return bar


def ask(ed: AssessmentEditor, sd: str) -> ReasonDialog:
    sub = ed.pack.subdomains[sd]
    dlg = ReasonDialog(ed.lang, tr("ui.na_sd.title", ed.lang, name=sub.name.get(ed.lang)), sub.na_when.get(ed.lang), ed)
    dlg.accepted.connect(lambda: declare(ed, sd, dlg.text()))
    window = ed.window()
    if hasattr(window, "dialog"):
        window.dialog = dlg
    dlg.open()
    return dlg


def _setter(ed: AssessmentEditor, sd: str, reason: str | None) -> Callable[[], None]:
    uuid, ws = ed.uuid, ed.ws

    def run() -> None:
        ws.set_na_subdomain(uuid, sd, reason)
        if ed.uuid == uuid:
            ed.load()

    return run


def _change(ed: AssessmentEditor, sd: str, reason: str | None, key: str) -> None:
    before = ed.assessment.na_subdomains.get(sd)
    try:
        ed.ws.set_na_subdomain(ed.uuid, sd, reason)
    except Exception as exc:
        present_error(ed, exc, ed.lang)
        return
    ed.load()
    emit(ed.changed, ed.assessment)
    text = tr(key, ed.lang, name=ed.pack.subdomains[sd].name.get(ed.lang))
    emit(ed.undoable, text, _setter(ed, sd, reason), _setter(ed, sd, before))


def declare(ed: AssessmentEditor, sd: str, reason: str) -> None:
    if reason:
        _change(ed, sd, reason, "ui.undo.na_sd")


def withdraw(ed: AssessmentEditor, sd: str) -> None:
    _change(ed, sd, None, "ui.undo.na_sd_withdraw")
