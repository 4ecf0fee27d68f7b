"""The bundled CJK font, loaded into Qt at start so every platform draws the same glyphs."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..resources import fonts_dir

FONT_FILES = ("NotoSansSC_400Regular.ttf", "NotoSansSC_700Bold.ttf")
FALLBACK_FAMILY = "Noto Sans SC"

_loaded: list[str] = []


def load_fonts() -> str:
    """Register the bundled fonts once and return their family name."""
    if _loaded:
        return _loaded[0]
    family = ""
    for name in FONT_FILES:
        path = fonts_dir() / name
        if not path.is_file():
            continue
        fid = QFontDatabase.addApplicationFont(str(path))
        if fid >= 0 and not family:
            families = QFontDatabase.applicationFontFamilies(fid)
            family = families[0] if families else ""
    _loaded.append(family or FALLBACK_FAMILY)
    return _loaded[0]


def apply_app_font(app: QApplication) -> str:
    family = load_fonts()
    font = QFont(family)
    size = app.font().pointSizeF()
    font.setPointSizeF(size if size > 0 else 10.0)
    app.setFont(font)
    return family
