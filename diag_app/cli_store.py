"""CLI commands of the workspace database and bundles: import, export, list."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, lang_parent: argparse.ArgumentParser) -> None:
    return None
