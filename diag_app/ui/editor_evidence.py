"""Evidence on a requirement's card: attach files (button or drag and drop; copied into the
workspace off the GUI thread, up to 50 MB each)."""

from __future__ import annotations

import contextlib
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from ..i18n import tr
from .background import run_in_background
from .cards import RequirementCard
from .errors import present_error

if TYPE_CHECKING:
    from ..progress import Progress
    from ..store import EvidenceRow
    from .background import Job
    from .cards import Card
    from .editor import AssessmentEditor


class EvidenceOps(QObject):
    def __init__(self, editor: AssessmentEditor):
        super().__init__(editor)
        self.editor = editor

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

        def work(progress: Progress) -> list[EvidenceRow]:
            for i, p in enumerate(paths):
                progress(i, len(paths), p)
                ws.add_evidence(uuid, item_id, p)
            return list(ws.list_evidence(uuid, item_id))

        def done(rows: list[EvidenceRow]) -> None:
            self.show(card, item_id, rows)

        def failed(exc: BaseException) -> None:
            present_error(ed, exc, ed.lang)
            done(list(ws.list_evidence(uuid, item_id)))  # those copied before the failure stay

        return run_in_background(ed, work, tr("ui.card.attaching", ed.lang), done, lang=ed.lang, on_error=failed)

    def show(self, card: Card | None, item_id: str, rows: list[EvidenceRow]) -> None:
        ed = self.editor
        ed.evidence[item_id] = rows
        with contextlib.suppress(RuntimeError):  # the card may be gone (page rebuilt)
            if isinstance(card, RequirementCard):
                card.set_evidence(rows)
        ed.last_saved = time.strftime("%H:%M:%S")
        ed.saved.setText(tr("ui.ed.saved", ed.lang, time=ed.last_saved))
