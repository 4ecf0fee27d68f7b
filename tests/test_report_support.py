"""Shared inputs of the report tests (this module has no tests of its own).

Results are computed once per test session: the examples in examples/ when present, else an
assessment generated here from the pack's template with a fixed seed.
"""

from __future__ import annotations

import json
import random
from functools import cache
from pathlib import Path

from diag_app.assessment_file import load_assessment_data, template_data
from diag_app.model.assessment import Assessment, make_credit_code
from diag_app.model.diagnosis import Result, diagnose
from diag_app.model.questionnaire import Pack
from diag_app.packs import default_pack

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def sample_data(pack: Pack, industry: str = "automotive", seed: int = 8) -> dict:
    """A filled assessment: mostly met at levels 1–3, mixed at 4, little at 5."""
    data = template_data(pack, industry, "zh")
    rnd = random.Random(seed)
    data["enterprise"].update(
        name="上海浦江智能汽车零部件有限公司",
        credit_code=make_credit_code("91310000MA1FL0000"),
        district="嘉定区",
        employees=860,
    )
    data["assessment"].update(date="2025-03-18", assessor="王敏（企业自评小组）", mode="self")
    by_level = {1: [1, 1, 0.8], 2: [1, 1, 0.8], 3: [1, 0.8, 0.8, 0.5], 4: [0, 0.5, 0.8, "na"], 5: [0, 0, 0.5]}
    for row in data["answers"]:
        kind = row["kind"]
        if kind == "requirement":
            row["value"] = rnd.choice(by_level[row["level"]])
            if rnd.random() < 0.06:
                row["note"] = "已查阅制度文件和系统记录，现场抽查三条记录，执行情况良好；个别班组仍使用纸质台账。"
        elif kind == "indicator":
            lo, hi = row["min"], row["max"]
            ref = next(iter((row.get("targets") or {}).values()), (lo + hi) / 2)
            row["value"] = round(min(hi, max(lo, ref * rnd.uniform(0.7, 1.05))), 1)
        elif kind == "condition":
            row["value"] = True
        else:
            row["value"] = rnd.random() < 0.4
        for k in (
            "kind",
            "subdomain",
            "level",
            "text",
            "unit",
            "min",
            "max",
            "better",
            "targets",
            "link",
            "paths",
            "optional",
        ):
            row.pop(k, None)
    return data


def example_path(industry: str) -> Path | None:
    p = EXAMPLES / f"{industry}.json"
    return p if p.is_file() else None


@cache
def sample(industry: str = "electronics") -> tuple[Pack, Assessment]:
    p = example_path(industry)
    if p is not None:
        return load_assessment_data(json.loads(p.read_text(encoding="utf-8")))
    return load_assessment_data(sample_data(default_pack(), industry))


@cache
def sample_result(industry: str = "electronics") -> tuple[Pack, Result]:
    pack, a = sample(industry)
    return pack, diagnose(pack, a)


def sample_file(industry: str, tmp: Path) -> Path:
    """The assessment as a file (the example itself, or the generated one written to ``tmp``)."""
    p = example_path(industry)
    if p is not None:
        return p
    out = tmp / f"{industry}.json"
    out.write_text(json.dumps(sample_data(default_pack(), industry), ensure_ascii=False), encoding="utf-8")
    return out


def completed(pack: Pack, a: Assessment, status: str = "final") -> Assessment:
    """``a`` with every item the score still misses answered (requirements partly met, indicators
    at their lowest value, conditions met, scenarios not in place) and the given status: an
    assessment whose report is no draft when ``status`` is "final"."""
    import dataclasses

    from diag_app.model.assessment import Answer
    from diag_app.model.scoring import score

    answers = dict(a.answers)
    for iid in score(pack, a).missing:
        item = pack.item(iid)
        kind = item.kind if item is not None else "requirement"
        value: object = {"requirement": 0.5, "condition": True, "scenario": False}.get(kind)
        if kind == "indicator":
            value = float(item.min)  # type: ignore[union-attr]
        answers[iid] = Answer(iid, value)  # type: ignore[arg-type]
    return dataclasses.replace(a, answers=answers, status=status)
