"""The figures of the history page (two assessments' sub-domain scores side by side) and of the
portfolio page (the workspace's CMMM levels beside the national distribution).

They live here, free of Qt, so that the chart process (``chart_process``) can draw them: on the GUI
thread, building and painting them blocked the window for 100–250 ms. Like ``charts``, each
function returns a ``matplotlib.figure.Figure`` and imports matplotlib only when it runs, so
importing this module stays cheap. Their inputs are plain picklable data: the pipe to the chart
process carries them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..describe import level_name
from ..i18n import tr
from ..model.comparison import Comparison
from ..model.questionnaire import Pack

if TYPE_CHECKING:
    from matplotlib.figure import Figure

COMPARISON_BEFORE = "#9aa5b1"
COMPARISON_AFTER = "#1f6fb2"
WORKSPACE = "#1f6fb2"
NATIONAL = "#d68910"

# The widths (inches) the figures were laid out for: the pages scale their dpi from these, so the
# labels keep the room they were given however wide the page is.
COMPARISON_INCHES = 6.4
LEVELS_INCHES = 5.2


def comparison_figure(c: Comparison, label_a: str, label_b: str) -> Figure:
    """Sub-domain scores of the two assessments side by side."""
    from .charts import _figure

    n = len(c.subdomains)
    fig = _figure(COMPARISON_INCHES, max(2.6, 0.26 * n + 0.8))
    ax = fig.add_subplot(111)
    ys = list(range(n))
    ax.barh([y + 0.2 for y in ys], [s.a or 0 for s in c.subdomains], 0.4, label=label_a, color=COMPARISON_BEFORE)
    ax.barh([y - 0.2 for y in ys], [s.b or 0 for s in c.subdomains], 0.4, label=label_b, color=COMPARISON_AFTER)
    ax.set_yticks(ys)
    ax.set_yticklabels([s.name for s in c.subdomains], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 5)
    # below the plot, not on it: inside, it covered the last sub-domains' bars
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncols=2, fontsize=7, frameon=False)
    ax.tick_params(axis="x", labelsize=7)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def in_bucket(key: str, level: int) -> bool:
    """Whether ``level`` falls in a distribution bucket such as "≤1", "2" or "≥4"."""
    try:
        if key.startswith(("≤", "<=")):
            return level <= int(key.lstrip("≤<="))
        if key.startswith(("≥", ">=")):
            return level >= int(key.lstrip("≥>="))
        return level == int(key)
    except ValueError:
        return False


def levels_figure(pack: Pack, levels: Mapping[int, int], assessed: int, lang: str) -> Figure:
    """Share of enterprises per CMMM level, beside the national distribution the pack gives.

    ``levels`` counts the assessed enterprises per level (``Portfolio.levels()``), ``assessed`` is
    how many there are: the whole portfolio would carry every enterprise's blocking checks across
    the pipe for two numbers a level.
    """
    from .charts import _figure

    total = max(1, assessed)
    if pack.distribution:
        keys = [k for k, _ in pack.distribution]
        ours = [sum(n for lv, n in levels.items() if in_bucket(k, lv)) / total * 100 for k in keys]
        national: list[float] | None = [v for _, v in pack.distribution]
        names = [tr("ui.pf.chart.level", lang, level=k) for k in keys]
    else:
        lvls = [0, *pack.scoring.levels]
        ours = [levels.get(lv, 0) / total * 100 for lv in lvls]
        national = None
        names = [level_name(pack, lv, lang) for lv in lvls]
    fig = _figure(LEVELS_INCHES, 2.6)
    ax = fig.add_subplot(111)
    xs = list(range(len(names)))
    width = 0.38 if national else 0.6
    ax.bar(
        [x - (width / 2 if national else 0) for x in xs],
        ours,
        width,
        color=WORKSPACE,
        label=tr("ui.pf.chart.workspace", lang),
    )
    if national:
        ax.bar([x + width / 2 for x in xs], national, width, color=NATIONAL, label=tr("ui.pf.chart.national", lang))
    ax.set_xticks(xs)
    ax.set_xticklabels(names, fontsize=8)
    ax.set_ylabel("%", fontsize=8)
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(fontsize=7, frameon=False)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig
