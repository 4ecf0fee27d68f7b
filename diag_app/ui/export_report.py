"""Exporting one revision's report: the dialog (which revision, language, format and, for the PDF,
the report's options) and the work function that writes the PDF.

The PDF options are the report's own (``report.document.ReportMeta``), all recorded in the PDF so
that ``verify`` renders it again the same way:
- a draft is exported with the 草稿 / 未定稿 mark; the dialog says so beforehand, in the report's
  words (``report.content.draft_warning``), and offers to finalise first where that removes it;
- the answer appendix (on by default for on-site assessments);
- the evidence index: the files attached to the revision's answers, by name and SHA-256;
- signing (PAdES) with an identity chosen in trust's ``SigningDialog``; unsigned stays possible
  and its cover says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import app_version
from ..i18n import tr
from ..progress import Progress, fraction
from .identity_dialog import SigningChoice, SigningDialog, identity_label
from .style import role

if TYPE_CHECKING:
    from ..model.diagnosis import Result
    from ..model.questionnaire import Pack
    from ..report.document import Evidence
    from ..store import AssessmentRow, Workspace
    from .window_parts import WindowParts

FORMATS = ("pdf", "xlsx", "csv")


# --- work (no widgets) --------------------------------------------------------------------------


def evidence_index(ws: Workspace, uuid: str, revision: int | None) -> dict[str, tuple[Evidence, ...]]:
    """The files attached to the revision's answers, per answer, as the report lists them."""
    from ..report.document import Evidence

    out: dict[str, list[Evidence]] = {}
    for row in ws.list_evidence(uuid, revision=revision):
        out.setdefault(row.item_id, []).append(Evidence(row.name, row.sha256))
    return {item: tuple(files) for item, files in out.items()}


def write_pdf(
    ws: Workspace,
    pack: Pack,
    result: Result,
    uuid: str,
    revision: int | None,
    out: str | Path,
    lang: str,
    progress: Progress,
    appendix: bool | None = None,
    signing: SigningChoice | None = None,
) -> Path:
    """The report of ``result`` written to ``out`` (atomically), with the revision's evidence index,
    the appendix as chosen (None: the report's default) and, when ``signing`` is given, signed."""
    meta: dict[str, object] = {"app_version": app_version(), "evidence": evidence_index(ws, uuid, revision)}
    if appendix is not None:
        meta["appendix"] = appendix
    if signing is None:
        from ..report.pdf import write_report

        write_report(pack, result, out, lang, meta, fraction(progress, 10, 100))
    else:
        from ..report.signing import export_signed

        step = fraction(progress, 10, 95)

        def rendering(done: float, text: str = "") -> None:  # once the pages are done, the signing starts
            step(done, tr("ui.pdf.signing", lang) if done >= 1.0 else text)

        export_signed(pack, result, out, signing.path, signing.passphrase, lang, meta, rendering)
    progress(100, 100, "")
    return Path(out)


# --- the dialog ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportChoice:
    uuid: str
    revision: int
    lang: str
    fmt: str
    appendix: bool | None = None  # PDF only; None: the report's default
    signing: SigningChoice | None = None  # PDF only; None: unsigned


def _muted(name: str) -> QLabel:
    lab = QLabel()
    role(lab, "muted")
    lab.setObjectName(name)
    lab.setWordWrap(True)
    return lab


