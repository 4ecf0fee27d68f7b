"""The recycle bin and evidence in the GUI (issue 18): what the bin lists, attaching a file twice,
and the offer to purge what has been in the bin for 30 days or more. Runs offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from uihelpers import open_window, shortcut

from diag_app.i18n import tr
from diag_app.ui.cards import RequirementCard

Ctrl = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, tmp_path):
    return open_window(qtbot, tmp_path / "ws.db")


def _editor(qtbot, w, industry="automotive"):
    code = next(r.credit_code for r in w.ws.list_enterprises() if r.industry == industry)
    w.open_latest(code)
    qtbot.waitUntil(lambda: w.editor is not None and w.editor.current_card is not None)
    return w.editor


def _requirement_card(ed):
    page = ed.go_page(0, focus=False)
    ed.complete_page(page)
    return next(c for c in page.cards if isinstance(c, RequirementCard))


def test_attaching_a_file_already_there_is_not_undone_away(window, qtbot, tmp_path):
    w = window
    ed = _editor(qtbot, w)
    card = _requirement_card(ed)
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF-1.4 plan")
    job = ed.attach(card, [str(plan)])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    steps = w.undo_stack.count()
    job = ed.attach(card, [str(plan)])  # the same file again: nothing changes, no step to undo
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    assert w.undo_stack.count() == steps
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl)  # undoes the first attachment only
    assert w.ws.list_evidence(ed.uuid, card.item_id) == []
    shortcut(qtbot, w, Qt.Key.Key_Z, Ctrl | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert [e.name for e in w.ws.list_evidence(ed.uuid, card.item_id)] == ["plan.pdf"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_bin_names_the_enterprise_the_file_and_the_item(qtbot, tmp_path, lang):
    w = open_window(qtbot, tmp_path / "ws.db", lang=lang)
    ed = _editor(qtbot, w)
    uuid, name = ed.uuid, ed.assessment.enterprise.name
    card = _requirement_card(ed)
    f = tmp_path / ("a-very-long-name-of-an-evidence-file-from-the-production-line-number-three-" * 2 + ".xlsx")
    f.write_bytes(b"data")
    job = ed.attach(card, [str(f)])
    qtbot.waitUntil(lambda: job.done, timeout=30_000)
    row = w.ws.list_evidence(uuid, card.item_id)[0]
    ed.remove_evidence(card, row)
    other = next(r for r in w.ws.list_assessments() if r.uuid != uuid)
    w.ws.delete_assessment(other.uuid)
    dlg = w.show_bin()
    texts = [[dlg.tree.topLevelItem(i).text(c) for c in range(4)] for i in range(dlg.tree.topLevelItemCount())]
    kinds = [t[0] for t in texts]
    ev = texts[kinds.index(tr("ui.bin.kind.evidence", lang))]
    assert ev[1] == name  # the enterprise by name, not its credit code
    assert f.name in ev[2] and card.item.text.get(lang)[:10] in ev[2]
    assessment = texts[kinds.index(tr("ui.bin.kind.assessment", lang))]
    assert assessment[2] == tr("ui.bin.assessment", lang, date=other.date, n=1)
    if lang == "en":
        assert assessment[2].endswith("1 revision")
    # a long file name never makes the list scroll sideways
    dlg.show()
    qtbot.waitExposed(dlg)
    assert not dlg.tree.horizontalScrollBar().isVisible()
    dlg.close()
