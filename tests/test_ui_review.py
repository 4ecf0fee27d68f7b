"""The GUI for what a reviewer meets, as a user meets it: the PDF export's options (draft warning
and finalising first, appendix, evidence index, signing) with reports that `diag-app verify`
accepts, verifying a report from the menu, the scope and team of an assessment (saved, audited,
undone, refused when final), the import summary's copies and conflicts, and the sensitivity line
with the N/A warning in the result panel. Offscreen (conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from uihelpers import EXAMPLES, ROOT, click, open_window

from diag_app.cli import main
from diag_app.i18n import tr
from diag_app.model.assessment import Scope, TeamMember, credit_code_check_char
from diag_app.report import identity
from diag_app.report.content import draft_warning
from diag_app.ui.export_report import ExportReportDialog
from diag_app.ui.identity_dialog import SigningDialog
from diag_app.ui.result_panel import live_result
from diag_app.ui.signals import emit

PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def _private(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # no identity lands in the user's folder


def code_of(w, industry: str) -> str:
    return next(r.credit_code for r in w.ws.list_enterprises() if r.industry == industry)


def wait_job(qtbot, job) -> None:
    qtbot.waitUntil(lambda: job.done, timeout=60_000)
    assert job.error is None, job.error


def press(qtbot, box, text: str) -> None:
    click(qtbot, next(b for b in box.buttons() if b.text() == text))


# --- the PDF export's options -------------------------------------------------------------------


def test_export_dialog_warns_of_a_draft_offers_finalising_and_counts_the_evidence(qtbot, tmp_path):
    w = open_window(qtbot, tmp_path / "ws.db")
    w.open_latest(code_of(w, "automotive"))  # on-site, every item answered, still a draft
    ed = w.editor
    proof = tmp_path / "能源月报.pdf"
    proof.write_bytes(b"%PDF-1.4 evidence")
    w.ws.add_evidence(ed.uuid, "OS.1.01", proof)
    w.ws.add_evidence(ed.uuid, "OS.1.02", proof)
    dlg = w.exports.choose_report()
    assert isinstance(dlg, ExportReportDialog) and dlg.pdf_box.isVisible()
    result = live_result(ed.pack, w.ws.load_assessment(ed.uuid))
    assert dlg.draft.text() == draft_warning(result, "zh") and "草稿" in dlg.draft.text()
    assert dlg.finalise_btn.isVisible()  # only the status makes it a draft: finalising removes the mark
    assert dlg.appendix.isChecked()  # on-site: the answers are appended by default
    assert dlg.evidence.text() == tr("ui.pdf.evidence", "zh", n=2, items=2)
    assert not dlg.sign.isChecked() and dlg.sign_note.text() == tr("ui.pdf.unsigned", "zh")
    dlg.format.setCurrentIndex(dlg.format.findData("xlsx"))
    assert not dlg.pdf_box.isVisible() and dlg.choice().appendix is None
    dlg.format.setCurrentIndex(dlg.format.findData("pdf"))
    dlg.appendix.setChecked(False)
    assert dlg.choice().appendix is False and dlg.choice().signing is None

    # finalising first asks, as the editor does, then the warning is gone and the editor shows it
    click(qtbot, dlg.finalise_btn)
    box = dlg.dialog
    assert box is not None and box.objectName() == "finaliseBox"
    assert tr("ui.ed.finalise_q", "zh", name=ed.assessment.enterprise.name) == box.text()
    press(qtbot, box, tr("ui.ed.finalise", "zh"))
    assert w.ws.assessment_row(ed.uuid).status == "final" and w.editor.read_only
    assert dlg.draft.text() == tr("ui.pdf.not_draft", "zh") and not dlg.finalise_btn.isVisible()
    assert tr("ui.status.final", "zh") in dlg.which.currentText()
    dlg.reject()

    # a self-assessment with items left open: no appendix by default, and finalising would not help
    w.open_latest(code_of(w, "life-health"))
    item = next(r.id for r in w.editor_pack.requirements if w.editor.assessment.value(r.id) is not None)
    w.ws.set_answer(w.editor.uuid, item, None)
    w.editor.load()
    dlg = w.exports.choose_report()
    assert not dlg.appendix.isChecked() and not dlg.finalise_btn.isVisible()
    assert tr("ui.pdf.answer_first", "zh") in dlg.draft.text() and "1 项未作答" in dlg.draft.text()
    assert dlg.evidence.text() == tr("ui.pdf.no_evidence", "zh")
    dlg.reject()
    w.ws.finalise(w.editor.uuid)  # final, one item still open: the report stays a draft, reopening is the way
    dlg = w.exports.choose_report()
    assert tr("ui.pdf.reopen_first", "zh") in dlg.draft.text() and not dlg.finalise_btn.isVisible()
    dlg.reject()


def test_a_gui_export_signed_or_not_is_a_report_diag_app_verify_accepts(qtbot, tmp_path, capsys):
    from diag_app.report.verify import verify_file

    w = open_window(qtbot, tmp_path / "ws.db", lang="en")
    w.open_latest(code_of(w, "automotive"))
    uuid = w.editor.uuid
    proof = tmp_path / "energy-report-2025.pdf"
    proof.write_bytes(b"%PDF-1.4 evidence")
    row = w.ws.add_evidence(uuid, "OS.1.01", proof)
    ids = tmp_path / "ids"
    identity.create_installed("Zhang Wei", "Shanghai Consulting", PASS, ids)
    w.exports.identity_folder = ids

    # unsigned, without the appendix, through the dialog's choice
    dlg = w.exports.choose_report()
    dlg.appendix.setChecked(False)
    c = dlg.choice()
    dlg.reject()
    plain = tmp_path / "plain.pdf"
    wait_job(qtbot, w.exports.export_assessment(c.uuid, c.revision, plain, "zh", "pdf", appendix=c.appendix))
    assert main(["verify", str(plain)]) == 0
    v = verify_file(plain, "en")
    assert v.status == 0 and not v.signer
    assert v.claims["render"]["appendix"] is False and not v.claims["render"]["signed"]
    assert v.claims["render"]["evidence"] == {"OS.1.01": [{"name": proof.name, "sha256": row.sha256}]}

    # signed: ticking "Sign" opens trust's dialog; cancelling it leaves the export unsigned
    dlg = w.exports.choose_report()
    dlg.sign.setChecked(True)
    sd = dlg.dialog
    assert isinstance(sd, SigningDialog) and sd.isVisible() and sd.identities.count() == 1
    sd.reject()
    assert not dlg.sign.isChecked() and dlg.choice().signing is None
    dlg.sign.setChecked(True)
    sd = dlg.dialog
    sd.passphrase.setText(PASS)
    click(qtbot, sd.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))
    assert dlg.sign.isChecked() and dlg.signing is not None
    assert "Zhang Wei · Shanghai Consulting · self-signed" in dlg.sign_note.text()
    c = dlg.choice()
    dlg.reject()
    signed = tmp_path / "signed.pdf"
    job = w.exports.export_assessment(c.uuid, c.revision, signed, "en", "pdf", appendix=c.appendix, signing=c.signing)
    wait_job(qtbot, job)
    assert tr("ui.pdf.signed_done", "en", path=str(signed), who="Zhang Wei · Shanghai Consulting · self-signed") == (
        w.statusBar().currentMessage()
    )
    capsys.readouterr()
    assert main(["verify", str(signed), "--lang", "en"]) == 0
    assert "signed by “Zhang Wei”" in capsys.readouterr().out
    v = verify_file(signed, "en")
    assert v.status == 0 and v.signer == "Zhang Wei" and v.self_signed and v.claims["render"]["signed"]
    assert v.claims["render"]["appendix"] is True  # on-site: the default
    # and the app's own verify says who signed, marked self-signed
    from diag_app.ui.verify_dialog import verifier

    wait_job(qtbot, verifier(w).verify(signed))
    shown = w.dialog
    assert shown.objectName() == "verifyDialog" and shown.outcome.text() == "Verified"
    assert shown.signer.text() == tr("ui.verify.signer_self", "en", signer="Zhang Wei")
    shown.close()

    # a wrong passphrase never reaches the export: the signing dialog says so in place
    dlg = w.exports.choose_report()
    dlg.sign.setChecked(True)
    dlg.dialog.passphrase.setText("not it")
    dlg.dialog._accept()
    assert dlg.dialog.isVisible() and dlg.dialog.problem.text() and dlg.signing is None
    dlg.dialog.reject()
    dlg.reject()


# --- verify from the menu -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_pdf(tmp_path_factory):
    out = tmp_path_factory.mktemp("verify") / "report.pdf"
    assert main(["report", str(ROOT / "examples" / "electronics.json"), "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_verifying_a_report_from_the_menu_says_what_was_proved(qtbot, tmp_path, report_pdf, lang):
    from diag_app.ui.verify_dialog import VerifyDialog, verifier

    w = open_window(qtbot, tmp_path / "ws.db", lang=lang, examples=False)
    assert w.action("verify_report").isEnabled()
    assert w.action("verify_report").text() == tr("ui.menu.verify_report", lang)
    v = verifier(w)

    def check(path: Path) -> VerifyDialog:
        wait_job(qtbot, v.verify(path))
        dlg = w.dialog
        assert isinstance(dlg, VerifyDialog) and dlg.isVisible()
        return dlg

    dlg = check(report_pdf)
    assert dlg.outcome.text() == tr("ui.verify.status.0", lang) and v.last.status == 0
    assert dlg.summary.text() == v.last.summary and v.last.claims["report_id"] in dlg.summary.text()
    assert dlg.signer.text() == tr("ui.verify.unsigned", lang) and not dlg.problems.isVisible()
    dlg.close()

    # bytes appended after the app saved it: named as what differs
    changed = tmp_path / "changed.pdf"
    changed.write_bytes(report_pdf.read_bytes() + b"\n% appended\n")
    dlg = check(changed)
    assert v.last.status == 1 and dlg.outcome.text() == tr("ui.verify.status.1", lang)
    assert dlg.problems.isVisible() and dlg.problems.count() == len(v.last.problems) >= 1
    dlg.close()

    junk = tmp_path / "notes.pdf"
    junk.write_text("not a PDF at all", encoding="utf-8")
    dlg = check(junk)
    assert v.last.status == 2 and dlg.outcome.text() == tr("ui.verify.status.2", lang)
    assert "Traceback" not in dlg.summary.text() and junk.name in dlg.summary.text()
    dlg.close()


# --- scope and team -----------------------------------------------------------------------------


def test_scope_and_team_are_saved_audited_undone_and_refused_when_final(qtbot, tmp_path):
    from diag_app.ui.scope_dialog import ScopeDialog, edit_scope

    w = open_window(qtbot, tmp_path / "ws.db")
    assert edit_scope(w) is None  # nothing open, nothing selected
    assert w.statusBar().currentMessage() == tr("ui.scope.no_assessment", "zh")
    w.open_latest(code_of(w, "automotive"))
    uuid = w.editor.uuid
    w.action("edit_scope").trigger()
    dlg = w.dialog
    assert isinstance(dlg, ScopeDialog) and dlg.isVisible() and dlg.table.rowCount() == 0
    dlg.fields["site"].setText("上海市浦东新区 临港工厂")
    dlg.fields["lines"].setPlainText("总装线 2 条、电驱装配线 1 条")
    dlg.fields["interviewees"].setPlainText("生产总监、IT 经理")
    r = dlg.add_member()
    for c, text in enumerate(("王敏", "主评估师", "上海智造咨询")):
        dlg.table.item(r, c).setText(text)
    r = dlg.add_member()
    dlg.table.item(r, 1).setText("记录员")  # a role without a name: the store's rule
    click(qtbot, dlg.buttons.button(QDialogButtonBox.StandardButton.Save))
    box = dlg.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible() and box.text() == tr("error.assessment_invalid", "zh")
    assert "assessment.team" in box.informativeText() or "团队" in box.informativeText()
    box.close()
    assert dlg.isVisible() and w.ws.load_assessment(uuid).scope == Scope()  # nothing saved, the form stays
    dlg.table.item(r, 0).setText("李娜")
    click(qtbot, dlg.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert not dlg.isVisible()
    a = w.ws.load_assessment(uuid)
    assert a.scope == Scope(
        site="上海市浦东新区 临港工厂", lines="总装线 2 条、电驱装配线 1 条", interviewees="生产总监、IT 经理"
    )
    assert a.team == (TeamMember("王敏", "主评估师", "上海智造咨询"), TeamMember("李娜", "记录员", ""))
    assert w.editor.assessment.team == a.team
    assert {"scope", "team"} <= {x.action for x in w.ws.audit(uuid)}
    assert w.statusBar().currentMessage() == tr("ui.scope.saved", "zh")

    # one step back undoes both; redo brings them again
    assert w.undo_stack.undoText() == tr("ui.undo.scope", "zh")
    w.undo_stack.undo()
    a = w.ws.load_assessment(uuid)
    assert a.scope == Scope() and a.team == ()
    w.undo_stack.redo()
    assert len(w.ws.load_assessment(uuid).team) == 2

    # the form shows what is stored; on a final revision it is read-only and says why
    w.ws.finalise(uuid)
    w.editor.load()
    dlg = edit_scope(w)
    assert dlg.final and dlg.fields["site"].isReadOnly() and not dlg.add_btn.isEnabled()
    assert dlg.note.text() == tr("ui.scope.final", "zh") and dlg.table.rowCount() == 2
    dlg.reject()

    # from the list: the selected enterprise's latest assessment, not the one left open in the editor
    w.show_workspace()
    w.workspace_page.select_code(code_of(w, "electronics"))
    dlg = edit_scope(w)
    assert dlg.assessment.enterprise.industry == "electronics" and not dlg.final
    dlg.reject()


def test_saving_scope_on_a_revision_finalised_meanwhile_is_refused_the_usual_way(qtbot, tmp_path):
    from diag_app.error_text import error_text
    from diag_app.store import AssessmentFinal
    from diag_app.ui.scope_dialog import edit_scope

    w = open_window(qtbot, tmp_path / "ws.db", lang="en")
    w.open_latest(code_of(w, "electronics"))
    uuid = w.editor.uuid
    dlg = edit_scope(w)
    dlg.fields["period"].setText("2026-11-18 to 2026-11-20")
    w.ws.finalise(uuid)  # e.g. by a colleague's command line on the same workspace
    click(qtbot, dlg.buttons.button(QDialogButtonBox.StandardButton.Save))
    box = dlg.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible()
    title, _detail, _hint = error_text(AssessmentFinal(uuid, 1), "en")
    assert box.text() == title
    assert dlg.isVisible() and w.ws.load_assessment(uuid).scope.period == ""
    assert not w.undo_stack.canUndo()


# --- import summary ------------------------------------------------------------------------------


def test_the_import_summary_names_copies_and_conflicts(qtbot, tmp_path):
    from diag_app.ui.import_summary import ImportSummaryDialog

    w = open_window(qtbot, tmp_path / "ws.db", lang="en")
    # another client's file made from a copy of ours: same assessment id, another enterprise
    d = json.loads((ROOT / "examples" / "electronics.json").read_text("utf-8"))
    first = "91310115MA1K4CPYX"
    d["enterprise"]["credit_code"] = first + credit_code_check_char(first)
    d["enterprise"]["name"] = "上海复制样本电子有限公司"
    copy = tmp_path / "copied.json"
    copy.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    # our own assessment, the same revision, edited elsewhere: not imported
    d = json.loads((ROOT / "examples" / "automotive.json").read_text("utf-8"))
    d["answers"][0]["value"] = 0.5
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(d, ensure_ascii=False), "utf-8")
    # an assessment in the recycle bin: importing its file brings it back
    binned = next(r for r in w.ws.list_assessments() if r.industry == "high-end-equipment")
    w.ws.delete_assessment(binned.uuid)
    back = ROOT / "examples" / "high-end-equipment.json"
    job = w.exports.import_files([copy, edited, EXAMPLES[0], back])
    qtbot.waitUntil(lambda: job.done and isinstance(w.dialog, ImportSummaryDialog), timeout=30_000)
    s = w.exports.last_summary
    assert len(s.added) == 1 and s.added[0].copy_of and len(s.conflicts) == 1
    box = w.dialog
    assert tr("ui.import.more", "en", copies=1, conflicts=1) in box.headline.text()
    assert tr("ui.import.summary", "en", added=1, new_revisions=0, skipped=1, rejected=0) in box.headline.text()
    assert tr("ui.import.restored_line", "en", n=1) in box.headline.text()
    assert box.lines("restored") == [
        (binned.enterprise_name, tr("ui.import.item", "en", revision=1, mode="On-site assessment", file=back.name))
    ]
    assert [r.uuid for r in w.ws.list_assessments() if r.uuid == binned.uuid] == [binned.uuid]
    (copied,) = box.lines("copies")
    electronics = next(r for r in w.ws.list_enterprises() if r.industry == "electronics" and r.name != copied[0])
    assert copied[0] == "上海复制样本电子有限公司" and electronics.name in copied[1] and "copied.json" in copied[1]
    assert box.groups["copies"].text(0) == tr("ui.import.copies", "en", n=1)
    (conflict,) = box.lines("conflicts")
    assert "edited.json" in conflict[1] and box.groups["conflicts"].text(0) == tr("ui.import.conflicts", "en", n=1)
    assert box.lines("added") == [] and len(box.lines("skipped")) == 1  # the conflict is not listed twice
    box.accept()


# --- the result panel ----------------------------------------------------------------------------


def test_the_result_panel_says_how_far_the_level_is_from_changing(qtbot, tmp_path):
    from diag_app.describe_margins import sensitivity_text
    from diag_app.model.scoring import score
    from diag_app.model.sensitivity import sensitivity

    w = open_window(qtbot, tmp_path / "ws.db")
    w.open_latest(code_of(w, "life-health"))
    panel = w.result_panel
    m = panel.margins
    pack, a = w.editor_pack, w.editor.assessment
    s = score(pack, a)
    sens = sensitivity(pack, a, s)
    assert m.up.isVisible() and m.up.text() == "↑ " + sensitivity_text(pack, sens.up, s.s, "zh")
    assert "即可使第 3 级达标" in m.up.text()
    assert not m.down.isVisible()  # 25 drops would lose level 1: not fragile, not shown
    assert not m.moves.isVisible() and m.toggle.text() == tr("ui.res.sens_moves", "zh")
    click(qtbot, m.toggle)
    assert m.moves.isVisible() and m.toggle.text() == tr("ui.res.sens_hide", "zh")
    lines = m.moves.text().split("<br>")
    assert len(lines) == 1 + len(sens.up.moves) and "不满足 → 大部分满足" in lines[1]
    assert m.move_items == [mv.item for mv in sens.up.moves]
    assert not m.na.isVisible()
    # each move is a link to its card
    target = sens.up.moves[-1].item
    emit(m.moves.linkActivated, f"item:{target}")  # what clicking the link sends
    assert w.editor.current_card is not None and w.editor.current_card.item_id == target

    # answering the three items as the line says lifts the level; the line then names the next one
    for mv in sens.up.moves:
        w.ws.set_answer(w.editor.uuid, mv.item, mv.after)
    panel.show_assessment(pack, w.ws.load_assessment(w.editor.uuid), now=True)
    assert panel.result.scores.level == 3 and "第 4 级" in m.up.text()


def test_the_na_warning_shows_when_too_much_is_set_aside(qtbot, tmp_path):
    from diag_app.model.applicability import not_applicable

    w = open_window(qtbot, tmp_path / "ws.db", lang="en")
    w.open_latest(code_of(w, "automotive"))
    pack, uuid = w.editor_pack, w.editor.uuid
    for sd in [sd for sd, sub in pack.subdomains.items() if sub.na_allowed]:
        w.ws.set_na_subdomain(uuid, sd, "no such activity on this site")
    a = w.ws.load_assessment(uuid)
    na = not_applicable(pack, a)
    assert na.warn  # the pack's three N/A-able sub-domains are more than 10 % of the items
    w.result_panel.show_assessment(pack, a, now=True)
    m = w.result_panel.margins
    assert m.na.isVisible() and m.na.text().startswith("Note:") and f"{na.share * 100:.0f} %" in m.na.text()
