"""CLI commands of the workspace report: report, verify, exports."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, lang_parent: argparse.ArgumentParser) -> None:
    return None
