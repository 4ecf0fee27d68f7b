"""The report's figures, drawn once for both outputs: the result panel shows them as pictures (drawn
in the chart process, see chart_process.py), the PDF embeds them at print resolution.

Each function returns a ``matplotlib.figure.Figure`` made directly (no pyplot, so no global
figure state and no GUI backend is touched). matplotlib is imported inside the functions: the
app must not pay for it at start-up. All words come from the translation table.
"""

from __future__ import annotations

import math
import textwrap
import threading
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from ..describe import tier_name
from ..i18n import tr
from ..model.diagnosis import Result
from ..model.questionnaire import Pack
from ..model.targets import subdomain_target, target_levels
from ..money import fmt_num

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from matplotlib.projections.polar import PolarAxes

# A restrained palette that prints well in grey too.
INK = "#1f2d3d"
BLUE = "#1f5fa8"
RED = "#c0392b"
GREEN = "#2e8b57"
AMBER = "#d68910"
GREY = "#8a939c"
GRID = "#d5d9de"


RADAR_LABEL_CHARS = 16  # an English sub-domain name longer than this is wrapped

_import_lock = threading.Lock()


def import_matplotlib() -> None:
    """Import the parts of matplotlib the charts use, in a fraction of the usual time.

    While matplotlib's modules load, each of its ~100 Artist classes builds the docstring of its
    ``set()`` method from every setter's docstring (``matplotlib.artist.kwdoc``): about a third of
    the import, some 0.3 s of the first report or chart in a process, for help text the app never
    shows. The import runs with that step cut short, and the function is put back afterwards;
    nothing else in matplotlib changes. When matplotlib was imported before, this does nothing.
    """
    with _import_lock:
        import matplotlib.artist as martist

        kwdoc = martist.kwdoc
        martist.kwdoc = lambda artist: ""
        try:
            import matplotlib.backends.backend_agg
            import matplotlib.figure
            import matplotlib.projections.polar  # noqa: F401
        finally:
            martist.kwdoc = kwdoc


def _figure(width: float, height: float) -> Figure:
    import_matplotlib()
    from matplotlib.figure import Figure

    from .fonts import register_matplotlib

    register_matplotlib()
    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    fig.set_facecolor("white")
    return fig


def _indicator_rows(pack: Pack, result: Result) -> list[tuple[Any, list[Any]]]:
    """The indicators with a Shanghai or national target, each with those targets."""
    rows = []
    for ind in pack.indicators_for(result.scores.path):
        targets = [t for t in ind.targets if t.id.startswith(("shanghai-", "national-"))]
        if targets:
            rows.append((ind, targets))
    return rows


def figure_inches(chart: str, pack: Pack, result: Result) -> tuple[float, float]:
    """A chart's size (width, height in inches) without drawing it, or importing matplotlib: the
    report lays out its pages while the chart process draws the pictures."""
    if chart == "radar":
        return 6.4, 6.0
    if chart == "level_bars":
        return 7.0, 3.3
    if chart == "indicator_chart":
        return 7.0, max(1.6, 0.95 * len(_indicator_rows(pack, result)) + 0.9)
    raise KeyError(chart)


def radar(pack: Pack, result: Result, lang: str) -> Figure:
    """Every sub-domain's score (0–5) against the level the next Shanghai tier asks for."""
    s = result.scores
    sds = [sd for sd in pack.subdomains if sd in s.subdomains]
    fig = _figure(*figure_inches("radar", pack, result))
    # add_subplot is typed to return a plain Axes; projection="polar" makes it a PolarAxes.
    ax = cast("PolarAxes", fig.add_subplot(projection="polar"))
    n = len(sds)
    if n < 3:  # a radar needs three axes; a packet this small is only a test pack
        sds = sds + [""] * (3 - n)
        n = 3
    ax.set_theta_offset(math.pi / 2)  # first sub-domain at the top, then clockwise
    ax.set_theta_direction(-1)
    angles = [2 * math.pi * k / n for k in range(n)]
    closed = [*angles, angles[0]]
    scores = [s.subdomains[sd].score if sd else 0.0 for sd in sds]
    # tick styles first: ticks made afterwards take them on, instead of each being restyled
    ax.grid(color=GRID, linewidth=0.6)
    ax.tick_params(axis="x", pad=6 if lang == "zh" else 10)
    _no_axis_labels(ax)
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_yticklabels(["1", "2", "3", "4", "5"], fontsize=7, color=GREY)
    ax.set_rlabel_position(180 / n)
    ax.spines["polar"].set_color(GRID)
    ax.set_xticks(angles)
    labels = [pack.subdomains[sd].name.get(lang) if sd else "" for sd in sds]
    ticks = ax.set_xticklabels(
        labels if lang == "zh" else [textwrap.fill(label, RADAR_LABEL_CHARS) for label in labels],
        fontsize=9 if lang == "zh" else 7.5,
        color=INK,
    )
    if lang != "zh":  # long English names, on two lines, grow away from the circle: centred on
        for tick, angle in zip(ticks, angles, strict=True):  # one line they ran into their neighbours
            side = math.sin(angle)  # clockwise from the top: > 0 is the right half
            tick.set_horizontalalignment("left" if side > 0.2 else "right" if side < -0.2 else "center")

    target = target_levels(pack, result)
    tier_id, level = target.tier, target.level
    handles = []
    if tier_id is not None and level is not None:
        targets = [subdomain_target(pack, result, sd) or 0 if sd else 0 for sd in sds]
        (h,) = ax.plot(
            closed,
            [*targets, targets[0]],
            color=RED,
            linewidth=1.4,
            linestyle=(0, (4, 2)),
            label=tr("chart.radar.target", lang, tier=tier_name(pack, tier_id, lang), level=level),
        )
        handles.append(h)
    (h,) = ax.plot(closed, [*scores, scores[0]], color=BLUE, linewidth=1.8, label=tr("chart.radar.score", lang))
    ax.fill(closed, [*scores, scores[0]], color=BLUE, alpha=0.18)
    ax.scatter(angles, scores, s=12, color=BLUE, zorder=3)
    handles.insert(0, h)
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False, fontsize=9)
    return fig


