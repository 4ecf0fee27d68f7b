"""The packaging files: spec, build and smoke scripts, icons, installer script, .desktop file, and
the frozen entry point's quit hook. Fast checks only; the real build and the smoke test of the
bundle run as their own CI step (`packaging/build.py --smoke`, see .ci/run)."""

from __future__ import annotations

import configparser
import importlib.util
import os
import struct
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "packaging"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PKG / f"{name}.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def build() -> ModuleType:
    return _load("build")


@pytest.fixture(scope="module")
def smoke() -> ModuleType:
    return _load("smoke")


def test_version_has_one_source(build: ModuleType) -> None:
    from importlib.metadata import version

    import diag_app

    with open(ROOT / "pyproject.toml", "rb") as f:
        declared = tomllib.load(f)["project"]["version"]
    assert build.project_version() == declared == version("diag-app") == diag_app.__version__


def test_bundle_name_carries_version_and_platform(build: ModuleType) -> None:
    assert build.bundle_name("1.2.3", "linux-x86_64") == "diag-app-1.2.3-linux-x86_64"
    assert build.platform_tag("Windows", "AMD64") == "windows-x86_64"
    assert build.platform_tag("Darwin", "arm64") == "macos-arm64"
    assert build.platform_tag("Linux", "aarch64") == "linux-arm64"
    assert build.project_version() in build.bundle_name(build.project_version())


def test_spec_ships_data_and_metadata_and_excludes_unused_modules() -> None:
    text = (PKG / "diag-app.spec").read_text(encoding="utf-8")
    compile(text, "diag-app.spec", "exec")  # valid Python
    for needed in (
        '"questionnaires"',
        '"assets" / "fonts"',
        'copy_metadata("diag-app")',
        'collect_submodules("diag_app")',
    ):
        assert needed in text
    for module in ("QtNetwork", "QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia", "tkinter"):
        assert f'"{module}"' in text
    # the data folders it points at exist
    assert (ROOT / "questionnaires" / "sh-smart-factory" / "pack.yaml").is_file()
    assert (ROOT / "assets" / "fonts" / "NotoSansSC_400Regular.ttf").is_file()


def test_spec_drop_patterns_hit_only_unused_files() -> None:
    import re

    text = (PKG / "diag-app.spec").read_text(encoding="utf-8")
    block = text[text.index("DROP = [") : text.index("def _keep")]
    ns: dict = {"re": re}
    exec(block, ns)
    drop = ns["_DROP"]
    dropped = [
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "matplotlib/mpl-data/sample_data/goog.npz",
        "matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf",
        "numpy/_core/tests/data/x.csv",
        "libcairo.so.2",
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
        "fontTools/misc/bezierTools.cpython-311-x86_64-linux-gnu.so",
    ]
    kept = [
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qt_zh_CN.qm",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
        "assets/fonts/NotoSansSC_700Bold.ttf",
        "questionnaires/sh-smart-factory/pack.yaml",
        "libpython3.11.so.1.0",
        "numpy.libs/libscipy_openblas64_-32a4b2a6.so",
        "kiwisolver/_cext.cpython-311-x86_64-linux-gnu.so",
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
    ]
    assert [p for p in dropped if not drop.search(p)] == []
    assert [p for p in kept if drop.search(p)] == []


def test_smoke_finds_test_files_caches_and_unused_libraries(smoke: ModuleType) -> None:
    bad = [
        "_internal/numpy/_core/tests/test_x.py",
        "_internal/foo/__pycache__/x.cpython-311.pyc",
        "_internal/conftest.py",
        "_internal/PySide6/Qt/lib/libQt6WebEngineCore.so.6",
        "_internal/PySide6/Qt6Network.dll",
        "_internal/lib-dynload/_tkinter.cpython-311-x86_64-linux-gnu.so",
    ]
    good = [
        "diag-app",
        "_internal/PySide6/Qt/lib/libQt6Widgets.so.6",
        "_internal/questionnaires/sh-smart-factory/pack.yaml",
        "_internal/diag_app-0.2.0.dist-info/METADATA",
        "_internal/matplotlib/mpl-data/matplotlibrc",
    ]
    assert len(smoke.bundle_problems(bad)) == len(bad)
    assert smoke.bundle_problems(good) == []


def test_icon_set_is_complete_and_well_formed() -> None:
    icons = PKG / "icons"
    assert (icons / "diag-app.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in (16, 32, 48, 256, 512):
        data = (icons / f"diag-app-{size}.png").read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        w, h = struct.unpack(">II", data[16:24])
        assert (w, h) == (size, size)
    ico = (icons / "diag-app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        w, _h, _c, _r, _p, _b, length, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i])
        assert ico[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(ico)
        sizes.add(w or 256)
    assert {16, 32, 48, 256} <= sizes
    icns = (icons / "diag-app.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_linux_desktop_entry() -> None:
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str  # type: ignore[assignment,method-assign]
    cp.read(PKG / "linux" / "diag-app.desktop", encoding="utf-8")
    entry = cp["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "diag-app"
    assert entry["Icon"] == "diag-app"
    assert entry["Name[zh_CN]"] == "智能工厂自诊断"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert os.access(PKG / "linux" / "install.sh", os.X_OK)


def test_windows_installer_is_per_user_with_start_menu_entry() -> None:
    raw = (PKG / "windows" / "diag-app.iss").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Inno Setup reads the Chinese name right
    text = raw.decode("utf-8-sig")
    lines = [ln.strip() for ln in text.splitlines()]
    assert "PrivilegesRequired=lowest" in lines
    assert any(ln.startswith("DefaultDirName={autopf}") for ln in lines)  # %LOCALAPPDATA%\Programs when per user
    assert any(ln.startswith('Name: "{autoprograms}') for ln in lines)  # the Start-menu entry
    assert "AppVersion={#AppVersion}" in lines
    assert any("OutputBaseFilename=diag-app-{#AppVersion}" in ln for ln in lines)
    assert "SetupIconFile=..\\icons\\diag-app.ico" in lines
    assert (PKG / "windows" / ".." / "icons" / "diag-app.ico").is_file()


def test_readme_records_commands_size_and_time() -> None:
    text = (PKG / "README.md").read_text(encoding="utf-8")
    for needed in ("packaging/build.py", "iscc", "Windows", "macOS", "Linux", "MB", "build time", "before", "after"):
        assert needed in text, needed


def test_entry_quit_hook_starts_and_quits_the_gui(tmp_path: Path) -> None:
    """The frozen app's entry point, run from the venv: the GUI gets ready and quits by itself."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "DIAG_APP_QUIT_AFTER_MS": "30000",
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    db = tmp_path / "ws.db"
    p = subprocess.run(
        [sys.executable, str(PKG / "entry.py"), "--db", str(db)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    line = next(ln for ln in p.stderr.splitlines() if ln.startswith("gui:"))
    assert "ready=True" in line and "charts=True" in line
    assert db.is_file()


def test_entry_runs_commands_without_the_hook(tmp_path: Path) -> None:
    env = {**os.environ, "DIAG_APP_QUIT_AFTER_MS": "1000"}
    p = subprocess.run(
        [sys.executable, str(PKG / "entry.py"), "--version"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert p.returncode == 0
    assert p.stdout.strip().startswith("diag-app ")
