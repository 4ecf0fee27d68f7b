"""The desktop app, part 2, as a user meets it: exports and imports (menus, drag and drop, the
summary, cancelling), renewal and what-if planning, history and comparison, the portfolio, the
help and switching language. Runs offscreen (conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from uihelpers import shortcut

from diag_app.i18n import tr
from diag_app.ui.background import Cancelled, Progress
from diag_app.ui.exports import ImportSummaryDialog, write_assessment
from diag_app.ui.main_window import MainWindow
from diag_app.ui.signals import emit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


@pytest.fixture
def window(qtbot, tmp_path):
    """A window on a workspace holding the example assessments (imported through the store)."""
    from diag_app.store import Workspace
    from diag_app.ui.app import create_app

    create_app([])
    db = tmp_path / "ws.db"
    ws = Workspace.open(db)
    ws.import_files(EXAMPLES)
    ws.close()
    w = MainWindow(lang="zh", db_path=db, load_charts=False)
    qtbot.addWidget(w)
    w.show()
    w.start()
    # the list is shown: it is read off the GUI thread once the workspace is open
    qtbot.waitUntil(lambda: w.ws is not None and w.workspace_page is not None and w.listing is None, timeout=30_000)
    w.activateWindow()  # shortcuts (F1, Ctrl+4 …) reach the active window only
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    return w


def automotive(w: MainWindow) -> str:
    return next(r.credit_code for r in w.ws.list_enterprises() if r.industry == "automotive")


def wait_job(qtbot, job) -> None:
    qtbot.waitUntil(lambda: job.done, timeout=30_000)


# --- exports and imports ------------------------------------------------------------------------


def test_report_of_any_revision_in_either_language_and_tables(window, qtbot, tmp_path):
    w = window
    code = automotive(w)
    w.open_latest(code)
    assert w.editor is not None
    dlg = w.exports.choose_report()
    assert dlg is not None and dlg.isVisible()
    assert dlg.which.count() >= 1 and dlg.format.count() == 3
    dlg.language.setCurrentIndex(dlg.language.findData("en"))
    choice = dlg.choice()
    assert choice.uuid == w.editor.uuid and choice.lang == "en" and choice.fmt == "pdf"
    dlg.reject()
    out = tmp_path / "out"
    out.mkdir()
    job = w.exports.export_assessment(choice.uuid, choice.revision, out / "r.pdf", "en", "pdf")
    wait_job(qtbot, job)
    assert job.error is None, job.error
    assert (out / "r.pdf").read_bytes()[:5] == b"%PDF-"
    assert tr("ui.export.done", "zh", path=str(out / "r.pdf")) == w.statusBar().currentMessage()
    for fmt in ("xlsx", "csv"):
        job = w.exports.export_assessment(choice.uuid, None, out / f"r.{fmt}", "zh", fmt)
        wait_job(qtbot, job)
        assert job.error is None, job.error
    assert "企业" in (out / "r.csv").read_text(encoding="utf-8-sig")
    assert sorted(p.name for p in out.iterdir()) == ["r.csv", "r.pdf", "r.xlsx"]


def test_cancelling_an_export_leaves_no_file_behind(window, qtbot, tmp_path):
    w = window
    uuid = w.ws.list_assessments(automotive(w))[0].uuid
    out = tmp_path / "cancel"
    out.mkdir()
    p = Progress()
    p.cancel()
    with pytest.raises(Cancelled):
        write_assessment(w.ws, w.pack_for, uuid, None, out / "x.pdf", "pdf", "zh", p)
    # through the GUI: the user presses Cancel while the report is being built
    job = w.exports.export_assessment(uuid, None, out / "y.pdf", "zh", "pdf")
    emit(job.dialog.canceled)  # what the Cancel button sends
    wait_job(qtbot, job)
    assert list(out.iterdir()) == []
    assert w.findChild(QApplication, "errorBox") is None


def test_bundles_of_some_or_all_enterprises_and_import_with_a_summary(window, qtbot, tmp_path):
    w = window
    code = automotive(w)
    w.workspace_page.select_code(code)
    dlg = w.exports.choose_bundle()
    assert dlg is not None and dlg.codes() == [code]  # the selected enterprise is ticked
    dlg.set_all(True)
    assert len(dlg.codes()) == len(EXAMPLES)
    dlg.reject()
    one, everything = tmp_path / "one.sfd", tmp_path / "all.sfd"
    for codes, out in (([code], one), (None, everything)):
        job = w.exports.export_bundle(codes, out)
        wait_job(qtbot, job)
        assert job.error is None, job.error
    from diag_app.store.bundle import read_bundle

    assert len(read_bundle(one).entries) == 1
    assert len(read_bundle(everything).entries) == len(EXAMPLES)

    # importing into the same workspace: everything is already here; a broken file is refused
    bad = tmp_path / "broken.sfd"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    job = w.exports.import_files([everything, bad])
    wait_job(qtbot, job)
    summary = w.exports.last_summary
    assert len(summary.skipped) == len(EXAMPLES) and not summary.added
    box = w.dialog
    assert isinstance(box, ImportSummaryDialog) and box.isVisible()
    assert box.headline.text() == tr("ui.import.summary", "zh", added=0, new_revisions=0, skipped=6, rejected=1)
    assert len(box.reasons()) == 1 and box.reasons()[0]
    box.accept()


def test_dropping_a_bundle_on_the_window_imports_it(qtbot, window, tmp_path):
    from diag_app.store import Workspace

    src = window
    bundle = tmp_path / "from-elsewhere.sfd"
    job = src.exports.export_bundle(None, bundle)
    wait_job(qtbot, job)
    # a second, empty workspace receives the drop
    from diag_app.ui.app import create_app

    create_app([])
    Workspace.open(tmp_path / "other.db").close()
    w = MainWindow(lang="en", db_path=tmp_path / "other.db", load_charts=False)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.ws is not None and w.workspace_page is not None, timeout=30_000)
    md = QMimeData()
    md.setUrls([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    ev = QDropEvent(
        QPointF(50, 50), Qt.DropAction.CopyAction, md, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    w.dropEvent(ev)
    qtbot.waitUntil(lambda: isinstance(w.dialog, ImportSummaryDialog), timeout=30_000)
    assert len(w.exports.last_summary.added) == len(EXAMPLES)
    assert w.dialog.windowTitle() == "Import summary"
    assert len(w.ws.list_enterprises()) == len(EXAMPLES)
    qtbot.waitUntil(lambda: w.listing is None, timeout=30_000)  # the list is read again off the GUI thread
    assert w.workspace_page.view.model().rowCount() == len(EXAMPLES)


# --- renewal and what-if ------------------------------------------------------------------------


def by_industry(w: MainWindow, industry: str) -> str:
    return next(r.credit_code for r in w.ws.list_enterprises() if r.industry == industry)


def test_what_if_ticks_items_and_shows_the_tier_change_and_the_roadmap(window, qtbot):
    from diag_app.describe import tier_name

    w = window
    w.open_latest(by_industry(w, "life-health"))
    assert w.editor is not None
    page = w.show_whatif()
    assert page is not None and w.stack.currentWidget() is page
    assert page.table.rowCount() >= 10  # suggestions, each with reasons and measures
    assert all(page.table.item(r, 2).text() for r in range(page.table.rowCount()))
    pack = w.editor_pack
    none, demo = tier_name(pack, "none", "zh"), tier_name(pack, "demonstration", "zh")
    assert none in page.now_label.text() and "+0.00" in page.after_label.text()
    qtbot.waitUntil(lambda: page.roadmap is not None, timeout=20_000)
    rm = page.roadmap
    assert rm.target == "demonstration" and rm.reachable and rm.steps
    assert page.road.topLevelItemCount() == len(rm.steps)
    assert demo in page.road_status.text()

    # ticking the roadmap's items lifts the tier at once; unticking one of them loses it again
    page.plan_roadmap()
    assert page.after_tier == "demonstration"
    assert demo in page.after_label.text() and tr("ui.whatif.tier_up", "zh").strip() in page.after_label.text()
    assert page.after_scores.s > page.base.s
    page.set_ticked(rm.steps[0].item.id, False)
    assert page.after_tier == "none"
    page.set_ticked(rm.steps[0].item.id, True)

    # the planned amount drives the support estimate
    first = page.ticked()[0]
    before = page.support_total
    page.spins[first.id].setValue(0)
    assert page.support_total <= before
    page.spins[first.id].setValue(5_000_000)
    assert page.plans()[0].investment_cny == 5_000_000
    assert page.save_plans()
    saved = w.ws.load_assessment(w.editor.uuid).plans
    assert {p.item for p in saved} == {st.item.id for st in rm.steps}

    # switching language rewords the page without losing the ticks
    w.set_lang("en")
    assert page.table.horizontalHeaderItem(1).text() == "Renewal item"
    assert tier_name(pack, "demonstration", "en") in page.after_label.text()
    assert len(page.ticked()) == len(rm.steps)
    assert w.action("view_assessment").shortcut().toString() == "Ctrl+2"
    w.action("view_assessment").trigger()
    assert w.stack.currentWidget() is w.assess_split


# --- history and comparison ---------------------------------------------------------------------


def test_history_compares_revisions_and_self_with_onsite(window, qtbot):
    from diag_app.describe import tier_name

    w = window
    ws = w.ws
    code = by_industry(w, "automotive")
    onsite = ws.list_assessments(code)[0]
    assert onsite.mode == "onsite"
    if onsite.status != "final":
        ws.finalise(onsite.uuid)
    assert ws.reopen(onsite.uuid) == 2
    pack = w.pack_for(onsite.pack_id, onsite.pack_version)
    a = ws.load_assessment(onsite.uuid)
    first_sd = next(iter(score_of(pack, a).subdomains))
    lowered = [r.id for r in pack.requirements if r.subdomain == first_sd and r.id in a.answers][:3]
    for rid in lowered:
        ws.set_answer(onsite.uuid, rid, 0.0)
    e = ws.get_enterprise(code)
    self_uuid = ws.create_assessment(e, pack.id, pack.version, mode="self", assessor="王工", date="2026-11-20")
    for rid, ans in list(a.answers.items())[:40]:
        ws.set_answer(self_uuid, rid, ans.value)

    w.workspace_page.select_code(code)
    assert w.action("view_history").shortcut().toString() == "Ctrl+4"
    w.action("view_history").trigger()
    page = w.history_page
    assert w.stack.currentWidget() is page
    assert page.timeline.topLevelItemCount() == 3
    # revision 1 against revision 2 of the on-site assessment
    idx = {(r.uuid, r.revision): i for i, r in enumerate(page.rows)}
    page._select(idx[(onsite.uuid, 1)], idx[(onsite.uuid, 2)])
    c = page.comparison
    assert {ch.item for ch in c.answers} == set(lowered)
    sd = next(s for s in c.subdomains if s.id == first_sd)
    assert sd.delta < 0 and c.b.s <= c.a.s
    row = next(
        r for r in range(page.subs.rowCount()) if page.subs.item(r, 0).text() == pack.subdomains[first_sd].name.zh
    )
    assert page.subs.item(row, 3).text().startswith("-")
    assert page.answers.rowCount() == len(lowered)
    assert tier_name(pack, c.tier_a, "zh") in page.summary.text()
    assert tr("ui.hist.changed_answers", "zh", n=len(lowered)) in page.summary.text()

    # self-assessment beside the on-site one, then the chart once the charts are loaded
    page.pick_self_vs_onsite()
    ra, rb = page.rows[page.pick_a.currentIndex()], page.rows[page.pick_b.currentIndex()]
    assert (ra.mode, rb.mode) == ("self", "onsite")
    assert len(page.comparison.answers) > 0
    page.set_charts(True)
    zh_chart = chart_shown(qtbot, page, "compareChart")

    w.set_lang("en")
    assert page.subs.horizontalHeaderItem(3).text() == "Change"
    assert "Shanghai tier" in page.summary.text()
    assert page.self_vs_onsite.text() == "Self vs on-site"
    qtbot.waitUntil(lambda: page.chart.lang == "en" and page.chart.ready(), timeout=60_000)
    assert chart_shown(qtbot, page, "compareChart") != zh_chart  # redrawn in English


def chart_shown(qtbot, page, name: str) -> int:
    """Wait for the page's chart picture (drawn in the chart process) and check it fills its label;
    returns the picture's cache key."""
    from PySide6.QtWidgets import QLabel

    label = page.findChild(QLabel, name)
    assert label is not None and label is page.chart
    qtbot.waitUntil(label.ready, timeout=60_000)
    pix = label.pixmap()
    shown = pix.deviceIndependentSize()
    assert not pix.isNull() and 200 < shown.width() <= label.width() + 30, (shown, label.size())
    return pix.cacheKey()


