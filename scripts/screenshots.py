"""Drive the real desktop app on example data and save its main screens, in Chinese and English,
to docs/screenshots/*.png.

    uv run python scripts/screenshots.py [--out DIR]

Runs offscreen (no display needed). The example assessments in examples/*.json are imported into
a temporary workspace through the store, exactly as a user's import would; one more assessment is
left half answered to show a provisional result. Look at every picture afterwards: a box instead
of a Chinese character is a bug.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_API", "pyside6")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SIZE = (1280, 720)  # the smallest laptop screen the layouts must fit (issue 18)


def wait(until: Callable[[], bool], timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not until():
        if time.monotonic() > end:
            raise TimeoutError("the app did not get there in time")
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def settle(seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(pixmap: QPixmap, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    pixmap.save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window with a dialog drawn over its centre, as the user sees it."""
    shot = window.grab()
    d = dialog.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), Qt.GlobalColor.transparent)
    painter.setOpacity(0.25)
    painter.fillRect(shot.rect(), Qt.GlobalColor.black)
    painter.setOpacity(1.0)
    painter.drawPixmap(QPoint((shot.width() - d.width()) // 2, (shot.height() - d.height()) // 3), d)
    painter.end()
    return shot


def prepare(db: Path) -> tuple[str, str]:
    """Import the examples; add a half-answered assessment. Returns (complete code, draft uuid)."""
    from diag_app.packs import default_pack
    from diag_app.store import Workspace

    ws = Workspace.open(db)
    files = sorted((ROOT / "examples").glob("*.json"))
    summary = ws.import_files(files)
    for file, why in summary.rejected:
        print(f"example {file} rejected: {why}", file=sys.stderr)
    rows = ws.list_enterprises()
    complete = next((r.credit_code for r in rows if r.industry == "automotive"), rows[0].credit_code)
    # a second assessment of another enterprise, a third answered: its result is provisional
    pack = default_pack()
    other = next(r for r in rows if r.credit_code != complete and r.industry in ("electronics", "high-end-equipment"))
    e = ws.get_enterprise(other.credit_code)
    assert e is not None
    uuid = ws.create_assessment(e, pack.id, pack.version, mode="self", assessor="陈工", date="2026-11-27")
    path = e.path or pack.industries[e.industry].path
    reqs = [r for r in pack.requirements_for(e.industry, path) if r.level <= 3]
    for i, r in enumerate(reqs[: len(reqs) * 2 // 3]):
        ws.set_answer(uuid, r.id, (1.0, 0.8, 1.0, 0.5)[i % 4])
    ws.close()
    return complete, uuid


def shoot(lang: str, db: Path, out: Path, complete: str, draft: str) -> None:
    from diag_app.model.assessment import make_credit_code
    from diag_app.ui.main_window import MainWindow

    w = MainWindow(lang=lang, db_path=db)
    w.resize(*SIZE)
    w.show()
    w.start()
    wait(lambda: w.ws is not None and w.charts is not None and w.listing is None)
    page = w.workspace_page
    assert page is not None
    page.select_code(complete)
    settle()
    save(w.grab(), out, f"{lang}-workspace")

    # the new-enterprise dialog refusing a mistyped credit code, beside the field
    dlg = w.new_enterprise()
    assert dlg is not None
    dlg.name.setText("上海浦江精密机械有限公司" if lang == "zh" else "Shanghai Pujiang Precision Machinery Co., Ltd.")
    good = make_credit_code("91310117MA1H2P3Q4")
    dlg.credit_code.setText(good[:17] + ("1" if good[17] != "1" else "2"))
    dlg.industry.setCurrentIndex(dlg.industry.findData("high-end-equipment"))
    dlg.district.setText("松江区" if lang == "zh" else "Songjiang")
    dlg.employees.setText("0")
    dlg.show_problems(all_fields=True)
    settle()
    save(with_dialog(w, dlg), out, f"{lang}-enterprise-dialog")
    dlg.reject()

    # the editor and the result panel on a complete assessment
    w.open_latest(complete)
    wait(lambda: w.editor is not None and bool(w.result_panel.chart_widgets()))
    ed = w.editor
    assert ed is not None
    ed.focus_card(ed.visible_cards()[1])
    settle(0.6)
    save(w.grab(), out, f"{lang}-assessment")
    w.result_panel.verticalScrollBar().setValue(w.result_panel.verticalScrollBar().maximum())
    settle()
    save(w.grab(), out, f"{lang}-assessment-charts")

    # the indicators page, one value refused at its field
    ed.go_page(next(i for i, p in enumerate(ed.pages) if p.key == "indicators"))
    ed.complete_page(ed.built[ed.current_page])
    card = ed.visible_cards()[1]
    from diag_app.ui.cards import IndicatorCard

    if isinstance(card, IndicatorCard):
        card.field.setText("120")
        card.show_problem(card.parse()[1])
        ed.focus_card(card)
    settle()
    save(w.grab(), out, f"{lang}-indicators")
    w.editor.load()  # forget the refused value

    ed.go_page(next(i for i, p in enumerate(ed.pages) if p.key == "scenarios"))
    settle()
    save(w.grab(), out, f"{lang}-scenarios")

    # a draft two-thirds answered: provisional result, unanswered items marked
    w.open_assessment(draft)
    wait(lambda: w.editor is not None and bool(w.result_panel.chart_widgets()))
    ed = w.editor
    assert ed is not None
    ed.next_unanswered()
    settle(0.6)
    save(w.grab(), out, f"{lang}-draft-provisional")

    about = w.show_about()
    settle()
    save(with_dialog(w, about), out, f"{lang}-about")
    about.close()

    shoot_part2(w, lang, out, draft)
    shoot_daily(w, lang, out, draft)
    w.close()


def shoot_part2(w: Any, lang: str, out: Path, draft: str) -> None:
    """Renewal and what-if, history, portfolio, exports, import summary and the user guide."""
    codes = {r.industry: r.credit_code for r in w.ws.list_enterprises()}

    # what-if on an enterprise below the first tier: tick the roadmap's items, watch the tier rise
    w.open_latest(codes["life-health"])
    wait(lambda: w.editor is not None)
    page = w.show_whatif()
    wait(lambda: page.roadmap is not None)
    page.plan_roadmap()
    settle(0.6)
    save(w.grab(), out, f"{lang}-whatif")

    # history of the enterprise with the half-answered draft beside its earlier assessment
    code = w.ws.assessment_row(draft).credit_code
    hist = w.show_history(code)
    wait(lambda: hist.comparison is not None and hist.chart.ready())
    settle(0.6)
    save(w.grab(), out, f"{lang}-history")

    pf = w.show_portfolio()
    wait(lambda: pf.data is not None and pf.chart.ready())
    settle(0.6)
    save(w.grab(), out, f"{lang}-portfolio")

    # the export dialog over the assessment page
    w.open_latest(codes["automotive"])
    wait(lambda: w.editor is not None)
    dlg = w.exports.choose_report()
    settle()
    save(with_dialog(w, dlg), out, f"{lang}-export-dialog")
    dlg.reject()

    # importing a bundle whose assessments are already here, and a damaged file: the summary
    with tempfile.TemporaryDirectory() as tmp:
        bad = Path(tmp) / "damaged.sfd"
        bad.write_bytes(b"PK\x03\x04 damaged in transit")
        sent = Path(tmp) / "from-a-colleague.sfd"
        w.ws.export_bundle(sent, [r.uuid for r in w.ws.list_assessments()][:3])
        job = w.exports.import_files([sent, bad])
        wait(lambda: job.done and w.dialog is not None and w.dialog.objectName() == "importSummaryDialog")
        summary = w.dialog
        settle()
        save(with_dialog(w, summary), out, f"{lang}-import-summary")
        summary.close()

    w.show_workspace()
    guide = w.show_help()
    settle(0.6)
    save(with_dialog(w, guide), out, f"{lang}-help")
    guide.close()


def shoot_daily(w: Any, lang: str, out: Path, draft: str) -> None:
    """Daily use: finalising asks first, guided mode, evidence on a card, existing systems, scope
    and team, the recycle bin, a verified report, and the welcome panel of a fresh workspace."""
    from diag_app.cli import main as cli

    w.open_assessment(draft)
    wait(lambda: w.editor is not None and w.editor.uuid == draft)
    ed = w.editor
    ed.btn_final.click()
    wait(lambda: w.dialog is not None and w.dialog.objectName() == "finaliseBox")
    box = w.dialog
    settle()
    save(with_dialog(w, box), out, f"{lang}-finalise-confirm")
    box.reject()
    settle()

    ed.btn_guided.click()
    wait(lambda: ed.guide.page is not None)
    settle(0.6)
    save(w.grab(), out, f"{lang}-guided")
    ed.btn_guided.click()
    settle()

    # evidence on a card: open, replace, remove
    with tempfile.TemporaryDirectory() as tmp:
        card = next(c for c in ed.visible_cards() if hasattr(c, "evidence"))
        files = []
        for name in ("设备台账-2026.xlsx", "MES上线验收报告.pdf"):
            f = Path(tmp) / name
            f.write_bytes(name.encode("utf-8") * 50)
            files.append(str(f))
        job = ed.attach(card, files)
        wait(lambda: job.done)
        ed.focus_card(card)
        settle(0.6)
        save(w.grab(), out, f"{lang}-evidence")

    profile = next(i for i, p in enumerate(ed.pages) if p.key == "profile")
    ed.go_page(profile)
    settle(0.6)
    save(w.grab(), out, f"{lang}-existing-systems")

    w.show_workspace()
    from diag_app.ui.scope_dialog import edit_scope

    dlg = edit_scope(w)
    if dlg is not None:
        settle()
        save(with_dialog(w, dlg), out, f"{lang}-scope-team")
        dlg.reject()

    # something in the recycle bin
    code = next(r.credit_code for r in w.ws.list_enterprises() if r.industry == "fashion-consumer")
    row = w.ws.delete_enterprise(code, who="screenshots")
    w.refresh_enterprises()
    w.action("recycle_bin").trigger()
    wait(lambda: w.dialog is not None and w.dialog.objectName() == "recycleDialog")
    dlg = w.dialog
    settle()
    save(with_dialog(w, dlg), out, f"{lang}-recycle-bin")
    dlg.close()
    w.ws.restore(row.kind, row.key)
    w.refresh_enterprises()

    # a report checked from the File menu
    from diag_app.ui.verify_dialog import verifier

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        cli(["report", str(ROOT / "examples" / "electronics.json"), "-o", str(pdf), "--lang", lang])
        v = verifier(w)
        job = v.verify(pdf)
        wait(lambda: job.done and w.dialog is not None and w.dialog.objectName() == "verifyDialog")
        dlg = w.dialog
        settle()
        save(with_dialog(w, dlg), out, f"{lang}-verify")
        dlg.close()


def shoot_welcome(lang: str, db: Path, out: Path) -> None:
    from diag_app.ui.main_window import MainWindow

    w = MainWindow(lang=lang, db_path=db)
    w.resize(*SIZE)
    w.show()
    w.start()
    wait(lambda: w.ws is not None and w.workspace_page is not None and w.listing is None)
    save(w.grab(), out, f"{lang}-welcome")
    w.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--lang", choices=("zh", "en"), action="append")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, tmp)
        from diag_app.ui.app import create_app

        app = create_app([])
        db = Path(tmp) / "workspace.db"
        complete, draft = prepare(db)
        for lang in args.lang or ["zh", "en"]:
            shoot(lang, db, out, complete, draft)
            shoot_welcome(lang, Path(tmp) / f"empty-{lang}.db", out)
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
