"""The what-if page shows the advice as the model ranks it: the same order as the report once the
roadmap is ready, contradictions above the table, and support counted only for conditions the user
confirms there (kept when the plan is saved)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diag_app.model.diagnosis import diagnose
from diag_app.ui.main_window import MainWindow

PLANTS = sorted((Path(__file__).resolve().parent.parent / "examples" / "plants").glob("*.json"))


@pytest.fixture
def window(qtbot, tmp_path):
    from diag_app.store import Workspace
    from diag_app.ui.app import create_app

    create_app([])
    db = tmp_path / "ws.db"
    with Workspace.open(db) as ws:
        ws.import_files(PLANTS)
    w = MainWindow(lang="zh", db_path=db, load_charts=False)
    qtbot.addWidget(w)
    w.show()
    w.start()
    qtbot.waitUntil(lambda: w.ws is not None and w.workspace_page is not None and w.listing is None, timeout=30_000)
    return w


def _open(w: MainWindow, industry: str):
    code = next(r.credit_code for r in w.ws.list_enterprises() if r.industry == industry)
    w.open_latest(code)
    return w.show_whatif()


def test_the_table_order_is_the_reports_ranking_once_the_roadmap_is_ready(window, qtbot):
    w = window
    page = _open(w, "life-health")
    qtbot.waitUntil(lambda: page.roadmap is not None, timeout=30_000)
    r = diagnose(w.editor_pack, page.assessment)
    ranked = [sg.item.id for sg in r.suggestions]
    shown = [it.id for it in page.items]
    assert shown[: len(ranked)] == ranked
    assert page.table.item(0, 1).text() == r.suggestions[0].item.name.zh


def test_contradictions_are_shown_and_confirming_a_condition_counts_its_support(window, qtbot):
    w = window
    page = _open(w, "automotive")  # the stamping supplier: robot density 820, robots not suggested
    assert page.flags_label.isVisible() and "机器人密度" in page.flags_label.text()
    qtbot.waitUntil(lambda: page.roadmap is not None, timeout=30_000)
    plan = next(p for p in page.plans() if p.item == "press-die-management")
    assert plan.confirmed == ("shanghai-key-software",)  # as saved in the file
    before = page.support_total
    page.set_confirmed("press-die-management", {"shanghai-key-software", "first-of-kind-certified"})
    assert page.support_total == before + 480_000  # 30 % of the planned 160 万元, now confirmed
    assert page.save_plans()
    saved = next(p for p in w.ws.load_assessment(w.editor.uuid).plans if p.item == "press-die-management")
    assert set(saved.confirmed) == {"shanghai-key-software", "first-of-kind-certified"}