def score_of(pack, a):
    from diag_app.model.scoring import score

    return score(pack, a)


# --- portfolio ----------------------------------------------------------------------------------


def test_portfolio_counts_tiers_levels_closest_and_exports(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    from diag_app.describe import tier_name

    w = window
    assert w.action("view_portfolio").shortcut().toString() == "Ctrl+5"
    w.action("view_portfolio").trigger()
    page = w.portfolio_page
    assert w.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.data is not None, timeout=20_000)
    pack = w.pack
    # the examples: automotive is 标杆 (benchmark), three are 示范 (demonstration), two not yet
    total_row = page.by_tier.rowCount() - 1
    heads = [page.by_tier.horizontalHeaderItem(c).text() for c in range(page.by_tier.columnCount())]
    col = {h: c for c, h in enumerate(heads)}
    assert page.by_tier.item(total_row, col[tier_name(pack, "benchmark", "zh")]).text() == "1"
    assert page.by_tier.item(total_row, col[tier_name(pack, "demonstration", "zh")]).text() == "3"
    assert page.by_tier.item(total_row, col[tier_name(pack, "none", "zh")]).text() == "2"
    assert page.by_tier.item(total_row, col[tr("ui.pf.total", "zh")]).text() == "6"
    assert sum(int(page.levels.item(r, 1).text()) for r in range(page.levels.rowCount())) == 6
    # the top tier has no next tier, so the automotive example is not among the closest
    names = [page.closest.item(r, 0).text() for r in range(page.closest.rowCount())]
    auto = next(r.name for r in w.ws.list_enterprises() if r.industry == "automotive")
    assert len(names) == 5 and auto not in names
    assert all(page.closest.item(r, 5).text() for r in range(page.closest.rowCount()))

    page.set_charts(True)
    chart_shown(qtbot, page, "portfolioChart")
    # a wider window: the picture is drawn again to fill its wider label
    narrow = page.chart.pixmap().width()
    w.resize(w.width() + 300, w.height())
    qtbot.waitUntil(lambda: page.chart.ready() and page.chart.pixmap().width() > narrow + 50, timeout=60_000)
    zh_chart = chart_shown(qtbot, page, "portfolioChart")

    out = tmp_path / "portfolio.xlsx"
    job = page.export(out)
    wait_job(qtbot, job)
    assert job.error is None, job.error
    sheet = load_workbook(out).active
    assert sheet.max_row == 7 and sheet.cell(1, 1).value == tr("report.cover.enterprise", "zh")

    w.set_lang("en")
    assert page.title.text() == "Portfolio"
    assert tier_name(pack, "benchmark", "en") in [
        page.by_tier.horizontalHeaderItem(c).text() for c in range(page.by_tier.columnCount())
    ]
    qtbot.waitUntil(lambda: page.chart.lang == "en" and page.chart.ready(), timeout=60_000)
    assert chart_shown(qtbot, page, "portfolioChart") != zh_chart  # redrawn in English


