"""Evidence on a requirement's card: attach files (button or drag and drop), open one (a copy
checked against its SHA-256, in the system's viewer), replace or remove one. Copies run off the GUI
thread; every change can be undone (the store keeps what was taken off until the bin is emptied)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from ..i18n import tr
from .background import run_in_background
from .cards import RequirementCard
from .editor_pages import item_title
from .errors import present_error
from .signals import emit

if TYPE_CHECKING:
    from ..progress import Progress
    from ..store import EvidenceChange, EvidenceRow
    from .background import Job
    from .cards import Card
    from .editor import AssessmentEditor


def viewer_copy(stored: Path, name: str) -> Path:
    """A read-only copy of a stored evidence file under its own name (so the system picks the
    viewer by its extension) in a fresh temporary folder: the workspace's copy is never handed out."""
    folder = Path(tempfile.mkdtemp(prefix="diag-evidence-"))
    safe = Path(name.replace("\\", "/")).name.strip() or "evidence"
    out = folder / safe
    shutil.copyfile(stored, out)
    out.chmod(0o444)
    return out


class EvidenceOps(QObject):
    def __init__(self, editor: AssessmentEditor):
        super().__init__(editor)
        self.editor = editor

    # --- attach ------------------------------------------------------------------------------------
    def choose(self, card: Card) -> None:
        ed = self.editor
        paths, _ = QFileDialog.getOpenFileNames(ed, tr("ui.card.attach_title", ed.lang))
        if paths:
            self.attach(card, list(paths))

    def attach(self, card: Card, paths: list[str]) -> Job | None:
        ed = self.editor
        if ed.read_only:
            return None
        ws, uuid, item_id = ed.ws, ed.uuid, card.item_id
        added: list[EvidenceChange] = []

        def work(progress: Progress) -> list[EvidenceRow]:
            for i, p in enumerate(paths):
                progress(i, len(paths), p)
                change = ws.attach_evidence(uuid, item_id, p)
                if not change.empty:  # a file already attached to the item stays, and no undo takes it off
                    added.append(change)
            return list(ws.list_evidence(uuid, item_id))

        def done(rows: list[EvidenceRow]) -> None:
            self.show(item_id, rows)
            if added:
                self._undoable_add(item_id, list(added))

        def failed(exc: BaseException) -> None:
            present_error(ed, exc, ed.lang)
            done(list(ws.list_evidence(uuid, item_id)))  # those copied before the failure stay

        return run_in_background(ed, work, tr("ui.card.attaching", ed.lang), done, lang=ed.lang, on_error=failed)

    def _undoable_add(self, item_id: str, changes: list[EvidenceChange]) -> None:
        """Undo takes the files attached off again (restorably); redo puts them back."""
        ed, ws, uuid = self.editor, self.editor.ws, self.editor.uuid

        def flip() -> None:
            changes[:] = [ws.undo_evidence(c) for c in reversed(changes)]
            self.refresh(uuid, item_id)

        what = tr("ui.undo.evidence_add", ed.lang, item=item_title(ed.pack, item_id, ed.lang))
        emit(ed.undoable, what, flip, flip)

    # --- open, remove, replace ---------------------------------------------------------------------
    def open(self, card: Card, row: EvidenceRow) -> Job:
        ed = self.editor
        ws, uuid = ed.ws, ed.uuid

        def work(_p: Progress) -> Path:
            return viewer_copy(ws.evidence_file(uuid, row.item_id, row.sha256), row.name)

        def done(path: Path) -> None:
            self.last_opened = path
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        return run_in_background(ed, work, tr("ui.ev.opening", ed.lang, name=row.name), done, lang=ed.lang)

    def remove(self, card: Card, row: EvidenceRow) -> None:
        ed = self.editor
        if ed.read_only:
            return
        try:
            change = ed.ws.remove_evidence(ed.uuid, row.item_id, row.sha256)
        except Exception as exc:
            present_error(ed, exc, ed.lang)
            return
        self.refresh(ed.uuid, row.item_id)
        self._undoable(row.item_id, change, "ui.undo.evidence_remove", row.name)

    def replace(self, card: Card, row: EvidenceRow) -> Job | None:
        ed = self.editor
        if ed.read_only:
            return None
        path, _ = QFileDialog.getOpenFileName(ed, tr("ui.ev.replace_title", ed.lang, name=row.name))
        if not path:
            return None
        ws, uuid = ed.ws, ed.uuid

        def work(_p: Progress) -> EvidenceChange:
            return ws.replace_evidence(uuid, row.item_id, row.sha256, path)

        def done(change: EvidenceChange) -> None:
            self.refresh(uuid, row.item_id)
            self._undoable(row.item_id, change, "ui.undo.evidence_replace", row.name)

        return run_in_background(ed, work, tr("ui.card.attaching", ed.lang), done, lang=ed.lang)

    def _undoable(self, item_id: str, change: EvidenceChange, key: str, name: str) -> None:
        """Undo and redo of an evidence change are the same store call (``undo_evidence``)."""
        ed, ws, uuid = self.editor, self.editor.ws, self.editor.uuid
        state = [change]

        def flip() -> None:
            state[0] = ws.undo_evidence(state[0])
            self.refresh(uuid, item_id)

        emit(ed.undoable, tr(key, ed.lang, name=name), flip, flip)

    # --- showing -----------------------------------------------------------------------------------
    def refresh(self, uuid: str, item_id: str) -> None:
        """Show an item's evidence as the store has it now (if its assessment is still open)."""
        with contextlib.suppress(RuntimeError):  # the editor or card may be gone
            ed = self.editor
            if ed.uuid == uuid:
                self.show(item_id, list(ed.ws.list_evidence(uuid, item_id)))

    def show(self, item_id: str, rows: list[EvidenceRow]) -> None:
        ed = self.editor
        ed.evidence[item_id] = rows
        card = self._card(item_id)
        with contextlib.suppress(RuntimeError):  # the card may be gone (page rebuilt)
            if isinstance(card, RequirementCard):
                card.set_evidence(rows)
        ed.last_saved = time.strftime("%H:%M:%S")
        ed.saved.setText(tr("ui.ed.saved", ed.lang, time=ed.last_saved))

    def _card(self, item_id: str) -> Card | None:
        ed = self.editor
        pages = [*ed.built.values(), *([ed.guide.page] if ed.guide.page is not None else [])]
        return next((c for p in pages for c in p.cards if c.item_id == item_id), None)
