"""The one reader every pack file goes through: YAML in, typed values out, problems collected.

Each ``read_*`` module turns one pack file into model objects through a shared ``Reader``, so
every file's faults are named the same way (file, item id, field) and collected in one list.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from ..model.questionnaire import LANGS, PATHS, Text
from . import yaml_cache
from .problems import PackProblem

BASES = ("S", "P", "D")


class Reader:
    """Collects problems while turning raw YAML values into typed ones."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[PackProblem] = []
        self.current = ""  # the file being read, for shape errors
        self.format = 1  # the pack format pack.yaml declares: the stricter checks apply from 2
        self._seen_ids: dict[str, str] = {}  # item id -> the file that defined it first

    def problem(self, file: str, item: str, fld: str, key: str, **params: Any) -> None:
        self.problems.append(PackProblem(file, item, fld, key, params))

    def unique(self, file: str, item_id: str) -> None:
        """Record an id that must be unique across the whole pack (answers are keyed by it)."""
        if item_id in self._seen_ids:
            self.problem(file, item_id, "id", "pack.problem.duplicate_id", other=self._seen_ids[item_id])
        else:
            self._seen_ids[item_id] = file

    def load(self, rel: str, required: bool = True) -> Any:
        path = self.root / rel
        self.current = rel
        if not path.is_file():
            if required:
                self.problem(rel, "", "", "pack.problem.file_missing")
            return None
        try:
            doc = yaml_cache.parse(path.read_bytes())
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            where = f"line {mark.line + 1}" if mark else ""
            self.problem(rel, "", where, "pack.problem.yaml", detail=str(getattr(e, "problem", e)))
            return None
        except UnicodeDecodeError:
            self.problem(rel, "", "", "pack.problem.not_utf8")
            return None
        if doc is None:
            if required:  # an empty file where one is needed: as good as missing, and easy to miss
                self.problem(rel, "", "", "pack.problem.empty_file")
            return None
        if not isinstance(doc, dict):  # every pack file is "key: value" at the top
            self.problem(rel, "", "", "pack.problem.top_not_mapping", kind=kind_of(doc))
            return None
        return doc

    def text(self, file: str, item: str, fld: str, raw: Any, required: bool = True) -> Text:
        if raw is None and not required:
            return Text("", "")
        if not isinstance(raw, dict):
            self.problem(file, item, fld, "pack.problem.text_not_mapping")
            return Text("", "")
        vals = {}
        for lang in LANGS:
            v = raw.get(lang)
            if not isinstance(v, str) or not v.strip():
                self.problem(file, item, f"{fld}.{lang}", "pack.problem.translation_missing")
                v = ""
            vals[lang] = v.strip()
        extra = set(raw) - set(LANGS)
        if extra:
            self.problem(file, item, fld, "pack.problem.unknown_languages", langs=", ".join(sorted(map(str, extra))))
        return Text(vals["zh"], vals["en"])

    def num(self, file: str, item: str, fld: str, raw: Any, lo: float = -math.inf, hi: float = math.inf) -> float:
        if isinstance(raw, bool) or not isinstance(raw, int | float) or not lo <= raw <= hi:
            self.problem(file, item, fld, "pack.problem.number_range", lo=lo, hi=hi, value=raw)
            return lo if math.isfinite(lo) else 0.0
        return float(raw)

    def ident(self, file: str, item: str, fld: str, raw: Any) -> str:
        if not isinstance(raw, str) or not raw or any(c.isspace() for c in raw):
            self.problem(file, item, fld, "pack.problem.ident", value=raw)
            return ""
        return raw

    def items(self, file: str, raw: Any, key: str) -> list[dict[str, Any]]:
        if not isinstance(raw, dict) or not isinstance(raw.get(key), list):
            if raw is not None:
                self.problem(file, "", key, "pack.problem.not_list")
            return []
        out = []
        for i, it in enumerate(raw[key]):
            if not isinstance(it, dict):
                self.problem(file, f"#{i + 1}", "", "pack.problem.not_mapping")
                continue
            out.append(it)
        return out

    def basis(self, file: str, item: str, raw: Any, default: str) -> str:
        b = raw if raw is not None else default
        if b not in BASES:
            self.problem(file, item, "basis", "pack.problem.one_of_got", allowed=", ".join(BASES), value=b)
            return default
        return str(b)

    def paths(self, file: str, item: str, raw: Any) -> frozenset[str]:
        if raw is None:
            return frozenset(PATHS)
        if not isinstance(raw, list) or not raw or any(p not in PATHS for p in raw):
            self.problem(file, item, "paths", "pack.problem.paths", allowed=", ".join(PATHS))
            return frozenset(PATHS)
        return frozenset(raw)


def known(value: Any, ids: Collection[Any]) -> bool:
    """Whether a value read from YAML is one of ``ids``; a list or mapping where an id belongs is
    simply not one (``in`` on a dict or set would raise on it, losing the file and field)."""
    return isinstance(value, str | int | float) and value in ids


def kind_of(value: Any) -> str:
    return "list" if isinstance(value, list) else type(value).__name__
