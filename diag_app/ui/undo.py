"""Undo and redo (Qt's QUndoStack): every change a user makes to an assessment or the workspace is
one command that knows how to take itself back through the store.

A command is pushed after its change has been saved (the store call can fail, and a failed change
must not enter the stack), so its first ``redo`` does nothing. Undo and redo go through the
window (``UndoTarget``), which writes through the store and shows the result: the card, the plans,
the list. A step that can no longer be applied (the assessment was finalised meanwhile, the file is
gone) is reported like any error and empties the stack, so nothing half-undone stays offered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..i18n import tr

Value = float | bool | str | None


class UndoTarget(Protocol):
    """What the commands need from the window."""

    lang: str
    undo_stack: QUndoStack

    def apply_answer(self, uuid: str, item_id: str, value: Value, note: str) -> None: ...

    def undo_failed(self, exc: BaseException) -> None: ...


class StoredCommand(QUndoCommand):
    """A change already saved when pushed: the first redo (QUndoStack.push calls it) is skipped."""

    def __init__(self, target: UndoTarget, text: str):
        super().__init__(text)
        self.target = target
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as exc:
            self.target.undo_failed(exc)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AnswerEdit(StoredCommand):
    """One answer (its value and note) of one assessment, before and after."""

    def __init__(
        self,
        target: UndoTarget,
        uuid: str,
        item_id: str,
        old: tuple[Value, str],
        new: tuple[Value, str],
        what: str,
    ):
        if old[0] == new[0] and type(old[0]) is type(new[0]):
            key = "ui.undo.note"
        elif new[0] is None:
            key = "ui.undo.clear"
        else:
            key = "ui.undo.answer"
        super().__init__(target, tr(key, target.lang, item=what))
        self.uuid, self.item_id, self.old, self.new = uuid, item_id, old, new

    def apply(self) -> None:
        self.target.apply_answer(self.uuid, self.item_id, *self.new)

    def revert(self) -> None:
        self.target.apply_answer(self.uuid, self.item_id, *self.old)


class FunctionCommand(StoredCommand):
    """A change taken back and made again by two functions (plans, evidence, deletions)."""

    def __init__(self, target: UndoTarget, text: str, apply: Callable[[], None], revert: Callable[[], None]):
        super().__init__(target, text)
        self._apply, self._revert = apply, revert

    def apply(self) -> None:
        self._apply()

    def revert(self) -> None:
        self._revert()
