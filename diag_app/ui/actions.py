"""The main window's commands, declared once: each row gives an action's id (also its text key,
``ui.menu.<id>``, and its object name, ``act<Id>``), its shortcuts, what it does, when it is
enabled and where it sits in the menus. The window builds its actions, menus and enabled states
from this table and nothing else.

Nothing here touches PySide's ``Qt`` namespace or imports a page: the table is read before the
first paint (see main_window.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ..i18n import tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from .main_window import MainWindow

SK = QKeySequence.StandardKey
Key = str | QKeySequence.StandardKey
LANGS = ("zh", "en")
LANG_NAMES = {"zh": "简体中文", "en": "English"}
MENUS = ("file", "edit", "view", "help")


def _always(_w: MainWindow) -> bool:
    return True


def _has_ws(w: MainWindow) -> bool:
    return w.ws is not None


def _has_editor(w: MainWindow) -> bool:
    return w.editor is not None


def _has_ws_and_pack(w: MainWindow) -> bool:
    return w.ws is not None and w.pack is not None


def _can_undo(w: MainWindow) -> bool:
    return w.undo_stack.canUndo()


def _can_redo(w: MainWindow) -> bool:
    return w.undo_stack.canRedo()


def _undo_text(w: MainWindow) -> str:
    what = w.undo_stack.undoText()
    return tr("ui.menu.undo_what", w.lang, what=what) if what else tr("ui.menu.undo", w.lang)


def _redo_text(w: MainWindow) -> str:
    what = w.undo_stack.redoText()
    return tr("ui.menu.redo_what", w.lang, what=what) if what else tr("ui.menu.redo", w.lang)


def _verify_report(w: MainWindow) -> None:
    from .verify_dialog import verifier

    verifier(w).choose()


def _edit_scope(w: MainWindow) -> object:
    from .scope_dialog import edit_scope

    return edit_scope(w)


@dataclass(frozen=True)
class Command:
    id: str  # text key ui.menu.<id>; object name act<Id>
    run: Callable[[MainWindow], object]
    keys: tuple[Key, ...] = ()
    enabled: Callable[[MainWindow], bool] = _always
    menu: str = ""  # one of MENUS; "" = a shortcut only
    section: int = 0  # a separator goes between sections of a menu
    label: Callable[[MainWindow], str] | None = None  # a text that changes (undo: what it undoes)

    @property
    def object_name(self) -> str:
        return "act" + "".join(part.capitalize() for part in self.id.split("_"))


# In menu order. Handlers are looked up on the window when triggered, so the table needs no pages.
COMMANDS: tuple[Command, ...] = (
    Command("new_enterprise", lambda w: w.new_enterprise(), (SK.New,), _has_ws, "file", 0),
    Command("new_assessment", lambda w: w.new_assessment(), ("Ctrl+Shift+A",), _has_ws, "file", 0),
    Command("open_workspace", lambda w: w.choose_workspace(), (SK.Open,), _always, "file", 1),
    Command("new_workspace", lambda w: w.choose_new_workspace(), ("Ctrl+Shift+N",), _always, "file", 1),
    Command("import", lambda w: w.exports.choose_import(), ("Ctrl+I",), _has_ws, "file", 2),
    Command("export_bundle", lambda w: w.exports.choose_bundle(), ("Ctrl+Shift+B",), _has_ws, "file", 2),
    Command("export_report", lambda w: w.exports.choose_report(), ("Ctrl+Shift+E",), _has_ws, "file", 2),
    Command("verify_report", _verify_report, (), _always, "file", 2),
    Command("quit", lambda w: w.close(), (SK.Quit, "Ctrl+Q"), _always, "file", 3),
    Command("undo", lambda w: w.undo_stack.undo(), (SK.Undo,), _can_undo, "edit", 0, _undo_text),
    Command(
        "redo", lambda w: w.undo_stack.redo(), (SK.Redo, "Ctrl+Shift+Z", "Ctrl+Y"), _can_redo, "edit", 0, _redo_text
    ),
    Command("find", lambda w: w.focus_find(), (SK.Find,), lambda w: w.ws is not None or w.in_editor(), "edit", 1),
    Command("next_unanswered", lambda w: w.next_unanswered(), ("Ctrl+J",), _has_editor, "edit", 1),
    Command("edit_enterprise", lambda w: w.edit_enterprise(), ("Ctrl+E",), _has_ws, "edit", 2),
    Command("delete_enterprise", lambda w: w.delete_enterprise(), (), _has_ws, "edit", 2),
    Command("delete_assessment", lambda w: w.delete_assessment(), (), _has_editor, "edit", 2),
    Command("recycle_bin", lambda w: w.show_bin(), (), _has_ws, "edit", 2),
    Command("edit_scope", _edit_scope, (), _has_ws, "edit", 2),
    Command("view_workspace", lambda w: w.show_workspace(), ("Ctrl+1",), _always, "view", 0),
    Command("view_assessment", lambda w: w.show_assessment_page(), ("Ctrl+2",), _has_editor, "view", 0),
    Command("view_whatif", lambda w: w.show_whatif(), ("Ctrl+3",), _has_editor, "view", 0),
    Command("view_history", lambda w: w.show_history(), ("Ctrl+4",), _has_ws, "view", 0),
    Command("view_portfolio", lambda w: w.show_portfolio(), ("Ctrl+5",), _has_ws_and_pack, "view", 0),
    Command("help_contents", lambda w: w.show_help(), (SK.HelpContents, "F1"), _always, "help", 0),
    Command("about", lambda w: w.show_about(), (), _always, "help", 1),
)
BY_ID = {c.id: c for c in COMMANDS}


def _shortcuts(keys: tuple[Key, ...]) -> list[QKeySequence]:
    """The key sequences of ``keys``: a standard key gives the platform's bindings; a sequence
    given twice (a standard key and the same key spelt out) counts once."""
    out: list[QKeySequence] = []
    for k in keys:
        seqs = QKeySequence.keyBindings(k) if isinstance(k, QKeySequence.StandardKey) else [QKeySequence(k)]
        out += [s for s in seqs if not s.isEmpty() and all(s != o for o in out)]
    return out


def make_actions(w: MainWindow) -> dict[str, QAction]:
    """One QAction per command, on the window (a QAction's shortcut works anywhere in it), and
    the checkable language actions."""
    acts: dict[str, QAction] = {}
    for c in COMMANDS:
        act = QAction(w)
        act.setObjectName(c.object_name)
        shortcuts = _shortcuts(c.keys)
        if shortcuts:
            act.setShortcuts(shortcuts)
        act.triggered.connect(lambda _checked=False, c=c: c.run(w))
        w.addAction(act)
        acts[c.id] = act
    w.lang_group = QActionGroup(w)
    w.lang_actions = {}
    for lg in LANGS:
        act = QAction(LANG_NAMES[lg], w)
        act.setObjectName(f"actLang_{lg}")
        act.setCheckable(True)
        act.setChecked(lg == w.lang)
        act.triggered.connect(lambda _c=False, lg=lg: w.set_lang(lg))
        w.lang_group.addAction(act)
        w.lang_actions[lg] = act
    return acts


def build_menus(w: MainWindow) -> None:
    """The menu bar in the window's language, from the table (the language submenu closes View)."""
    lang = w.lang
    for c in COMMANDS:
        w.acts[c.id].setText(tr(f"ui.menu.{c.id}", lang))
    mb = w.menuBar()
    mb.clear()
    for name in MENUS:
        menu: QMenu = mb.addMenu(tr(f"ui.menu.{name}", lang))
        section = None
        for c in COMMANDS:
            if c.menu != name:
                continue
            if section is not None and c.section != section:
                menu.addSeparator()
            section = c.section
            menu.addAction(w.acts[c.id])
        if name == "view":
            menu.addSeparator()
            menu.addMenu(tr("ui.menu.language", lang)).addActions(list(w.lang_actions.values()))


def update_actions(w: MainWindow) -> None:
    for c in COMMANDS:
        act = w.acts[c.id]
        act.setEnabled(bool(c.enabled(w)))
        if c.label is not None:
            act.setText(c.label(w))
