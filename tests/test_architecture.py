"""The core stays free of Qt, SQL, files-of-our-own and heavy libraries (DESIGN.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import diag_app

FORBIDDEN = ("PySide6", "sqlite3", "sqlite_utils", "reportlab", "matplotlib", "yaml", "openpyxl", "pypdf")
MODEL = Path(diag_app.__file__).parent / "model"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append(("." * node.level) + (node.module or ""))
    return out


def test_model_imports_nothing_of_qt_sql_or_rendering():
    bad = []
    for f in sorted(MODEL.glob("*.py")):
        for name in _imports(f):
            if name in ("..errors", "diag_app.errors"):  # the one leaf the model may use (errors.py)
                continue
            if name.split(".")[0] in FORBIDDEN or name.startswith("diag_app") or name.startswith(".."):
                bad.append(f"{f.name}: {name}")
    assert not bad, bad