# --- help and language --------------------------------------------------------------------------


def test_f1_opens_the_guide_at_the_section_of_the_page_and_follows_the_language(window, qtbot):
    from diag_app.ui.help_dialog import HelpDialog, guide_path

    w = window
    for lang in ("zh", "en"):
        html = guide_path(lang).read_text(encoding="utf-8")
        for anchor in (
            "fill",
            "ratings",
            "score",
            "tier",
            "whatif",
            "support",
            "history",
            "portfolio",
            "exports",
            "verify",
            "workspace",
            "keys",
        ):
            assert f'id="{anchor}"' in html, (lang, anchor)
    assert "上限估算" in guide_path("zh").read_text(encoding="utf-8")
    assert "upper-bound" in guide_path("en").read_text(encoding="utf-8")

    w.show_portfolio()
    qtbot.waitUntil(lambda: w.portfolio_page.data is not None, timeout=20_000)
    assert "F1" in [k.toString() for k in w.action("help_contents").shortcuts()]
    w.action("help_contents").trigger()  # what F1 does (the key itself is tested in test_ui.py)
    dlg = w.dialog
    assert isinstance(dlg, HelpDialog), dlg
    assert dlg.section == "portfolio", (dlg.section, w.stack.currentWidget().objectName())
    assert dlg.isVisible()
    assert "企业总览" in dlg.text.toPlainText() and dlg.windowTitle() == "帮助"
    w.set_lang("en")
    assert dlg.windowTitle() == "Help" and "Portfolio (Ctrl+5)" in dlg.text.toPlainText()
    dlg.close()


