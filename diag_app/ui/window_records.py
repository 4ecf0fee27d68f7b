"""The main window's commands on records: create and edit enterprises, start and open assessments,
and the editor that shows one. A mixin of ``MainWindow`` (its methods take the window as ``self``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from ..i18n import tr
from .lazy import present_error
from .undo import AnswerEdit, FunctionCommand, Value
from .window_parts import WindowParts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ..model.assessment import Enterprise
    from ..model.questionnaire import Pack
    from .assessment_dialog import NewAssessmentDialog
    from .editor import AssessmentEditor
    from .enterprise_dialog import EnterpriseDialog


class RecordCommands(WindowParts):
    # --- enterprises --------------------------------------------------------------------------------
    def _exists(self, code: str) -> bool:
        return self.ws is not None and self.ws.get_enterprise(code) is not None

    def new_enterprise(self) -> EnterpriseDialog | None:
        if self.pack is None or self.ws is None:
            return None
        from .enterprise_dialog import EnterpriseDialog

        dlg = EnterpriseDialog(self.pack, self.lang, None, self._exists, self)
        dlg.accepted.connect(lambda: self._save_enterprise(dlg))
        self.dialog = dlg
        dlg.open()
        return dlg

    def edit_enterprise(self, code: str | None = None) -> EnterpriseDialog | None:
        if self.pack is None or self.ws is None:
            return None
        if not code:
            if self.editor is not None:
                code = self.editor.assessment.enterprise.credit_code
            elif self.workspace_page is not None:
                code = self.workspace_page.current_code()
        if not code:
            return None
        e = self.ws.get_enterprise(code)
        if e is None:
            return None
        from .enterprise_dialog import EnterpriseDialog

        dlg = EnterpriseDialog(self.pack, self.lang, e, None, self)
        dlg.accepted.connect(lambda: self._save_enterprise(dlg))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _save_enterprise(self, dlg: EnterpriseDialog) -> None:
        e = dlg.enterprise()
        if self.ws is None:
            return
        try:
            self.ws.upsert_enterprise(e)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return
        self.refresh_enterprises(select=e.credit_code)
        self.statusBar().showMessage(tr("ui.ent.saved", self.lang, name=e.name), 5000)
        if self.editor is not None and self.editor.assessment.enterprise.credit_code == e.credit_code:
            self.editor.load()
            self.result_panel.show_assessment(self.editor.pack, self.editor.assessment)

    # --- assessments --------------------------------------------------------------------------------
    def open_latest(self, code: str) -> None:
        if self.ws is None:
            return
        try:
            rows = self.ws.list_assessments(code)  # newest first
        except Exception as exc:
            present_error(self, exc, self.lang)
            return
        if rows:
            self.open_assessment(rows[0].uuid)
        else:
            self.new_assessment(code)

    def new_assessment(self, code: str | None = None) -> NewAssessmentDialog | None:
        if self.ws is None or self.pack is None:
            return None
        code = code or (self.workspace_page.current_code() if self.workspace_page else None)
        if not code:
            return None
        e = self.ws.get_enterprise(code)
        if e is None:
            return None
        from .assessment_dialog import NewAssessmentDialog

        dlg = NewAssessmentDialog(self.lang, e.name, self)
        dlg.accepted.connect(lambda: self._create_assessment(e, dlg.values()))
        self.dialog = dlg
        dlg.open()
        return dlg

    def _create_assessment(self, enterprise: Enterprise, values: dict[str, str]) -> str | None:
        assert self.pack is not None and self.ws is not None
        try:
            uuid = self.ws.create_assessment(enterprise, self.pack.id, self.pack.version, **values)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return None
        self.open_assessment(uuid)
        return str(uuid)

    def open_assessment(self, uuid: str) -> AssessmentEditor | None:
        if self.ws is None:
            return None
        from .editor import AssessmentEditor

        try:
            a = self.ws.load_assessment(uuid)
            pack = self.pack_for(a.pack_id, a.pack_version)
            editor = AssessmentEditor(self.ws, pack, uuid, self.lang)
        except Exception as exc:
            present_error(self, exc, self.lang)
            return None
        self.close_editor()
        self.editor = editor
        self.editor_pack = pack
        editor.changed.connect(lambda a: self.result_panel.show_assessment(pack, a))
        editor.status_changed.connect(self.refresh_enterprises)
        editor.status_changed.connect(self.undo_stack.clear)  # a finalised revision takes no more steps
        editor.edited.connect(lambda uuid, item, old, new: self._answer_edited(pack, uuid, item, old, new))
        editor.undoable.connect(lambda text, redo, undo: self.undo_stack.push(FunctionCommand(self, text, redo, undo)))
        editor.back.connect(self.show_workspace)
        self.assess_split  # noqa: B018  (the page the editor goes on, built on first use)
        self.editor_layout.addWidget(editor)
        self.result_panel.show_assessment(pack, editor.assessment, now=True)
        self.show_assessment_page()
        # After any dialog that led here has closed and handed focus back:
        QTimer.singleShot(0, lambda: self._focus_first_card(editor))
        return editor

    def _answer_edited(
        self, pack: Pack, uuid: str, item_id: str, old: tuple[Value, str], new: tuple[Value, str]
    ) -> None:
        from .editor_pages import item_title

        self.undo_stack.push(AnswerEdit(self, uuid, item_id, old, new, item_title(pack, item_id, self.lang)))

    def apply_answer(self, uuid: str, item_id: str, value: Value, note: str) -> None:
        """Save an answer for undo or redo and show it: on its card, opening its assessment if
        another one is open."""
        assert self.ws is not None
        self.ws.set_answer(uuid, item_id, value, note=note)
        ed = self.editor if self.editor is not None and self.editor.uuid == uuid else self.open_assessment(uuid)
        if ed is not None:
            self.show_assessment_page()
            ed.show_answer(item_id, value, note)

    def undo_failed(self, exc: BaseException) -> None:
        present_error(self, exc, self.lang)
        QTimer.singleShot(0, self.undo_stack.clear)  # not from inside the stack's own undo()

    # --- deleting (to the recycle bin, undoable) --------------------------------------------------
    def delete_enterprise(self, code: str | None = None) -> QMessageBox | None:
        """Ask, then move the enterprise and all its assessments to the recycle bin."""
        from PySide6.QtWidgets import QMessageBox

        from .confirm import confirm

        if self.ws is None:
            return None
        ws = self.ws
        if not code:
            if self.editor is not None and self.in_editor():
                code = self.editor.assessment.enterprise.credit_code
            elif self.workspace_page is not None:
                code = self.workspace_page.current_code()
        e = ws.get_enterprise(code) if code else None
        if e is None or code is None:
            return None
        n = len(ws.list_assessments(code))
        lang = self.lang

        def go() -> None:
            if self.editor is not None and self.editor.assessment.enterprise.credit_code == code:
                self.close_editor()
            self._deleted(lambda: ws.delete_enterprise(code), lambda: ws.restore("enterprise", code), e.name)
            self.show_workspace()

        return confirm(
            self,
            lang,
            "deleteEnterpriseBox",
            tr("ui.del.enterprise_q", lang, name=e.name),
            tr("ui.del.enterprise_detail", lang, n=n),
            tr("ui.del.go", lang),
            go,
            QMessageBox.Icon.Warning,
        )

    def delete_assessment(self, uuid: str | None = None) -> QMessageBox | None:
        """Ask, then move the assessment open in the editor (every revision) to the recycle bin."""
        from PySide6.QtWidgets import QMessageBox

        from .confirm import confirm

        if self.ws is None:
            return None
        ws = self.ws
        uuid = uuid or (self.editor.uuid if self.editor is not None else None)
        if uuid is None:
            return None
        row = ws.assessment_row(uuid)
        lang = self.lang

        def go() -> None:
            if self.editor is not None and self.editor.uuid == uuid:
                self.close_editor()
            self._deleted(
                lambda: ws.delete_assessment(uuid), lambda: ws.restore("assessment", uuid), row.enterprise_name
            )
            self.show_workspace()

        return confirm(
            self,
            lang,
            "deleteAssessmentBox",
            tr("ui.del.assessment_q", lang, name=row.enterprise_name, date=row.date),
            tr("ui.del.assessment_detail", lang, n=len(ws.revisions(uuid))),
            tr("ui.del.go", lang),
            go,
            QMessageBox.Icon.Warning,
        )

    def _deleted(self, delete: Callable[[], object], restore: Callable[[], object], name: str) -> None:
        try:
            delete()
        except Exception as exc:
            present_error(self, exc, self.lang)
            return

        def undo() -> None:
            restore()
            self.refresh_enterprises()

        def redo() -> None:
            delete()
            if self.editor is not None:
                self.close_editor()
            self.refresh_enterprises()

        self.refresh_enterprises()
        self.statusBar().showMessage(tr("ui.del.done", self.lang, name=name), 8000)
        self.undo_stack.push(FunctionCommand(self, tr("ui.undo.delete", self.lang, name=name), redo, undo))

    def show_bin(self) -> QDialog | None:
        if self.ws is None:
            return None
        from PySide6.QtCore import Qt

        from .recycle_dialog import RecycleDialog

        dlg = RecycleDialog(self.ws, self.lang, self, on_change=self.refresh_enterprises, pack=self.pack)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dlg
        dlg.open()
        return dlg

    def _focus_first_card(self, editor: AssessmentEditor) -> None:
        if self.editor is not editor:
            return
        page = editor.built.get(editor.current_page)
        if page is not None and page.cards:
            editor.focus_card(page.cards[0])

    def close_editor(self) -> None:
        if self.editor is None:
            return
        fw = self.focusWidget()
        if fw is not None and self.editor.isAncestorOf(fw):
            fw.clearFocus()  # a field being edited saves on losing focus
        self.editor_layout.removeWidget(self.editor)
        self.editor.setParent(None)  # type: ignore[call-overload]
        self.editor.deleteLater()
        self.editor = None
        if self._result_panel is not None:
            self._result_panel.clear()
