"""The history and portfolio pages' charts: figures free of Qt, drawn in the chart process (so
drawing them cannot freeze the window) and returned as PNG pictures of the size asked for. The
pages showing them are tested in test_ui_part2.py."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import warnings

import pytest
from test_report_support import sample, sample_result

from diag_app.model.comparison import compare
from diag_app.report import charts, page_charts
from diag_app.report.chart_process import renderer


@pytest.fixture(scope="module")
def comparison():
    pack, a = sample("electronics")
    return pack, compare(pack, a, pack, a, "zh")


def test_the_page_figures_and_their_data_import_nothing_of_qt():
    code = (
        "import sys; import diag_app.report.page_charts, diag_app.report.chart_process, diag_app.model.comparison; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken', 'matplotlib'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_figures_draw_their_words_with_the_bundled_font(comparison, lang):
    pack, c = comparison
    figures = [
        page_charts.comparison_figure(c, "第 1 版", "第 2 版"),
        page_charts.levels_figure(pack, {1: 1, 3: 3, 4: 2}, 6, lang),
    ]
    for fig in figures:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            charts.raster(fig, 100)
        assert not [str(w.message) for w in caught if "missing from" in str(w.message)]


def test_the_page_charts_come_from_the_chart_process_at_the_size_asked(comparison):
    from PIL import Image

    pack, c = comparison
    png = renderer().render(pack, None, "zh", "comparison", c, "前者", "后者", 610, 470, 95.0)
    child = renderer()._proc
    assert child is not None and child.poll() is None and child.pid != os.getpid()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert Image.open(io.BytesIO(png)).size == (610, 470)

    png = renderer().render(pack, None, "en", "portfolio", {0: 1, 2: 2, 3: 3}, 6, 530, 220, 100.0)
    assert renderer()._proc is child  # the same process, the pack sent to it once
    assert Image.open(io.BytesIO(png)).size == (530, 220)

    # the jobs the result panel and the report ask for are as they were
    _pack, r = sample_result("electronics")
    (name, radar), *_ = renderer().render(_pack, r, "zh", "screen", 300, 80.0, [("radar", 280)])
    assert name == "radar" and Image.open(io.BytesIO(radar)).size == (300, 280)
