"""Chinese line breaking for reportlab paragraphs (禁则): the one place it is fixed.

reportlab's CJK wrap (``wordWrap="CJK"``) lets a line start with ，；：？！》” and several other
closing marks, because its list of characters that may not start a line
(``reportlab.lib.textsplit.ALL_CANNOT_START``, copied into ``reportlab.platypus.paragraph``)
lacks them; it also hangs at most one such mark, so "。”" at a break still puts ” at the start
of the next line, and it may end a line with an opening bracket.

``install()`` extends both lists and replaces the paragraph module's splitter with
:func:`cjk_frag_split`, which after choosing a break moves characters to the next line until
that line starts with a character allowed there and the line does not end with an opening mark.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# Closing punctuation and marks that must not begin a line (full- and half-width).
CLOSING = "，。；：？！、）》〉」』】〕〗〙］｝”’…‥・·％‰℃,.;:?!)]}%"
# Opening marks that must not end a line.
OPENING = "（《〈「『【〔〖〘［｛“‘([{"

_installed = False


def cannot_start() -> str:
    from reportlab.lib import textsplit

    return textsplit.ALL_CANNOT_START


def install() -> None:
    """Extend reportlab's lists and swap in the splitters; safe to call more than once."""
    global _installed
    if _installed:
        return
    from reportlab.lib import textsplit
    from reportlab.platypus import paragraph

    extra = "".join(ch for ch in CLOSING if ch not in textsplit.ALL_CANNOT_START)
    textsplit.CANNOT_START_LINE[0] += extra
    textsplit.ALL_CANNOT_START += extra
    extra_end = "".join(ch for ch in OPENING if ch not in textsplit.ALL_CANNOT_END)
    textsplit.CANNOT_END_LINE[0] += extra_end
    textsplit.ALL_CANNOT_END += extra_end
    paragraph.ALL_CANNOT_START = textsplit.ALL_CANNOT_START
    textsplit.getCharWidths = char_widths  # used by wordSplit: single-fragment paragraphs
    textsplit.dumbSplit = dumb_split
    paragraph.cjkFragSplit = cjk_frag_split  # paragraphs with markup
    _installed = True


def line_ends(
    chars: Sequence[str],
    width_of: Callable[[int, float], float],
    max_widths: Sequence[float],
    hard_break: Callable[[int], bool] = lambda i: False,
) -> list[int]:
    """Where each line ends (exclusive indices into ``chars``), filling lines greedily.

    A character that overflows the line goes to the next one, unless it is a closing mark, which
    may hang in the margin. Then the break moves back until the next line does not start with a
    closing mark and this one does not end with an opening mark. A Latin word or number inside
    Chinese text is never cut: the line breaks at the last space or Chinese character before it
    (only a word longer than the whole line is cut).
    """
    from unicodedata import category

    from reportlab.lib.textsplit import ALL_CANNOT_END, ALL_CANNOT_START
    from reportlab.rl_config import _FUZZ

    n = len(chars)
    ends: list[int] = []
    i = start = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        c = chars[i]
        used += width_of(i, max_width)
        forced = hard_break(i)
        i += 1
        if not (forced or (used > max_width + _FUZZ and used > 0)):
            continue
        if not forced:
            overflow = i - 1
            if c and ord(c[0]) < 0x3000:
                for j in range(i - 1, start, -1):
                    cj = chars[j]
                    if (
                        j + 1 < i
                        and cj
                        and (category(cj[0]) == "Zs" or ord(cj[0]) >= 0x3000)
                        and not (chars[j + 1] and chars[j + 1] in ALL_CANNOT_START)
                    ):
                        i = j + 1
                        break
            if i - 1 == overflow and c not in ALL_CANNOT_START and i > start + 1:
                i -= 1
            i = _break_at(chars, start, i, ALL_CANNOT_START, ALL_CANNOT_END)
            if i < n and hard_break(i):
                i += 1  # a line break right after a full line ends this line, not a blank one
        ends.append(i)
        start = i
        used = 0.0
        max_width = max_widths[min(len(ends), len(max_widths) - 1)]
    if used > 0:
        ends.append(n)
    return ends


def _break_at(u: Sequence[str], start: int, i: int, cannot_start: str, cannot_end: str) -> int:
    """Adjust a break so that ``u[start:i]`` is the line: no closing mark opens the next line
    (spaces there do not count, they vanish at the break), no opening mark ends this one. Always
    leaves at least one character on the line."""
    n = len(u)

    def opens_badly(j: int) -> bool:
        while j < n and u[j] and u[j].isspace():
            j += 1
        return j < n and bool(u[j]) and u[j] in cannot_start

    def inside_word(k: int) -> bool:  # between two characters of a Latin word or number
        return 0 < k < n and _latin(u[k - 1]) and _latin(u[k])

    j = i
    while (opens_badly(j) or inside_word(j)) and j - 1 > start:
        j -= 1
    while j - 1 > start and u[j - 1] and u[j - 1] in cannot_end:
        j -= 1
    if opens_badly(j) or inside_word(j):
        return i  # nothing better without emptying the line: keep the first choice
    return j


