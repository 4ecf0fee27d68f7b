"""CLI commands of the workspace database, bundles and reports (filled in by later modules)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, lang_parent: argparse.ArgumentParser) -> None:
    return None
