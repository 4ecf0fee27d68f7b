"""Reading and writing assessment files (JSON, "smart-factory-assessment/2"; /1 files still read).

The pack named inside the file is the one the assessment is scored with, so an old file keeps
its meaning after a newer pack ships.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .atomic import write_bytes_atomic
from .model.assessment import (
    FORMAT,
    FORMATS,
    SCOPE_FIELDS,
    Assessment,
    AssessmentInvalid,
    Problem,
    parse_assessment,
)
from .model.questionnaire import Pack
from .packs import PackNotFound, find_pack
from .validation import JSON_LIMITS, parse_json, read_input, shape_problems

MAX_FILE_BYTES = JSON_LIMITS.max_bytes  # docs/limits.md


def parse_json_bytes(raw: bytes) -> Any:
    """JSON within the limits of the validation layer (depth, numbers, strings, size)."""
    return parse_json(raw)


def pack_for_data(data: Any) -> Pack:
    """The pack an assessment's data names; AssessmentInvalid when we do not have it."""
    if not isinstance(data, dict):
        raise AssessmentInvalid([Problem("$", "file.not_object")])
    if data.get("format") not in FORMATS:
        raise AssessmentInvalid([Problem("format", "file.format", {"value": data.get("format"), "expected": FORMAT})])
    pk = data.get("pack")
    if not isinstance(pk, dict):
        raise AssessmentInvalid([Problem("pack", "field.type_object")])
    try:
        return find_pack(str(pk.get("id")), str(pk.get("version")))
    except PackNotFound:
        raise AssessmentInvalid(
            [Problem("pack", "cli.no_pack", {"id": pk.get("id"), "version": pk.get("version")})]
        ) from None


def load_assessment_data(data: Any) -> tuple[Pack, Assessment]:
    """Shape first (the JSON Schema of assessment files), then the pack's own rules."""
    if isinstance(data, dict) and data.get("format") not in FORMATS:
        pack_for_data(data)  # says which format tag this version reads
    problems = shape_problems("assessment", data)
    if not any(p.field.split(".")[0] == "pack" for p in problems):
        pack_for_data(data)  # a pack this app does not have is named first: nothing else can be checked without it
    if problems:
        raise AssessmentInvalid(problems)
    pack = pack_for_data(data)
    return pack, parse_assessment(pack, data)


def read_assessment_file(path: str | Path) -> tuple[Pack, Assessment]:
    """Read and validate an assessment file; AssessmentInvalid naming each field and rule."""
    return load_assessment_data(parse_json(read_input(path, MAX_FILE_BYTES)))


def write_json_atomic(path: str | Path, data: Any) -> None:
    """Write next to the target and rename, so a crash never leaves half a file."""
    write_bytes_atomic(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def template_data(pack: Pack, industry: str, lang: str) -> dict[str, Any]:
    """A blank assessment for one industry, listing every applicable item with what it means."""
    ind = pack.industries[industry]
    path = ind.path
    answers: list[dict[str, Any]] = []
    paths = [path] if path else list(pack.paths)
    seen: set[str] = set()
    for p in paths:
        for item in pack.items_for(industry, p):
            if item.id in seen:
                continue
            seen.add(item.id)
            row: dict[str, Any] = {"id": item.id, "kind": item.kind}
            if item.kind == "requirement":
                row.update(subdomain=item.subdomain, level=item.level, text=item.text.get(lang))
                if path is None and len(item.paths) == 1:
                    row["paths"] = sorted(item.paths)
            elif item.kind == "indicator":
                row.update(
                    text=item.name.get(lang),
                    unit=item.unit,
                    min=item.min,
                    max=item.max,
                    better=item.better,
                    targets={t.id: t.value for t in item.targets},
                )
                if item.optional:
                    row["optional"] = True
                if path is None and len(item.paths) == 1:
                    row["paths"] = sorted(item.paths)
            elif item.kind == "scenario":
                row.update(text=item.name.get(lang), link=item.link)
            elif item.kind == "profile":  # existing systems and equipment: yes/no or a number
                row.update(text=item.name.get(lang), answer=item.answer)
                if item.answer == "number":
                    row.update(unit=item.unit, min=item.min, max=item.max)
            else:
                row.update(text=item.text.get(lang))
            row["value"] = None
            row["note"] = ""
            answers.append(row)
    return {
        "format": FORMAT,
        "pack": {"id": pack.id, "version": pack.version},
        "enterprise": {
            "name": "",
            "credit_code": "",
            "industry": industry,
            "path": path,
            "district": "",
            "employees": None,
        },
        "assessment": {
            "date": "",
            "assessor": "",
            "mode": "self",
            "scope": {f: "" for f in SCOPE_FIELDS},
            "team": [],
        },
        "status": "draft",
        "na_subdomains": {},
        "answers": answers,
    }
