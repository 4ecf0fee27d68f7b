"""The scope and team of an assessment (Edit → Scope and team…): what the assessment covered
(site, lines, period, interviewees, documents reviewed) and who assessed it (name, role,
organisation), as the report prints them in "scope and method" and "assessment team".

Saved through the store (``Workspace.set_scope`` / ``set_team``: validated, audited, refused on a
final revision with the usual message), as one undoable step on the window's undo stack.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..model.assessment import MAX_TEAM, MAX_TEXT, SCOPE_FIELDS, Assessment, Scope, TeamMember
from .style import role

if TYPE_CHECKING:
    from .window_parts import WindowParts

MEMBER_FIELDS = ("name", "role", "organisation")
ONE_LINE = ("site", "period")  # the others take a few lines


class ScopeDialog(QDialog):
    """The form; ``scope()`` and ``team()`` give what it holds (blank team rows left out)."""

    def __init__(self, a: Assessment, final: bool, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scopeDialog")
        self.setWindowTitle(tr("ui.scope.title", lang))
        self.lang = lang
        self.assessment = a
        self.final = final
        self.on_save: Callable[[], object] | None = None  # Save calls it (it closes the form once saved)
        heading = QLabel(tr("ui.scope.heading", lang, name=a.enterprise.name, revision=a.revision))
        role(heading, "pageTitle")
        note = QLabel(tr("ui.scope.final", lang) if final else tr("ui.scope.note", lang))
        role(note, "provisional" if final else "muted")
        note.setObjectName("scopeNote")
        note.setWordWrap(True)
        self.note = note
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout()
        for f in SCOPE_FIELDS:
            w: QLineEdit | QPlainTextEdit
            if f in ONE_LINE:
                w = QLineEdit(getattr(a.scope, f))
                w.setMaxLength(MAX_TEXT)
                w.setCursorPosition(0)  # the start of a long text, not its end
            else:
                w = QPlainTextEdit(getattr(a.scope, f))
                w.setTabChangesFocus(True)
                w.setFixedHeight(w.fontMetrics().lineSpacing() * 3 + 12)
            w.setPlaceholderText(tr(f"ui.scope.{f}.hint", lang))
            w.setObjectName(f"scope_{f}")
            w.setReadOnly(final)
            self.fields[f] = w
            form.addRow(tr(f"ui.scope.{f}", lang), w)
        scope_box = QGroupBox(tr("ui.scope.section", lang))
        scope_box.setLayout(form)

        self.table = QTableWidget(0, len(MEMBER_FIELDS))
        self.table.setObjectName("teamTable")
        self.table.setHorizontalHeaderLabels([tr(f"ui.scope.col.{f}", lang) for f in MEMBER_FIELDS])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        if final:
            self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for m in a.team:
            self.add_member(m)
        self.add_btn = QPushButton(tr("ui.scope.add", lang))
        self.add_btn.setObjectName("addMember")
        self.add_btn.clicked.connect(lambda: self.add_member(edit=True))
        self.remove_btn = QPushButton(tr("ui.scope.remove", lang))
        self.remove_btn.setObjectName("removeMember")
        self.remove_btn.clicked.connect(self.remove_selected)
        for b in (self.add_btn, self.remove_btn):
            b.setEnabled(not final)
        row = QHBoxLayout()
        row.addWidget(self.add_btn)
        row.addWidget(self.remove_btn)
        row.addStretch(1)
        team_box = QGroupBox(tr("ui.scope.team", lang))
        tl = QVBoxLayout(team_box)
        tl.addWidget(self.table)
        tl.addLayout(row)

        if final:
            self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
            self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("ui.verify.close", lang))
        else:
            self.buttons = QDialogButtonBox(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("ui.save", lang))
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("ui.cancel", lang))
        self.buttons.accepted.connect(self._save_clicked)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(note)
        lay.addWidget(scope_box)
        lay.addWidget(team_box, 1)
        lay.addWidget(self.buttons)
        self.resize(680, 600)

    def _save_clicked(self) -> None:
        if self.on_save is None or self.final:
            self.accept()
        else:
            self.on_save()

    def add_member(self, m: TeamMember | None = None, edit: bool = False) -> int:
        if self.table.rowCount() >= MAX_TEAM:
            return -1
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c, f in enumerate(MEMBER_FIELDS):
            self.table.setItem(r, c, QTableWidgetItem(getattr(m, f) if m is not None else ""))
        if edit:
            self.table.setCurrentCell(r, 0)
            first = self.table.item(r, 0)
            if first is not None:
                self.table.editItem(first)
        return r

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()} | {self.table.currentRow()}, reverse=True)
        for r in rows:
            if 0 <= r < self.table.rowCount():
                self.table.removeRow(r)

    def scope(self) -> Scope:
        def text(w: QLineEdit | QPlainTextEdit) -> str:
            return (w.text() if isinstance(w, QLineEdit) else w.toPlainText()).strip()

        return Scope(**{f: text(w) for f, w in self.fields.items()})

    def team(self) -> tuple[TeamMember, ...]:
        out = []
        for r in range(self.table.rowCount()):
            vals = [(it.text() if (it := self.table.item(r, c)) is not None else "").strip() for c in range(3)]
            if any(vals):
                out.append(TeamMember(*vals))
        return tuple(out)


def _check(scope: Scope, team: Sequence[TeamMember]) -> None:
    """The store's rules, checked before either is saved, so the two are saved together or not at all."""
    from ..model.assessment import AssessmentInvalid, parse_scope, parse_team

    problems: list = []
    parse_scope(dataclasses.asdict(scope), problems)
    parse_team([dataclasses.asdict(m) for m in team], problems)
    if problems:
        raise AssessmentInvalid(problems)


