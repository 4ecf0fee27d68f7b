"""The core stays free of Qt, SQL, files-of-our-own and heavy libraries (DESIGN.md).

import-linter (pyproject.toml, run in CI) checks the layers statically; the tests here check what
it cannot: that the whole command line works on a machine where Qt cannot even be imported.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
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
            if name in ("..errors", "diag_app.errors"):
                continue  # the one leaf the model may use: the base of every error
            if name.split(".")[0] in FORBIDDEN or name.startswith("diag_app") or name.startswith(".."):
                bad.append(f"{f.name}: {name}")
    assert not bad, bad


# A child interpreter in which PySide6 and shiboken6 do not exist: it imports every module of the
# app except the GUI and runs the command line end to end (template, score, report, verify, the
# workspace). Any import of Qt on the way fails the run with the importer named.
_HEADLESS = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, tempfile, pathlib

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"Qt is blocked in this run: {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    import diag_app
    for m in pkgutil.walk_packages(diag_app.__path__, "diag_app."):
        if m.name.startswith("diag_app.ui") or m.name == "diag_app.__main__":
            continue
        importlib.import_module(m.name)

    from diag_app.cli import main
    tmp = pathlib.Path(tempfile.mkdtemp())
    example = sys.argv[1]
    assert main(["check-pack"]) == 0
    assert main(["template", "--industry", "automotive", "-o", str(tmp / "t.json")]) == 0
    assert main(["score", example, "--json"]) == 0
    assert main(["report", example, "-o", str(tmp / "r.pdf")]) == 0
    assert main(["verify", str(tmp / "r.pdf")]) == 0
    assert main(["import", example, "--db", str(tmp / "w.db")]) == 0
    assert main(["list", "--json", "--db", str(tmp / "w.db")]) == 0
    assert main(["export-xlsx", example, "-o", str(tmp / "p.xlsx")]) == 0
    loaded = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")]
    assert not loaded, loaded
    print("HEADLESS-OK")
    """
)


def test_the_command_line_runs_where_qt_cannot_be_imported(tmp_path):
    example = Path(__file__).parent.parent / "examples" / "automotive.json"
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env["HOME"] = str(tmp_path)  # identities, settings and the default workspace stay in the test's folder
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    run = subprocess.run(
        [sys.executable, "-c", _HEADLESS, str(example)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert "HEADLESS-OK" in run.stdout, run.stdout[-2000:] + run.stderr[-4000:]