def level_bars(pack: Pack, result: Result, lang: str) -> Figure:
    """The level scores of levels 1–5 (0–1) with the threshold a level must reach."""
    s = result.scores
    threshold = pack.scoring.level_threshold
    levels = list(pack.scoring.levels)
    fig = _figure(*figure_inches("level_bars", pack, result))
    ax = fig.add_subplot()
    values = [s.level_scores.get(lvl) for lvl in levels]
    heights = [0.0 if v is None else v for v in values]
    colors = [GREY if v is None else (GREEN if v >= threshold - 1e-9 else AMBER) for v in values]
    bars = ax.bar(range(len(levels)), heights, width=0.6, color=colors, zorder=2)
    for bar, v in zip(bars, values, strict=True):
        text = tr("chart.level.na", lang) if v is None else f"{v:.2f}"
        ax.annotate(
            text,
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, 3),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=9,
            color=INK,
        )
    ax.axhline(threshold, color=RED, linewidth=1.2, linestyle=(0, (4, 2)), zorder=3)
    ax.annotate(
        tr("chart.level.threshold", lang, threshold=fmt_num(threshold)),
        (1.0, threshold),
        xycoords=("axes fraction", "data"),
        xytext=(-4, 3),
        textcoords="offset points",
        ha="right",
        va="bottom",
        fontsize=8,
        color=RED,
    )
    ax.set_xticks(range(len(levels)))
    ax.set_xticklabels([tr("chart.level.tick", lang, level=lvl) for lvl in levels], fontsize=9)
    ax.set_ylim(0, 1.15)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel(tr("chart.level.xlabel", lang), fontsize=9)
    ax.set_ylabel(tr("chart.level.ylabel", lang), fontsize=9)
    _clean(ax)
    return fig


