"""The desktop app as a user meets it: create an enterprise, answer a whole assessment with the
keyboard and the mouse, watch the tier change, attach evidence, finalise, reopen the app and
find everything again. Runs offscreen (conftest.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from uihelpers import shortcut

from diag_app.describe import tier_name
from diag_app.i18n import tr
from diag_app.model.assessment import make_credit_code
from diag_app.ui.cards import IndicatorCard, RequirementCard, YesNoCard
from diag_app.ui.enterprise_dialog import EnterpriseDialog
from diag_app.ui.main_window import MainWindow

GOOD_CODE = make_credit_code("91310115MA1K4TE9T")
BAD_CODE = GOOD_CODE[:17] + ("0" if GOOD_CODE[17] != "0" else "1")


@pytest.fixture
def make_window(qtbot, tmp_path):
    from diag_app.ui.app import create_app

    create_app([])

    def make(lang: str = "zh", db: Path | None = None) -> MainWindow:
        w = MainWindow(lang=lang, db_path=db or tmp_path / "ws.db", load_charts=False)
        qtbot.addWidget(w)
        w.show()
        w.start()
        qtbot.waitUntil(lambda: w.ws is not None and w.listing is None, timeout=30_000)  # the list is shown
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=5000)
        return w

    return make


def key(qtbot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as a user would."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    qtbot.keyClick(target, k, modifier)


def click(qtbot, button: QWidget) -> None:
    """Click a button once it is laid out on screen, as a user can only click what they see."""
    qtbot.waitUntil(lambda: button.isVisible() and button.width() > 10 and button.height() > 10)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def confirm_box(qtbot, w: MainWindow, name: str, button: str):
    """The confirmation ``w`` asks: answered with the button of the step's name."""
    box = w.dialog
    assert box is not None and box.objectName() == name and box.isVisible()
    click(qtbot, next(b for b in box.buttons() if b.text() == button))
    return box


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type into a field: ASCII key by key, Chinese as an input method commits it."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            widget.setFocus()
            ev = QInputMethodEvent("", [])
            ev.setCommitString(ch)
            QApplication.sendEvent(widget, ev)


