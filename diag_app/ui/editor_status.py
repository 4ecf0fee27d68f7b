"""Finalising and reopening an assessment: both ask first, saying what the step means and how many
items are still unanswered (counted as the model counts them: the progress bar and the report
agree)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ..i18n import tr
from ..model.scoring import score
from .confirm import confirm

if TYPE_CHECKING:
    from .editor import AssessmentEditor


def unanswered(ed: AssessmentEditor) -> int:
    s = score(ed.pack, ed.assessment)
    return s.total - s.answered


def ask_finalise(ed: AssessmentEditor) -> QMessageBox:
    lang = ed.lang
    n = unanswered(ed)
    detail = tr("ui.ed.finalise_detail", lang)
    if n:
        detail = tr("ui.ed.unanswered_warning", lang, n=n) + "\n\n" + detail
    return confirm(
        ed,
        lang,
        "finaliseBox",
        tr("ui.ed.finalise_q", lang, name=ed.assessment.enterprise.name),
        detail,
        tr("ui.ed.finalise", lang),
        lambda: ed.change_status(ed.ws.finalise),
        QMessageBox.Icon.Warning if n else QMessageBox.Icon.Question,
    )


def ask_reopen(ed: AssessmentEditor) -> QMessageBox:
    lang = ed.lang
    n = unanswered(ed)
    revision = ed.assessment.revision
    detail = tr("ui.ed.reopen_detail", lang, revision=revision, new=revision + 1)
    if n:
        detail += "\n\n" + tr("ui.ed.reopen_unanswered", lang, n=n)
    return confirm(
        ed,
        lang,
        "reopenBox",
        tr("ui.ed.reopen_q", lang, name=ed.assessment.enterprise.name),
        detail,
        tr("ui.ed.reopen", lang),
        lambda: ed.change_status(ed.ws.reopen),
    )
