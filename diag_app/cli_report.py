"""CLI commands of the report: report (PDF), verify, export-xlsx (and CSV).

Exit status as everywhere in the CLI: 0 done, 1 a verify that found differences, 2 an invalid
input (with the message naming the field), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .errors import os_reason_msg
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
        if args.sign:
            return _report_signed(args, pack, result, out)
        info = write_report(pack, result, out, lang=args.lang, meta=_meta(args))
    except FontMissing as e:
        _err(tr("report.cli.font_missing", args.lang, path=e.path))
        return EXIT_INVALID
    except OSError as e:
        _err(tr("report.cli.write_failed", args.lang, path=out, msg=os_reason_msg(e)))
        return EXIT_INVALID
    _out(tr("report.cli.written", args.lang, path=out, pages=info.pages))
    _out(tr("sign.cli.unsigned", args.lang))
    return EXIT_OK


def _meta(args: argparse.Namespace) -> dict[str, Any]:
    """The rendering options the command line sets (the rest take the report's defaults)."""
    return {} if args.appendix is None else {"appendix": args.appendix}


def _passphrase(args: argparse.Namespace, confirm: bool = False) -> str | None:
    """From --passphrase-file (its first line), else $DIAG_APP_PASSPHRASE, else asked on the
    terminal; None (after a message) when none can be had."""
    import os

    if args.passphrase_file:
        try:
            with open(args.passphrase_file, encoding="utf-8") as f:
                return f.readline(4096).rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as e:
            msg = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            _err(tr("sign.cli.passphrase_file", args.lang, path=args.passphrase_file, msg=msg))
            return None
    env = os.environ.get("DIAG_APP_PASSPHRASE")
    if env is not None:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        _err(tr("sign.cli.no_passphrase", args.lang))
        return None
    import getpass

    first = getpass.getpass(tr("sign.cli.prompt", args.lang))
    if confirm and getpass.getpass(tr("sign.cli.prompt_again", args.lang)) != first:
        _err(tr("sign.cli.mismatch", args.lang))
        return None
    return first


def _report_signed(args: argparse.Namespace, pack: Any, result: Any, out: Path) -> int:
    from .error_text import error_message
    from .errors import AppError
    from .report import signing

    passphrase = _passphrase(args)
    if passphrase is None:
        return EXIT_INVALID
    try:
        info, signed = signing.export_signed(pack, result, out, args.sign, passphrase, args.lang, _meta(args))
    except AppError as e:
        _err(error_message(e, args.lang))
        return EXIT_INVALID
    _out(tr("report.cli.written", args.lang, path=out, pages=info.pages))
    mark = tr("identity.cli.self_signed_note", args.lang) if signed.signer.self_signed else ""
    _out(tr("sign.cli.signed", args.lang, name=signed.signer.name, self_signed=mark, path=out))
    return EXIT_OK


def cmd_identity_create(args: argparse.Namespace) -> int:
    from .error_text import error_message
    from .errors import AppError
    from .report import identity

    passphrase = _passphrase(args, confirm=True)
    if passphrase is None:
        return EXIT_INVALID
    out = Path(args.out) if args.out else identity.identities_dir()
    try:
        if args.out:
            ident = identity.create(args.name, args.org, passphrase, out, email=args.email or "")
        else:
            ident = identity.create_installed(args.name, args.org, passphrase)
            out = ident.path or out
    except AppError as e:
        _err(error_message(e, args.lang))
        return EXIT_INVALID
    except OSError as e:
        _err(tr("report.cli.write_failed", args.lang, path=out, msg=os_reason_msg(e)))
        return EXIT_INVALID
    org = ident.organisation or "—"
    until = ident.not_after.date().isoformat()
    _out(tr("identity.cli.created", args.lang, name=ident.name, org=org, path=out, until=until))
    return EXIT_OK


def cmd_identity_show(args: argparse.Namespace) -> int:
    from .error_text import error_message
    from .errors import AppError
    from .report import identity

    passphrase = _passphrase(args)
    if passphrase is None:
        return EXIT_INVALID
    try:
        ident = identity.inspect(args.file, passphrase)
    except AppError as e:
        _err(error_message(e, args.lang))
        return EXIT_INVALID
    _out(
        tr(
            "identity.cli.show",
            args.lang,
            name=ident.name,
            org=ident.organisation or "—",
            issuer=ident.issuer,
            self_signed=tr("identity.cli.self_signed_note", args.lang) if ident.self_signed else "",
            start=ident.not_before.date().isoformat(),
            end=ident.not_after.date().isoformat(),
            fp=ident.fingerprint,
        )
    )
    return EXIT_OK


def cmd_identity_import(args: argparse.Namespace) -> int:
    from .error_text import error_message
    from .errors import AppError
    from .report import identity

    passphrase = _passphrase(args)
    if passphrase is None:
        return EXIT_INVALID
    try:
        ident = identity.install(args.file, passphrase)
    except AppError as e:
        _err(error_message(e, args.lang))
        return EXIT_INVALID
    except OSError as e:
        _err(tr("report.cli.write_failed", args.lang, path=identity.identities_dir(), msg=os_reason_msg(e)))
        return EXIT_INVALID
    _out(tr("identity.cli.imported", args.lang, name=ident.name, path=ident.path))
    return EXIT_OK


def cmd_identity_list(args: argparse.Namespace) -> int:
    from .report import identity

    for ident in identity.installed():
        mark = tr("identity.cli.self_signed_note", args.lang) if ident.self_signed else ""
        org = f" · {ident.organisation}" if ident.organisation else ""
        _out(f"{ident.path}\t{ident.name}{org}{mark}\t{ident.not_after.date().isoformat()}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    from .report.chart_process import renderer
    from .report.verify import verify_file

    renderer().start()  # verify renders the report again; its charts are drawn there
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
        _err(tr("report.cli.write_failed", args.lang, path=out, msg=os_reason_msg(e)))
        return EXIT_INVALID
    _out(tr("export.written", args.lang, path=out))
    return EXIT_OK


def register(sub: Any, lang_parent: argparse.ArgumentParser) -> None:
    sp = sub.add_parser("report", parents=[lang_parent], help="write the diagnosis report (PDF) of an assessment file")
    sp.add_argument("file")
    sp.add_argument("-o", "--out", help="output PDF (default: the input's name with .pdf)")
    sp.add_argument(
        "--appendix",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="include the full answer appendix (default: on for on-site assessments, off for self-assessments)",
    )
    sp.add_argument("--sign", metavar="P12", help="sign the PDF with this identity (PKCS#12 .p12/.pfx)")
    sp.add_argument(
        "--passphrase-file",
        metavar="F",
        help="read the identity's passphrase from the first line of F (else $DIAG_APP_PASSPHRASE, else asked)",
    )
    sp.set_defaults(func=cmd_report)

    sp = sub.add_parser("identity", parents=[lang_parent], help="create or inspect a signing identity (.p12)")
    isub = sp.add_subparsers(dest="identity_command", required=True)
    ip = isub.add_parser("create", parents=[lang_parent], help="create a self-signed identity")
    ip.add_argument("--name", required=True, help="the signer's name (the certificate's common name)")
    ip.add_argument("--org", default="", help="organisation")
    ip.add_argument("--email", default="", help="e-mail address (optional)")
    ip.add_argument("-o", "--out", help="output .p12 (default: identities/ in the user data folder)")
    ip.add_argument("--passphrase-file", metavar="F", help="the passphrase, first line of F")
    ip.set_defaults(func=cmd_identity_create)
    ip = isub.add_parser("import", parents=[lang_parent], help="check a .p12/.pfx and keep it among the identities")
    ip.add_argument("file")
    ip.add_argument("--passphrase-file", metavar="F", help="the passphrase, first line of F")
    ip.set_defaults(func=cmd_identity_import)
    ip = isub.add_parser("list", parents=[lang_parent], help="the identities kept in the user data folder")
    ip.set_defaults(func=cmd_identity_list)
    ip = isub.add_parser("show", parents=[lang_parent], help="check an identity and show whom it names")
    ip.add_argument("file")
    ip.add_argument("--passphrase-file", metavar="F", help="the passphrase, first line of F")
    ip.set_defaults(func=cmd_identity_show)

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
