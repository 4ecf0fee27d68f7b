"""Command line of 智能工厂自诊断; with no command it opens the desktop app.

Every invalid input ends with exit status 2 and a message naming the field, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import app_version
from .i18n import tr

EXIT_OK, EXIT_DIFFERS, EXIT_INVALID = 0, 1, 2


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def _problems(file: str, problems: Sequence[Any], lang: str) -> int:
    from .describe import problem_text

    _err(tr("cli.invalid", lang, file=file))
    for p in problems:
        _err(problem_text(p, lang))
    return EXIT_INVALID


def _pack_problems(folder: str | Path, problems: Sequence[Any], lang: str) -> int:
    """A broken pack: the heading, then every problem in ``lang`` (naming file, item and field)."""
    from .describe import pack_problem_text

    _err(tr("cli.pack_invalid", lang, dir=folder, n=len(problems)))
    for p in problems:
        _err(pack_problem_text(p, lang))
    return EXIT_INVALID


def cmd_check_pack(args: argparse.Namespace) -> int:
    from .packs import PackError, load_pack
    from .resources import packs_dir

    dirs = [Path(args.dir)] if args.dir else sorted(p.parent for p in packs_dir().glob("*/pack.yaml"))
    status = EXIT_OK
    for d in dirs:
        try:
            pack = load_pack(d)
        except PackError as e:
            status = _pack_problems(d, e.problems, args.lang)
            continue
        _out(
            tr(
                "cli.pack_ok",
                args.lang,
                id=pack.id,
                version=pack.version,
                requirements=len(pack.requirements),
                indicators=len(pack.indicators),
                conditions=sum(1 for c in pack.conditions if c.scope == "basic"),
                scenarios=len(pack.scenarios),
                industries=len(pack.industries),
            )
        )
    return status


def cmd_pack_overview(args: argparse.Namespace) -> int:
    from .packs import PackError, default_pack, load_pack
    from .report.overview import overview_markdown

    try:
        pack = load_pack(args.dir) if args.dir else default_pack()
    except PackError as e:
        return _pack_problems(args.dir or "", e.problems, args.lang)
    text = overview_markdown(pack)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from .assessment_file import template_data
    from .packs import default_pack

    pack = default_pack()
    if args.industry not in pack.industries:
        _err(tr("cli.industry", args.lang, value=args.industry, allowed=", ".join(pack.industries)))
        return EXIT_INVALID
    data = template_data(pack, args.industry, args.lang)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.out:
        from .atomic import write_bytes_atomic

        write_bytes_atomic(args.out, (text + "\n").encode("utf-8"))  # never half a file on a full disk
    else:
        _out(text)
    return EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    from .assessment_file import read_assessment_file
    from .describe import result_json, summary_text
    from .model.assessment import AssessmentInvalid
    from .model.diagnosis import diagnose

    try:
        pack, a = read_assessment_file(args.file)
        result = diagnose(pack, a)
    except AssessmentInvalid as e:
        return _problems(args.file, e.problems, args.lang)
    if args.json:
        _out(json.dumps(result_json(pack, result, args.lang), ensure_ascii=False, indent=2))
    else:
        _out(summary_text(pack, result, args.lang))
    return EXIT_OK


def _amount(raw: str | None, option: str, lang: str, fraction: bool = False) -> float | None:
    if raw is None:
        return None
    try:
        v = float(raw.replace(",", "").replace("_", ""))
    except ValueError:
        raise _ArgError(
            tr("support.bad_number", lang, option=option, value=raw, why="not a number" if lang == "en" else "不是数字")
        ) from None
    if v != v or v < 0 or v == float("inf"):
        raise _ArgError(
            tr(
                "support.bad_number",
                lang,
                option=option,
                value=raw,
                why="must be zero or more" if lang == "en" else "不能为负数",
            )
        )
    if fraction and v > 1:
        raise _ArgError(
            tr(
                "support.bad_number",
                lang,
                option=option,
                value=raw,
                why="give the rate as a fraction, e.g. 0.045" if lang == "en" else "利率请写成小数，例如 0.045",
            )
        )
    return v


class _VersionAction(argparse.Action):
    """--version without reading the package metadata on every start (it costs ~0.1 s)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        _out(f"diag-app {app_version()}")
        parser.exit()


class _ArgError(Exception):
    pass


