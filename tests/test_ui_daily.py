"""The desktop app in daily use (issue 18): asking before finalising and reopening, clearing and
undoing answers, the keyboard after the mouse, and the same counts as the report. Runs offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from uihelpers import answer_box, click, key, open_window, shortcut

from diag_app.i18n import tr
from diag_app.model.scoring import score
from diag_app.ui.cards import IndicatorCard, RequirementCard, YesNoCard

Ctrl = Qt.KeyboardModifier.ControlModifier
CtrlShift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


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
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # undo: the answer is back, on the card and in the store
    assert w.ws.load_assessment(uuid).value(card.item_id) == before and card.value == before
    assert w.action("redo").isEnabled() and w.action("undo").text().startswith("撤销")
    shortcut(qtbot, w, Qt.Key.Key_Z, CtrlShift)  # redo: cleared again
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
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)
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
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)
    qtbot.waitUntil(lambda: w.editor is not None and w.editor.uuid == uuid)
    assert w.ws.load_assessment(uuid).value(card.item_id) != 0
    assert w.editor.current_card.item_id == card.item_id
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # and the note before it
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
    shortcut(qtbot, w, Qt.Key.Key_F, Ctrl)
    qtbot.keyClicks(page.search, "zzz-none")
    key(qtbot, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    qtbot.waitUntil(lambda: page.proxy.rowCount() == page.model.rowCount())
    ed = open_industry(qtbot, w)
    shortcut(qtbot, w, Qt.Key.Key_F, Ctrl)
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


# --- Qt's own words, the language and the workspace remembered ----------------------------------


def test_qt_dialogs_menus_and_dates_speak_the_windows_language(window, qtbot):
    from PySide6.QtCore import QCoreApplication, QDate, QLocale
    from PySide6.QtWidgets import QLineEdit

    w = window
    menu = QLineEdit(w).createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions()]
    assert "复制(&C)" in texts and "全选" in texts, texts
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    assert "2026年12月2日" in QLocale().toString(QDate(2026, 12, 2), QLocale.FormatType.LongFormat)
    w.set_lang("en")
    menu = QLineEdit(w).createStandardContextMenu()
    assert "&Copy" in [a.text().split("\t")[0] for a in menu.actions()]
    assert "December" in QLocale().toString(QDate(2026, 12, 2), QLocale.FormatType.LongFormat)


def test_the_language_chosen_is_the_language_of_the_next_start(window, qtbot):
    from PySide6.QtCore import QCoreApplication

    from diag_app.ui.app import create_app, remembered_lang

    assert remembered_lang() == "zh"
    window.set_lang("en")
    assert remembered_lang() == "en"
    create_app([])  # the next start, without --lang
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Copy"
    create_app([], lang="zh")  # --lang zh wins for that start
    assert QCoreApplication.translate("QLineEdit", "&Copy") == "复制(&C)"


def test_a_db_path_is_for_one_session_and_a_missing_workspace_is_named_not_made_again(qtbot, tmp_path, monkeypatch):
    from diag_app.ui import settings as cfg
    from diag_app.ui.main_window import MainWindow

    w = open_window(qtbot, tmp_path / "temp.db", examples=False)  # diag-app --db temp.db
    assert cfg.get_str(cfg.LAST_WORKSPACE) == ""  # not remembered as the default
    chosen = tmp_path / "clients.db"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(chosen), ""))
    w.choose_new_workspace()  # File → New Workspace: remembered
    qtbot.waitUntil(lambda: w.db_path == chosen, timeout=30_000)
    assert cfg.get_str(cfg.LAST_WORKSPACE) == str(chosen)
    w.close()

    moved = tmp_path / "moved.db"
    chosen.rename(moved)  # the file went away (moved, or on a disk not connected)
    w2 = MainWindow(load_charts=False)
    qtbot.addWidget(w2)
    w2.show()
    w2.start()
    qtbot.waitUntil(lambda: w2.dialog is not None and w2.dialog.objectName() == "missingWorkspaceBox", timeout=30_000)
    box = w2.dialog
    assert str(chosen) in box.informativeText() and w2.ws is None and not chosen.exists()  # nothing made
    assert not w2.action("new_enterprise").isEnabled()
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(moved), ""))
    answer_box(qtbot, w2, "missingWorkspaceBox", tr("ui.ws_missing.locate", "zh"))
    qtbot.waitUntil(lambda: w2.db_path == moved, timeout=30_000)
    assert cfg.get_str(cfg.LAST_WORKSPACE) == str(moved) and w2.action("new_enterprise").isEnabled()
    w2.close()

    moved.unlink()
    w3 = MainWindow(load_charts=False)
    qtbot.addWidget(w3)
    w3.show()
    w3.start()
    qtbot.waitUntil(lambda: w3.dialog is not None and w3.dialog.objectName() == "missingWorkspaceBox", timeout=30_000)
    answer_box(qtbot, w3, "missingWorkspaceBox", tr("ui.ws_missing.create", "zh"))  # asked for: made there
    qtbot.waitUntil(lambda: w3.db_path == moved and w3.ws is not None, timeout=30_000)
    assert moved.exists()


def test_without_the_xcb_libraries_the_app_names_the_packages_to_install():
    from diag_app.ui.platform_check import XCB_LIBRARIES, platform_problem, uses_xcb

    linux_x11 = {"DISPLAY": ":0"}
    assert uses_xcb(linux_x11, "linux") and not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux") and not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb(linux_x11, "win32")
    everything = lambda lib: True  # noqa: E731  (a machine with every library)
    assert platform_problem(linux_x11, everything, "linux") is None
    no_icccm = lambda lib: lib != "libxcb-icccm.so.4"  # noqa: E731
    key_, params = platform_problem(linux_x11, no_icccm, "linux")
    text = tr(key_, "en", **params)
    assert "sudo apt-get install -y libxcb-icccm4\n" in text and "could not load" not in text
    key_, params = platform_problem({}, everything, "linux")
    assert key_ == "ui.platform.no_display"
    # the README's quick start and CI install every one of them
    from uihelpers import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("`sudo apt-get install"))
    for pkg in XCB_LIBRARIES.values():
        assert f" {pkg} " in line and pkg in ci, pkg


def test_one_number_format_and_items_named_not_by_their_id(window, qtbot):
    from diag_app.money import fmt_delta, fmt_score, fmt_size

    assert (fmt_score(2.5), fmt_score(None), fmt_delta(0.35), fmt_delta(-0.1)) == ("2.50", "—", "+0.35", "-0.10")
    assert (fmt_size(2048), fmt_size(3 * 1_048_576 + 1)) == ("2 KB", "3 MB")
    w = window
    ed = open_industry(qtbot, w)
    s = score(ed.pack, ed.assessment).s
    assert w.result_panel.score.text() == f"S = {fmt_score(s)}"
    model = w.workspace_page.model
    row = model.codes.index(ed.assessment.enterprise.credit_code)
    assert model.data(model.index(row, 5)) == fmt_score(model.rows[row].latest_score)
    # an indicator out of range: named as the card names it, not "kpi.…"
    page = ed.go_page(next(i for i, p in enumerate(ed.pages) if p.key == "indicators"))
    card = next(c for c in page.cards if isinstance(c, IndicatorCard))
    card.field.setText(str(card.item.max + 1000))
    card.commit()
    assert card.item.name.get("zh") in card.error.text() and card.item.id not in card.error.text()


# --- the guided interview -----------------------------------------------------------------------


def test_guided_mode_asks_level_by_level_and_stops_once_a_level_is_clearly_not_met(window, qtbot):
    from diag_app.model.guided import outlook

    w = window
    ed = open_industry(qtbot, w)
    reqs = ed.pack.requirements_for(ed.assessment.enterprise.industry, ed.assessment.path(ed.pack))
    for r in reqs:  # a fresh questionnaire: nothing answered
        w.ws.set_answer(ed.uuid, r.id, None, note="")
    ed.load()
    o = outlook(ed.pack, ed.assessment)
    assert ed.remaining.text() == tr("ui.guide.remaining", "zh", n=len(o.remaining))
    click(qtbot, ed.btn_guided)
    page = ed.guide.page
    assert page is not None and ed.stack.currentWidget() is page
    level1 = [r.id for r in reqs if r.level == 1]
    assert sorted(ed.guide.batch) == sorted(level1)  # level 1, across every sub-domain
    assert isinstance(QApplication.focusWidget(), RequirementCard)
    # level 1 fully met with the keyboard, card after card
    for _ in level1:
        page.complete()
        key(qtbot, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: ed.guide.page is not None and ed.guide.batch and ed.guide.batch[0] not in level1)
    level2 = {r.id for r in reqs if r.level == 2}
    assert set(ed.guide.batch) == level2  # then level 2
    for _ in level2:  # level 2 not met at all: nothing above it can change the result
        ed.guide.page.complete()
        key(qtbot, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: ed.guide.done_panel is not None and ed.stack.currentWidget() is ed.guide.done_panel)
    assert ed.remaining.text().startswith("结果已确定")
    assert outlook(ed.pack, ed.assessment).final
    assert all(ed.assessment.value(r.id) is None for r in reqs if r.level == 3)  # never asked
    # the user may still go on with level 3
    more = ed.guide.done_panel.findChild(QPushButton, "guideContinue")
    click(qtbot, more)
    assert {ed.pack.item(i).level for i in ed.guide.batch} == {3}
    # and leave the guide for the pages
    click(qtbot, ed.btn_guided)
    assert not ed.guide.active and ed.stack.currentWidget() is ed.built[ed.current_page]


def test_quitting_ends_the_process_at_once_with_everything_saved(tmp_path):
    """Ctrl+Q through ``run`` (the path diag-app takes): exit status 0, the window's settings and the
    workspace closed cleanly (no write-ahead log left), though the interpreter's teardown is skipped."""
    import subprocess
    import sys
    import textwrap

    db = tmp_path / "ws.db"
    script = textwrap.dedent(
        f"""
        from PySide6.QtCore import QSettings, QTimer
        from PySide6.QtWidgets import QApplication
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, {str(tmp_path / "settings")!r})
        from diag_app.ui.app import create_app, run
        app = create_app([])
        def check():
            w = next((w for w in QApplication.topLevelWidgets() if hasattr(w, "is_ready")), None)
            if w is None or not w.is_ready or w.listing is not None:
                QTimer.singleShot(50, check)
                return
            w.action("quit").trigger()
        QTimer.singleShot(50, check)
        run({str(db)!r}, "zh")
        raise SystemExit(9)  # not reached: run ends the process
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert db.exists() and not (tmp_path / "ws.db-wal").exists()
    settings = QSettings(str(next((tmp_path / "settings").rglob("*.conf"))), QSettings.Format.IniFormat)
    assert settings.value("window/geometry") is not None


# --- the pack's newer parts on the cards: guidance, controlled 不适用, existing systems ----------


def page_of(ed, key):
    idx = next(i for i, p in enumerate(ed.pages) if p.key == key)
    page = ed.go_page(idx, focus=False)
    ed.complete_page(page)
    return page


def test_every_card_says_what_the_ratings_mean_and_the_help_does_too(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    card = first_card(ed)
    fully = ed.pack.scoring.ratings[0]
    assert fully.guidance.get("zh") and fully.guidance.get("zh") in card.buttons[0].toolTip()
    ed.focus_card(card)
    key(qtbot, Qt.Key.Key_1)
    assert card.guidance.isVisibleTo(card) and fully.guidance.get("zh") in card.guidance.text()
    shortcut(qtbot, w, Qt.Key.Key_F1)
    help_text = w.dialog.text.toPlainText()
    assert ed.pack.scoring.rating_help.get("zh")[:20] in help_text
    assert all(r.guidance.get("zh")[:15] in help_text for r in ed.pack.scoring.ratings if r.value is not None)


def test_not_applicable_only_where_the_pack_allows_it_and_only_with_a_reason(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    uuid = ed.uuid
    # an item the pack does not let be 不适用: no such button, and the key 0 says why
    card = next(c for c in (ed.card_for(r.id) for r in ed.pages[0].items) if not c.item.na_allowed)
    na_button = next(b for b in card.buttons if b.property("ratingKey") == "na")
    assert not na_button.isVisibleTo(card)
    before = w.ws.load_assessment(uuid).value(card.item_id)
    ed.focus_card(card)
    key(qtbot, Qt.Key.Key_0)
    assert card.na_reason.isVisibleTo(card) and w.ws.load_assessment(uuid).value(card.item_id) == before
    # an item that may be 不适用: 0 asks for the reason in the note; it is saved with it
    item = next(r for r in ed.pack.requirements_for("automotive", ed.assessment.path(ed.pack)) if r.na_allowed)
    w.ws.set_answer(uuid, item.id, None, note="")
    ed.load()
    card = ed.card_for(item.id)
    ed.focus_card(card)
    key(qtbot, Qt.Key.Key_0)
    assert card.note.hasFocus() and card.na_reason.isVisibleTo(card)
    assert w.ws.load_assessment(uuid).value(item.id) is None  # not without a reason
    qtbot.keyClicks(card.note, "no dies in use")
    key(qtbot, Qt.Key.Key_Tab)
    saved = w.ws.load_assessment(uuid).answers[item.id]
    assert (saved.value, saved.note) == ("na", "no dies in use")
    assert item.na_when.get("zh") in card.guidance.text()
    # the reason cannot be taken away while the answer is 不适用
    card.note.setFocus()
    card.note.clear()
    key(qtbot, Qt.Key.Key_Tab)
    assert w.ws.load_assessment(uuid).answers[item.id].note == "no dies in use"


def test_a_whole_sub_domain_declared_not_applicable_with_a_reason_and_undone(window, qtbot):
    from diag_app.model.scoring import score

    w = window
    ed = open_industry(qtbot, w)
    sd = next(k for k, s in ed.pack.subdomains.items() if s.na_allowed and any(p.key == f"sd:{k}" for p in ed.pages))
    page = page_of(ed, f"sd:{sd}")
    declare = page.findChild(QPushButton, "naDeclare")
    click(qtbot, declare)
    dlg = w.dialog
    assert dlg.objectName() == "naReasonDialog"
    qtbot.keyClicks(dlg.reason, "no product design of its own")
    click(
        qtbot,
        dlg.buttons.buttons()[0]
        if dlg.buttons.buttons()[0].text() == tr("ui.na_sd.declare", "zh")
        else dlg.buttons.buttons()[1],
    )
    assert w.ws.load_assessment(ed.uuid).na_subdomains == {sd: "no product design of its own"}
    s = score(ed.pack, ed.assessment)
    ed.flush_progress()
    assert (ed.overall.value(), ed.overall.maximum()) == (s.answered, s.total)
    page = page_of(ed, f"sd:{sd}")
    assert page.findChild(QPushButton, "naWithdraw") is not None
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # undone: applies again
    assert w.ws.load_assessment(ed.uuid).na_subdomains == {}


def test_existing_systems_have_their_page_and_are_never_counted_as_missing(window, qtbot):
    from diag_app.model.scoring import score

    w = window
    ed = open_industry(qtbot, w)
    page = page_of(ed, "profile")
    assert page.spec.title == "现有系统与装备"
    yn = next(c for c in page.cards if isinstance(c, YesNoCard))
    assert yn.yes.text() == "已有" and yn.no.text() == "没有"
    w.ws.set_answer(ed.uuid, yn.item_id, None, note="")
    ed.load()
    s = score(ed.pack, ed.assessment)
    ed.flush_progress()
    assert ed.overall.maximum() == s.total and ed.page_progress("profile") == (0, 0)
    # its own bar in the tree counts its own questions (the one cleared above is open)
    idx = next(i for i, p in enumerate(ed.pages) if p.key == "profile")
    n = len(ed.pages[idx].items)
    assert n > 1 and ed.nav.bars[idx].maximum() == n
    assert ed.nav.bars[idx].value() == sum(ed.assessment.value(it.id) is not None for it in ed.pages[idx].items) < n
    yn = next(c for c in page_of(ed, "profile").cards if isinstance(c, YesNoCard))
    click(qtbot, yn.yes)
    assert w.ws.load_assessment(ed.uuid).value(yn.item_id) is True
    conditions = page_of(ed, "conditions")
    headings = [lab.text() for lab in conditions.findChildren(QLabel)]
    assert tr("ui.ed.conditions.tier", "zh") in headings


# --- a first-time user, and changes made elsewhere ------------------------------------------------


def test_a_first_time_user_is_welcomed_with_the_examples_or_the_first_enterprise(qtbot, tmp_path):
    from diag_app.ui.enterprise_dialog import EnterpriseDialog

    w = open_window(qtbot, tmp_path / "mine.db", examples=False)
    page = w.workspace_page
    assert page.welcome.isVisibleTo(page) and not page.view.isVisibleTo(page)
    click(qtbot, page.btn_first)
    assert isinstance(w.dialog, EnterpriseDialog) and w.dialog.isVisible()
    w.dialog.reject()
    click(qtbot, page.btn_examples)
    qtbot.waitUntil(lambda: w.db_path == tmp_path / "examples.db" and w.listing is None, timeout=30_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 6, timeout=30_000)
    assert page.view.isVisibleTo(page) and not page.welcome.isVisibleTo(page)
    from diag_app.ui import settings as cfg

    assert cfg.get_str(cfg.LAST_WORKSPACE) != str(tmp_path / "examples.db")  # a look around, not remembered
    assert (tmp_path / "mine.db").exists()  # the user's own workspace is untouched


def test_the_list_follows_an_import_made_from_the_command_line(qtbot, tmp_path):
    import subprocess
    import sys

    from uihelpers import EXAMPLES

    db = tmp_path / "ws.db"
    w = open_window(qtbot, db, examples=False)
    assert w.workspace_page.model.rowCount() == 0
    out = subprocess.run(
        [sys.executable, "-m", "diag_app", "import", str(EXAMPLES[0]), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    qtbot.waitUntil(lambda: w.workspace_page.model.rowCount() == 1, timeout=15_000)  # polled every 2 s
    assert w.statusBar().currentMessage() == tr("ui.ws.changed_elsewhere", "zh")


# --- evidence: open, replace, remove; deleting to the recycle bin ---------------------------------


def test_evidence_can_be_opened_replaced_and_removed_and_every_step_undone(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    w = window
    ed = open_industry(qtbot, w)
    uuid = ed.uuid
    card = first_card(ed)
    plan = tmp_path / "规划.pdf"
    plan.write_bytes(b"%PDF-1.4 plan v1")
    job = ed.attach(card, [str(plan)])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert [e.name for e in w.ws.list_evidence(uuid, card.item_id)] == ["规划.pdf"]
    line = card.evidence.line_of("规划.pdf")
    click(qtbot, line.findChild(QPushButton, "evidenceOpen"))
    qtbot.waitUntil(lambda: bool(opened), timeout=30_000)
    copy = Path(opened[0])
    assert copy.name == "规划.pdf" and copy.read_bytes() == b"%PDF-1.4 plan v1"
    assert not str(copy).startswith(str(w.db_path.parent / "evidence"))  # a copy, never the stored file
    # replace it with a newer version
    v2 = tmp_path / "规划-v2.pdf"
    v2.write_bytes(b"%PDF-1.4 plan v2")
    monkeypatch.setattr("diag_app.ui.editor_evidence.QFileDialog.getOpenFileName", lambda *a, **k: (str(v2), ""))
    click(qtbot, card.evidence.line_of("规划.pdf").findChild(QPushButton, "evidenceReplace"))
    qtbot.waitUntil(lambda: [e.name for e in w.ws.list_evidence(uuid, card.item_id)] == ["规划-v2.pdf"], timeout=30_000)
    qtbot.waitUntil(lambda: "规划-v2.pdf" in card.evidence_text())
    # remove it
    click(qtbot, card.evidence.line_of("规划-v2.pdf").findChild(QPushButton, "evidenceRemove"))
    assert w.ws.list_evidence(uuid, card.item_id) == [] and not card.evidence.isVisibleTo(card)
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # the removal undone
    assert [e.name for e in w.ws.list_evidence(uuid, card.item_id)] == ["规划-v2.pdf"]
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # the replacement undone
    assert [e.name for e in w.ws.list_evidence(uuid, card.item_id)] == ["规划.pdf"]
    assert "规划.pdf" in card.evidence_text()
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # the attachment undone
    assert w.ws.list_evidence(uuid, card.item_id) == []


def test_deleting_goes_to_the_recycle_bin_and_comes_back(window, qtbot):
    w = window
    page = w.workspace_page
    total = page.model.rowCount()
    name = page.model.rows[0].name
    code = page.model.codes[0]
    page.select_code(code)
    page.view.setFocus()
    key(qtbot, Qt.Key.Key_Delete)
    box = w.dialog
    assert box.objectName() == "deleteEnterpriseBox" and name in box.text()
    answer_box(qtbot, w, "deleteEnterpriseBox", tr("ui.del.go", "zh"))
    qtbot.waitUntil(lambda: w.listing is None and page.model.rowCount() == total - 1, timeout=30_000)
    assert w.ws.get_enterprise(code) is None
    assert w.action("undo").isEnabled(), (w.undo_stack.count(), w.undo_stack.index(), w.undo_stack.undoText())
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # undo: back
    assert w.ws.get_enterprise(code) is not None
    qtbot.waitUntil(lambda: w.listing is None and page.model.rowCount() == total, timeout=30_000)
    # an assessment deleted from the editor, restored from the recycle bin
    ed = open_industry(qtbot, w)
    uuid = ed.uuid
    w.action("delete_assessment").trigger()
    answer_box(qtbot, w, "deleteAssessmentBox", tr("ui.del.go", "zh"))
    assert w.editor is None and uuid not in [r.uuid for r in w.ws.list_assessments()]
    w.action("recycle_bin").trigger()
    dlg = w.dialog
    assert dlg.objectName() == "recycleDialog" and dlg.rows[0].kind == "assessment"
    click(qtbot, dlg.restore_btn)
    assert uuid in [r.uuid for r in w.ws.list_assessments()] and dlg.empty.isVisibleTo(dlg)


def test_saving_the_renewal_plan_is_one_step_undone_and_redone(window, qtbot):
    w = window
    ed = open_industry(qtbot, w)
    uuid = ed.uuid
    before = w.ws.load_assessment(uuid).plans
    page = w.show_whatif()
    assert page is not None
    chosen = next(it for it in page.items if it.id not in {p.item for p in before})
    page.set_ticked(chosen.id, True)
    assert page.save_plans()
    after = w.ws.load_assessment(uuid).plans
    assert chosen.id in {p.item for p in after}
    assert tr("ui.undo.plans", "zh", n=len(after)) in w.undo_stack.undoText()
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)
    assert w.ws.load_assessment(uuid).plans == before
    assert chosen.id not in {it.id for it in page.ticked()}  # the page shows the plans taken back
    shortcut(qtbot, w, Qt.Key.Key_Z, CtrlShift)
    assert w.ws.load_assessment(uuid).plans == after
    assert chosen.id in {it.id for it in page.ticked()}
    assert page.save_plans() and w.undo_stack.count() == 1  # saving unchanged plans adds no step


def test_at_open_the_app_mentions_what_was_deleted_a_month_ago_and_purges_nothing(qtbot, tmp_path):
    import sqlite3

    from diag_app.store import Workspace

    db = tmp_path / "ws.db"
    ws = Workspace.open(db)
    ws.import_files(sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.json")))
    code = ws.list_enterprises()[0].credit_code
    ws.delete_enterprise(code, who="张工")
    ws.close()
    with sqlite3.connect(db) as con:  # deleted 40 days ago
        con.execute("UPDATE deletions SET at = '2020-01-01T00:00:00+00:00'")
    w = open_window(qtbot, db, examples=False)
    assert w.statusBar().currentMessage() == tr("ui.bin.old", "zh", n=1)
    assert [r.credit_code for r in w.ws.list_deleted()] == [code]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_assessment_and_what_if_pages_fit_1280_by_720_without_scrolling_sideways(qtbot, tmp_path, lang):
    from PySide6.QtWidgets import QAbstractScrollArea

    w = open_window(qtbot, tmp_path / "ws.db", lang=lang)
    w.resize(1280, 720)
    ed = open_industry(qtbot, w)
    qtbot.waitUntil(lambda: w.result_panel.result is not None)

    def sideways() -> list[str]:
        QApplication.processEvents()
        return [
            a.objectName() or type(a).__name__
            for a in w.findChildren(QAbstractScrollArea)
            if a.isVisible() and a.horizontalScrollBar().isVisible() and a.objectName() != "whatIfTable"
        ]

    for key_ in ("sd:organisation-strategy", "indicators", "scenarios", "profile"):
        ed.go_page(next(i for i, p in enumerate(ed.pages) if p.key == key_))
        assert sideways() == [], key_
    panel = w.result_panel
    inner = panel.viewport().width()
    for lab in panel.widget().findChildren(QLabel):
        if lab.isVisible():  # nothing cut off at the right edge
            assert lab.geometry().right() <= inner + 1 or lab.wordWrap(), lab.text()[:40]
    page = w.show_whatif()
    assert sideways() == []
    # renewal rows stay rows: at most four lines each, the rest in the tooltip
    from diag_app.ui.whatif_page import MAX_LINES

    table = page.table
    tallest = table.fontMetrics().lineSpacing() * MAX_LINES + 14
    assert table.rowCount() >= 3 and all(table.rowHeight(r) <= tallest for r in range(table.rowCount()))
    long = [table.item(r, 2) for r in range(table.rowCount()) if table.item(r, 2).toolTip()]
    for cell in long:
        assert cell.text().count("\n") < MAX_LINES and cell.text().splitlines()[0] in cell.toolTip()


def test_the_result_of_another_assessment_is_shown_from_the_top(window, qtbot):
    w = window
    open_industry(qtbot, w, "life-health")
    panel = w.result_panel
    panel.widget().setMinimumHeight(3 * panel.height())  # as tall as charts and long reasons make it
    bar = panel.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    ed = w.editor
    card = first_card(ed)
    ed.focus_card(card)
    key(qtbot, Qt.Key.Key_2)  # an answer changes the result: where the user was reading stays
    QApplication.processEvents()
    assert bar.value() == bar.maximum() > 0
    open_industry(qtbot, w, "electronics")
    assert bar.value() == 0
