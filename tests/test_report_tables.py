"""XLSX and CSV exports: what a consultant builds an action plan from."""

from __future__ import annotations

import csv
import json

import pytest
from test_report_support import sample_file, sample_result

from diag_app.cli import main
from diag_app.report.tables import answer_rows, portfolio_xlsx, write_csv, write_xlsx


@pytest.fixture(scope="module")
def electronics():
    return sample_result("electronics")


def test_xlsx_has_answers_gaps_and_actions_per_subdomain(electronics, tmp_path):
    from openpyxl import load_workbook

    pack, r = electronics
    out = write_xlsx(pack, r, tmp_path / "plan.xlsx", "zh")
    wb = load_workbook(out)
    assert wb.sheetnames == ["概要", "作答明细", "差距与行动", "更新建议", "路线图", "更新计划与政策支持"]
    answers = wb["作答明细"]
    header = [c.value for c in answers[1]]
    assert header[:2] == ["能力要素", "能力子域"] and "评估说明" in header and "建议更新项目" in header
    s = r.scores
    n_items = len(pack.items_for(s.industry, s.path))
    assert answers.max_row - 1 == n_items
    assert answers.freeze_panes == "A2" and answers[1][0].font.bold
    ids = {row[header.index("编号")] for row in answers.iter_rows(min_row=2, values_only=True)}
    assert {q.id for q in pack.requirements_for(s.industry, s.path)} <= ids
    gaps = wb["差距与行动"]
    gheader = [c.value for c in gaps[1]]
    assert "投资估算下限（万元）" in gheader
    assert gaps.max_row - 1 == len(s.subdomains)
    money = [row[gheader.index("投资估算下限（万元）")] for row in gaps.iter_rows(min_row=2, values_only=True)]
    assert any(isinstance(v, int | float) and v > 0 for v in money)
    summary = dict(wb["概要"].iter_rows(values_only=True))
    assert summary["企业名称"] == r.assessment.enterprise.name
    assert summary["总分 S"] == round(s.s, 2)


def test_xlsx_has_the_roadmap_and_the_plans_with_their_support(tmp_path):
    from openpyxl import load_workbook

    pack, r = sample_result("automotive")
    assert r.support, "the automotive example has a plan"
    wb = load_workbook(write_xlsx(pack, r, tmp_path / "plan.xlsx", "en"))
    plans = wb["Plans and support"]
    header = [c.value for c in plans[1]]
    assert header[0] == "Planned item" and "Counted?" in header
    rows = list(plans.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(ps.estimates) for ps in r.support)
    counted = header.index("Counted support, upper bound (CNY)")
    assert sum(v or 0 for v in (row[counted] for row in rows)) >= r.support_total_cny - 0.01
    for row in rows:  # a field that does not apply is empty, never 0
        assert row[header.index("Loan (CNY)")] != 0 and row[header.index("Annual rate")] != 0
    from diag_app.describe import tier_claim

    assert wb["Summary"]["B9"].value == tier_claim(pack, r.tier.tier, "en")

    pack, r = sample_result("electronics")
    wb = load_workbook(write_xlsx(pack, r, tmp_path / "plan2.xlsx", "zh"))
    road = wb["路线图"]
    header = [c.value for c in road[1]]
    rows = list(road.iter_rows(min_row=2, values_only=True))
    rm = r.roadmap
    every = [*rm.planned, *(st for s in rm.stages if s.reachable for st in s.steps)]
    assert [row[header.index("更新项目")] for row in rows] == [st.item.name.zh for st in every]
    months = header.index("典型实施周期（月）")
    assert [row[months] for row in rows] == [st.item.months or None for st in every]
    summary = dict(wb["概要"].iter_rows(values_only=True))
    assert summary["建议的排序方式"].startswith("建议的排序")


def test_weights_are_percentages_and_every_sheet_prints_on_a4_one_page_wide(electronics, tmp_path):
    from openpyxl import load_workbook

    pack, r = electronics
    wb = load_workbook(write_xlsx(pack, r, tmp_path / "plan.xlsx", "zh"))
    gaps = wb["差距与行动"]
    weights = [c for c in gaps["C"][1:] if c.value is not None]
    assert weights and all(c.number_format.endswith("%") and 0 < c.value < 1 for c in weights)
    assert abs(sum(c.value for c in weights) - 1) < 0.01
    for ws in wb.worksheets:
        assert str(ws.page_setup.paperSize) == str(ws.PAPERSIZE_A4)
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert "&P" in ws.oddFooter.right.text
    assert (
        wb["作答明细"].print_title_rows.replace("$", "") == "1:1"
        and wb["作答明细"].page_setup.orientation == "landscape"
    )


def test_csv_is_the_same_table_and_opens_in_excel(electronics, tmp_path):
    pack, r = electronics
    out = write_csv(pack, r, tmp_path / "plan.csv", "en")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM so Excel reads UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    header, body = answer_rows(pack, r, "en")
    assert rows[0] == header and len(rows) - 1 == len(body)
    assert rows[0][1] == "Sub-domain"


def test_portfolio_xlsx_takes_rows_of_dicts(tmp_path):
    from openpyxl import load_workbook

    rows = [
        {
            "name": "上海甲公司",
            "credit_code": "91310000MA1FL00001",
            "s": 3.53,
            "tier": "示范性智能工厂",
            "support_total_cny": 1_250_000,
            "provisional": False,
            "custom": "x",
        },
        {"name": "上海乙公司", "s": 2.1, "level": 2},
    ]
    wb = load_workbook(portfolio_xlsx(rows, tmp_path / "all.xlsx"))
    ws = wb.active
    assert [c.value for c in ws[1]] == [
        "企业名称",
        "统一社会信用代码",
        "总分 S",
        "上海智能工厂分层",
        "政策支持估算合计（上限，万元）",
        "暂定结果",
        "custom",
        "CMMM 成熟度等级",
    ]
    assert [c.value for c in ws[2]][4] == 125.0 and ws.cell(2, 5).number_format == "#,##0.00"
    assert ws.cell(2, 6).value == "否"
    assert [c.value for c in ws[3]][:3] == ["上海乙公司", None, 2.1]


def test_export_cli(tmp_path, capsys):
    src = sample_file("electronics", tmp_path)
    assert main(["export-xlsx", str(src), "-o", str(tmp_path / "a.xlsx")]) == 0
    assert (tmp_path / "a.xlsx").stat().st_size > 5000
    assert main(["export-xlsx", str(src), "--csv", "-o", str(tmp_path / "a.csv")]) == 0
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("能力要素,能力子域")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    assert main(["export-xlsx", str(bad)]) == 2
    assert "format" in capsys.readouterr().err