class ExportReportDialog(QDialog):
    """Choose which assessment and revision, the language and the format of the export, and for
    the PDF its options. With ``ws`` and ``pack_for`` it warns about drafts and counts the
    evidence; ``finalise(uuid)`` (from the window) is offered where finalising removes the mark."""

    def __init__(
        self,
        rows: Sequence[AssessmentRow],
        lang: str,
        parent: QWidget | None = None,
        current: str | None = None,
        *,
        ws: Workspace | None = None,
        pack_for: Callable[[str, str], Pack] | None = None,
        finalise: Callable[[ExportReportDialog, str], object] | None = None,
        identity_folder: Path | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("exportReportDialog")
        self.setWindowTitle(tr("ui.export.report_title", lang))
        self.lang = lang
        self.rows = list(rows)
        self.ws, self.pack_for, self._finalise = ws, pack_for, finalise
        self.identity_folder = identity_folder
        self.signing: SigningChoice | None = None
        self.dialog: QDialog | None = None  # a dialog opened from here (tests look there)
        self.which = QComboBox()
        self.which.setObjectName("exportWhich")
        for r in self.rows:
            self.which.addItem(self._row_label(r), (r.uuid, r.revision))
        if current:
            for i in range(self.which.count()):
                if self.which.itemData(i)[0] == current:
                    self.which.setCurrentIndex(i)
                    break
        self.language = QComboBox()
        self.language.setObjectName("exportLanguage")
        self.language.addItem("简体中文", "zh")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "zh" else 1)
        self.format = QComboBox()
        self.format.setObjectName("exportFormat")
        for f in FORMATS:
            self.format.addItem(tr(f"ui.export.format.{f}", lang), f)
        form = QFormLayout()
        form.addRow(tr("ui.export.which", lang), self.which)
        form.addRow(tr("ui.export.language", lang), self.language)
        form.addRow(tr("ui.export.format", lang), self.format)
        self.pdf_box = self._pdf_options()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("ui.export.go", lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("ui.cancel", lang))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.pdf_box)
        lay.addWidget(self.buttons)
        # As tall as its texts, whichever they are now (a warning, a signer's note, the PDF options hidden)
        lay.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        self.which.currentIndexChanged.connect(self._revision_changed)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._revision_changed()
        self._format_changed()

    def _row_label(self, r: AssessmentRow) -> str:
        lang = self.lang
        mode = tr(f"ui.mode.{r.mode}", lang) if r.mode in ("self", "onsite") else r.mode
        status = tr(f"ui.status.{r.status}", lang) if r.status in ("draft", "final") else r.status
        return tr("ui.export.revision_label", lang, date=r.date, mode=mode, revision=r.revision, status=status)

    def _pdf_options(self) -> QGroupBox:
        lang = self.lang
        box = QGroupBox(tr("ui.pdf.options", lang))
        box.setObjectName("pdfOptions")
        self.draft = QLabel()
        self.draft.setWordWrap(True)
        self.finalise_btn = QPushButton(tr("ui.pdf.finalise_first", lang))
        self.finalise_btn.setObjectName("finaliseFirst")
        self.finalise_btn.clicked.connect(self._finalise_clicked)
        draft_row = QHBoxLayout()
        draft_row.addWidget(self.draft, 1)
        draft_row.addWidget(self.finalise_btn)
        self.appendix = QCheckBox(tr("report.export.appendix", lang))
        self.appendix.setObjectName("appendix")
        self.appendix_hint = _muted("appendixHint")
        self.appendix_hint.setText(tr("report.export.appendix_hint", lang))
        self.evidence = _muted("evidenceIndex")
        self.sign = QCheckBox(tr("ui.pdf.sign", lang))
        self.sign.setObjectName("sign")
        self.sign.toggled.connect(self._sign_toggled)
        self.sign_change = QPushButton(tr("ui.pdf.sign_change", lang))
        self.sign_change.setObjectName("signChange")
        self.sign_change.clicked.connect(self.choose_identity)
        sign_row = QHBoxLayout()
        sign_row.addWidget(self.sign)
        sign_row.addStretch(1)
        sign_row.addWidget(self.sign_change)
        self.sign_note = _muted("signNote")
        lay = QVBoxLayout(box)
        lay.addLayout(draft_row)
        lay.addSpacing(4)
        lay.addWidget(self.appendix)
        lay.addWidget(self.appendix_hint)
        lay.addSpacing(4)
        lay.addWidget(self.evidence)
        lay.addSpacing(4)
        lay.addLayout(sign_row)
        lay.addWidget(self.sign_note)
        self._show_signing()
        return box

    # --- the revision's options ---------------------------------------------------------------------
    def current_row(self) -> AssessmentRow | None:
        i = self.which.currentIndex()
        return self.rows[i] if 0 <= i < len(self.rows) else None

    def _revision_changed(self) -> None:
        row = self.current_row()
        if row is None:
            return
        self.appendix.setChecked(row.mode == "onsite")
        self._show_draft(row)
        self._show_evidence(row)

    def _format_changed(self) -> None:
        self.pdf_box.setVisible(self.format.currentData() == "pdf")

    def _show_draft(self, row: AssessmentRow) -> None:
        self.finalise_btn.setVisible(False)
        if self.ws is None or self.pack_for is None:
            self.draft.setText("")
            return
        from ..report.content import draft_reasons, draft_warning
        from .result_panel import live_result

        a = self.ws.load_assessment(row.uuid, row.revision)
        result = live_result(self.pack_for(a.pack_id, a.pack_version), a)
        warning = draft_warning(result, self.lang)
        reasons = draft_reasons(result)
        if not warning:
            self.draft.setText(tr("ui.pdf.not_draft", self.lang))
            role(self.draft, "saved")
            font = self.draft.font()
            font.setBold(False)
            self.draft.setFont(font)
        else:
            # Finalising removes the mark only when every item is answered; otherwise say what does.
            if reasons == ("status",):
                more = ""
            elif reasons == ("unanswered",):  # final, items open: only a new revision can be completed
                more = "\n" + tr("ui.pdf.reopen_first", self.lang)
            else:
                more = "\n" + tr("ui.pdf.answer_first", self.lang)
            self.draft.setText(warning + more)
            role(self.draft, "provisional")
            self.finalise_btn.setVisible(reasons == ("status",) and self._finalise is not None)
        self.draft.setObjectName("draftWarning")

    def _show_evidence(self, row: AssessmentRow) -> None:
        if self.ws is None:
            self.evidence.setText("")
            return
        files = self.ws.list_evidence(row.uuid, revision=row.revision)
        if files:
            items = len({f.item_id for f in files})
            self.evidence.setText(tr("ui.pdf.evidence", self.lang, n=len(files), items=items))
        else:
            self.evidence.setText(tr("ui.pdf.no_evidence", self.lang))

    def refresh(self) -> None:
        """Read the chosen assessment's revisions again (after finalising from here)."""
        row = self.current_row()
        if row is None or self.ws is None:
            return
        fresh = {r.revision: r for r in self.ws.revisions(row.uuid)}
        for i, r in enumerate(self.rows):
            if r.uuid == row.uuid and r.revision in fresh:
                self.rows[i] = fresh[r.revision]
                self.which.setItemText(i, self._row_label(fresh[r.revision]))
        self._revision_changed()

    def _finalise_clicked(self) -> None:
        row = self.current_row()
        if row is not None and self._finalise is not None:
            self._finalise(self, row.uuid)

    # --- signing ------------------------------------------------------------------------------------
    def _sign_toggled(self, on: bool) -> None:
        if on and self.signing is None:
            self.choose_identity()
        elif not on:
            self.signing = None
        self._show_signing()

    def choose_identity(self) -> SigningDialog:
        """Trust's dialog: choose, create or import an identity, with its passphrase checked."""
        d = SigningDialog(self.lang, self.identity_folder, self)
        self.dialog = d

        def chosen() -> None:
            if d.choice is not None:
                self.signing = d.choice
            self._show_signing()

        d.accepted.connect(chosen)
        d.rejected.connect(self._show_signing)
        d.open()
        return d

    def _show_signing(self) -> None:
        on = self.signing is not None
        if self.sign.isChecked() != on and not (self.dialog is not None and self.dialog.isVisible()):
            self.sign.blockSignals(True)
            self.sign.setChecked(on)
            self.sign.blockSignals(False)
        self.sign_change.setVisible(on)
        if self.signing is not None:
            note = tr("ui.pdf.signing_as", self.lang, who=identity_label(self.signing.identity, self.lang))
            if self.signing.identity.self_signed:
                note += "\n" + tr("identity.ui.self_signed_note", self.lang)
        else:
            note = tr("ui.pdf.unsigned", self.lang)
        self.sign_note.setText(note)

    def choice(self) -> ReportChoice:
        uuid, revision = self.which.currentData()
        fmt = self.format.currentData()
        pdf = fmt == "pdf"
        return ReportChoice(
            uuid,
            int(revision),
            self.language.currentData(),
            fmt,
            self.appendix.isChecked() if pdf else None,
            self.signing if pdf else None,
        )


def finalise_first(w: WindowParts, dlg: ExportReportDialog, uuid: str) -> QMessageBox:
    """Offered by the dialog when only the status makes the report a draft: ask as the editor asks
    (finalising cannot be undone), finalise through the editor when the assessment is open there
    (it shows the final revision), else through the store; then show the dialog's options again."""
    from .confirm import confirm
    from .errors import present_error

    lang = dlg.lang
    row = dlg.current_row()
    name = row.enterprise_name if row is not None else ""

    def go() -> None:
        ws, ed = w.ws, w.editor
        if ws is None:
            return
        if ed is not None and ed.uuid == uuid:
            ed.change_status(ws.finalise)  # errors shown there; the list and undo follow its signal
        else:
            try:
                ws.finalise(uuid)
            except Exception as exc:
                present_error(dlg, exc, lang)
                return
            w.undo_stack.clear()  # a finalised revision takes no more steps
            w.refresh_enterprises()
        dlg.refresh()

    return confirm(
        dlg,
        lang,
        "finaliseBox",
        tr("ui.ed.finalise_q", lang, name=name),
        tr("ui.ed.finalise_detail", lang),
        tr("ui.ed.finalise", lang),
        go,
    )
