"""The bundled CJK font, registered once with reportlab and with matplotlib.

Noto Sans SC (static TrueType builds, SIL OFL 1.1, see assets/fonts/OFL.txt) has Latin letters,
digits and Chinese, Regular and Bold. A missing file is a loud :class:`FontMissing`, never a
quiet fall-back to Helvetica or DejaVu: a report whose Chinese shows as boxes, or that a viewer
without the font cannot show at all, is worse than no report.

reportlab and matplotlib are imported inside the functions: the GUI imports this module at
start-up only indirectly, and must not pay for either library then.
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..errors import AppError
from ..resources import fonts_dir

FAMILY = "NotoSansSC"  # the reportlab family name
BOLD = "NotoSansSC-Bold"
MPL_FAMILY = "Noto Sans SC"  # the family name inside the font file, as matplotlib reads it
REGULAR_FILE = "NotoSansSC_400Regular.ttf"
BOLD_FILE = "NotoSansSC_700Bold.ttf"

_lock = threading.Lock()
_done: set[str] = set()


class FontMissing(AppError, RuntimeError):
    """A font file the report needs is not where the app ships it."""

    key, title_key, hint_key = "error.font_missing.detail", "error.font_missing", "error.font_missing.hint"

    def __init__(self, path: Path):
        super().__init__(
            f"font file missing: {path} — the report cannot show Chinese without it; reinstall the app "
            f"or put {path.name} back into {path.parent}"
        )
        self.path = path


def font_files() -> tuple[Path, Path]:
    """(regular, bold); FontMissing when either is absent or empty."""
    d = fonts_dir()
    out = (d / REGULAR_FILE, d / BOLD_FILE)
    for p in out:
        if not p.is_file() or p.stat().st_size == 0:
            raise FontMissing(p)
    return out


def register_reportlab() -> str:
    """Register Regular and Bold as one family (so <b> really is bold), install the Chinese
    line-breaking fix, and return the family name."""
    with _lock:
        if "reportlab" in _done:
            return FAMILY
        regular, bold = font_files()
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        from .linebreak import install

        pdfmetrics.registerFont(TTFont(FAMILY, str(regular)))
        pdfmetrics.registerFont(TTFont(BOLD, str(bold)))
        pdfmetrics.registerFontFamily(FAMILY, normal=FAMILY, bold=BOLD, italic=FAMILY, boldItalic=BOLD)
        install()
        _done.add("reportlab")
        return FAMILY


def register_matplotlib() -> str:
    """Add both faces to matplotlib's font manager and make them the default sans-serif family.

    DejaVu Sans (shipped inside matplotlib) stays second in the list only for the odd symbol Noto
    Sans SC lacks; every Chinese character, letter and digit comes from Noto Sans SC.
    """
    with _lock:
        if "matplotlib" in _done:
            return MPL_FAMILY
        regular, bold = font_files()
        import matplotlib
        from matplotlib import font_manager

        font_manager.fontManager.addfont(str(regular))
        font_manager.fontManager.addfont(str(bold))
        matplotlib.rcParams["font.family"] = ["sans-serif"]
        matplotlib.rcParams["font.sans-serif"] = [MPL_FAMILY, "DejaVu Sans"]
        matplotlib.rcParams["axes.unicode_minus"] = False
        matplotlib.rcParams["pdf.fonttype"] = 42  # TrueType, embedded, if a figure is ever saved as PDF
        matplotlib.rcParams["svg.fonttype"] = "none"
        _done.add("matplotlib")
        return MPL_FAMILY


def missing_glyphs(text: str) -> set[str]:
    """The characters of ``text`` the bundled regular face cannot draw (empty when all are fine)."""
    cmap = _cmap()
    return {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}


_cmap_cache: dict[int, int] | None = None


def _cmap() -> dict[int, int]:
    global _cmap_cache
    if _cmap_cache is None:
        register_reportlab()
        from reportlab.pdfbase import pdfmetrics

        _cmap_cache = pdfmetrics.getFont(FAMILY).face.charToGlyph
    return _cmap_cache
