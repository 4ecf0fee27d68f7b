"""Choosing the identity a report is signed with: the identities kept in the user data folder
(each labelled "self-signed" when it is), creating a self-signed one, importing a PKCS#12 file,
and the passphrase — checked here, before a long export starts.

The work is the report layer's (``report.identity``, ``report.signing``); this is only the form.
``SigningChoice`` is what the export dialog passes on to ``signing.export_signed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..error_text import error_text
from ..errors import AppError
from ..i18n import tr
from ..report import identity
from .style import role


@dataclass(frozen=True)
class SigningChoice:
    path: Path
    passphrase: str
    identity: identity.Identity


def identity_label(ident: identity.Identity, lang: str) -> str:
    """ "张伟 · 上海某咨询有限公司 · 自签名" — the self-signed mark always shown."""
    parts = [ident.name, ident.organisation]
    if ident.self_signed:
        parts.append(tr("identity.self_signed", lang))
    return " · ".join(p for p in parts if p)


class CreateIdentityDialog(QDialog):
    """Name, organisation, passphrase twice: a new self-signed identity in ``folder``."""

    def __init__(self, lang: str, folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("createIdentityDialog")
        self.lang, self.folder = lang, folder
        self.created: identity.Identity | None = None
        self.setWindowTitle(tr("identity.ui.create_title", lang))
        self.setMinimumWidth(480)
        self.name, self.org = QLineEdit(), QLineEdit()
        self.name.setObjectName("name")
        self.org.setObjectName("org")
        self.passphrase, self.again = QLineEdit(), QLineEdit()
        for w, n in ((self.passphrase, "passphrase"), (self.again, "again")):
            w.setEchoMode(QLineEdit.EchoMode.Password)
            w.setObjectName(n)
        form = QFormLayout()
        form.addRow(tr("identity.ui.name", lang), self.name)
        form.addRow(tr("identity.ui.org", lang), self.org)
        form.addRow(tr("identity.ui.passphrase", lang), self.passphrase)
        form.addRow(tr("identity.ui.again", lang), self.again)
        note = QLabel(tr("identity.ui.self_signed_note", lang))
        note.setWordWrap(True)
        role(note, "muted")
        self.problem = QLabel()
        role(self.problem, "fieldError")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(self.problem)
        box.addWidget(buttons)

    def _create(self) -> None:
        if self.passphrase.text() != self.again.text():
            self.problem.setText(tr("sign.cli.mismatch", self.lang))
            return
        try:
            self.created = identity.create_installed(
                self.name.text(), self.org.text(), self.passphrase.text(), self.folder
            )
        except (AppError, OSError) as e:
            self.problem.setText(error_text(e, self.lang)[1])
            return
        self.accept()


class SigningDialog(QDialog):
    """Which identity signs, and its passphrase. ``choice`` is set when the dialog is accepted."""

    def __init__(self, lang: str, folder: Path | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signingDialog")
        self.lang, self.folder = lang, folder
        self.choice: SigningChoice | None = None
        self.setWindowTitle(tr("identity.ui.sign_title", lang))
        self.setMinimumWidth(520)
        self.identities = QComboBox()
        self.identities.setObjectName("identities")
        create = QPushButton(tr("identity.ui.create", lang))
        create.setObjectName("create")
        create.clicked.connect(self._create)
        import_ = QPushButton(tr("identity.ui.import", lang))
        import_.setObjectName("import")
        import_.clicked.connect(self._import)
        row = QHBoxLayout()
        row.addWidget(create)
        row.addWidget(import_)
        row.addStretch(1)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(tr("identity.ui.identity", lang), self.identities)
        form.addRow("", _widget(row))
        form.addRow(tr("identity.ui.passphrase", lang), self.passphrase)
        self.note = QLabel()
        role(self.note, "muted")
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.problem = QLabel()
        role(self.problem, "fieldError")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.note)
        box.addWidget(self.problem)
        box.addWidget(buttons)
        self.identities.currentIndexChanged.connect(self._show_note)
        self._fill()

    def _fill(self, select: Path | None = None) -> None:
        self.identities.clear()
        for ident in identity.installed(self.folder):
            self.identities.addItem(identity_label(ident, self.lang), ident)
            if select is not None and ident.path == select:
                self.identities.setCurrentIndex(self.identities.count() - 1)
        self._show_note()

    def _show_note(self) -> None:
        ident = self.identities.currentData()
        if ident is None:
            self.note.setText(tr("identity.ui.none", self.lang))
        elif ident.self_signed:
            self.note.setText(tr("identity.ui.self_signed_note", self.lang))
        else:
            self.note.setText(tr("identity.ui.issued_by", self.lang, issuer=ident.issuer))

    def _create(self) -> None:
        d = CreateIdentityDialog(self.lang, self.folder, self)
        if d.exec() and d.created is not None:
            self._fill(d.created.path)
            self.passphrase.setText(d.passphrase.text())

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("identity.ui.import", self.lang), "", tr("identity.ui.p12_filter", self.lang)
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Check ``path`` with the passphrase typed and keep a copy among the identities."""
        try:
            ident = identity.install(path, self.passphrase.text(), self.folder)
        except (AppError, OSError) as e:
            self.problem.setText(error_text(e, self.lang)[1])
            return
        self.problem.clear()
        self._fill(ident.path)

    def _accept(self) -> None:
        ident = self.identities.currentData()
        if ident is None or ident.path is None:
            self.problem.setText(tr("identity.ui.none", self.lang))
            return
        try:
            checked = identity.inspect(ident.path, self.passphrase.text())
        except (AppError, OSError) as e:
            self.problem.setText(error_text(e, self.lang)[1])
            return
        self.choice = SigningChoice(ident.path, self.passphrase.text(), checked)
        self.accept()


def _widget(layout: QHBoxLayout) -> QWidget:
    w = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    w.setLayout(layout)
    return w
