"""Settings the desktop app remembers between runs, declared once.

QSettings decides where they live (registry, plist or ini file per platform); tests point it at a
temporary folder through ``QSettings.setPath``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "diag-app"
APPLICATION = "smart-factory-diagnosis"

GEOMETRY = "window/geometry"
SPLITTER = "editor/splitter"
LAST_WORKSPACE = "workspace/last"  # the one last opened or created in the GUI (never a --db path)
LANGUAGE = "ui/language"


def settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def get_bytes(key: str) -> QByteArray | None:
    v = settings().value(key)
    return v if isinstance(v, QByteArray) and not v.isEmpty() else None


def get_str(key: str) -> str:
    v = settings().value(key)
    return v if isinstance(v, str) else ""


def put(key: str, value: object) -> None:
    s = settings()
    s.setValue(key, value)
    s.sync()
