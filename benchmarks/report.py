"""Report export: the full zh report of an example assessment to PDF, in a cold process and warm (in a
process that has made one before), against a bare reportlab document with the same font (Noto Sans
SC, Regular + Bold, embedded), the same text volume (every text of the report's content: headings,
paragraphs, key-value and table cells, captions — as plain paragraphs, section by section) and the
same chart images (the app's three charts, as PNG files, drawn once beforehand).

Targets: ≤ 2× the baseline (cold and warm), ≤ 1.5 s warm.

    uv run python benchmarks/report.py [--tiny] [--example automotive]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common

APP_COLD = r"""
import json, sys, time
t0 = time.perf_counter()
from diag_app.cli import main
t1 = time.perf_counter()
status = main(["report", sys.argv[1], "--out", sys.argv[2], "--lang", "zh"])
t2 = time.perf_counter()
if status != 0:
    sys.exit(status)
print(json.dumps({"import": t1 - t0, "report_command": t2 - t1}))
"""

BASELINE = r"""
import json, sys, time
t0 = time.perf_counter()
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate
from xml.sax.saxutils import escape


def build(spec, out):
    if "Base" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Base", spec["regular"]))
        pdfmetrics.registerFont(TTFont("Base-Bold", spec["bold"]))
        pdfmetrics.registerFontFamily("Base", normal="Base", bold="Base-Bold", italic="Base", boldItalic="Base-Bold")
    body = ParagraphStyle("b", fontName="Base", fontSize=9.5, leading=14, wordWrap="CJK")
    head = ParagraphStyle("h", fontName="Base-Bold", fontSize=14, leading=20, wordWrap="CJK")
    story = []
    width = A4[0] - 40 * mm
    for sec in spec["sections"]:
        if sec["new_page"] and story:
            story.append(PageBreak())
        story.append(Paragraph(escape(sec["title"]), head))
        chunk = ""
        for t in sec["texts"] + [None]:
            if t is None or len(chunk) > 300:
                if chunk:
                    story.append(Paragraph(escape(chunk), body))
                chunk = ""
            if t is not None:
                chunk += t + " "
        for img in sec["images"]:
            w = width * img["frac"]
            story.append(Image(img["file"], width=w, height=w * img["h"] / img["w"]))
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=24 * mm, bottomMargin=22 * mm)
    doc.build(story)


if __name__ == "__main__":
    spec = json.loads(open(sys.argv[1], encoding="utf-8").read())
    t1 = time.perf_counter()
    build(spec, sys.argv[2])
    t2 = time.perf_counter()
    print(json.dumps({"import": t1 - t0, "build": t2 - t1}), flush=True)
    if len(sys.argv) > 3 and sys.argv[3] == "serve":  # warm: one more build per line read
        for _line in sys.stdin:
            t = time.perf_counter()
            build(spec, sys.argv[2])
            print(json.dumps({"build": time.perf_counter() - t}), flush=True)
