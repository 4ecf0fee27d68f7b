"""智能工厂自诊断 — smart-factory self-diagnosis for Shanghai manufacturers."""

from __future__ import annotations

from functools import cache


@cache
def app_version() -> str:
    """The version, from the package metadata (the one place it is set: pyproject.toml)."""
    # importlib.metadata costs ~0.1 s to import: read the version only when someone asks.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diag-app")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return app_version()
    raise AttributeError(name)
