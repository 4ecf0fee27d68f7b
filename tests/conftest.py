"""Test-wide settings: Qt runs offscreen (without it Qt aborts the whole run on a machine with no
display), and fixtures shared across modules."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
if "DIAG_APP_CACHE_DIR" not in os.environ:  # parsed pack files (packs/yaml_cache.py): never the real home's
    import atexit
    import shutil
    import tempfile

    _cache = tempfile.mkdtemp(prefix="diag-test-cache-")
    os.environ["DIAG_APP_CACHE_DIR"] = _cache
    atexit.register(shutil.rmtree, _cache, True)

import pytest

from diag_app.model.questionnaire import Pack


def pytest_sessionstart(session: pytest.Session) -> None:
    """The PDF tests read reports back with poppler's tools: without them the run stops here, saying
    what to install, rather than skipping the report's checks."""
    import shutil

    missing = [t for t in ("pdftotext", "pdffonts", "pdftoppm") if shutil.which(t) is None]
    if missing:
        raise pytest.UsageError(
            f"{', '.join(missing)} not found: install poppler-utils (sudo apt-get install -y poppler-utils), "
            "as the README's quick start says"
        )


@pytest.fixture(autouse=True)
def _private_qt_settings(request: pytest.FixtureRequest) -> None:
    """Every widget test keeps window geometry, the language and the last workspace in a folder of
    its own, never the user's (and never another test's)."""
    if "qtbot" not in request.fixturenames:
        return
    from PySide6.QtCore import QSettings

    folder = request.getfixturevalue("tmp_path") / "settings"
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(scope="session")
def pack() -> Pack:
    from diag_app.packs import default_pack

    return default_pack()
