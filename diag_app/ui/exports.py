"""Exports and imports from the GUI: the report (PDF, XLSX, CSV) of any revision, bundles of one,
several or all enterprises, and importing bundles by menu or drag and drop.

The work functions at the top are plain functions that report through a ``Progress`` and stop
when it is cancelled; the files they write are written to a temporary file and renamed into place
by the report and store code, so a cancelled or failed export leaves nothing half-written. The
``Exports`` controller below wires them to dialogs through ``run_in_background``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..progress import Progress
from .background import run_in_background
from .export_report import FORMATS, ExportReportDialog, ReportChoice
from .import_summary import ImportSummaryDialog, owners_of_copies, summary_counts
from .style import role

if TYPE_CHECKING:
    from ..model.questionnaire import Pack
    from ..store import EnterpriseRow, ImportSummary, Workspace
    from .background import Job
    from .identity_dialog import SigningChoice
    from .window_parts import WindowParts

__all__ = ["FORMATS", "ExportReportDialog", "Exports", "ImportSummaryDialog", "ReportChoice", "summary_counts"]
BUNDLE_SUFFIX = ".sfd"
IMPORTABLE = (".sfd", ".zip", ".json")


# --- work functions (no widgets) ----------------------------------------------------------------


def write_assessment(
    ws: Workspace,
    pack_for: Callable[[str, str], Pack],
    uuid: str,
    revision: int | None,
    out: str | Path,
    fmt: str,
    lang: str,
    progress: Progress,
    appendix: bool | None = None,
    signing: SigningChoice | None = None,
) -> Path:
    """Write one revision's report (PDF: with its evidence index, the appendix as chosen, signed
    when ``signing`` is given) or tables (XLSX, CSV) to ``out``."""
    from ..model.diagnosis import diagnose

    progress(0, 100, tr("ui.export.preparing", lang))
    a = ws.load_assessment(uuid, revision)
    pack = pack_for(a.pack_id, a.pack_version)
    result = diagnose(pack, a)
    progress.check()
    out = Path(out)
    if fmt == "pdf":
        from .export_report import write_pdf

        return write_pdf(ws, pack, result, uuid, revision, out, lang, progress, appendix, signing)
    if fmt == "xlsx":
        from ..report.tables import write_xlsx

        write_xlsx(pack, result, out, lang)
    elif fmt == "csv":
        from ..report.tables import write_csv

        write_csv(pack, result, out, lang)
    else:
        raise ValueError(fmt)
    progress(100, 100, "")
    return out


def write_bundle(ws: Workspace, uuids: Sequence[str], out: str | Path, progress: Progress) -> tuple[Path, int]:
    """Every revision of the given assessments, with evidence, in one bundle file."""
    progress.check()
    ws.export_bundle(out, list(uuids))
    return Path(out), len(uuids)


def import_paths(ws: Workspace, paths: Sequence[str | Path], progress: Progress) -> ImportSummary:
    """Import bundles and assessment files; a cancel (``Cancelled``) leaves the workspace as it was."""
    return ws.import_files(list(paths), progress)


def uuids_of(ws: Workspace, codes: Sequence[str] | None) -> list[str]:
    """The assessments of the given enterprises (all enterprises when ``codes`` is None)."""
    rows = ws.list_assessments()
    wanted = None if codes is None else set(codes)
    return list(dict.fromkeys(r.uuid for r in rows if wanted is None or r.credit_code in wanted))


# --- dialogs ------------------------------------------------------------------------------------


class ExportBundleDialog(QDialog):
    """Tick the enterprises whose assessments go into the bundle."""

    def __init__(
        self,
        enterprises: Sequence[EnterpriseRow],
        lang: str,
        parent: QWidget | None = None,
        selected: str | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("exportBundleDialog")
        self.setWindowTitle(tr("ui.export.bundle_title", lang))
        self.list = QListWidget()
        self.list.setObjectName("bundleEnterprises")
        for e in enterprises:
            if not e.latest_uuid:
                continue
            it = QListWidgetItem(f"{e.name}  ({e.credit_code})")
            it.setData(Qt.ItemDataRole.UserRole, e.credit_code)
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(Qt.CheckState.Checked if e.credit_code == selected else Qt.CheckState.Unchecked)
            self.list.addItem(it)
        self.all = QPushButton(tr("ui.export.select_all", lang))
        self.all.setObjectName("bundleSelectAll")
        self.all.clicked.connect(lambda: self.set_all(True))
        self.none = QPushButton(tr("ui.export.select_none", lang))
        self.none.clicked.connect(lambda: self.set_all(False))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("ui.export.go", lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("ui.cancel", lang))
        self.buttons.addButton(self.all, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.none, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(tr("ui.export.bundle_hint", lang))
        hint.setWordWrap(True)
        role(hint, "muted")
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addWidget(self.list)
        lay.addWidget(self.buttons)
        self.resize(520, 420)

    def set_all(self, on: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def codes(self) -> list[str]:
        out = []
        for i in range(self.list.count()):
            it = self.list.item(i)
            if it.checkState() == Qt.CheckState.Checked:
                out.append(str(it.data(Qt.ItemDataRole.UserRole)))
        return out


# --- the controller -----------------------------------------------------------------------------


class Exports:
    """The window's export and import commands (menus, drag and drop)."""

    def __init__(self, window: WindowParts):
        self.w = window
        self.last_summary: ImportSummary | None = None
        self.identity_folder: Path | None = None  # where signing identities are kept (None: the user's)

    @property
    def lang(self) -> str:
        return str(self.w.lang)

    def _current_code(self) -> str | None:
        w = self.w
        page = w.stack.currentWidget()
        history = w._history_page  # not w.history_page: that builds the page
        if history is not None and page is history and history.code:
            return history.code
        if w.editor is not None and page is not w.workspace_page:
            return str(w.editor.assessment.enterprise.credit_code)
        if w.workspace_page is not None:
            return w.workspace_page.current_code()
        return None

    # report / tables
    def choose_report(self) -> ExportReportDialog | None:
        w = self.w
        if w.ws is None:
            return None
        code = self._current_code()
        if not code:
            return None
        rows = []
        for r in w.ws.list_assessments(code):
            rows.extend(w.ws.revisions(r.uuid)[::-1])
        if not rows:
            return None
        current = w.editor.uuid if w.editor is not None and hasattr(w.editor, "uuid") else None
        from .export_report import finalise_first

        dlg = ExportReportDialog(
            rows,
            self.lang,
            w,
            current,
            ws=w.ws,
            pack_for=w.pack_for,
            finalise=lambda d, uuid: finalise_first(w, d, uuid),
            identity_folder=self.identity_folder,
        )
        dlg.accepted.connect(lambda: self._ask_report_path(dlg.choice()))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        w.dialog = dlg
        dlg.open()
        return dlg

    def _ask_report_path(self, c: ReportChoice) -> None:
        if self.w.ws is None:
            return
        row = next((r for r in self.w.ws.revisions(c.uuid) if r.revision == c.revision), None)
        name = f"{row.enterprise_name if row else 'report'}-r{c.revision}.{c.fmt}"
        start = str((self.w.db_path.parent if self.w.db_path else Path.home()) / name)
        path, _ = QFileDialog.getSaveFileName(
            self.w, tr("ui.export.report_title", self.lang), start, tr(f"ui.file_filter.{c.fmt}", self.lang)
        )
        if path:
            self.export_assessment(c.uuid, c.revision, path, c.lang, c.fmt, appendix=c.appendix, signing=c.signing)

    def export_assessment(
        self,
        uuid: str,
        revision: int | None,
        out: str | Path,
        lang: str,
        fmt: str,
        *,
        appendix: bool | None = None,
        signing: SigningChoice | None = None,
    ) -> Job | None:
        """Write the report or tables in the background; a PDF with the options of the dialog."""
        w, ws = self.w, self.w.ws
        if ws is None:
            return None
        work = lambda p: write_assessment(ws, w.pack_for, uuid, revision, out, fmt, lang, p, appendix, signing)  # noqa: E731
        done = self._written if signing is None else lambda path: self._signed(path, signing)
        return run_in_background(w, work, tr("ui.export.writing", self.lang, file=Path(out).name), done, lang=self.lang)

    def _written(self, path: Path | tuple[Path, int]) -> None:
        if isinstance(path, tuple):
            path = path[0]
        self.w.statusBar().showMessage(tr("ui.export.done", self.lang, path=str(path)), 10000)

    def _signed(self, path: Path, signing: SigningChoice) -> None:
        from .identity_dialog import identity_label

        who = identity_label(signing.identity, self.lang)
        self.w.statusBar().showMessage(tr("ui.pdf.signed_done", self.lang, path=str(path), who=who), 10000)

    # bundles
    def choose_bundle(self) -> ExportBundleDialog | None:
        w = self.w
        if w.ws is None:
            return None
        page = w.workspace_page
        if page is not None and w.listing is None:  # the list on screen is current: no query
            rows = page.model.rows_by_name()
        else:
            from .workspace_page import by_name

            rows = by_name(w.ws.list_enterprises())
        dlg = ExportBundleDialog(rows, self.lang, w, self._current_code())
        dlg.accepted.connect(lambda: self._ask_bundle_path(dlg.codes()))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        w.dialog = dlg
        dlg.open()
        return dlg

    def _ask_bundle_path(self, codes: list[str]) -> None:
        if not codes:
            return
        start = str((self.w.db_path.parent if self.w.db_path else Path.home()) / f"assessments{BUNDLE_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(
            self.w, tr("ui.export.bundle_title", self.lang), start, tr("ui.file_filter.bundle", self.lang)
        )
        if path:
            if not Path(path).suffix:
                path += BUNDLE_SUFFIX
            self.export_bundle(codes, path)

    def export_bundle(self, codes: Sequence[str] | None, out: str | Path) -> Job | None:
        w, ws = self.w, self.w.ws
        if ws is None:
            return None
        uuids = uuids_of(ws, codes)
        work = lambda p: write_bundle(ws, uuids, out, p)  # noqa: E731
        return run_in_background(
            w, work, tr("ui.export.writing", self.lang, file=Path(out).name), self._written, lang=self.lang
        )

    # import
    def choose_import(self) -> None:
        w = self.w
        if w.ws is None:
            return
        start = str(w.db_path.parent) if w.db_path else ""
        paths, _ = QFileDialog.getOpenFileNames(
            w, tr("ui.import.title", self.lang), start, tr("ui.file_filter.import", self.lang)
        )
        if paths:
            self.import_files(paths)

    def import_files(self, paths: Sequence[str | Path]) -> Job | None:
        w, ws = self.w, self.w.ws
        if ws is None:
            return None
        work = lambda p: import_paths(ws, paths, p)  # noqa: E731
        return run_in_background(w, work, tr("ui.import.running", self.lang), self._imported, lang=self.lang)

    def _imported(self, summary: ImportSummary) -> None:
        self.last_summary = summary
        self.w.refresh_enterprises()
        owners = owners_of_copies(self.w.ws, summary) if self.w.ws is not None else {}
        dlg = ImportSummaryDialog(summary, self.lang, self.w, owners)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.w.dialog = dlg
        dlg.open()

    @staticmethod
    def importable(paths: Sequence[str]) -> list[str]:
        return [p for p in paths if Path(p).suffix.lower() in IMPORTABLE]