def cmd_support(args: argparse.Namespace) -> int:
    from .describe import estimate_json
    from .model.support import SupportArgumentError, estimate
    from .money import fmt_cny
    from .packs import default_pack

    pack = default_pack()
    lang = args.lang
    m = pack.measures.get(args.measure)
    if m is None:
        _err(tr("support.unknown_measure", lang, value=args.measure, allowed=", ".join(pack.measures)))
        return EXIT_INVALID
    try:
        investment = _amount(args.investment, "--investment", lang)
        loan = _amount(args.loan, "--loan", lang)
        rate = _amount(args.rate, "--rate", lang, fraction=True)
        contract = _amount(args.contract, "--contract", lang)
        confirmed = tuple(args.confirm or ())
        unknown = [q for q in confirmed if pack.qualifications and q not in pack.qualifications]
        if unknown:
            allowed = ", ".join(pack.qualifications)
            raise _ArgError(tr("plan.confirmed_unknown", lang, value=unknown[0], allowed=allowed))
        e = estimate(m, investment or 0.0, loan, rate, contract, confirmed)
    except _ArgError as err:
        _err(str(err))
        return EXIT_INVALID
    except SupportArgumentError as err:
        key = "support.needs_loan_rate" if err.missing == "loan-rate" else "support.needs_contract"
        _err(tr(key, lang, measure=m.id))
        return EXIT_INVALID
    data = estimate_json(pack, e, lang)
    if args.json:
        _out(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        state = tr("support.eligible" if e.eligible else "support.not_eligible", lang)
        _out(tr("support.line", lang, measure=m.name.get(lang), state=state, amount=fmt_cny(e.amount_cny, lang)))
        _out("  " + data["basis"])
        _out("  " + tr("support.disclaimer", lang))
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from .ui.app import run

    # --lang given: that language; else the one chosen last in the GUI
    return run(db_path=getattr(args, "db", None), lang=args.lang if getattr(args, "lang_given", True) else None)


def build_parser() -> argparse.ArgumentParser:
    def lang_option(default: Any) -> argparse.ArgumentParser:
        parent = argparse.ArgumentParser(add_help=False)
        parent.add_argument("--lang", choices=("zh", "en"), default=default, help="language of messages / 语言")
        return parent

    # Before or after the command: a command's own --lang sets nothing unless given, so that
    # "diag-app --lang en check-pack" is English too.
    lang_parent = lang_option(argparse.SUPPRESS)
    p = argparse.ArgumentParser(
        prog="diag-app", description="智能工厂自诊断 — smart-factory self-diagnosis", parents=[lang_option("zh")]
    )
    p.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    p.add_argument("--db", help="workspace database file (GUI)")
    sub = p.add_subparsers(dest="command")

    sp = sub.add_parser("check-pack", parents=[lang_parent], help="validate questionnaire packs")
    sp.add_argument("dir", nargs="?")
    sp.set_defaults(func=cmd_check_pack)

    sp = sub.add_parser("pack-overview", parents=[lang_parent], help="write the questionnaire overview (Markdown)")
    sp.add_argument("dir", nargs="?")
    sp.add_argument("-o", "--out")
    sp.set_defaults(func=cmd_pack_overview)

    sp = sub.add_parser("template", parents=[lang_parent], help="print a blank assessment for an industry")
    sp.add_argument("--industry", required=True)
    sp.add_argument("-o", "--out")
    sp.set_defaults(func=cmd_template)

    sp = sub.add_parser("score", parents=[lang_parent], help="score an assessment file")
    sp.add_argument("file")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_score)

    sp = sub.add_parser("support", parents=[lang_parent], help="estimate policy support for one measure")
    sp.add_argument("measure")
    sp.add_argument("--investment", required=True, help="total project investment, CNY")
    sp.add_argument("--loan", help="loan principal, CNY")
    sp.add_argument("--rate", help="annual interest rate as a fraction, e.g. 0.045")
    sp.add_argument("--contract", help="contract or lease-contract equipment amount, CNY")
    sp.add_argument(
        "--confirm",
        action="append",
        metavar="QUALIFICATION",
        help="a qualifying condition the measure needs that the enterprise confirms (repeatable), "
        "e.g. first-of-kind-certified; without it the measure is only 'possible if …'",
    )
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_support)

    _extra_commands(sub, lang_parent)
    return p


def _extra_commands(sub: Any, lang_parent: argparse.ArgumentParser) -> None:
    """Commands of the storage and report modules register here."""
    from . import cli_report, cli_store

    cli_store.register(sub, lang_parent)
    cli_report.register(sub, lang_parent)


def _no_collection_at_exit() -> None:
    """Leave what a command made to the operating system when the interpreter ends.

    At exit Python clears every module and runs its cycle collector over everything still alive:
    after a report (the pack, the result, reportlab's and pydantic's objects) ~0.15 s of the
    command's time, for memory the operating system frees anyway. Frozen objects are skipped by the
    collector; files are closed and flushed by then (every file the app writes is written whole and
    closed before the command returns), and ``atexit`` handlers registered later still run first.
    """
    import atexit
    import gc

    atexit.unregister(gc.freeze)  # once, however often main() runs in one process (tests)
    atexit.register(gc.freeze)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        given = sys.argv[1:] if argv is None else argv
        args.lang_given = any(a == "--lang" or a.startswith("--lang=") for a in given)
        return cmd_gui(args)
    _no_collection_at_exit()
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return EXIT_OK
    except Exception as e:  # ours or the operating system's (disk full, read-only): words, exit 2
        from .error_text import error_message, is_expected

        if not is_expected(e):
            raise  # a bug: its traceback is what support needs
        _err(error_message(e, args.lang))
        return EXIT_INVALID


if __name__ == "__main__":
    sys.exit(main())
