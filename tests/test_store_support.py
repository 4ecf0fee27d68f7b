"""Shared helpers of the workspace tests (no tests of its own)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from diag_app.model.assessment import Enterprise, make_credit_code
from diag_app.model.questionnaire import Pack
from diag_app.store import Workspace

CODE_A = make_credit_code("91310000MA1FL0000")
CODE_B = make_credit_code("91310115MA1H7Y4B3")


def enterprise_a() -> Enterprise:
    return Enterprise("上海测试汽车零部件有限公司", CODE_A, "automotive", district="嘉定区", employees=320)


def enterprise_b() -> Enterprise:
    return Enterprise("上海测试新材料有限公司", CODE_B, "advanced-materials")


def items(pack: Pack, kind: str, industry: str = "automotive", path: str = "discrete") -> list[str]:
    return [i.id for i in pack.items_for(industry, path) if i.kind == kind]


def na_items(pack: Pack, industry: str = "automotive", path: str = "discrete") -> list[str]:
    """Requirements the pack lets be answered 不适用 (with a reason in the note)."""
    return [i.id for i in pack.items_for(industry, path) if i.kind == "requirement" and i.na_allowed]


def dump(db: Path) -> list[str]:
    """Every schema statement and row of the database, read-only."""
    conn = sqlite3.connect(Path(db).absolute().as_uri() + "?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def files_under(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def state(db: Path) -> tuple[list[str], dict[str, bytes]]:
    """What must not change when a file is rejected: the database and the evidence folder."""
    return dump(db), files_under(Path(db).parent / "evidence")


def filled_workspace(path: Path, pack: Pack, evidence_dir: Path) -> tuple[Workspace, dict[str, str]]:
    """A workspace with two enterprises: a self-assessment finalised and reopened (so two
    revisions), an on-site assessment of the same enterprise, and a draft of another enterprise;
    answers of every kind, notes, plans (with a confirmed qualification), scope, team, a
    sub-domain declared not applicable, and evidence."""
    ws = Workspace.open(path)
    req = items(pack, "requirement")
    ind = items(pack, "indicator")
    cond = items(pack, "condition")
    scn = items(pack, "scenario")
    a = enterprise_a()
    self_u = ws.create_assessment(a, pack.id, pack.version, mode="self", assessor="张工", date="2026-11-02")
    for i, r in enumerate(req[:12]):
        ws.set_answer(self_u, r, [1.0, 0.8, 0.5, 0.0][i % 4], note=f"依据 {i}" if i % 3 == 0 else None, who="张工")
    ws.set_answer(self_u, na_items(pack)[0], "na", note="不适用：本厂无此工序", who="张工")
    ws.set_answer(self_u, ind[0], 42.5, who="张工")
    ws.set_answer(self_u, cond[0], True, who="张工")
    ws.set_answer(self_u, scn[0], False, who="张工")
    ws.set_answer(self_u, req[13], None, note="下周确认", who="张工")
    from diag_app.model.assessment import Plan, Scope, TeamMember

    ws.set_plans(
        self_u,
        (Plan(pack.catalog[0].id, 1_500_000.0, "loan", 1_000_000.0, 0.04, confirmed=("first-of-kind-certified",)),),
    )
    ws.set_scope(
        self_u,
        Scope(site="嘉定一号厂房", lines="总装线 A", period="2026-11", interviewees="生产部", documents="MES 手册"),
    )
    ws.set_team(self_u, (TeamMember("张工", "组长", "示例汽车"), TeamMember("李顾问")))
    ws.set_na_subdomain(self_u, next(s for s, x in pack.subdomains.items() if x.na_allowed), "无此业务", who="张工")
    evidence_dir.mkdir(parents=True, exist_ok=True)
    f1 = evidence_dir / "设备台账.xlsx"
    f1.write_bytes(b"PK\x03\x04 not really a spreadsheet " * 50)
    f2 = evidence_dir / "制度.txt"
    f2.write_text("安全生产管理制度\n" * 20, encoding="utf-8")
    ws.add_evidence(self_u, req[0], f1, who="张工")
    ws.add_evidence(self_u, req[1], f2, who="张工")
    ws.finalise(self_u)
    ws.reopen(self_u, who="张工")
    ws.set_answer(self_u, req[2], 1.0, who="张工")

    onsite_u = ws.create_assessment(a, pack.id, pack.version, mode="onsite", assessor="李顾问", date="2026-11-20")
    for r in req[:8]:
        ws.set_answer(onsite_u, r, 0.5, who="李顾问")
    ws.add_evidence(onsite_u, req[0], f1, who="李顾问")

    b = enterprise_b()
    b_u = ws.create_assessment(b, pack.id, pack.version)
    ws.set_answer(b_u, items(pack, "requirement", "advanced-materials", "process")[0], 0.8)
    return ws, {"self": self_u, "onsite": onsite_u, "b": b_u}