"""


def _texts(obj: object) -> list[str]:
    """Every string inside a content block (dataclasses, tuples), in order."""
    import dataclasses

    if isinstance(obj, str):
        return [obj]
    if dataclasses.is_dataclass(obj):
        return [t for f in dataclasses.fields(obj) for t in _texts(getattr(obj, f.name))]
    if isinstance(obj, tuple | list):
        return [t for x in obj for t in _texts(x)]
    return []


def run_child(code_file: Path, args: list[str], env: dict[str, str]) -> tuple[float, dict]:
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, str(code_file), *args], env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-3000:])
    return wall, json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiny", action="store_true")
    ap.add_argument("--example", default="automotive")
    ap.add_argument("--cold", type=int, default=_common.size(7, 0), help="cold processes of each kind")
    ap.add_argument("--warm", type=int, default=_common.size(7, 0), help="warm repetitions of each kind")
    args = ap.parse_args()
    example = _common.ROOT / "examples" / f"{args.example}.json"
    tmp = Path(tempfile.mkdtemp(prefix="diag-bench-report-"))
    env = _common.child_env(tmp)

    from pypdf import PdfReader

    from diag_app.assessment_file import read_assessment_file
    from diag_app.model.diagnosis import diagnose
    from diag_app.report import charts
    from diag_app.report.content import build_report
    from diag_app.report.document import FigureRef
    from diag_app.report.fonts import font_files, register_matplotlib
    from diag_app.report.pdf import FIGURE_DPI, write_report

    # warm: the app (load + diagnose + write_report), after one report made in this process
    pack, a = read_assessment_file(example)
    app_pdf = tmp / "app.pdf"
    t = _common.Timer()
    write_report(pack, diagnose(pack, a), app_pdf, lang="zh")
    first_in_process_s = t()

    # the baseline's spec: every text of the report (headings, paragraphs, key-value and table
    # cells, captions) section by section, and the app's chart images in their sections
    register_matplotlib()
    result = diagnose(pack, a)
    report = build_report(pack, result, "zh", None)
    sections = []
    n_img = 0
    for s in report.sections:
        sec = {"title": f"{s.number} {s.title}", "new_page": bool(s.new_page), "texts": [], "images": []}
        for b in s.blocks:
            if isinstance(b, FigureRef):
                img = charts.raster(charts.CHARTS[b.chart](pack, result, "zh"), FIGURE_DPI)
                f = tmp / f"chart-{n_img}.png"
                img.save(f)
                sec["images"].append({"file": str(f), "w": img.size[0], "h": img.size[1], "frac": b.width})
                sec["texts"].append(b.caption)
                n_img += 1
            else:
                sec["texts"] += [t for t in _texts(b) if t.strip()]
        sections.append(sec)
    text_chars = sum(len(t) for sec in sections for t in [sec["title"], *sec["texts"]])
    # the app's PDF holds more text than the content (cover, contents, a header and footer on every
    # page): top the baseline up with the report's own texts to the PDF's character count (the
    # extraction takes seconds, so tiny runs skip it)
    pdf_chars = None
    if not _common.tiny():
        pdf_chars = sum(len(pg.extract_text() or "") for pg in PdfReader(str(app_pdf)).pages)
        pool = [t for sec in sections for t in sec["texts"] if len(t) > 4]
        extra: list[str] = []
        i = 0
        while pool and text_chars < pdf_chars:
            extra.append(pool[i % len(pool)])
            text_chars += len(extra[-1])
            i += 1
        if extra:
            sections.append({"title": "附", "new_page": True, "texts": extra, "images": []})
    regular, bold = font_files()
    spec_file = tmp / "spec.json"
    spec_file.write_text(
        json.dumps({"regular": str(regular), "bold": str(bold), "sections": sections}, ensure_ascii=False),
        "utf-8",
    )
    base_file = tmp / "baseline.py"
    base_file.write_text(BASELINE, "utf-8")
    app_file = tmp / "app_cold.py"
    app_file.write_text(APP_COLD, "utf-8")

    # cold: a fresh process each, interleaved so machine load hits both alike
    cold_app, cold_base, app_stages, base_stages = [], [], [], []
    for i in range(args.cold):
        wall, st = run_child(app_file, [str(example), str(tmp / f"cold-{i}.pdf")], env)
        cold_app.append(wall)
        app_stages.append(st)
        wall, st = run_child(base_file, [str(spec_file), str(tmp / f"base-{i}.pdf")], env)
        cold_base.append(wall)
        base_stages.append(st)

    # warm: the app in this process; the baseline in a process of its own, so that it runs stock
    # reportlab (the app's CJK line-break fix, installed into reportlab here, would speed it up).
    # Their builds alternate, so that a change in the machine's load hits both alike.
    base = subprocess.Popen(
        [sys.executable, str(base_file), str(spec_file), str(tmp / "base-warm.pdf"), "serve"],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert base.stdin is not None and base.stdout is not None
    first_base_s = json.loads(base.stdout.readline())["build"]
    warm_app, warm_write, warm_base = [], [], []
    for i in range(args.warm):
        t = _common.Timer()
        result = diagnose(pack, a)
        t_diag = t()
        write_report(pack, result, tmp / f"warm-{i}.pdf", lang="zh")
        warm_app.append(t())
        warm_write.append(t() - t_diag)
        base.stdin.write("\n")
        base.stdin.flush()
        warm_base.append(json.loads(base.stdout.readline())["build"])
    base.stdin.close()
    if base.wait() != 0:
        raise RuntimeError("the baseline process failed")

    if not warm_app:  # tiny: the first report made in each kind stands in
        warm_app, warm_write, warm_base = [first_in_process_s], [first_in_process_s], [first_base_s]
    if not cold_app:
        cold_app, cold_base = warm_app, warm_base
        app_stages = [dict.fromkeys(("import", "report_command"), 0.0)]
        base_stages = [dict.fromkeys(("import", "build"), 0.0)]
    base_pages = len(PdfReader(str(tmp / "base-warm.pdf")).pages)
    app_pages = len(PdfReader(str(app_pdf)).pages)
    cold_ratio = _common.median(cold_app) / _common.median(cold_base)
    warm_ratio = _common.median(warm_app) / _common.median(warm_base)
    warm_s = _common.median(warm_app)

    def med(stages: list[dict], key: str) -> float:
        return round(_common.median([s[key] for s in stages]), 3)

    _common.emit(
        "report",
        {
            "example": args.example,
            "pages": {"app": app_pages, "baseline": base_pages},
            "text_chars": {"baseline": text_chars, "app_pdf_extracted": pdf_chars},
            "images": n_img,
            "cold_s": {"app": round(_common.median(cold_app), 3), "baseline": round(_common.median(cold_base), 3)},
            "cold_ratio": round(cold_ratio, 2),
            "cold_app_stages_s": {k: med(app_stages, k) for k in ("import", "report_command")},
            "cold_baseline_stages_s": {k: med(base_stages, k) for k in ("import", "build")},
            "warm_s": {
                "app": round(warm_s, 3),
                "app_write_report_only": round(_common.median(warm_write), 3),
                "baseline": round(_common.median(warm_base), 3),
            },
            "warm_ratio": round(warm_ratio, 2),
            "first_report_in_process_s": round(first_in_process_s, 3),
            "runs": {"cold": args.cold, "warm": args.warm},
            "targets": {
                "cold_ratio": _common.target(cold_ratio, 2.0, "max", "x"),
                "warm_ratio": _common.target(warm_ratio, 2.0, "max", "x"),
                "warm_s": _common.target(warm_s, 1.5, "max", "s"),
            },
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
