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


@pytest.fixture(scope="session")
def pack() -> Pack:
    from diag_app.packs import default_pack

    return default_pack()