def create_enterprise(qtbot, w: MainWindow, name: str = "上海测试精密制造有限公司") -> None:
    shortcut(qtbot, w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = w.dialog
    assert isinstance(dlg, EnterpriseDialog) and dlg.isVisible()
    type_text(qtbot, dlg.name, name)
    qtbot.keyClicks(dlg.credit_code, BAD_CODE.lower())
    assert dlg.credit_code.text() == BAD_CODE  # typed in lower case, shown in capitals
    assert dlg.error_text("credit_code") == tr("credit_code.check", "zh")
    dlg.credit_code.clear()
    qtbot.keyClicks(dlg.credit_code, GOOD_CODE)
    assert dlg.error_text("credit_code") == ""
    dlg.industry.setCurrentIndex(dlg.industry.findData("automotive"))
    type_text(qtbot, dlg.district, "嘉定区")
    qtbot.keyClicks(dlg.employees, "650")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    qtbot.waitUntil(lambda: w.listing is None, timeout=30_000)  # the list is read again off the GUI thread
    w.activateWindow()  # what the window manager does when a dialog closes (offscreen does not)
    qtbot.waitUntil(w.isActiveWindow)


def test_window_shows_before_matplotlib_and_reportlab_are_imported(tmp_path):
    script = textwrap.dedent(
        f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
        from diag_app.ui.app import create_app
        app = create_app([])
        from diag_app.ui.main_window import MainWindow
        w = MainWindow(db_path={str(tmp_path / "ws.db")!r})
        w.show()
        app.processEvents()
        assert w.isVisible()
        heavy = [m for m in ("matplotlib", "reportlab") if m in sys.modules]
        assert not heavy, heavy
        w.start()
        end = time.monotonic() + 60
        while w.charts is None and time.monotonic() < end:
            app.processEvents(); time.sleep(0.01)
        assert "matplotlib" in sys.modules and w.charts is not None
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_window_is_drawn_in_chinese_before_the_pages_and_the_model_are_imported(tmp_path):
    """The window (title, menus, "loading") is on screen, in the bundled Chinese font, before the
    editor, the pages, the model or the database code is even imported: those come after."""
    script = textwrap.dedent(
        f"""
        import os, sys, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtCore import QSettings
        QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
        from diag_app.ui.app import create_app
        app = create_app([])
        from diag_app.ui.main_window import MainWindow
        from PySide6.QtGui import QFontInfo, QFontMetrics
        from diag_app.i18n import tr
        w = MainWindow(lang="zh", db_path={str(tmp_path / "ws.db")!r})
        w.show()
        app.processEvents()
        assert w.isVisible()
        later = ("diag_app.ui.editor", "diag_app.ui.workspace_page", "diag_app.ui.result_panel",
                 "diag_app.model.questionnaire", "diag_app.store", "yaml", "sqlite_utils")
        imported = [m for m in later if m in sys.modules]
        assert not imported, imported
        # nor has anything touched PySide's Qt namespace, which costs ~50 ms to build on first use
        import PySide6.QtCore
        assert "Qt" not in vars(PySide6.QtCore)
        # every character the first frame shows is in the font it is drawn with: no boxes
        seen = w.windowTitle() + w.loading.text() + "".join(a.text() for a in w.menuBar().actions())
        assert w.windowTitle() == tr("ui.app.title", "zh") and w.loading.text() == tr("ui.loading", "zh")
        assert QFontInfo(w.loading.font()).family() == "Noto Sans SC"
        missing = [c for c in seen if not QFontMetrics(w.loading.font()).inFontUcs4(ord(c))]
        assert not missing, missing
        w.start()
        end = time.monotonic() + 60
        while not w.is_ready and time.monotonic() < end:
            app.processEvents(); time.sleep(0.01)
        assert w.stack.currentWidget() is w.workspace_page
        print("ok")
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("ok")


def test_result_charts_come_from_their_own_process_and_follow_the_answers(qtbot, tmp_path):
    """The charts beside the editor are drawn in a separate process (so drawing them cannot freeze
    the window), redrawn when an answer moves a score, not redrawn when nothing they show changed,
    and still drawn after that process has died."""
    import os

    from diag_app.report.chart_process import renderer
    from diag_app.store import Workspace
    from diag_app.ui.app import create_app

    create_app([])
    db = tmp_path / "ws.db"
    with Workspace.open(db) as ws:
        uuid = ws.import_files([Path(__file__).resolve().parent.parent / "examples" / "automotive.json"]).added[0].uuid
    w = MainWindow(lang="zh", db_path=db, load_charts=True)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.is_ready and w.charts is not None, timeout=60_000)
    editor = w.open_assessment(uuid)
    panel = w.result_panel
    qtbot.waitUntil(lambda: len(panel.chart_widgets()) == 2, timeout=60_000)
    first = panel.chart_widgets()
    assert [c.objectName() for c in first] == ["chart_radar", "chart_level_bars"]
    assert all(c.pixmap().width() > 200 for c in first)
    child = renderer()._proc
    assert child is not None and child.poll() is None and child.pid != os.getpid()

    panel.draw_charts()  # nothing changed: the same pictures stay, nothing is drawn
    qtbot.wait(200)
    assert panel.chart_widgets() == first

    card = next(c for c in editor.built[editor.current_page].cards if isinstance(c, RequirementCard))
    ratings = [i for i, r in enumerate(editor.pack.scoring.ratings) if r.value is not None]
    one, two = [i for i in ratings if i != card.rating_index(card.value)][:2]  # each a new score
    card.rate(one)
    qtbot.waitUntil(
        lambda: len(panel.chart_widgets()) == 2 and panel.chart_widgets()[0] is not first[0], timeout=60_000
    )

    child.kill()
    child.wait()
    second = panel.chart_widgets()
    card.rate(two)
    qtbot.waitUntil(
        lambda: len(panel.chart_widgets()) == 2 and panel.chart_widgets()[0] is not second[0], timeout=60_000
    )


def test_inline_validation_shows_the_credit_code_message(make_window, qtbot):
    w = make_window()
    shortcut(qtbot, w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dlg = w.dialog
    assert isinstance(dlg, EnterpriseDialog)
    qtbot.keyClicks(dlg.credit_code, GOOD_CODE[:10])
    assert dlg.error_text("credit_code") == tr("credit_code.length", "zh")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dlg.isVisible()  # refused: the problems are shown beside their fields
    assert dlg.error_text("name") == tr("enterprise.name", "zh")
    dlg.credit_code.clear()
    qtbot.keyClicks(dlg.credit_code, "91310115MA1K4TESI0")  # I is not allowed
    assert dlg.error_text("credit_code") == tr("credit_code.chars", "zh")
    qtbot.keyClicks(dlg.employees, "0")
    assert "1,000,000" in dlg.error_text("employees")
    dlg.reject()


def _card(w: MainWindow):
    card = w.editor.current_card
    assert card is not None and card.hasFocus()
    return card


def test_a_whole_assessment_through_the_widgets_and_back_again(make_window, qtbot, pack, tmp_path, monkeypatch):
    w = make_window()
    create_enterprise(qtbot, w)
    page = w.workspace_page
    assert page.proxy.rowCount() == 1 and page.current_code() == GOOD_CODE
    assert page.model.data(page.model.index(0, 4)) == tr("ui.ws.not_assessed", "zh")

    # start an on-site assessment from the list
    qtbot.mouseClick(page.btn_assess, Qt.MouseButton.LeftButton)
    dlg = w.dialog
    dlg.mode.setCurrentIndex(dlg.mode.findData("onsite"))
    type_text(qtbot, dlg.assessor, "李顾问")
    qtbot.keyClick(dlg.assessor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.editor is not None and w.editor.current_card is not None)
    ed = w.editor
    assert not dlg.isVisible()
    w.activateWindow()  # what the window manager does when a dialog closes (offscreen does not)
    qtbot.waitUntil(lambda: w.isActiveWindow() and ed.current_card.hasFocus())
    uuid = ed.uuid
    tiers: list[str] = []
    w.result_panel.updated.connect(lambda r: tiers.append(r.tier.tier))
    assert w.result_panel.prov_badge.isVisibleTo(w.result_panel)  # nothing answered: provisional

    # every requirement, page after page: the keyboard for most, the mouse for some
    n_reqs = len(pack.requirements_for("automotive", "discrete"))
    clicked = 0
    answered = 0
    while isinstance(ed.current_card, RequirementCard):
        card = _card(w)
        if card.item.level == 1 and card.item.id.endswith(".02"):
            click(qtbot, card.buttons[1])  # 大部分满足
            clicked += 1
            key(qtbot, Qt.Key.Key_Down)
        else:
            key(qtbot, Qt.Key.Key_1)  # 全部满足
        answered += 1
    assert answered == n_reqs and clicked >= 10
    assert isinstance(ed.current_card, IndicatorCard)  # the keyboard went on to the indicators
    ed.flush_progress()
    done, total = ed.page_progress("sd:organisation-strategy")
    assert done == total > 0 and ed.nav.bars[0].value() == total
    qtbot.waitUntil(lambda: w.result_panel.result is not None and w.result_panel.result.scores.level >= 4)
    assert w.result_panel.tier_text() == tier_name(pack, "none", "zh")  # basic conditions not yet answered

    # basic conditions by keyboard, through the navigation tree: the tier changes live
    w.editor.nav.setCurrentItem(ed.nav.items[next(i for i, p in enumerate(ed.pages) if p.key == "conditions")])
    ed.focus_card(ed.visible_cards()[0])
    for _ in pack.conditions:
        assert isinstance(_card(w), YesNoCard)
        key(qtbot, Qt.Key.Key_Y)
    qtbot.waitUntil(lambda: w.result_panel.sh_badge.property("tier") == "demonstration")
    assert w.result_panel.tier_text() == tier_name(pack, "demonstration", "zh")
    # a threshold, never a recognition: said beside the badges and on them
    assert w.result_panel.sh_badge.toolTip() == "达到“" + tier_name(pack, "demonstration", "zh") + "”自评门槛"
    assert (
        w.result_panel.recognition.isVisibleTo(w.result_panel) and "主管部门认定" in w.result_panel.recognition.text()
    )
    assert "自评" in w.result_panel.sh_caption.text()

    # indicators: an impossible value is refused at the field and not saved
    ind_page = next(i for i, p in enumerate(ed.pages) if p.key == "indicators")
    ed.go_page(ind_page)
    card = _card(w)
    assert isinstance(card, IndicatorCard) and card.item.id == "kpi.design-tools"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(card.field, "150")
    key(qtbot, Qt.Key.Key_Return)
    assert card.error.isVisibleTo(card) and "150" in card.error.text()
    assert w.ws.load_assessment(uuid).value("kpi.design-tools") is None
    card.field.selectAll()
    qtbot.keyClicks(card.field, "96")
    key(qtbot, Qt.Key.Key_Return)
    assert not card.error.isVisibleTo(card)
    values = {"kpi.cnc-rate": "80", "kpi.robot-density": "420", "kpi.energy-change": "-4"}
    while isinstance(ed.current_card, IndicatorCard):
        card = _card(w)
        if card.item.optional:
            key(qtbot, Qt.Key.Key_Down)
            continue
        key(qtbot, Qt.Key.Key_Return)
        qtbot.keyClicks(card.field, values.get(card.item.id, "90" if card.item.max >= 90 else str(card.item.min)))
        key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.result_panel.sh_badge.property("tier") == "benchmark")
    assert tiers.index("none") < tiers.index("demonstration") < tiers.index("benchmark")

    # typical scenarios: mouse for the first, keyboard for the rest
    sc_page = ed.go_page(next(i for i, p in enumerate(ed.pages) if p.key == "scenarios"))
    first = sc_page.cards[0]
    click(qtbot, first.yes)
    key(qtbot, Qt.Key.Key_Down)
    while ed.current_card is not None and ed.current_card.item.kind == "scenario" and ed.current_card.value is None:
        key(qtbot, Qt.Key.Key_1 if len(tiers) % 3 else Qt.Key.Key_N)
    qtbot.waitUntil(lambda: not w.result_panel.prov_badge.isVisibleTo(w.result_panel))
    assert ed.saved.text().startswith("已保存 ")
    qtbot.waitUntil(lambda: ed.overall.value() == ed.overall.maximum())  # progress bars repaint on a short timer

    # find an item with Ctrl+F, write a note, attach evidence by button and by drag and drop
    shortcut(qtbot, w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert ed.search.hasFocus()
    qtbot.keyClicks(ed.search, "OS.1.01")
    key(qtbot, Qt.Key.Key_Return)
    card = _card(w)
    assert card.item.id == "OS.1.01"
    key(qtbot, Qt.Key.Key_Tab)
    assert card.note.hasFocus()
    type_text(qtbot, card.note, "规划文件见附件")
    key(qtbot, Qt.Key.Key_Tab)  # leaving the field saves it
    plan = tmp_path / "智能制造规划.pdf"
    plan.write_bytes(b"%PDF-1.4 plan")
    minutes = tmp_path / "minutes.docx"
    minutes.write_bytes(b"minutes")
    monkeypatch.setattr("diag_app.ui.editor_evidence.QFileDialog.getOpenFileNames", lambda *a, **k: ([str(plan)], ""))
    click(qtbot, card.attach_btn)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(minutes))])
    # Qt delivers drops only during a real drag, so the test hands the events to the card itself.
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    assert card.acceptDrops()
    card.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, buttons, mods))
    qtbot.waitUntil(lambda: "minutes.docx" in card.evidence_text())  # copied in the background
    names = sorted(e.name for e in w.ws.list_evidence(uuid, "OS.1.01"))
    assert names == ["minutes.docx", "智能制造规划.pdf"]
    assert "智能制造规划.pdf" in card.evidence_text()

    # finalise: nothing can change any more
    click(qtbot, ed.btn_final)
    confirm_box(qtbot, w, "finaliseBox", tr("ui.ed.finalise", "zh"))
    assert ed.read_only and w.ws.assessment_row(uuid).status == "final"
    assert ed.banner.isVisibleTo(ed) and ed.btn_reopen.isVisibleTo(ed)
    card = ed.card_for("OS.1.02")
    ed.focus_card(card)
    key(qtbot, Qt.Key.Key_4)
    assert w.ws.load_assessment(uuid).value("OS.1.02") == 0.8
    final = w.ws.load_assessment(uuid)
    w.close()

    # a new window on the same database finds everything again
    w2 = make_window()
    page = w2.workspace_page
    assert page.proxy.rowCount() == 1
    assert page.model.data(page.model.index(0, 4)) == tier_name(pack, "benchmark", "zh")
    qtbot.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=page.view.visualRect(page.proxy.index(0, 0)).center()
    )
    assert page.current_code() == GOOD_CODE
    key(qtbot, Qt.Key.Key_Return)  # opens the latest assessment of the selected enterprise
    qtbot.waitUntil(lambda: w2.editor is not None)
    ed2 = w2.editor
    assert ed2.uuid == uuid and ed2.read_only and ed2.assessment.answers == final.answers
    assert ed2.assessment.answers["OS.1.01"].note == "规划文件见附件"
    card = ed2.card_for("OS.1.01")
    assert "minutes.docx" in card.evidence_text()
    assert w2.result_panel.sh_badge.property("tier") == "benchmark"
    assert ed2.assessment.mode == "onsite" and ed2.assessment.assessor == "李顾问"
    click(qtbot, ed2.btn_reopen)
    box = confirm_box(qtbot, w2, "reopenBox", tr("ui.ed.reopen", "zh"))
    assert "第 2 版" in box.informativeText()
    assert not ed2.read_only and ed2.assessment.revision == 2
    assert [r.revision for r in w2.ws.revisions(uuid)] == [1, 2]


def test_the_enterprise_list_is_read_off_the_gui_thread_and_the_newest_reading_wins(make_window, qtbot):
    """A refresh returns at once (the query and the table's keys run on a worker thread); the list
    changes when the reading is done, and of two refreshes in a row the second one is shown, with
    the enterprise it asked for selected."""
    from diag_app.model.assessment import Enterprise

    w = make_window()
    page = w.workspace_page
    codes = [make_credit_code(f"91310115MA1K4TE{i:02d}") for i in range(2)]
    for i, code in enumerate(codes):
        w.ws.upsert_enterprise(Enterprise(f"刷新测试企业{i}", code, "automotive", district="嘉定区"))
    first = w.refresh_enterprises(select=codes[0])
    assert w.listing is first and not first.done
    assert page.model.rowCount() == 0  # nothing shown changes until the reading is done
    second = w.refresh_enterprises(select=codes[1])
    assert w.listing is second
    qtbot.waitUntil(lambda: first.done and second.done and w.listing is None, timeout=30_000)
    assert page.model.rowCount() == 2
    assert page.current_code() == codes[1]


def test_names_are_listed_by_pinyin_and_numbers_by_value(qtbot, pack):
    """Chinese readers look names up by pinyin (阿 a, 李 li, 张 zhang), not by code point (张 before
    李); 第2 comes before 第10. Sorting by another column and back keeps that order."""
    from diag_app.store import EnterpriseRow as Row
    from diag_app.ui.workspace_page import WorkspacePage

    names = ["张江精密机械", "李家生物医药", "阿拉丁新材料", "临港第10工厂", "临港第2工厂", "Acme 智造"]
    rows = [
        Row(n, make_credit_code(f"913101{i:011d}"), "automotive", None, "", None, None, None, i, 1, None, None)
        for i, n in enumerate(names)
    ]
    page = WorkspacePage(pack, "zh")
    qtbot.addWidget(page)
    page.set_rows(rows)

    def shown() -> list[str]:
        return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]

    want = ["阿拉丁新材料", "李家生物医药", "临港第2工厂", "临港第10工厂", "张江精密机械"]
    assert [n for n in shown() if n != "Acme 智造"] == want
    page.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    assert shown()[0] == "Acme 智造"  # the highest score
    page.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert [n for n in shown() if n != "Acme 智造"] == want
    page.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert [n for n in shown() if n != "Acme 智造"] == want[::-1]


def test_pinyin_order_takes_in_names_that_come_later():
    """The order is reused while no new name comes; a new name gets its place among the others."""
    from types import SimpleNamespace

    from diag_app.ui.workspace_page import by_name

    def order(names: list[str]) -> list[str]:
        return [r.name for r in by_name([SimpleNamespace(name=n) for n in names])]

    assert order(["张江精密", "阿拉丁材料"]) == ["阿拉丁材料", "张江精密"]
    assert order(["张江精密", "阿拉丁材料"]) == ["阿拉丁材料", "张江精密"]  # reused
    assert order(["张江精密", "李家医药", "阿拉丁材料", "北方重工"]) == [
        "阿拉丁材料",
        "北方重工",
        "李家医药",
        "张江精密",
    ]
    assert order(["李家医药", "张江精密"]) == ["李家医药", "张江精密"]


def test_ten_thousand_enterprises_filter_and_sort(qtbot, pack):
    from diag_app.store import EnterpriseRow as Row
    from diag_app.ui.workspace_page import TIER_COLUMN, WorkspacePage

    industries = list(pack.industries)
    tiers = [None, "none", "demonstration", "benchmark"]
    rows = [
        Row(
            f"企业{i:05d}",
            make_credit_code(f"913101{i:011d}"),
            industries[i % len(industries)],
            None,
            ("浦东新区", "嘉定区", "松江区")[i % 3],
            100 + i,
            None,
            tiers[i % 4],
            None if i % 4 == 0 else (i % 500) / 100,
            None if i % 4 == 0 else i % 5,
            None if i % 4 == 0 else f"2026-0{1 + i % 9}-15",
            None if i % 4 == 0 else ("draft", "final")[i % 2],
        )
        for i in range(10_000)
    ]
    page = WorkspacePage(pack, "zh")
    qtbot.addWidget(page)
    page.resize(1200, 600)
    page.show()
    page.set_rows(rows[::-1])
    qtbot.wait(1)
    assert page.proxy.rowCount() == 10_000
    # by name, A to Z, whatever order the rows came in, and the header says so
    assert [page.proxy.index(r, 0).data() for r in (0, 1, 9_999)] == ["企业00000", "企业00001", "企业09999"]
    header = page.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)
    page.search.setText("企业0999")
    page.apply_filters()
    assert page.proxy.rowCount() == 10  # 企业09990–企业09999
    page.set_rows(rows[:9_995])  # new rows keep the search: 企业09990–企业09994 are left
    assert page.proxy.rowCount() == 5 and page.count.text() == tr("ui.ws.count", "zh", shown=5, n=9_995)
    page.set_rows(rows)
    page.search.clear()
    page.tier.setCurrentIndex(page.tier.findData("benchmark"))
    assert page.proxy.rowCount() == 2_500
    page.industry.setCurrentIndex(page.industry.findData("automotive"))
    assert 0 < page.proxy.rowCount() < 2_500
    page.view.sortByColumn(5, Qt.SortOrder.DescendingOrder)  # by score, best first
    scores = [page.proxy.index(r, 5).data() for r in range(page.proxy.rowCount())]
    assert scores == sorted(scores, key=float, reverse=True)
    page.tier.setCurrentIndex(0)
    page.industry.setCurrentIndex(0)
    page.view.sortByColumn(TIER_COLUMN, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, TIER_COLUMN).data() == tier_name(pack, "benchmark", "zh")
    assert page.proxy.index(9_999, TIER_COLUMN).data() == tr("ui.ws.not_assessed", "zh")
    page.view.scrollToBottom()
    qtbot.wait(1)
    # how quickly: benchmarks/workspace.py (no timing assertions in tests)


def test_errors_speak_the_users_language_and_say_what_to_do(qtbot, tmp_path):
    from diag_app.model.assessment import AssessmentInvalid, Problem
    from diag_app.store import AssessmentFinal, DatabaseLocked, EvidenceTooLarge
    from diag_app.ui.errors import error_text, present_error

    what, detail, hint = error_text(AssessmentFinal("u-1", 2), "zh")
    assert what == tr("error.assessment_final", "zh") and "重新打开" in hint
    what, detail, hint = error_text(EvidenceTooLarge(tmp_path / "big.mp4", 80 * 1_048_576, 50 * 1_048_576), "en")
    assert "too large" in what and "50 MB" in hint and "big.mp4" in detail
    what, detail, _ = error_text(AssessmentInvalid([Problem("enterprise.credit_code", "credit_code.check")]), "zh")
    assert tr("credit_code.check", "zh") in detail
    what, _, hint = error_text(DatabaseLocked(tmp_path / "ws.db", 5.0), "en")
    assert "another program" in what and "Close the other window" in hint
    what, _, hint = error_text(RuntimeError("boom"), "zh")
    assert what == tr("error.unexpected", "zh")
    parent = QWidget()
    qtbot.addWidget(parent)
    box = present_error(parent, AssessmentFinal("u-1", 2), "en")
    assert box.isVisible() and box.text() == tr("error.assessment_final", "en")
    box.close()


def test_a_damaged_database_offers_the_newest_backup(make_window, qtbot, tmp_path):
    from diag_app.model.assessment import Enterprise
    from diag_app.store import Workspace

    db = tmp_path / "ws.db"
    ws = Workspace.open(db)
    ws.upsert_enterprise(Enterprise("上海备份测试有限公司", GOOD_CODE, "automotive"))
    ws.backup_now("test")
    ws.close()
    data = bytearray(db.read_bytes())
    for off in range(4096, len(data), 4096):  # keep the header, scramble every page after it
        data[off + 8 : off + 40] = b"\xff" * 32
    db.write_bytes(bytes(data))

    w = MainWindow(db_path=db, load_charts=False)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.dialog is not None and w.dialog.objectName() == "restoreBox", timeout=30_000)
    box = w.dialog
    assert box.text() == tr("error.db_corrupt", "zh")
    restore = next(b for b in box.buttons() if b.text() == tr("ui.restore.newest", "zh"))
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.ws is not None, timeout=30_000)
    assert [r.name for r in w.ws.list_enterprises()] == ["上海备份测试有限公司"]
    assert any(p.name.startswith("ws.db.broken-") for p in tmp_path.iterdir())  # the damaged file is kept


def test_menus_shortcuts_language_about_and_remembered_workspace(make_window, qtbot, tmp_path, monkeypatch, pack):
    w = make_window()
    titles = [a.text() for a in w.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "视图(&V)", "帮助(&H)"]
    assert w.action("new_enterprise").shortcut().toString() == "Ctrl+N"
    assert w.action("open_workspace").shortcut().toString() == "Ctrl+O"
    assert "Ctrl+Q" in [s.toString() for s in w.action("quit").shortcuts()]
    assert "F1" in [s.toString() for s in w.action("help_contents").shortcuts()]
    shortcut(qtbot, w, Qt.Key.Key_F1)
    assert w.dialog.objectName() == "helpDialog" and w.dialog.isVisible()
    w.dialog.close()
    box = w.show_about()
    import PySide6

    from diag_app import __version__

    about = box.informativeText()
    assert __version__ in about and pack.version in about and PySide6.__version__ in about
    box.close()

    w.lang_actions["en"].trigger()
    assert [a.text() for a in w.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    assert w.workspace_page.model.headerData(0, Qt.Orientation.Horizontal) == "Enterprise"
    assert w.workspace_page.btn_new.text() == "New enterprise"

    other = tmp_path / "other.db"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(other), ""))
    shortcut(qtbot, w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: w.db_path == other, timeout=30_000)
    w.resize(1000, 640)
    w.close()
    w2 = MainWindow(load_charts=False)  # no --db: the last workspace again, same size
    qtbot.addWidget(w2)
    w2.show()
    w2.start()
    qtbot.waitUntil(lambda: w2.ws is not None, timeout=30_000)
    assert w2.db_path == other
    assert w2.height() == 640  # (the width is clamped to the 800-pixel offscreen screen)


def test_slow_work_runs_off_the_gui_thread_and_its_errors_reach_the_presenter(qtbot):
    import threading

    from diag_app.store import StorageFailed
    from diag_app.ui.background import run_in_background

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def work(progress):
        seen["thread"] = threading.current_thread()
        for i in range(3):
            progress(i, 3, "step")
        return 42

    job = run_in_background(parent, work, "…", lambda r: seen.setdefault("result", r), lang="en")
    qtbot.waitUntil(lambda: job.done)
    assert seen["result"] == 42 and seen["thread"] is not threading.main_thread()

    def fails(_progress):
        raise StorageFailed(Path("/nowhere/ws.db"), "disk full")

    job = run_in_background(parent, fails, "…", lambda r: None, lang="en")
    qtbot.waitUntil(lambda: job.done)
    box = parent.findChild(QWidget, "errorBox")
    assert box is not None and box.text() == tr("error.storage_failed", "en")
    assert "disk full" in box.informativeText() and "disk space" in box.informativeText()


def test_a_finished_job_keeps_neither_its_result_nor_its_callbacks(qtbot):
    """A finished job may live on until the cycle collector runs; what it produced (a 10,000-row
    list, say) and what its callbacks hold must not live on with it."""
    import gc
    import weakref

    from diag_app.ui.background import run_in_background

    class Big:
        pass

    parent = QWidget()
    qtbot.addWidget(parent)
    held = Big()
    produced: list[weakref.ref[Big]] = []

    def work(_progress):
        big = Big()
        produced.append(weakref.ref(big))
        return big

    gc.disable()  # only plain reference counting: as between two runs of the collector
    try:
        job = run_in_background(parent, work, "…", lambda r: held, lang="en")
        qtbot.waitUntil(lambda: job.done)
        assert produced[0]() is None  # handed to on_done, not kept by the job
        assert job.on_done is None and job.on_error is None
    finally:
        gc.enable()


def test_qt_calls_that_return_nothing_do_not_leak_references_to_none(qtbot):
    """PySide6 6.12.0 dropped a reference to None on every Qt call that returns nothing (setText,
    repaint, processEvents, QTimer.start …): a long session ends in "Fatal Python error:
    none_dealloc". pyproject.toml excludes that release; this fails on any release that has it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    label = QLabel("智能工厂")
    qtbot.addWidget(label)
    label.show()
    timer = QTimer()
    before = sys.getrefcount(None)
    for i in range(3000):
        label.setText(str(i))
        label.repaint()
        timer.start(1000)
        QApplication.processEvents()
    assert abs(sys.getrefcount(None) - before) < 50


def test_emitting_signals_does_not_leak_references_to_true():
    """PySide6 6.12.0's emit() drops a reference to True each call; thousands of answers later the
    interpreter aborts (bool_dealloc). The app emits through diag_app.ui.signals.emit."""
    from PySide6.QtCore import QObject, Signal

    from diag_app.ui.signals import emit

    class Source(QObject):
        changed = Signal(object)

    src = Source()
    got: list[int] = []
    src.changed.connect(got.append)
    before = sys.getrefcount(True)
    for i in range(3000):
        emit(src.changed, i)
    assert len(got) == 3000
    assert abs(sys.getrefcount(True) - before) < 50