def test_every_string_the_new_screens_use_is_in_both_languages():
    import re

    from diag_app.i18n import MESSAGES

    missing = []
    for name in ("exports", "whatif_page", "history_page", "portfolio_page", "help_dialog", "main_window"):
        src = (ROOT / "diag_app" / "ui" / f"{name}.py").read_text(encoding="utf-8")
        for key in re.findall(r'tr\(\s*"([a-z_.]+)"', src):
            if key not in MESSAGES or not MESSAGES[key].get("zh") or not MESSAGES[key].get("en"):
                missing.append(f"{name}: {key}")
        for prefix in re.findall(r'tr\(\s*f"([a-z_.]+)\{', src):  # f-string keys: some key must share the prefix
            if not any(k.startswith(prefix) for k in MESSAGES):
                missing.append(f"{name}: {prefix}…")
    assert not missing, missing


def test_switching_language_rewords_the_new_menus_at_run_time(window):
    w = window
    acts = (w.action("export_report"), w.action("import"), w.action("view_history"))
    texts = lambda: {a.objectName(): a.text() for a in acts}  # noqa: E731
    assert texts()["actImport"] == "导入数据包…"
    w.set_lang("en")
    assert texts() == {
        "actExportReport": "Export Report or Tables…",
        "actImport": "Import Bundles…",
        "actViewHistory": "History and Comparison",
    }
    assert [a.text() for a in w.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]