def _latin(ch: str) -> bool:
    """Part of a Latin word or number (letters, digits and the marks inside them: 3,000.5 OS.1.01)."""
    return bool(ch) and ord(ch[0]) < 0x3000 and not ch.isspace() and ch[0] not in "([{“‘"


_widths: dict[tuple[str, float], dict[str, float]] = {}


def char_width(ch: str, font_name: str, font_size: float) -> float:
    """The advance width of one character, remembered: a report measures the same few hundred
    characters tens of thousands of times."""
    table = _widths.get((font_name, font_size))
    if table is None:
        table = _widths[(font_name, font_size)] = {}
    w = table.get(ch)
    if w is None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        w = table[ch] = stringWidth(ch, font_name, font_size)
    return w


def char_widths(word: str, fontName: str, fontSize: float) -> list[float]:
    """reportlab's ``textsplit.getCharWidths``, with the widths remembered."""
    return [char_width(ch, fontName, fontSize) for ch in word]


class _Glyph(str):
    """One character of a paragraph with its fragment and width, as reportlab's ``cjkU`` but
    measured through the width cache."""

    frag: Any
    width: float

    def __new__(cls, value: str, frag: Any, width: float) -> _Glyph:
        self = str.__new__(cls, value)
        self.frag = frag
        self.width = width
        return self


def dumb_split(word: str, widths: Sequence[float], maxWidths: Any) -> list[list[Any]]:
    """reportlab's ``textsplit.dumbSplit`` with the line-start and line-end rules applied."""
    max_widths = maxWidths if isinstance(maxWidths, list | tuple) else [maxWidths]
    ends = line_ends(word, lambda k, _mw: widths[k], max_widths)
    out: list[list[Any]] = []
    start = 0
    for k, end in enumerate(ends):
        mw = max_widths[min(k, len(max_widths) - 1)]
        text = word[start:end]
        out.append([mw - sum(widths[start:end]), text if end == len(word) else text.strip()])
        start = end
    return out


def cjk_frag_split(frags: list[Any], maxWidths: list[float], calcBounds: bool, encoding: str = "utf8") -> Any:
    """reportlab's ``paragraph.cjkFragSplit`` with the line-start and line-end rules applied."""
    from reportlab.platypus.paragraph import ParaLines, makeCJKParaLine

    chars: list[Any] = []
    for f in frags:
        text = f.text
        if isinstance(text, bytes):
            text = text.decode(encoding)
        if hasattr(f, "cbDefn"):  # an inline image or similar: its own width
            chars.append(_Glyph(text or "", f, getattr(f.cbDefn, "width", 0)))
        elif text:
            chars.extend(_Glyph(t, f, char_width(t, f.fontName, f.fontSize)) for t in text)
        else:
            chars.append(_Glyph("", f, 0.0))

    def width_of(k: int, max_width: float) -> float:
        w = chars[k].width
        if hasattr(w, "normalizedValue"):
            w._normalizer = max_width
            w = w.normalizedValue(max_width)
        return float(w)

    ends = line_ends(chars, width_of, maxWidths, lambda k: hasattr(chars[k].frag, "lineBreak"))
    lines = []
    start = 0
    for k, end in enumerate(ends):
        mw = maxWidths[min(k, len(maxWidths) - 1)]
        used = sum(width_of(m, mw) for m in range(start, end))
        forced = end > start and hasattr(chars[end - 1].frag, "lineBreak")
        lines.append(makeCJKParaLine(chars[start:end], mw, used, mw - used, forced, calcBounds))
        start = end
    return ParaLines(kind=1, lines=lines)


def plain_lines(text: str, width: float, font_name: str, font_size: float) -> tuple[str, ...]:
    """The lines a CJK-wrapped ``Paragraph`` of plain ``text`` (no markup; a newline is a line
    break) shows in ``width`` points, by the same rules and the same splitter.

    A report has thousands of table cells; breaking them here and handing the table plain
    strings skips the markup parser and the paragraph machinery, which cost more than the
    line breaking itself. Whitespace is collapsed as the paragraph parser does, and no line keeps
    a space at either end (a paragraph sometimes starts a line with one). Remembered per text
    and width: the same labels (statuses, headings, sub-domain names) come back in every table.
    """
    key = (text, width, font_name, font_size)
    lines = _plain_cache.get(key)
    if lines is None:
        from reportlab.platypus.paragraph import _lineClean

        pieces = [_lineClean(piece) for piece in text.split("\n")]
        while pieces and not pieces[-1]:  # as in a paragraph: a break at the end adds no line
            pieces.pop()
        out: list[str] = []
        for piece in pieces:
            if piece:
                widths = char_widths(piece, font_name, font_size)
                out.extend(line.strip() for _extra, line in dumb_split(piece, widths, [width]))
            else:
                out.append("")
        lines = tuple(out)
        if len(_plain_cache) > 20_000:
            _plain_cache.clear()
        _plain_cache[key] = lines
    return lines


_plain_cache: dict[tuple[str, float, str, float], tuple[str, ...]] = {}
