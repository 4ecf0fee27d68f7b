"""The one set of figures the GUI and the PDF share: plain Figures, Chinese drawn with the
bundled font, the lines a reader compares against."""

from __future__ import annotations

import subprocess
import sys
import warnings

import pytest
from test_report_support import sample_result

from diag_app.report import charts


@pytest.fixture(scope="module")
def electronics():
    return sample_result("electronics")


def texts(fig) -> list:
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_text()]


@pytest.mark.parametrize("name", ["radar", "level_bars", "indicator_chart"])
def test_charts_are_plain_figures_drawn_with_the_bundled_font(electronics, name):
    from matplotlib.figure import Figure

    pack, r = electronics
    fig = getattr(charts, name)(pack, r, "zh")
    assert type(fig) is Figure
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        img = charts.raster(fig, 100)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message)]
    assert not missing, missing[:3]
    assert img.size[0] > 500
    chinese = [t for t in texts(fig) if any("\u4e00" <= ch <= "\u9fff" for ch in t.get_text())]
    assert chinese, "every chart has Chinese labels"
    for t in chinese:
        assert t.get_fontname() == "Noto Sans SC", (t.get_text(), t.get_fontname())


def test_radar_has_every_subdomain_and_the_target_of_the_next_tier(electronics):
    pack, r = electronics
    fig = charts.radar(pack, r, "zh")
    labels = {t.get_text() for t in texts(fig)}
    assert {sd.name.zh for sd in pack.subdomains.values()} <= labels
    assert any("标杆性智能工厂目标（4 级）" in t for t in labels)
    (ax,) = fig.axes
    target = next(line for line in ax.get_lines() if "目标" in line.get_label())
    assert set(target.get_ydata()) == {4}


def test_level_bars_show_the_threshold(electronics):
    pack, r = electronics
    fig = charts.level_bars(pack, r, "en")
    (ax,) = fig.axes
    assert any(set(line.get_ydata()) == {0.8} for line in ax.get_lines())
    heights = [round(p.get_height(), 4) for p in ax.patches]
    assert heights == [round(v or 0, 4) for v in r.scores.level_scores.values()]
    assert "Threshold 0.8" in {t.get_text() for t in texts(fig)}


def test_indicator_chart_compares_with_shanghai_and_national_2027_targets(electronics):
    pack, r = electronics
    fig = charts.indicator_chart(pack, r, "zh")
    labels = {t.get_text() for t in texts(fig)}
    assert "上海 2027 年目标" in labels and "全国 2027 年目标" in labels
    assert "关键工序数控化率（%）" in labels


def test_importing_the_report_package_loads_neither_matplotlib_nor_reportlab():
    code = (
        "import sys, diag_app.report.charts, diag_app.report.content, diag_app.report.document, diag_app.report.pdf, "
        "diag_app.report.verify, diag_app.report.tables, diag_app.report.fonts, diag_app.cli_report;"
        "bad = [m for m in ('matplotlib', 'reportlab', 'pypdf', 'openpyxl') if m in sys.modules];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_a_missing_font_is_a_loud_error(monkeypatch, tmp_path):
    from diag_app.report import fonts

    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path)
    with pytest.raises(fonts.FontMissing, match=r"NotoSansSC_400Regular\.ttf"):
        fonts.font_files()


def test_the_chart_process_does_not_draw_the_same_pictures_twice():
    """A report exported again (or re-rendered by verify) takes its charts from the last drawing:
    the child is not asked again for the same result, language and resolution, and is for another."""
    from diag_app.report import chart_process

    pack, r = sample_result("electronics")
    proc = chart_process.ChartProcess()
    try:
        first = proc.render(pack, r, "zh", "print", ["radar"], 72)
        proc._stop()
        again = proc.render(pack, r, "zh", "print", ["radar"], 72)
        assert proc._proc is None, "no child was started for pictures already drawn"
        assert [p.flate for p in again] == [p.flate for p in first]
        other = proc.render(pack, r, "en", "print", ["radar"], 72)
        assert proc._proc is not None and [p.flate for p in other] != [p.flate for p in first]
    finally:
        proc.close(wait=True)


def test_matplotlib_imported_the_short_way_draws_as_before():
    """import_matplotlib skips help texts, set() signatures and the 3D toolkit while matplotlib
    loads, and leaves fontTools' glyph names to their first use: set() still takes every property
    and alias, the polar projection is there, nothing is warned, and the 3D toolkit and the glyph
    names are there when asked for."""
    code = (
        "import sys, warnings; warnings.simplefilter('error');"
        "from diag_app.report.charts import import_matplotlib; import_matplotlib();"
        "assert 'mpl_toolkits.mplot3d.axes3d' not in sys.modules;"
        "assert 'fontTools.misc.textTools' not in sys.modules;"
        "from matplotlib.lines import Line2D; from matplotlib.figure import Figure;"
        "ln = Line2D([0], [0]); ln.set(color='red', lw=3, label='x');"
        "assert (ln.get_color(), ln.get_linewidth(), ln.get_label()) == ('red', 3, 'x');"
        "ax = Figure().add_subplot(projection='polar'); assert ax.name == 'polar';"
        "from mpl_toolkits.mplot3d import Axes3D; assert Axes3D.name == '3d';"
        "from matplotlib import dviread; import fontTools.agl; assert fontTools.agl.toUnicode('uni4E00') == '一'"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
