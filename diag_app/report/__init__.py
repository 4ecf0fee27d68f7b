"""The diagnosis report: content (as data), charts, PDF, verification, spreadsheet exports.

Entry points (import the submodule you need; none of them loads matplotlib, reportlab, pypdf or
openpyxl until a function runs):

- ``content.build_report(pack, result, lang, meta) -> Report``: what the report says, as data
  (``document`` types; one module per part of the report in ``sections/``).
- ``charts.radar / level_bars / indicator_chart(pack, result, lang) -> Figure``: the figures
  the result panel shows and the PDF prints.
- ``page_charts.comparison_figure / levels_figure``: the history and portfolio pages' figures.
- ``chart_process.renderer().render(pack, result, lang, job, *args)``: any of these drawn in a
  separate process, so the window never waits on matplotlib.
- ``pdf.write_report(pack, result, out, lang, meta, progress) -> ReportInfo``: the PDF (pages laid
  out by ``layout``, their look in ``pagestyle``).
- ``verify.verify_file(path, lang) -> Verdict``: is a report PDF unaltered and consistent?
- ``tables.write_xlsx / write_csv(pack, result, out, lang)``, ``tables.portfolio_xlsx(rows, out)``.
- ``overview.overview_markdown(pack)``: the reviewed questionnaire overview (docs/questionnaire.md).
"""