def test_every_command_is_one_action_in_one_menu_enabled_when_it_can_run(window, qtbot):
    from diag_app.ui.actions import COMMANDS

    w = window
    in_menus = [a.objectName() for m in w.menuBar().actions() for a in m.menu().actions() if a.objectName()]
    assert sorted(in_menus) == sorted(c.object_name for c in COMMANDS if c.menu)  # each once, none left out
    for c in COMMANDS:
        act = w.action(c.id)
        assert act.objectName() == c.object_name and act.text() == tr(f"ui.menu.{c.id}", "zh")
        keys = [s.toString() for s in act.shortcuts()]
        assert len(keys) == len(set(keys)), (c.id, keys)  # a standard key and the same key spelt out count once
    taken = [s.toString() for c in COMMANDS for s in w.action(c.id).shortcuts()]
    assert len(taken) == len(set(taken)), taken  # no shortcut does two things
    # enabled when it can run: nothing open in the editor yet
    assert not w.action("view_assessment").isEnabled() and not w.action("next_unanswered").isEnabled()
    assert w.action("view_portfolio").isEnabled() and w.action("export_report").isEnabled()
    w.open_latest(automotive(w))
    qtbot.waitUntil(lambda: w.editor is not None)
    assert w.action("view_assessment").isEnabled() and w.action("view_whatif").isEnabled()
    shortcut(qtbot, w, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # the table's shortcut runs its handler
    assert w.stack.currentWidget() is w.whatif_page
    w.close_workspace()
    w._update_actions()
    assert not w.action("new_enterprise").isEnabled() and w.action("open_workspace").isEnabled()
