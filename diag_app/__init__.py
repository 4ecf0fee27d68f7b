"""智能工厂自诊断 — smart-factory self-diagnosis for Shanghai manufacturers."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("diag-app")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
