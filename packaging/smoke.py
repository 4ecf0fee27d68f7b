"""Smoke test of a built bundle, with the bundle alone: no source tree, no venv, no user files.

    uv run python packaging/smoke.py dist/diag-app-<version>-linux-x86_64[.tar.gz]

The bundle (folder or archive) is copied or unpacked into a fresh temporary folder, and every
command runs there with a clean environment (HOME and the XDG folders in the temp folder, no
PYTHONPATH, no venv, the current directory outside the checkout):
  1. `--version` prints the project version;
  2. `score EXAMPLE --json` gives the diagnosis as JSON;
  3. `report EXAMPLE -o out.pdf` writes a PDF, and `verify out.pdf` accepts it; a self-signed
     identity signs a second report, and `verify` names its signer;
  4. the GUI starts offscreen, gets ready (pack, workspace, charts) and quits by itself, exit 0
     (DIAG_APP_QUIT_AFTER_MS, see packaging/entry.py);
  5. nothing was written inside the bundle, and it holds no test files, caches or unused Qt modules.
Prints one line per check and closes with "smoke: N passed, M failed"; exit status 1 on a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EXAMPLE = ROOT / "examples" / "automotive.json"

# Shared libraries that must not be in the bundle (parts of file names, lower case).
FORBIDDEN_LIBS = (
    "qt6webengine", "qt6network", "qt6qml", "qt6quick", "qt63d", "qt6multimedia", "qt6pdf",
    "qt6charts", "qt6virtualkeyboard", "libtk", "libtcl", "_tkinter",
)  # fmt: skip


def bundle_problems(files: Iterable[str]) -> list[str]:
    """Test files, caches and unused Qt/Tk libraries among bundle-relative paths ("/" separated)."""
    out = []
    for rel in files:
        parts = rel.lower().split("/")
        name = parts[-1]
        if any(p in ("tests", "test", "testing", "__pycache__", ".pytest_cache", ".mypy_cache") for p in parts[:-1]):
            out.append(f"test or cache folder: {rel}")
        elif name.endswith(".py") and (name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"):
            out.append(f"test file: {rel}")
        elif name.endswith(".pyc"):
            out.append(f"cache file: {rel}")
        elif any(lib in name for lib in FORBIDDEN_LIBS) and (
            ".so" in name or name.endswith((".dll", ".dylib", ".pyd"))
        ):
            out.append(f"unused library: {rel}")
    return out


def _listing(root: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink()
    }


def _unpack(source: Path, into: Path) -> Path:
    """The bundle folder inside ``into``."""
    if source.is_dir():
        dest = into / source.name
        shutil.copytree(source, dest, symlinks=True)
        return dest
    if source.name.endswith(".tar.gz"):
        with tarfile.open(source) as tar:
            if hasattr(tarfile, "tar_filter"):  # Python >= 3.11.4
                tar.extractall(into, filter="tar")
            else:
                tar.extractall(into)  # our own archive
        return into / source.name[: -len(".tar.gz")]
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as z:
            z.extractall(into)
        return into / source.stem
    raise SystemExit(f"not a bundle folder or archive: {source}")


def _executable(bundle: Path) -> Path:
    for cand in (
        bundle / "diag-app-cli.exe",
        bundle / "diag-app",
        *bundle.glob("*.app/Contents/MacOS/diag-app"),
    ):
        if cand.is_file():
            return cand
    raise SystemExit(f"no diag-app executable in {bundle}")


def run_smoke(source: Path, expected_version: str | None = None, gui_limit_ms: int = 30000) -> int:
    source = Path(source).resolve()
    results: list[tuple[str, bool, str]] = []

    def check(name: str, fn: Callable[[], str]) -> None:
        t0 = time.monotonic()
        try:
            detail = fn()
            ok = True
        except Exception as e:  # a failed check is reported, the others still run
            ok, detail = False, f"{type(e).__name__}: {e}"
        results.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'} {name} ({time.monotonic() - t0:.1f} s): {detail}", flush=True)

    with tempfile.TemporaryDirectory(prefix="diag-smoke-") as tmp_s:
        tmp = Path(tmp_s)
        (tmp / "unpacked").mkdir()
        bundle = _unpack(source, tmp / "unpacked")
        exe = _executable(bundle)
        work = tmp / "work"
        work.mkdir()
        home = tmp / "home"
        home.mkdir()
        example = work / "assessment.json"
        shutil.copyfile(EXAMPLE, example)
        before = _listing(bundle)

        env = {
            "PATH": "/usr/bin:/bin" if os.name != "nt" else os.environ.get("PATH", ""),
            "HOME": str(home),
            "USERPROFILE": str(home),
            "LOCALAPPDATA": str(home / "AppData" / "Local"),
            "APPDATA": str(home / "AppData" / "Roaming"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_RUNTIME_DIR": str(tmp / "runtime"),
            "MPLCONFIGDIR": str(home / ".config" / "matplotlib"),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
            "PYTHONIOENCODING": "utf-8",
        }
        for key in ("SYSTEMROOT", "TEMP", "TMP"):  # Windows needs these to run anything
            if key in os.environ:
                env[key] = os.environ[key]
        (tmp / "runtime").mkdir(mode=0o700)

        def run(*args: str, extra: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
            return subprocess.run(
                [str(exe), *args],
                cwd=work,
                env={**env, **(extra or {})},
                capture_output=True,
                text=True,
                encoding="utf-8",
                timeout=timeout,
            )

        def expect_ok(p: subprocess.CompletedProcess) -> None:
            if p.returncode != 0 or "Traceback" in p.stderr:
                raise AssertionError(f"exit {p.returncode}: {(p.stderr or p.stdout)[-1500:]}")

        def version() -> str:
            p = run("--version")
            expect_ok(p)
            out = p.stdout.strip()
            want = f"diag-app {expected_version}" if expected_version else "diag-app "
            if not out.startswith(want) or "source" in out:
                raise AssertionError(f"printed {out!r}, expected {want!r}")
            return out

        def score() -> str:
            p = run("score", example.name, "--json")
            expect_ok(p)
            data = json.loads(p.stdout)
            if not isinstance(data, dict) or not data:
                raise AssertionError("empty JSON")
            return f"JSON keys: {', '.join(list(data)[:6])}"

        def report() -> str:
            out = work / "out.pdf"
            p = run("report", example.name, "-o", out.name)
            expect_ok(p)
            head = out.read_bytes()[:5]
            if head != b"%PDF-":
                raise AssertionError(f"not a PDF: {head!r}")
            v = run("verify", out.name)
            expect_ok(v)
            return f"{out.stat().st_size // 1024} KiB; {p.stdout.strip()} / verify: {v.stdout.strip()}"

        def signed_report() -> str:
            """A self-signed identity made by the bundle, a report signed with it, and verify
            naming the signer: pyHanko and its certificate code must all be inside the bundle."""
            (work / "pw.txt").write_text("smoke-passphrase\n", encoding="utf-8")
            p = run("identity", "create", "--name", "Smoke Tester", "-o", "me.p12", "--passphrase-file", "pw.txt")
            expect_ok(p)
            p = run("report", example.name, "-o", "signed.pdf", "--sign", "me.p12", "--passphrase-file", "pw.txt")
            expect_ok(p)
            v = run("--lang", "en", "verify", "signed.pdf")
            expect_ok(v)
            if "Smoke Tester" not in v.stdout:
                raise AssertionError(f"verify does not name the signer: {v.stdout[-800:]}")
            return v.stdout.strip()[:160]

        def gui() -> str:
            db = work / "workspace.db"
            t0 = time.monotonic()
            p = run(
                "--db", str(db), extra={"DIAG_APP_QUIT_AFTER_MS": str(gui_limit_ms)}, timeout=gui_limit_ms / 1000 + 60
            )
            expect_ok(p)
            line = next((ln for ln in p.stderr.splitlines() if ln.startswith("gui:")), "")
            if "ready=True" not in line or "charts=True" not in line:
                raise AssertionError(f"GUI did not get ready: {line or p.stderr[-1500:]}")
            if not db.is_file():
                raise AssertionError("the workspace database was not created")
            return f"{line} (process {time.monotonic() - t0:.1f} s)"

        def chart_process() -> str:
            """The result panel's chart process is the app's own executable (DIAG_APP_CHART_WORKER=1):
            send it a pack and a result the way the app does, and expect a PNG back."""
            from diag_app.assessment_file import read_assessment_file
            from diag_app.model.diagnosis import diagnose
            from diag_app.report.chart_process import _receive, _send

            pack, a = read_assessment_file(example)
            child = subprocess.Popen(
                [str(exe)],
                cwd=work,
                env={**env, "DIAG_APP_CHART_WORKER": "1"},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
            assert child.stdin is not None and child.stdout is not None
            try:
                _send(child.stdin, ("pack", 0, pack))
                _send(
                    child.stdin,
                    ("render", 0, "screen", diagnose(pack, a, with_roadmap=False), "zh", (400, 80.0, [("radar", 380)])),
                )
                status, payload = _receive(child.stdout)
            finally:
                child.stdin.close()
                child.wait(timeout=60)
            if status != "ok":
                raise AssertionError(f"the chart process failed: {payload}")
            png = payload[0][1]
            if png[:8] != b"\x89PNG\r\n\x1a\n":
                raise AssertionError(f"not a PNG: {png[:8]!r}")
            return f"radar {len(png) // 1024} KiB PNG from the bundle's own executable"

        def contents() -> str:
            after = _listing(bundle)
            changed = sorted(k for k in after if before.get(k) != after[k])
            if changed:
                raise AssertionError(f"files written inside the bundle: {changed[:10]}")
            problems = bundle_problems(after)
            if problems:
                raise AssertionError(f"{len(problems)} unwanted files, e.g. {problems[:10]}")
            size = sum(s for s, _ in after.values())
            return f"{len(after)} files, {size / 1e6:.1f} MB, untouched by the runs"

        check("version", version)
        check("score --json", score)
        check("report PDF + verify", report)
        check("signed report + verify", signed_report)
        check("GUI offscreen start and quit", gui)
        check("chart process", chart_process)
        check("bundle contents", contents)

    passed = sum(ok for _, ok, _ in results)
    failed = len(results) - passed
    print(f"smoke: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    sys.path.insert(0, str(HERE))
    from build import project_version

    return run_smoke(Path(argv[0]), expected_version=project_version())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