def indicator_chart(pack: Pack, result: Result, lang: str) -> Figure:
    """Each indicator that has a Shanghai or national target: the enterprise's value against
    those targets, one row per indicator on its own scale (units differ)."""
    s = result.scores
    rows = _indicator_rows(pack, result)
    fig = _figure(*figure_inches("indicator_chart", pack, result))
    if not rows:
        ax = fig.add_subplot()
        ax.axis("off")
        ax.text(0.5, 0.5, tr("chart.indicator.none", lang), ha="center", va="center", fontsize=10, color=GREY)
        return fig
    axes = fig.subplots(len(rows), 1, squeeze=False)[:, 0]
    marker_styles = ["v", "D", "s", "^", "o"]
    target_labels: dict[str, Any] = {}
    styles: dict[str, tuple[str, str]] = {}
    for ax, (ind, targets) in zip(axes, rows, strict=True):
        value = s.indicator_values.get(ind.id)
        top = max([t.value for t in targets] + ([value] if value is not None else []))
        span = ind.max if ind.unit == "%" and ind.max <= 100 else top * 1.25 or 1.0
        ax.set_xlim(min(0.0, ind.min), span)
        ax.set_ylim(-0.6, 0.6)
        ax.set_yticks([])
        unit = f"（{ind.unit}）" if lang == "zh" else f" ({ind.unit})"
        ax.set_title(ind.name.get(lang) + unit, fontsize=9, loc="left", color=INK, pad=3)
        ax.barh([0], [span - min(0.0, ind.min)], left=min(0.0, ind.min), height=0.5, color="#eef1f4", zorder=1)
        if value is None:
            ax.text(
                0.01,
                0,
                tr("chart.indicator.missing", lang),
                transform=ax.get_yaxis_transform(),
                va="center",
                fontsize=8,
                color=GREY,
            )
        else:
            good = all(ind.meets(value, t.value) for t in targets)
            ax.barh([0], [value], height=0.5, color=GREEN if good else BLUE, zorder=2)
            inside = value - min(0.0, ind.min) > 0.15 * (span - min(0.0, ind.min))
            ax.annotate(
                fmt_num(value),
                (value, 0),
                xytext=(-4 if inside else 3, 0),
                textcoords="offset points",
                ha="right" if inside else "left",
                va="center",
                fontsize=8,
                color="white" if inside else INK,
                zorder=4,
            )
        for t in targets:
            key = t.label.get(lang)
            if key not in styles:
                styles[key] = (
                    marker_styles[len(styles) % len(marker_styles)],
                    RED if t.id.startswith("shanghai-") else AMBER,
                )
            style, color = styles[key]
            (h,) = ax.plot([t.value], [0.42], marker=style, color=color, markersize=7, linestyle="none", zorder=3)
            ax.vlines(t.value, -0.3, 0.3, color=color, linewidth=1.3, zorder=3)
            ax.annotate(
                fmt_num(t.value),
                (t.value, -0.3),
                xytext=(0, -2),
                textcoords="offset points",
                ha="center",
                va="top",
                fontsize=7,
                color=color,
            )
            target_labels.setdefault(t.label.get(lang), h)
        ax.tick_params(axis="x", labelsize=7, colors=GREY)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color(GRID)
        _no_axis_labels(ax)
    handles = list(target_labels.values())
    fig.legend(
        handles=handles,
        labels=list(target_labels),
        loc="outside lower center",
        ncols=min(3, len(handles)),
        frameon=False,
        fontsize=8,
    )
    return fig


def _no_axis_labels(ax: Any) -> None:
    """Pin the (empty) axis labels: otherwise every layout pass and every draw measures all tick
    labels only to place two labels that show nothing, a good part of drawing a figure."""
    ax.xaxis.set_label_coords(0.5, 0.0)
    ax.yaxis.set_label_coords(0.0, 0.5)


def _clean(ax: Any) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color(GRID)
    ax.spines["bottom"].set_color(GRID)
    ax.grid(axis="y", color=GRID, linewidth=0.6, zorder=0)


def raster(fig: Figure, dpi: int = 200) -> Any:
    """The figure drawn at ``dpi`` as a PIL image (RGB), for the PDF: no PNG encoding and
    decoding on the way. The figure is drawn on a fresh Agg canvas, so a figure made for the
    screen is left as it was."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    original_canvas, original_dpi = fig.canvas, fig.dpi
    canvas = FigureCanvasAgg(fig)
    try:
        fig.dpi = dpi
        canvas.draw()
        w, h = canvas.get_width_height(physical=True)
        img = Image.frombuffer("RGBA", (w, h), bytes(canvas.buffer_rgba()), "raw", "RGBA", 0, 1)
    finally:
        fig.dpi = original_dpi
        fig.set_canvas(original_canvas)
    background = Image.new("RGB", img.size, "white")
    background.paste(img, mask=img.getchannel("A"))
    return background


CHARTS = {"radar": radar, "level_bars": level_bars, "indicator_chart": indicator_chart}

IMAGE_ZLIB_LEVEL = 3


class Printed(NamedTuple):
    """A chart as the PDF embeds it: RGB pixels, 8 bits a channel, Flate-compressed."""

    chart: str
    width: int  # pixels
    height: int
    flate: bytes


def for_print(pack: Pack, result: Result, lang: str, names: list[str], dpi: int) -> list[Printed]:
    """The named charts drawn at ``dpi`` and compressed as the PDF stores them (the report's job in
    the chart process: what crosses the pipe is the finished image stream).

    reportlab's ``drawImage`` compresses at zlib's default level 6: the three charts at print
    resolution are 11 MB of pixels, about 0.1 s to squeeze. Level 3 takes a quarter of that, for a
    file some 50 kB larger; the pixels are the same.
    """
    import zlib

    out = []
    for name in names:
        img = raster(CHARTS[name](pack, result, lang), dpi)
        out.append(Printed(name, img.size[0], img.size[1], zlib.compress(img.tobytes(), IMAGE_ZLIB_LEVEL)))
    return out