def _target_uuid(w: WindowParts) -> str | None:
    """The latest assessment of the enterprise selected in the list when the list is on screen,
    else the assessment open in the editor."""
    page = w.workspace_page
    if page is not None and w.stack.currentWidget() is page and w.ws is not None:
        code = page.current_code()
        rows = w.ws.list_assessments(code) if code else []  # newest first
        if rows:
            return rows[0].uuid
    return str(w.editor.uuid) if w.editor is not None else None


def edit_scope(w: WindowParts) -> ScopeDialog | None:
    """Open the form for the assessment in hand; Save stores scope and team as one undoable step."""
    from .errors import present_error

    ws = w.ws
    uuid = _target_uuid(w)
    if ws is None or uuid is None:
        w.statusBar().showMessage(tr("ui.scope.no_assessment", w.lang), 8000)
        return None
    try:
        a = ws.load_assessment(uuid)
        final = ws.assessment_row(uuid).status == "final"
    except Exception as exc:
        present_error(w, exc, w.lang)
        return None
    dlg = ScopeDialog(a, final, w.lang, w)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.on_save = lambda: _save(w, dlg, uuid, a)
    w.dialog = dlg
    dlg.open()
    return dlg


def _save(w: WindowParts, dlg: ScopeDialog, uuid: str, before: Assessment) -> None:
    """Save what changed; on a refusal (a final revision, a member without a name) the form stays
    open with what was typed, and the error is shown the usual way."""
    from .errors import present_error
    from .undo import FunctionCommand

    ws = w.ws
    assert ws is not None
    scope, team = dlg.scope(), dlg.team()
    old_scope, old_team = before.scope, before.team
    changed_scope, changed_team = scope != old_scope, team != old_team
    try:
        _check(scope, team)
        apply_scope(w, uuid, scope if changed_scope else None, team if changed_team else None)
    except Exception as exc:
        present_error(dlg, exc, w.lang)
        return
    dlg.accept()
    if not (changed_scope or changed_team):
        return
    text = tr("ui.undo.scope" if changed_scope else "ui.undo.team", w.lang)
    w.undo_stack.push(
        FunctionCommand(
            w,  # type: ignore[arg-type]
            text,
            lambda: apply_scope(w, uuid, scope if changed_scope else None, team if changed_team else None),
            lambda: apply_scope(w, uuid, old_scope if changed_scope else None, old_team if changed_team else None),
        )
    )
    w.statusBar().showMessage(tr("ui.scope.saved", w.lang), 8000)


def apply_scope(w: WindowParts, uuid: str, scope: Scope | None, team: Sequence[TeamMember] | None) -> None:
    """Store the scope and/or the team (None: leave it) and let an open editor know."""
    ws = w.ws
    assert ws is not None
    if scope is not None:
        ws.set_scope(uuid, scope)
    if team is not None:
        ws.set_team(uuid, team)
    ed = w.editor
    if ed is not None and ed.uuid == uuid:
        changes: dict[str, object] = {}
        if scope is not None:
            changes["scope"] = scope
        if team is not None:
            changes["team"] = tuple(team)
        ed.assessment = dataclasses.replace(ed.assessment, **changes)  # type: ignore[arg-type]
