"""Verifying a report PDF from the GUI (File → Verify a report…): the check is the command line's
(``report.verify.verify_file``: it renders the report again from the embedded data and compares
every page, and checks a signature with pyHanko), run in the background; the verdict is shown in
the user's language with what was proved, who signed, and what differs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from .background import run_in_background
from .style import ERROR_COLOUR, OK_COLOUR, UNANSWERED_COLOUR, role

if TYPE_CHECKING:
    from ..progress import Progress
    from ..report.verify import Verdict
    from .background import Job
    from .window_parts import WindowParts

STATUS_COLOURS = {0: OK_COLOUR, 1: ERROR_COLOUR, 2: UNANSWERED_COLOUR}


def verify_work(path: str | Path, lang: str, progress: Progress) -> Verdict:
    """The verdict on ``path`` (never raises for a bad file: a file that cannot be checked is a
    verdict with status 2)."""
    from ..report.chart_process import renderer
    from ..report.verify import verify_file

    progress.check()
    renderer().start()  # the report is rendered again; its charts are drawn there
    return verify_file(path, lang)


def _label(name: str, wrap: bool = True) -> QLabel:
    lab = QLabel()
    lab.setObjectName(name)
    lab.setWordWrap(wrap)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return lab


class VerifyDialog(QDialog):
    """One verdict: the outcome in a word, the file, who signed (or that nobody did), what was
    checked, and for a changed file what differs."""

    def __init__(self, verdict: Verdict, path: str | Path, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("verifyDialog")
        self.setWindowTitle(tr("ui.verify.title", lang))
        self.verdict = verdict
        self.outcome = _label("verifyOutcome")
        self.outcome.setText(tr(f"ui.verify.status.{verdict.status}", lang))
        font = self.outcome.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 4)
        self.outcome.setFont(font)
        pal = self.outcome.palette()
        pal.setColor(QPalette.ColorRole.WindowText, QColor(STATUS_COLOURS.get(verdict.status, ERROR_COLOUR)))
        self.outcome.setPalette(pal)
        self.file = _label("verifyFile")
        role(self.file, "muted")
        self.file.setObjectName("verifyFile")
        self.file.setText(tr("ui.verify.file", lang, path=str(path)))
        self.signer = _label("verifySigner")
        if verdict.signer:
            key = "ui.verify.signer_self" if verdict.self_signed else "ui.verify.signer"
            self.signer.setText(tr(key, lang, signer=verdict.signer))
        elif verdict.status == 0:
            self.signer.setText(tr("ui.verify.unsigned", lang))
        self.signer.setVisible(bool(self.signer.text()))
        self.summary = _label("verifySummary")
        self.summary.setText(verdict.summary)
        self.differs = QLabel(tr("ui.verify.what_differs", lang))
        self.problems = QListWidget()
        self.problems.setObjectName("verifyProblems")
        self.problems.setWordWrap(True)
        if verdict.status == 1:
            self.problems.addItems(list(verdict.problems))
        self.differs.setVisible(verdict.status == 1)
        self.problems.setVisible(verdict.status == 1)
        self.buttons = QDialogButtonBox()
        self.another = QPushButton(tr("ui.verify.another", lang))
        self.another.setObjectName("verifyAnother")
        self.buttons.addButton(self.another, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.addButton(tr("ui.verify.close", lang), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("verifyClose")
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.outcome)
        lay.addWidget(self.file)
        lay.addWidget(self.signer)
        lay.addSpacing(6)
        lay.addWidget(self.summary)
        lay.addWidget(self.differs)
        lay.addWidget(self.problems, 1)
        if verdict.status != 1:
            lay.addStretch(1)
        lay.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.resize(720, 420 if verdict.status == 1 else 300)


class Verifier:
    """The window's verify command: choose a PDF, check it off the GUI thread, show the verdict."""

    def __init__(self, window: WindowParts):
        self.w = window
        self.last: Verdict | None = None

    def choose(self) -> None:
        w = self.w
        start = str(w.db_path.parent) if w.db_path else ""
        path, _ = QFileDialog.getOpenFileName(
            w, tr("ui.verify.choose", w.lang), start, tr("ui.file_filter.pdf", w.lang)
        )
        if path:
            self.verify(path)

    def verify(self, path: str | Path) -> Job:
        w, lang = self.w, str(self.w.lang)
        return run_in_background(
            w,
            lambda p: verify_work(path, lang, p),
            tr("ui.verify.running", lang, file=Path(path).name),
            lambda v: self.show(v, path),
            lang=lang,
        )

    def _another(self, dlg: VerifyDialog) -> None:
        dlg.close()
        self.choose()

    def show(self, verdict: Verdict, path: str | Path) -> VerifyDialog:
        self.last = verdict
        dlg = VerifyDialog(verdict, path, str(self.w.lang), self.w)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.another.clicked.connect(lambda: self._another(dlg))
        self.w.dialog = dlg
        dlg.open()
        return dlg


def verifier(w: WindowParts) -> Verifier:
    """The window's one Verifier (made on first use)."""
    v = getattr(w, "_verifier", None)
    if v is None:
        v = Verifier(w)
        w._verifier = v  # type: ignore[attr-defined]
    return v
