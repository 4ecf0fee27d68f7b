"""The desktop app in daily use (issue 18): asking before finalising and reopening, clearing and
undoing answers, the keyboard after the mouse, and the same counts as the report. Runs offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from uihelpers import answer_box, click, key, open_window

from diag_app.i18n import tr
from diag_app.model.scoring import score
from diag_app.ui.cards import IndicatorCard, RequirementCard, YesNoCard

Ctrl = Qt.KeyboardModifier.ControlModifier
CtrlShift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture(autouse=True)
def _private_settings(tmp_path):
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path / "ws.db")


def open_industry(qtbot, w, industry: str = "automotive"):
    code = next(r.credit_code for r in w.ws.list_enterprises() if r.industry == industry)
    w.open_latest(code)
    qtbot.waitUntil(lambda: w.editor is not None and w.editor.current_card is not None)
    return w.editor


def first_card(ed, kind=RequirementCard):
    for i in range(len(ed.pages)):
        page = ed.go_page(i, focus=False)
        ed.complete_page(page)
        for c in page.cards:
            if isinstance(c, kind):
                return c
    raise AssertionError(kind)


def test_finalising_asks_first_and_says_how_many_items_are_unanswered(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    for item in ("OS.1.01", "OS.1.02", "OS.1.03"):
        w.ws.set_answer(ed.uuid, item, None, note="")
    ed.load()
    n = score(ed.pack, ed.assessment).total - score(ed.pack, ed.assessment).answered
    assert n >= 3
    click(qtbot, ed.btn_final)
    box = w.dialog
    assert box.objectName() == "finaliseBox"
    assert tr("ui.ed.unanswered_warning", "zh", n=n) in box.informativeText()
    answer_box(qtbot, w, "finaliseBox", tr("ui.cancel", "zh"))  # cancelled: still a draft
    assert not ed.read_only and w.ws.assessment_row(ed.uuid).status == "draft"
    click(qtbot, ed.btn_final)
    answer_box(qtbot, w, "finaliseBox", tr("ui.ed.finalise", "zh"))
    assert ed.read_only and w.ws.assessment_row(ed.uuid).status == "final"
    # reopening asks too, naming the revision kept and the one started, and the unanswered count
    click(qtbot, ed.btn_reopen)
    box = w.dialog
    assert box.objectName() == "reopenBox"
    assert "第 2 版" in box.informativeText() and f"{n} 项未作答" in box.informativeText()
    answer_box(qtbot, w, "reopenBox", tr("ui.ed.reopen", "zh"))
    assert not ed.read_only and ed.assessment.revision == 2


def test_english_counts_have_a_singular(window, qtbot):
    assert tr("ui.ed.unanswered_warning", "en", n=1).startswith("1 item is still unanswered")
    assert tr("ui.ed.unanswered_warning", "en", n=2).startswith("2 items are still unanswered")
    w = window
    w.set_lang("en")
    page = w.workspace_page
    page.search.setText(w.ws.list_enterprises()[0].name)
    page.apply_filters()
    assert page.count.text() == "Showing 1 of 6 enterprises"
    assert tr("ui.ws.count", "en", shown=1, n=1) == "Showing 1 of 1 enterprise"


def test_an_answer_is_cleared_by_delete_or_by_clicking_it_again_and_undone_with_ctrl_z(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    uuid = ed.uuid
    card = first_card(ed)
    ed.focus_card(card)
    before = w.ws.load_assessment(uuid).value(card.item_id)
    assert before is not None
    key(qtbot, Qt.Key.Key_Delete)
    assert w.ws.load_assessment(uuid).value(card.item_id) is None and card.unanswered.isVisibleTo(card)
    qtbot.keyClick(w, Qt.Key.Key_Z, Ctrl)  # undo: the answer is back, on the card and in the store
    assert w.ws.load_assessment(uuid).value(card.item_id) == before and card.value == before
    assert w.action("redo").isEnabled() and w.action("undo").text().startswith("撤销")
    qtbot.keyClick(w, Qt.Key.Key_Z, CtrlShift)  # redo: cleared again
    assert w.ws.load_assessment(uuid).value(card.item_id) is None

    # rate "partly met", then click it again: no answer
    card = ed.card_for(card.item_id)
    partly = (
        next(b for b in card.buttons if b.property("ratingKey") == "partly")
        if any(b.property("ratingKey") == "partly" for b in card.buttons)
        else card.buttons[2]
    )
    click(qtbot, partly)
    assert w.ws.load_assessment(uuid).value(card.item_id) == 0.5 and partly.isChecked()
    click(qtbot, partly)
    assert w.ws.load_assessment(uuid).value(card.item_id) is None and not partly.isChecked()
    qtbot.keyClick(w, Qt.Key.Key_Z, Ctrl)
    assert w.ws.load_assessment(uuid).value(card.item_id) == 0.5 and partly.isChecked()

    # a yes/no item: clicking the chosen answer again clears it too
    yn = first_card(ed, YesNoCard)
    chosen = yn.yes if yn.value is True else yn.no
    click(qtbot, chosen)
    assert w.ws.load_assessment(uuid).value(yn.item_id) is None and not chosen.isChecked()


def test_undo_takes_back_notes_and_goes_to_the_assessment_it_belongs_to(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    uuid = ed.uuid
    card = first_card(ed)
    original = card.note.text()
    ed.focus_card(card)
    key(qtbot, Qt.Key.Key_Tab)
    assert card.note.hasFocus()
    card.note.selectAll()
    qtbot.keyClicks(card.note, "see minutes")
    key(qtbot, Qt.Key.Key_Tab)  # leaving the field saves the note
    assert w.ws.load_assessment(uuid).answers[card.item_id].note == "see minutes"
    ed.focus_card(card)
    key(qtbot, Qt.Key.Key_4)  # rated "not met"
    assert w.ws.load_assessment(uuid).value(card.item_id) == 0
    # another assessment open: undo reopens the one the step belongs to, at its card
    other = open_industry(qtbot, w, "electronics")
    assert other.uuid != uuid
    qtbot.keyClick(w, Qt.Key.Key_Z, Ctrl)
    qtbot.waitUntil(lambda: w.editor is not None and w.editor.uuid == uuid)
    assert w.ws.load_assessment(uuid).value(card.item_id) != 0
    assert w.editor.current_card.item_id == card.item_id
    qtbot.keyClick(w, Qt.Key.Key_Z, Ctrl)  # and the note before it
    assert w.ws.load_assessment(uuid).answers[card.item_id].note == original
    assert w.editor.current_card.note.text() == original


def test_after_clicking_a_section_the_rating_keys_work_and_tab_reaches_a_card(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    idx = next(i for i, p in enumerate(ed.pages) if p.key.startswith("sd:") and i > 2)
    item = ed.nav.items[idx]
    ed.nav.scrollToItem(item)
    click(qtbot, ed.nav.viewport())  # somewhere first, so the tree has the keyboard
    qtbot.mouseClick(ed.nav.viewport(), Qt.MouseButton.LeftButton, pos=ed.nav.visualItemRect(item).center())
    qtbot.waitUntil(lambda: ed.current_page == idx)
    card = QApplication.focusWidget()
    assert isinstance(card, RequirementCard) and card is ed.built[idx].cards[0]
    key(qtbot, Qt.Key.Key_3)  # partly met
    assert w.ws.load_assessment(ed.uuid).value(card.item_id) == 0.5
    # from the tree, Tab goes to the page's cards
    ed.nav.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert isinstance(QApplication.focusWidget(), RequirementCard)


def test_digits_typed_after_enter_in_an_indicator_field_are_kept(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    page = ed.go_page(next(i for i, p in enumerate(ed.pages) if p.key == "indicators"))
    ed.complete_page(page)
    cards = [c for c in page.cards if isinstance(c, IndicatorCard)]
    a, b = cards[0], cards[1]
    ed.focus_card(a)
    key(qtbot, Qt.Key.Key_Return)  # into the field
    assert a.field.hasFocus()
    a.field.selectAll()
    qtbot.keyClicks(a.field, str(int(a.item.min) + 1))
    key(qtbot, Qt.Key.Key_Return)  # saved, and on to the next card
    assert QApplication.focusWidget() is b
    for ch in "12":  # typed straight away, where the keyboard is: the next indicator's field
        qtbot.keyClicks(QApplication.focusWidget(), ch)
    assert b.field.hasFocus() and b.field.text() == "12"
    key(qtbot, Qt.Key.Key_Return)
    assert w.ws.load_assessment(ed.uuid).value(b.item_id) == 12


def test_escape_clears_the_search(window, qtbot):
    w = window
    page = w.workspace_page
    qtbot.keyClick(w, Qt.Key.Key_F, Ctrl)
    qtbot.keyClicks(page.search, "zzz-none")
    key(qtbot, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    qtbot.waitUntil(lambda: page.proxy.rowCount() == page.model.rowCount())
    ed = open_industry(qtbot, w)
    qtbot.keyClick(w, Qt.Key.Key_F, Ctrl)
    qtbot.keyClicks(ed.search, "OS.1")
    assert ed.finder.matches
    key(qtbot, Qt.Key.Key_Escape)
    assert ed.search.text() == "" and not ed.finder.matches
    assert isinstance(QApplication.focusWidget(), RequirementCard | IndicatorCard | YesNoCard)


def test_the_editor_counts_items_as_the_report_does(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    code = ed.assessment.enterprise.credit_code
    optional = next(i for i in ed.pack.indicators_for(ed.assessment.path(ed.pack)) if i.optional)
    w.ws.set_answer(ed.uuid, optional.id, None, note="")  # an optional indicator left blank
    w.ws.set_answer(ed.uuid, "OS.1.01", None, note="")  # and one required item
    w.open_latest(code)
    ed = w.editor
    s = score(ed.pack, ed.assessment)
    assert (ed.overall.value(), ed.overall.maximum()) == (s.answered, s.total)
    assert s.total - s.answered == len(s.missing) == 1
    assert ed.overall.format() == tr("ui.ed.overall_format", "zh", done=s.answered, total=s.total)
