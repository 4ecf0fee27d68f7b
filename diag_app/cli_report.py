"""CLI commands of the report: report (PDF), verify, export-xlsx (and CSV).

Exit status as everywhere in the CLI: 0 done, 1 a verify that found differences, 2 an invalid
input (with the message naming the field), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .i18n import tr

EXIT_OK, EXIT_DIFFERS, EXIT_INVALID = 0, 1, 2


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _load(args: argparse.Namespace, with_roadmap: bool = True) -> Any:
    """(pack, result) of the assessment file, or an exit status after printing the problems."""
    from .assessment_file import read_assessment_file
    from .describe import problem_text
    from .model.assessment import AssessmentInvalid
    from .model.diagnosis import diagnose

    try:
        pack, a = read_assessment_file(args.file)
        return pack, diagnose(pack, a, with_roadmap=with_roadmap)
    except AssessmentInvalid as e:
        _err(tr("cli.invalid", args.lang, file=args.file))
        for p in e.problems:
            _err(problem_text(p, args.lang))
        return EXIT_INVALID


def cmd_report(args: argparse.Namespace) -> int:
    from .report.chart_process import renderer
    from .report.fonts import FontMissing
    from .report.pdf import write_report

    renderer().start()  # the chart process imports matplotlib while the assessment is read
    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    pack, result = loaded
    out = Path(args.out) if args.out else Path(args.file).with_suffix(".pdf")
    try:
        info = write_report(pack, result, out, lang=args.lang)
    except FontMissing as e:
        _err(tr("report.cli.font_missing", args.lang, path=e.path))
        return EXIT_INVALID
    except OSError as e:
        _err(tr("report.cli.write_failed", args.lang, path=out, msg=e.strerror or str(e)))
        return EXIT_INVALID
    _out(tr("report.cli.written", args.lang, path=out, pages=info.pages))
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from .report.verify import verify_file

    v = verify_file(args.file, args.lang)
    if v.status == 0:
        _out(v.summary)
        return EXIT_OK
    _err(v.summary)
    for p in v.problems if v.status == 1 else ():
        _err(f"  - {p}")
    return EXIT_DIFFERS if v.status == 1 else EXIT_INVALID


def cmd_export_xlsx(args: argparse.Namespace) -> int:
    from .report.tables import write_csv, write_xlsx

    loaded = _load(args, with_roadmap=False)  # the exports list gaps and suggestions, not the roadmap
    if isinstance(loaded, int):
        return loaded
    pack, result = loaded
    suffix = ".csv" if args.csv else ".xlsx"
    out = Path(args.out) if args.out else Path(args.file).with_suffix(suffix)
    try:
        if args.csv:
            write_csv(pack, result, out, args.lang)
        else:
            write_xlsx(pack, result, out, args.lang)
    except OSError as e:
        _err(tr("report.cli.write_failed", args.lang, path=out, msg=e.strerror or str(e)))
        return EXIT_INVALID
    _out(tr("export.written", args.lang, path=out))
    return EXIT_OK


def register(sub: Any, lang_parent: argparse.ArgumentParser) -> None:
    sp = sub.add_parser("report", parents=[lang_parent], help="write the diagnosis report (PDF) of an assessment file")
    sp.add_argument("file")
    sp.add_argument("-o", "--out", help="output PDF (default: the input's name with .pdf)")
    sp.set_defaults(func=cmd_report)

    sp = sub.add_parser("verify", parents=[lang_parent], help="check that a report PDF is unaltered and consistent")
    sp.add_argument("file")
    sp.set_defaults(func=cmd_verify)

    sp = sub.add_parser(
        "export-xlsx", parents=[lang_parent], help="export answers, gaps and suggested actions as XLSX (or CSV)"
    )
    sp.add_argument("file")
    sp.add_argument("-o", "--out", help="output file (default: the input's name with .xlsx or .csv)")
    sp.add_argument("--csv", action="store_true", help="write CSV (UTF-8 with BOM, opens in Excel) instead of XLSX")
    sp.set_defaults(func=cmd_export_xlsx)
