"""Build the self-contained desktop bundle of 智能工厂自诊断 for the platform this runs on.

    uv run --group packaging python packaging/build.py [--no-archive] [--smoke] [--no-excludes]

Result, in dist/ of the checkout (NAME = diag-app-<version>-<platform>-<machine>):
  dist/NAME/                 the one-folder app (Linux/Windows: diag-app[.exe] inside; macOS: 智能工厂自诊断.app)
  dist/NAME.tar.gz | .zip    the same folder as one archive (tar.gz on Linux, zip elsewhere)
  dist/build-info.json       version, build seconds, bundle size in bytes and files
PyInstaller's own work files go to build/pyinstaller/. The version comes from pyproject.toml (the
one place; the app reads the same value from its package metadata, which the spec copies in).
--smoke runs packaging/smoke.py on the result. --no-excludes builds without the exclude lists
(only to measure what they save).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "diag-app.spec"
APP = "diag-app"


def project_version() -> str:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return str(tomllib.load(f)["project"]["version"])


def platform_tag(system: str | None = None, machine: str | None = None) -> str:
    system = (system or platform.system()).lower()
    machine = (machine or platform.machine()).lower()
    system = {"darwin": "macos", "windows": "windows", "linux": "linux"}.get(system, system)
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def bundle_name(version: str, tag: str | None = None) -> str:
    return f"{APP}-{version}-{tag or platform_tag()}"


def tree_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under path, symlinks not followed."""
    total = files = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            files += 1
    return total, files


def archive(folder: Path) -> Path:
    if sys.platform.startswith("linux"):
        out = folder.with_name(folder.name + ".tar.gz")
        with tarfile.open(out, "w:gz", compresslevel=6) as tar:
            tar.add(folder, arcname=folder.name)
        return out
    out = folder.with_name(folder.name + ".zip")
    if sys.platform == "darwin" and shutil.which("ditto"):
        # ditto keeps the symlinks and extended attributes inside Qt's frameworks.
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(folder), str(out)], check=True)
    else:
        shutil.make_archive(str(out.with_suffix("")), "zip", folder.parent, folder.name)
    return out


def build(no_excludes: bool = False) -> Path:
    """Run PyInstaller and return dist/NAME (the renamed one-folder bundle)."""
    version = project_version()
    dist = ROOT / "dist"
    work = ROOT / "build" / "pyinstaller"
    raw = ROOT / "build" / "pyinstaller-dist"
    shutil.rmtree(raw, ignore_errors=True)
    env = dict(os.environ)
    if no_excludes:
        env["DIAG_APP_NO_EXCLUDES"] = "1"
    else:
        env.pop("DIAG_APP_NO_EXCLUDES", None)
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--log-level", "WARN",
           "--distpath", str(raw), "--workpath", str(work)]  # fmt: skip
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)

    dist.mkdir(exist_ok=True)
    target = dist / bundle_name(version)
    shutil.rmtree(target, ignore_errors=True)
    if sys.platform == "darwin":
        # Keep the .app and nothing else: it holds the whole program.
        target.mkdir()
        for app in raw.glob("*.app"):
            shutil.move(str(app), target / app.name)
    else:
        shutil.move(str(raw / APP), target)
    shutil.rmtree(raw, ignore_errors=True)
    if sys.platform.startswith("linux"):
        # The menu entry and a per-user installer script travel with the folder.
        for f in ("diag-app.desktop", "install.sh"):
            shutil.copy2(HERE / "linux" / f, target / f)
    return target


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-archive", action="store_true", help="leave the folder, make no .tar.gz/.zip")
    ap.add_argument("--smoke", action="store_true", help="run packaging/smoke.py on the result")
    ap.add_argument("--no-excludes", action="store_true", help="build without the exclude lists (to measure)")
    args = ap.parse_args(argv)

    t0 = time.monotonic()
    target = build(no_excludes=args.no_excludes)
    seconds = time.monotonic() - t0
    size, files = tree_size(target)
    info: dict[str, Any] = {
        "name": target.name,
        "version": project_version(),
        "platform": platform_tag(),
        "python": platform.python_version(),
        "excludes": not args.no_excludes,
        "build_seconds": round(seconds, 1),
        "bundle_bytes": size,
        "bundle_mb": round(size / 1e6, 1),
        "bundle_files": files,
    }
    if not args.no_archive:
        t1 = time.monotonic()
        out = archive(target)
        info["archive"] = out.name
        info["archive_bytes"] = out.stat().st_size
        info["archive_mb"] = round(out.stat().st_size / 1e6, 1)
        info["archive_seconds"] = round(time.monotonic() - t1, 1)
    (ROOT / "dist" / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(info, indent=2), flush=True)

    if sys.platform == "win32":
        print(
            "installer: iscc /DAppVersion={v} /DBundleDir={d} packaging\\windows\\diag-app.iss".format(
                v=info["version"], d=target
            )
        )
    if args.smoke:
        from smoke import run_smoke  # packaging/smoke.py, beside this file

        source = ROOT / "dist" / info["archive"] if "archive" in info else target
        return run_smoke(source, expected_version=info["version"])
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
