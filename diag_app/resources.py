"""Where the files the app ships with live, from a source checkout or inside a frozen bundle.

Nothing is looked up relative to the current directory, so the app works from any folder.
"""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def packs_dir() -> Path:
    return app_root() / "questionnaires"


def assets_dir() -> Path:
    return app_root() / "assets"


def examples_dir() -> Path:
    """One filled assessment per key industry (the welcome panel opens them)."""
    return app_root() / "examples"


def fonts_dir() -> Path:
    return assets_dir() / "fonts"
