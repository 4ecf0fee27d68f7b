"""CLI commands of the workspace database and bundles: import, export, list, and the recycle bin:
delete, restore, bin, purge.

Each takes ``--db PATH`` after the command name (default: the workspace in the user data folder).
A rejected file, or any workspace error, ends with exit status 2 and a message in the chosen
language saying what happened; a rejected file changes nothing in the workspace, and the other
files of the same import are imported. ``import`` ends with status 1 when every file was valid but
a revision was not imported because a different version of it is already here. ``delete``,
``restore`` and ``purge`` do every target they can and end with status 2 if any could not be done
(each named); ``purge`` does nothing without ``--yes``.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .i18n import tr

EXIT_OK, EXIT_NOT_ALL, EXIT_INVALID = 0, 1, 2


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(text + "\n")


def register(sub: Any, lang_parent: argparse.ArgumentParser) -> None:
    db_parent = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: without --db here, a --db given before the command name still counts
    db_parent.add_argument("--db", default=argparse.SUPPRESS, help="workspace database file / 工作区数据库文件")

    sp = sub.add_parser(
        "import", parents=[lang_parent, db_parent], help="import assessment bundles (.sfd) or assessment files (.json)"
    )
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp.set_defaults(func=cmd_import)

    sp = sub.add_parser(
        "export", parents=[lang_parent, db_parent], help="export assessments to a bundle (.sfd) or JSON"
    )
    sp.add_argument("--out", required=True, metavar="FILE", help="FILE.sfd (bundle) or FILE.json (one assessment)")
    sp.add_argument("uuids", nargs="*", metavar="UUID")
    sp.add_argument("--enterprise", metavar="CODE", help="every assessment of one enterprise (credit code)")
    sp.add_argument("--all", action="store_true", help="every assessment in the workspace")
    sp.add_argument("--revision", type=int, help="with FILE.json: the revision to export (default: latest)")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("list", parents=[lang_parent, db_parent], help="list enterprises and their assessments")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_list)

    for name, func, what in (
        ("delete", cmd_delete, "move enterprises or assessments to the recycle bin (restorable)"),
        ("restore", cmd_restore, "bring enterprises, assessments or evidence files back from the recycle bin"),
        ("purge", cmd_purge, "remove what is in the recycle bin for good (needs --yes)"),
    ):
        sp = sub.add_parser(name, parents=[lang_parent, db_parent], help=what)
        sp.add_argument("uuids", nargs="*", metavar="UUID", help="assessments")
        sp.add_argument("--enterprise", action="append", default=[], metavar="CODE", help="an enterprise (credit code)")
        if name != "delete":
            sp.add_argument("--evidence", action="append", default=[], metavar="ID", help="a removed evidence file")
        if name == "purge":
            sp.add_argument("--older-than", type=_days_arg, metavar="DAYS", help="everything deleted DAYS or more ago")
            sp.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")
        sp.set_defaults(func=func)

    sp = sub.add_parser("bin", parents=[lang_parent, db_parent], help="list what is in the recycle bin")
    sp.add_argument("--older-than", type=_days_arg, metavar="DAYS", help="only what was deleted DAYS or more ago")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_bin)


def _days_arg(text: str) -> float:
    """A number of days, 0 or more (argparse ends with status 2 and this message otherwise)."""
    try:
        days = float(text)
    except ValueError:
        days = -1.0
    if not 0 <= days < 1e6:
        raise argparse.ArgumentTypeError(f"{text!r}: a number of days from 0 / 天数须为不小于 0 的数")
    return days


def _open(args: argparse.Namespace) -> Any:
    from .store import Workspace, default_db_path

    ws = Workspace.open(args.db or default_db_path())
    for w in ws.warnings:
        _err(tr("store.cli.warning", args.lang, message=w.message(args.lang)))
    return ws


def _guard(fn: Any) -> Any:
    """Turn any error we have words for (ours, or the operating system's) into its message and
    exit status 2."""

    def run(args: argparse.Namespace) -> int:
        from .error_text import error_message, is_expected

        try:
            return int(fn(args))
        except Exception as e:
            if not is_expected(e):
                raise
            _err(error_message(e, args.lang))
            return EXIT_INVALID

    return run


def _words(lang: str, mode: str, status: str) -> tuple[str, str]:
    return tr(f"store.mode.{mode}", lang), tr(f"store.status.{status}", lang)


@_guard
def cmd_import(args: argparse.Namespace) -> int:
    lang = args.lang
    ws = _open(args)
    try:
        s = ws.import_files([Path(f) for f in args.files])
    finally:
        ws.close()
    for key, items in (("store.cli.added", s.added), ("store.cli.new_revision", s.new_revisions)):
        for it in items:
            mode, status = _words(lang, it.mode, it.status)
            _out(
                tr(
                    key,
                    lang,
                    name=it.enterprise_name,
                    code=it.credit_code,
                    uuid=it.uuid,
                    revision=it.revision,
                    status=status,
                    mode=mode,
                    assessor=it.assessor or "—",
                )
            )
    for it in s.restored:
        _out(tr("store.cli.restored_by_import", lang, name=it.enterprise_name, code=it.credit_code, uuid=it.uuid))
    for it in s.copies:
        _err(tr("store.cli.copied", lang, name=it.enterprise_name, code=it.credit_code, old=it.copy_of, uuid=it.uuid))
    for it in s.skipped:
        if it.differs:
            _err(tr("store.cli.skipped_differs", lang, name=it.enterprise_name, uuid=it.uuid, revision=it.revision))
        else:
            _out(tr("store.cli.skipped", lang, name=it.enterprise_name, uuid=it.uuid, revision=it.revision))
    for _file, why in s.rejected:
        _err(why.message(lang))
    _out(
        tr(
            "store.cli.import_done",
            lang,
            assessments=len({it.uuid for it in s.added}),
            added=len(s.added),
            revisions=len(s.new_revisions),
            skipped=len(s.skipped),
            rejected=len(s.rejected),
        )
    )
    if s.rejected:
        _err(tr("store.cli.rejected_unchanged", lang))
        return EXIT_INVALID
    if s.conflicts:
        return EXIT_NOT_ALL
    return EXIT_OK


@_guard
def cmd_export(args: argparse.Namespace) -> int:
    lang = args.lang
    chosen = sum(bool(x) for x in (args.uuids, args.enterprise, args.all))
    if chosen != 1:
        _err(tr("store.cli.export_need", lang))
        return EXIT_INVALID
    out = Path(args.out)
    ws = _open(args)
    try:
        if args.all:
            uuids = [r.uuid for r in ws.list_assessments()]
        elif args.enterprise:
            from .store import EnterpriseNotFound

            if ws.get_enterprise(args.enterprise) is None:
                raise EnterpriseNotFound(args.enterprise)
            uuids = [r.uuid for r in ws.list_assessments(args.enterprise)]
        else:
            uuids = list(dict.fromkeys(args.uuids))
        if not uuids:
            _err(tr("store.cli.export_nothing", lang))
            return EXIT_INVALID
        if out.suffix.lower() == ".json":
            if len(uuids) != 1:
                _err(tr("store.cli.export_json_one", lang))
                return EXIT_INVALID
            ws.export_json(uuids[0], out, args.revision)
            row = ws.assessment_row(uuids[0], args.revision)
            _out(tr("store.cli.exported_json", lang, uuid=row.uuid, revision=row.revision, file=out))
            return EXIT_OK
        ws.export_bundle(out, uuids)
        revisions = sum(len(ws.revisions(u)) for u in uuids)
        evidence = {e.sha256 for u in uuids for r in ws.revisions(u) for e in ws.list_evidence(u, revision=r.revision)}
    finally:
        ws.close()
    _out(tr("store.cli.exported", lang, n=len(uuids), revisions=revisions, evidence=len(evidence), file=out))
    return EXIT_OK


def _tier_text(pack_cache: dict[tuple[str, str], Any], pack_id: str, version: str, tier: str | None, lang: str) -> str:
    if tier is None:
        return tr("store.not_assessed", lang)
    key = (pack_id, version)
    if key not in pack_cache:
        from .packs import find_pack

        try:
            pack_cache[key] = find_pack(pack_id, version)
        except Exception:
            pack_cache[key] = None
    pack = pack_cache[key]
    if pack is None:
        return tier
    from .describe import tier_name

    try:
        return tier_name(pack, tier, lang)
    except StopIteration:
        return tier


def _industry_names(lang: str) -> dict[str, str]:
    try:
        from .packs import default_pack

        return {k: v.name.get(lang) for k, v in default_pack().industries.items()}
    except Exception:
        return {}


@_guard
def cmd_list(args: argparse.Namespace) -> int:
    lang = args.lang
    ws = _open(args)
    try:
        enterprises = ws.list_enterprises()
        assessments = ws.list_assessments()
        db = ws.path
    finally:
        ws.close()
    by_code: dict[str, list[Any]] = {}
    for a in assessments:
        by_code.setdefault(a.credit_code, []).append(a)
    if args.json:
        data = {
            "db": str(db),
            "enterprises": [
                {**e._asdict(), "assessments": [asdict(a) for a in by_code.get(e.credit_code, [])]} for e in enterprises
            ],
        }
        _out(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    _out(tr("store.cli.db", lang, db=db))
    if not enterprises:
        _out(tr("store.cli.list_empty", lang))
        return EXIT_OK
    packs: dict[tuple[str, str], Any] = {}
    industries = _industry_names(lang)
    for e in enterprises:
        rows = by_code.get(e.credit_code, [])
        latest = next((a for a in rows if a.uuid == e.latest_uuid), None)
        tier = (
            _tier_text(packs, latest.pack_id, latest.pack_version, e.latest_tier, lang)
            if latest
            else tr("store.not_assessed", lang)
        )
        _out(
            tr(
                "store.cli.list_enterprise",
                lang,
                name=e.name,
                code=e.credit_code,
                industry=industries.get(e.industry, e.industry),
                tier=tier,
            )
        )
        for a in rows:
            mode, status = _words(lang, a.mode, a.status)
            _out(
                tr(
                    "store.cli.list_assessment",
                    lang,
                    uuid=a.uuid,
                    revision=a.revision,
                    status=status,
                    mode=mode,
                    assessor=a.assessor or "—",
                    date=a.date or a.updated[:10],
                    tier=_tier_text(packs, a.pack_id, a.pack_version, a.tier, lang),
                    score="—" if a.score is None else f"{a.score:.2f}",
                    answered="—" if a.answered is None else a.answered,
                    total="—" if a.total is None else a.total,
                )
            )
    return EXIT_OK


# --- the recycle bin ----------------------------------------------------------------------------

PURGE_OFFER_DAYS = 30  # ``bin`` mentions what was deleted this long ago (never purged by itself)


def _when(at: str) -> str:
    return at[:16].replace("T", " ") + " UTC" if at else "—"


def _entry_text(r: Any, lang: str) -> str:
    common = {"name": r.name, "code": r.credit_code, "at": _when(r.deleted_at), "who": r.who or "—"}
    if r.kind == "enterprise":
        return tr("store.cli.bin_enterprise", lang, n=r.assessments, revisions=r.revisions, **common)
    if r.kind == "assessment":
        mode = tr(f"store.mode.{r.mode}", lang) if r.mode else "—"
        return tr(
            "store.cli.bin_assessment", lang, uuid=r.uuid, mode=mode, assessor=r.assessor or "—",
            date=r.date or "—", revisions=r.revisions, **common,
        )  # fmt: skip
    return tr("store.cli.bin_evidence", lang, number=r.key, uuid=r.uuid, item=r.item_id, **common)


def _targets(args: argparse.Namespace) -> list[tuple[str, str]]:
    return [
        *(("enterprise", c) for c in dict.fromkeys(args.enterprise)),
        *(("assessment", u) for u in dict.fromkeys(args.uuids)),
        *(("evidence", e) for e in dict.fromkeys(getattr(args, "evidence", []))),
    ]


def _each(args: argparse.Namespace, targets: list[tuple[str, str]], do: Any) -> int:
    """Run ``do(ws, kind, key)`` for every target; one failing target is named and the others
    are still done (exit 2 at the end)."""
    from .error_text import error_message, is_expected

    if not targets:
        _err(tr("store.cli.bin_need", args.lang))
        return EXIT_INVALID
    status = EXIT_OK
    ws = _open(args)
    try:
        for kind, key in targets:
            try:
                do(ws, kind, key)
            except Exception as e:
                if not is_expected(e):
                    raise
                _err(error_message(e, args.lang))
                status = EXIT_INVALID
    finally:
        ws.close()
    return status


def _who() -> str:
    """Who runs the command, for the audit trail (the operating system's user name)."""
    import getpass

    try:
        return getpass.getuser()
    except Exception:
        return ""


@_guard
def cmd_delete(args: argparse.Namespace) -> int:
    def do(ws: Any, kind: str, key: str) -> None:
        r = ws.delete_enterprise(key, _who()) if kind == "enterprise" else ws.delete_assessment(key, _who())
        _out(tr("store.cli.deleted", args.lang, what=_entry_text(r, args.lang)))
        again = f"--enterprise {r.key}" if kind == "enterprise" else r.key
        _out(tr("store.cli.deleted_hint", args.lang, again=again))

    return _each(args, _targets(args), do)


@_guard
def cmd_restore(args: argparse.Namespace) -> int:
    def do(ws: Any, kind: str, key: str) -> None:
        found = next((r for r in ws.list_deleted() if (r.kind, r.key) == (kind, key)), None)
        ws.restore(kind, key, _who())
        what = _entry_text(found, args.lang) if found else key
        _out(tr("store.cli.restored", args.lang, what=what))

    return _each(args, _targets(args), do)


@_guard
def cmd_purge(args: argparse.Namespace) -> int:
    lang = args.lang
    targets = _targets(args)
    if args.older_than is not None:
        ws = _open(args)
        try:
            targets += [(r.kind, r.key) for r in ws.list_deleted(args.older_than)]
        finally:
            ws.close()
        if not targets:
            _out(tr("store.cli.bin_nothing_old", lang, days=_days(args.older_than)))
            return EXIT_OK
    if targets and not args.yes:
        ws = _open(args)
        try:
            listed = {(r.kind, r.key): r for r in ws.list_deleted()}
        finally:
            ws.close()
        for t in targets:
            _err(tr("store.cli.would_purge", lang, what=_entry_text(listed[t], lang) if t in listed else t[1]))
        _err(tr("store.cli.purge_confirm", lang))
        return EXIT_INVALID
    files = [0]

    def do(ws: Any, kind: str, key: str) -> None:
        p = ws.purge(kind, key, _who())
        files[0] += p.files
        _out(tr("store.cli.purged", lang, what=_entry_text(p.row, lang)))

    status = _each(args, list(dict.fromkeys(targets)), do)
    if status == EXIT_OK or files[0]:
        _out(tr("store.cli.purged_files", lang, n=files[0]))
    return status


def _days(d: float) -> str:
    return str(int(d)) if float(d).is_integer() else str(d)


@_guard
def cmd_bin(args: argparse.Namespace) -> int:
    lang = args.lang
    ws = _open(args)
    try:
        rows = ws.list_deleted(args.older_than)
        old = ws.list_deleted(PURGE_OFFER_DAYS) if args.older_than is None else rows
        db = ws.path
    finally:
        ws.close()
    if args.json:
        _out(json.dumps({"db": str(db), "deleted": [asdict(r) for r in rows]}, ensure_ascii=False, indent=2))
        return EXIT_OK
    _out(tr("store.cli.db", lang, db=db))
    if not rows:
        _out(tr("store.cli.bin_empty", lang))
        return EXIT_OK
    for r in rows:
        _out(_entry_text(r, lang))
    if old:
        days = _days(args.older_than if args.older_than is not None else PURGE_OFFER_DAYS)
        _out(tr("store.cli.bin_offer", lang, n=len(old), days=days))
    return EXIT_OK
