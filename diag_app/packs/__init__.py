"""Finding and loading questionnaire packs shipped with the app."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..errors import AppError
from ..model.questionnaire import Pack
from ..resources import packs_dir
from . import yaml_cache
from .loader import load_pack
from .problems import PackError, PackProblem

DEFAULT_PACK = "sh-smart-factory"

__all__ = [
    "DEFAULT_PACK",
    "PackError",
    "PackNotFound",
    "PackProblem",
    "available_packs",
    "default_pack",
    "find_pack",
    "load_pack",
]


class PackNotFound(AppError, LookupError):
    """No pack of this id and version ships with the app (an assessment made with a newer one)."""

    key, title_key, hint_key = "error.pack_missing.detail", "error.pack_missing", "error.pack_missing.hint"

    def __init__(self, pack_id: str, version: str):
        super().__init__(f"{pack_id} {version}", id=pack_id, version=version)
        self.pack_id = pack_id
        self.version = version


def available_packs(root: Path | None = None) -> dict[tuple[str, str], Path]:
    """(id, version) → folder, read from each pack's pack.yaml without loading the rest.

    Cached: the shipped packs do not change while the app runs, and importing a thousand bundles
    would otherwise re-read every pack.yaml for each of them."""
    return dict(_available(str(root or packs_dir())))


@cache
def _available(root_dir: str) -> dict[tuple[str, str], Path]:
    out = {}
    root = Path(root_dir)
    for meta in sorted(root.glob("*/pack.yaml")):
        data = yaml_cache.parse(meta.read_bytes()) or {}
        out[(str(data.get("id")), str(data.get("version")))] = meta.parent
    return out


@cache
def _load(path: str) -> Pack:
    return load_pack(path)


def find_pack(pack_id: str, version: str) -> Pack:
    folder = available_packs().get((pack_id, str(version)))
    if folder is None:
        raise PackNotFound(pack_id, version)
    return _load(str(folder))


def default_pack() -> Pack:
    return _load(str(packs_dir() / DEFAULT_PACK))
