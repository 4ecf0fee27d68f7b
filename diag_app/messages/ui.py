"""Messages of the desktop app (diag_app/ui)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- general ------------------------------------------------------------------------------
    "ui.app.title": {"zh": "智能工厂自诊断", "en": "Smart Factory Self-Diagnosis"},
    "ui.ok": {"zh": "确定", "en": "OK"},
    "ui.cancel": {"zh": "取消", "en": "Cancel"},
    "ui.save": {"zh": "保存", "en": "Save"},
    "ui.loading": {"zh": "正在加载题库和工作区…", "en": "Loading the questionnaire and the workspace…"},
    "ui.opening": {"zh": "正在打开工作区 {path}…", "en": "Opening workspace {path}…"},
    "ui.level.n": {"zh": "{level} 级", "en": "Level {level}"},
    "ui.status.draft": {"zh": "草稿", "en": "Draft"},
    "ui.status.final": {"zh": "已定稿", "en": "Final"},
    "ui.status.workspace": {"zh": "工作区：{path}", "en": "Workspace: {path}"},
    "ui.mode.self": {"zh": "企业自评", "en": "Self-assessment"},
    "ui.mode.onsite": {"zh": "现场评估", "en": "On-site assessment"},
    "ui.file_filter.db": {
        "zh": "工作区数据库 (*.sqlite *.db *.sqlite3);;所有文件 (*)",
        "en": "Workspace databases (*.sqlite *.db *.sqlite3);;All files (*)",
    },
    # --- menus --------------------------------------------------------------------------------
    "ui.menu.file": {"zh": "文件(&F)", "en": "&File"},
    "ui.menu.edit": {"zh": "编辑(&E)", "en": "&Edit"},
    "ui.menu.view": {"zh": "视图(&V)", "en": "&View"},
    "ui.menu.help": {"zh": "帮助(&H)", "en": "&Help"},
    "ui.menu.language": {"zh": "语言 / Language", "en": "Language / 语言"},
    "ui.menu.new_enterprise": {"zh": "新建企业…", "en": "New Enterprise…"},
    "ui.menu.new_assessment": {"zh": "开始新评估…", "en": "New Assessment…"},
    "ui.menu.open_workspace": {"zh": "打开工作区…", "en": "Open Workspace…"},
    "ui.menu.new_workspace": {"zh": "新建工作区…", "en": "New Workspace…"},
    "ui.menu.quit": {"zh": "退出", "en": "Quit"},
    "ui.menu.find": {"zh": "查找题目", "en": "Find Item"},
    "ui.menu.next_unanswered": {"zh": "下一个未答题目", "en": "Next Unanswered Item"},
    "ui.menu.edit_enterprise": {"zh": "编辑企业信息…", "en": "Edit Enterprise…"},
    "ui.menu.view_workspace": {"zh": "企业列表", "en": "Enterprise List"},
    "ui.menu.view_assessment": {"zh": "当前评估", "en": "Current Assessment"},
    "ui.menu.help_contents": {"zh": "使用帮助", "en": "Help Contents"},
    "ui.menu.about": {"zh": "关于", "en": "About"},
    # --- workspace page -----------------------------------------------------------------------
    "ui.ws.title": {"zh": "企业列表", "en": "Enterprises"},
    "ui.ws.search": {
        "zh": "搜索企业名称、信用代码、行业或所在区（Ctrl+F）",
        "en": "Search name, credit code, industry or district (Ctrl+F)",
    },
    "ui.ws.all_industries": {"zh": "全部行业", "en": "All industries"},
    "ui.ws.all_tiers": {"zh": "全部分层", "en": "All tiers"},
    "ui.ws.new": {"zh": "新建企业", "en": "New enterprise"},
    "ui.ws.edit": {"zh": "编辑企业", "en": "Edit enterprise"},
    "ui.ws.open": {"zh": "打开评估", "en": "Open assessment"},
    "ui.ws.assess": {"zh": "开始新评估", "en": "New assessment"},
    "ui.ws.count": {"zh": "显示 {shown} / 共 {n} 家企业", "en": "Showing {shown} of {n} enterprises"},
    "ui.ws.count.one": {"zh": "显示 {shown} / 共 {n} 家企业", "en": "Showing {shown} of {n} enterprise"},
    "ui.ws.listing": {"zh": "正在读取企业列表…", "en": "Reading the enterprise list…"},
    "ui.ws.not_assessed": {"zh": "未评估", "en": "Not assessed"},
    "ui.ws.col.name": {"zh": "企业名称", "en": "Enterprise"},
    "ui.ws.col.credit_code": {"zh": "统一社会信用代码", "en": "Credit code"},
    "ui.ws.col.industry": {"zh": "行业", "en": "Industry"},
    "ui.ws.col.district": {"zh": "所在区", "en": "District"},
    "ui.ws.col.tier": {"zh": "上海分层（自评）", "en": "Shanghai tier (self-assessed)"},
    "ui.ws.col.score": {"zh": "总分 S", "en": "Score S"},
    "ui.ws.col.level": {"zh": "等级", "en": "Level"},
    "ui.ws.col.last_assessed": {"zh": "最近评估", "en": "Last assessed"},
    "ui.ws.col.status": {"zh": "状态", "en": "Status"},
    # --- enterprise dialog --------------------------------------------------------------------
    "ui.ent.title_new": {"zh": "新建企业", "en": "New enterprise"},
    "ui.ent.title_edit": {"zh": "编辑企业信息", "en": "Edit enterprise"},
    "ui.ent.name": {"zh": "企业名称", "en": "Name"},
    "ui.ent.credit_code": {"zh": "统一社会信用代码", "en": "Unified social credit code"},
    "ui.ent.industry": {"zh": "行业", "en": "Industry"},
    "ui.ent.path": {"zh": "生产类型", "en": "Production path"},
    "ui.ent.district": {"zh": "所在区", "en": "District"},
    "ui.ent.employees": {"zh": "从业人数", "en": "Employees"},
    "ui.ent.code_placeholder": {"zh": "18 位，例如 91310115MA1K4XXXXX", "en": "18 characters, e.g. 91310115MA1K4XXXXX"},
    "ui.ent.district_placeholder": {"zh": "例如：浦东新区", "en": "e.g. Pudong New Area"},
    "ui.ent.employees_placeholder": {"zh": "可不填", "en": "optional"},
    "ui.ent.path_default": {"zh": "按行业默认（{path}）", "en": "Industry default ({path})"},
    "ui.ent.path_choose": {"zh": "请选择…", "en": "Please choose…"},
    "ui.ent.hint": {
        "zh": "信用代码保存后不能修改；行业和生产类型决定问卷内容和权重。",
        "en": "The credit code cannot be changed once saved; industry and production path decide the questions and weights.",
    },
    "ui.ent.code_exists": {
        "zh": "工作区中已有信用代码为 {code} 的企业",
        "en": "an enterprise with credit code {code} is already in the workspace",
    },
    "ui.ent.saved": {"zh": "已保存企业“{name}”", "en": "Saved enterprise “{name}”"},
    # --- new assessment dialog ----------------------------------------------------------------
    "ui.new_assessment.title": {"zh": "开始新评估 — {name}", "en": "New assessment — {name}"},
    "ui.new_assessment.mode": {"zh": "评估方式", "en": "Mode"},
    "ui.new_assessment.assessor": {"zh": "评估人", "en": "Assessor"},
    "ui.new_assessment.assessor_placeholder": {"zh": "姓名（可不填）", "en": "name (optional)"},
    "ui.new_assessment.date": {"zh": "评估日期", "en": "Date"},
    "ui.new_assessment.start": {"zh": "开始评估", "en": "Start"},
    # --- editor -------------------------------------------------------------------------------
    "ui.ed.back": {"zh": "← 企业列表", "en": "← Enterprises"},
    "ui.ed.subtitle": {
        "zh": "{industry} · {path} · {mode} · 第 {revision} 版 · {status}",
        "en": "{industry} · {path} · {mode} · revision {revision} · {status}",
    },
    "ui.ed.assessor": {"zh": " · 评估人：{name}", "en": " · assessor: {name}"},
    "ui.ed.next_unanswered": {"zh": "下一未答", "en": "Next unanswered"},
    "ui.ed.finalise": {"zh": "定稿", "en": "Finalise"},
    "ui.ed.reopen": {"zh": "重新打开（新版本）", "en": "Reopen (new revision)"},
    "ui.ed.final_banner": {
        "zh": "本评估已定稿，不能再修改。如需修改，请点“重新打开”，将生成新版本，原版本保留。",
        "en": "This assessment is final and cannot be changed. Click “Reopen” to start a new revision; the final one is kept.",
    },
    "ui.ed.search": {
        "zh": "查找题目：编号或文字（Ctrl+F，回车/F3 下一个）",
        "en": "Find item by id or text (Ctrl+F; Enter/F3 for next)",
    },
    "ui.ed.matches": {"zh": "{n} 个匹配", "en": "{n} matches"},
    "ui.ed.matches.one": {"zh": "{n} 个匹配", "en": "{n} match"},
    "ui.ed.match_pos": {"zh": "第 {i} / {n} 个", "en": "{i} of {n}"},
    "ui.ed.overall": {"zh": "总体进度", "en": "Overall"},
    "ui.ed.overall_format": {"zh": "已答 {done} / {total}", "en": "{done} of {total} answered"},
    "ui.ed.saved": {"zh": "已保存 {time}", "en": "Saved {time}"},
    "ui.ed.all_answered": {"zh": "全部题目已作答", "en": "Every item is answered"},
    "ui.ed.indicators": {"zh": "关键指标", "en": "Key indicators"},
    "ui.ed.conditions": {"zh": "基本条件", "en": "Basic conditions"},
    "ui.ed.scenarios": {"zh": "典型场景", "en": "Typical scenarios"},
    "ui.ed.keys": {
        "zh": "键盘：1 全部满足 · 2 大部分满足 · 3 部分满足 · 4 不满足 · 0 不适用（是/否题：1 或 Y 为是，2 或 N 为否）；Delete 清除作答，Ctrl+Z 撤销；↑↓ / PgUp PgDn 换题，Tab 到备注，Ctrl+PgDn 下一页，Ctrl+J 下一未答。文件可直接拖到题目上作为证据。",
        "en": "Keys: 1 fully met · 2 largely met · 3 partly met · 4 not met · 0 not applicable (yes/no items: 1 or Y yes, 2 or N no); Delete clears an answer, Ctrl+Z undoes; ↑↓ / PgUp PgDn move, Tab to the note, Ctrl+PgDn next page, Ctrl+J next unanswered. Drop files on an item to attach evidence.",
    },
    # --- cards --------------------------------------------------------------------------------
    "ui.card.unanswered": {"zh": "未作答", "en": "Unanswered"},
    "ui.card.note": {"zh": "备注（可不填）", "en": "Note (optional)"},
    "ui.card.attach": {"zh": "添加证据…", "en": "Attach evidence…"},
    "ui.card.attach_tip": {
        "zh": "选择证据文件，或把文件拖到本题上（每个不超过 50 MB）",
        "en": "Choose evidence files, or drop them on this item (50 MB each at most)",
    },
    "ui.card.attaching": {"zh": "正在保存证据文件…", "en": "Saving evidence files…"},
    "ui.card.attach_title": {"zh": "选择证据文件", "en": "Choose evidence files"},
    "ui.card.evidence_examples": {"zh": "证据示例：{text}", "en": "Evidence, for example: {text}"},
    "ui.card.rate_key": {"zh": "快捷键 {shortcut}", "en": "Shortcut {shortcut}"},
    "ui.card.optional": {"zh": "（选填）", "en": "(optional)"},
    "ui.card.range": {"zh": "有效范围 {min}–{max} {unit}", "en": "valid range {min}–{max} {unit}"},
    "ui.card.targets": {"zh": "参考值（{better}）：{targets}", "en": "Reference values ({better}): {targets}"},
    "ui.card.better_higher": {"zh": "越高越好", "en": "higher is better"},
    "ui.card.better_lower": {"zh": "越低越好", "en": "lower is better"},
    "ui.card.condition.yes": {"zh": "1  满足", "en": "1  Met"},
    "ui.card.condition.no": {"zh": "2  不满足", "en": "2  Not met"},
    "ui.card.scenario.yes": {"zh": "1  已具备", "en": "1  In place"},
    "ui.card.scenario.no": {"zh": "2  未具备", "en": "2  Not in place"},
    # --- result panel -------------------------------------------------------------------------
    "ui.res.title": {"zh": "诊断结果", "en": "Diagnosis"},
    "ui.res.provisional": {"zh": "暂定", "en": "Provisional"},
    "ui.res.score": {"zh": "S = {s}", "en": "S = {s}"},
    "ui.res.level": {"zh": "CMMM 等级：{level}", "en": "CMMM level: {level}"},
    "ui.res.shanghai": {"zh": "上海分层（自评）", "en": "Shanghai tier (self-assessed)"},
    "ui.res.national": {"zh": "国家梯度（自评）", "en": "National ladder (self-assessed)"},
    "ui.res.recognition": {
        "zh": "这里只说明是否达到自评门槛：上海各分层和国家梯度中基础级以上的层级，由市级或国家主管部门认定。",
        "en": "This only says whether a self-assessment threshold is met: Shanghai tiers, and national tiers above the basic one, are recognised by the municipal or national authority.",
    },
    "ui.res.charts_unavailable": {"zh": "图表暂不可用：{detail}", "en": "Charts are not available: {detail}"},
    # --- workspace opening --------------------------------------------------------------------
    "ui.restore.newest": {"zh": "恢复最新备份", "en": "Restore newest backup"},
    "ui.restore.other": {"zh": "打开其他工作区…", "en": "Open another workspace…"},
    "ui.restore.done": {"zh": "已从备份 {backup} 恢复工作区", "en": "Workspace restored from backup {backup}"},
    # --- help and about -----------------------------------------------------------------------
    "ui.help.title": {"zh": "帮助", "en": "Help"},
    "ui.help.body": {
        "zh": "智能工厂自诊断 — 简要使用说明（用户指南文件缺失，请重新安装以获得完整指南）\n\n"
        "1. 在“企业列表”中新建企业（Ctrl+N），填写统一社会信用代码、行业和生产类型。\n"
        "2. 选中企业后点“开始新评估”（Ctrl+Shift+A），按要素和子域逐页作答。每一项的改动都会立即保存。\n"
        "3. 评分：全部满足 1、大部分满足 0.8、部分满足 0.5、不满足 0；“不适用”只用于题库允许的题目，并须在备注中写明理由。\n"
        "4. 按 Delete 或再次点击已选档位可清除作答；编辑 → 撤销（Ctrl+Z）/ 重做（Ctrl+Shift+Z 或 Ctrl+Y）。\n"
        "5. “引导作答”只问还会影响结果的题目，并显示还需几项即可得出最终结果。\n"
        "6. 右侧的诊断结果随作答实时更新；有未答题目时结果标为“暂定”。分层只说明是否达到自评门槛，由主管部门认定。\n"
        "7. 全部作答后点“定稿”；定稿后如需修改，点“重新打开”生成新版本。\n\n"
        "快捷键\n"
        "  1 / 2 / 3 / 4 / 0   评分（全部满足 / 大部分满足 / 部分满足 / 不满足 / 不适用）\n"
        "  Delete               清除作答\n"
        "  ↑ ↓ PgUp PgDn       上一题 / 下一题\n"
        "  Tab                  到备注和证据按钮\n"
        "  Ctrl+PgDn / PgUp    下一页 / 上一页\n"
        "  Ctrl+J               下一个未答题目\n"
        "  Ctrl+F               查找题目；回车或 F3 跳到下一个匹配\n"
        "  Ctrl+Z / Ctrl+Y      撤销 / 重做\n"
        "  Ctrl+N / Ctrl+O      新建企业 / 打开工作区\n"
        "  Ctrl+1 … Ctrl+5      企业列表 / 当前评估 / 更新改造与测算 / 历史与对比 / 企业总览\n"
        "  F1                   帮助",
        "en": "Smart Factory Self-Diagnosis — quick help (the user guide file is missing; reinstall to get the full guide)\n\n"
        "1. In the enterprise list, create an enterprise (Ctrl+N) with its credit code, industry and production path.\n"
        "2. Select it and click “New assessment” (Ctrl+Shift+A); answer page by page, element by sub-domain. Every change is saved at once.\n"
        "3. Ratings: fully met 1, largely met 0.8, partly met 0.5, not met 0; “not applicable” only where the pack allows it, with a reason in the note.\n"
        "4. Delete, or clicking the chosen rating again, clears an answer; Edit → Undo (Ctrl+Z) / Redo (Ctrl+Shift+Z or Ctrl+Y).\n"
        "5. “Guided” asks only what can still change the result and shows how many items remain until the result is final.\n"
        "6. The diagnosis on the right follows every answer; while items are unanswered it is marked provisional. A tier only says whether its self-assessment threshold is met; the authority recognises it.\n"
        "7. When everything is answered, click “Finalise”; to change a final assessment, “Reopen” it as a new revision.\n\n"
        "Keys\n"
        "  1 / 2 / 3 / 4 / 0   rate (fully / largely / partly / not met / not applicable)\n"
        "  Delete               clear the answer\n"
        "  ↑ ↓ PgUp PgDn       previous / next item\n"
        "  Tab                  to the note and the evidence button\n"
        "  Ctrl+PgDn / PgUp    next / previous page\n"
        "  Ctrl+J               next unanswered item\n"
        "  Ctrl+F               find items; Enter or F3 for the next match\n"
        "  Ctrl+Z / Ctrl+Y      undo / redo\n"
        "  Ctrl+N / Ctrl+O      new enterprise / open workspace\n"
        "  Ctrl+1 … Ctrl+5      enterprise list / assessment / what-if / history / portfolio\n"
        "  F1                   help",
    },
    "ui.about.title": {"zh": "关于智能工厂自诊断", "en": "About Smart Factory Self-Diagnosis"},
    "ui.about.body": {
        "zh": "版本 {version}\n题库：{pack}\nQt {qt} · PySide6 {pyside} · Python {python}\n\n面向上海制造企业的离线智能工厂成熟度自诊断工具（参照 GB/T 39116 / 39117）。",
        "en": "Version {version}\nQuestionnaire: {pack}\nQt {qt} · PySide6 {pyside} · Python {python}\n\nOffline smart-factory maturity self-diagnosis for Shanghai manufacturers (after GB/T 39116 / 39117).",
    },
    # --- part 2: exports and imports -------------------------------------------------------------
    "ui.menu.export_report": {"zh": "导出报告/表格…", "en": "Export Report or Tables…"},
    "ui.menu.export_bundle": {"zh": "导出数据包…", "en": "Export Bundle…"},
    "ui.menu.import": {"zh": "导入数据包…", "en": "Import Bundles…"},
    "ui.menu.view_whatif": {"zh": "更新改造与测算", "en": "Renewal and What-if"},
    "ui.file_filter.pdf": {"zh": "PDF 报告 (*.pdf)", "en": "PDF report (*.pdf)"},
    "ui.file_filter.xlsx": {"zh": "Excel 工作簿 (*.xlsx)", "en": "Excel workbook (*.xlsx)"},
    "ui.file_filter.csv": {"zh": "CSV 表格 (*.csv)", "en": "CSV table (*.csv)"},
    "ui.file_filter.bundle": {"zh": "评估数据包 (*.sfd)", "en": "Assessment bundles (*.sfd)"},
    "ui.file_filter.import": {
        "zh": "评估数据包或评估文件 (*.sfd *.zip *.json);;所有文件 (*)",
        "en": "Bundles or assessment files (*.sfd *.zip *.json);;All files (*)",
    },
    "ui.export.report_title": {"zh": "导出报告或表格", "en": "Export report or tables"},
    "ui.export.bundle_title": {"zh": "导出数据包", "en": "Export bundle"},
    "ui.export.bundle_hint": {
        "zh": "勾选要导出的企业：其全部评估及各版本、证据文件一并写入一个数据包，可在另一台电脑上导入。",
        "en": "Tick the enterprises to export: all their assessments, every revision and the evidence go into one bundle that another computer can import.",
    },
    "ui.export.which": {"zh": "评估版本", "en": "Assessment"},
    "ui.export.revision_label": {
        "zh": "{date} · {mode} · 第 {revision} 版 · {status}",
        "en": "{date} · {mode} · revision {revision} · {status}",
    },
    "ui.export.language": {"zh": "语言", "en": "Language"},
    "ui.export.format": {"zh": "格式", "en": "Format"},
    "ui.export.format.pdf": {"zh": "PDF 诊断报告", "en": "PDF diagnosis report"},
    "ui.export.format.xlsx": {"zh": "Excel 表格（XLSX）", "en": "Excel tables (XLSX)"},
    "ui.export.format.csv": {"zh": "CSV 表格", "en": "CSV table"},
    "ui.export.go": {"zh": "导出…", "en": "Export…"},
    "ui.export.select_all": {"zh": "全选", "en": "Select all"},
    "ui.export.select_none": {"zh": "全不选", "en": "Select none"},
    "ui.export.preparing": {"zh": "正在计算诊断结果…", "en": "Computing the diagnosis…"},
    "ui.export.writing": {"zh": "正在写入 {file}…", "en": "Writing {file}…"},
    "ui.export.done": {"zh": "已导出到 {path}", "en": "Exported to {path}"},
    "ui.import.title": {"zh": "导入数据包", "en": "Import bundles"},
    "ui.import.running": {"zh": "正在检查并导入…", "en": "Checking and importing…"},
    "ui.import.summary_title": {"zh": "导入结果", "en": "Import summary"},
    "ui.import.summary": {
        "zh": "新增 {added} 份评估，新增版本 {new_revisions} 个，已存在而跳过 {skipped} 个，拒绝 {rejected} 个文件。",
        "en": "{added} assessments added, {new_revisions} new revisions, {skipped} skipped as already here, {rejected} files rejected.",
    },
    "ui.import.col.what": {"zh": "企业 / 文件", "en": "Enterprise / file"},
    "ui.import.col.detail": {"zh": "说明", "en": "Details"},
    "ui.import.added": {"zh": "新增评估（{n}）", "en": "Added ({n})"},
    "ui.import.new_revisions": {"zh": "作为新版本保留（{n}）", "en": "Kept as new revisions ({n})"},
    "ui.import.skipped": {"zh": "已存在，跳过（{n}）", "en": "Already here, skipped ({n})"},
    "ui.import.rejected": {"zh": "被拒绝的文件（{n}）", "en": "Rejected files ({n})"},
    "ui.import.item": {
        "zh": "第 {revision} 版 · {mode} · 来自 {file}",
        "en": "revision {revision} · {mode} · from {file}",
    },
    "ui.import.differs": {
        "zh": "（内容与本机同一版本不同，保留本机版本）",
        "en": " (differs from the same revision here; the one here is kept)",
    },
    "ui.import.drop_hint": {"zh": "松开鼠标以导入数据包", "en": "Drop to import the bundles"},
    # --- part 2: renewal and what-if -------------------------------------------------------------
    "ui.whatif.title": {"zh": "更新改造与测算", "en": "Renewal and what-if"},
    "ui.whatif.back": {"zh": "← 当前评估", "en": "← Assessment"},
    "ui.whatif.save": {"zh": "保存为投资计划", "en": "Save as the investment plan"},
    "ui.whatif.hint": {
        "zh": "勾选准备实施的更新改造项目并填写计划投资额，上方即时显示实施后的总分 S、等级、上海分层和预计政策支持。支持金额为上限估算，以主管部门审核为准。",
        "en": "Tick the renewal items you plan and enter the planned amounts; the score S, level, Shanghai tier and estimated support after them show above at once. Support is an upper-bound estimate; the authority decides.",
    },
    "ui.whatif.amount": {"zh": "{amount} 元", "en": "CNY {amount}"},  # as the amounts beside it are written
    "ui.whatif.col.plan": {"zh": "计划", "en": "Plan"},
    "ui.whatif.col.item": {"zh": "更新改造项目", "en": "Renewal item"},
    "ui.whatif.col.reasons": {"zh": "建议原因", "en": "Why suggested"},
    "ui.whatif.col.range": {"zh": "投资区间", "en": "Investment range"},
    "ui.whatif.col.measures": {"zh": "可申请政策", "en": "Eligible measures"},
    "ui.whatif.col.amount": {"zh": "计划投资", "en": "Planned amount"},
    "ui.whatif.planned_only": {"zh": "（已列入计划）", "en": "(in the plan)"},
    "ui.whatif.now": {
        "zh": "当前：S = {s} · {level} · 上海分层（自评）：{tier}",
        "en": "Now: S = {s} · {level} · Shanghai tier (self-assessed): {tier}",
    },
    "ui.whatif.after": {
        "zh": "实施勾选项目后：S = {s}（{delta}）· {level} · 上海分层（自评）：{tier}",
        "en": "After the ticked items: S = {s} ({delta}) · {level} · Shanghai tier (self-assessed): {tier}",
    },
    "ui.whatif.tier_up": {"zh": "  ▲ 达到更高分层的自评门槛", "en": "  ▲ a higher tier's threshold met"},
    "ui.whatif.support": {
        "zh": "已选 {n} 项，计划投资 {investment}，预计政策支持最多 {support}。",
        "en": "{n} items ticked, planned investment {investment}, estimated support up to {support}.",
    },
    "ui.whatif.support.one": {
        "zh": "已选 1 项，计划投资 {investment}，预计政策支持最多 {support}。",
        "en": "1 item ticked, planned investment {investment}, estimated support up to {support}.",
    },
    "ui.whatif.road_title": {
        "zh": "达到下一分层自评门槛的路线图（投资最少）",
        "en": "Roadmap to the next tier's self-assessment threshold (least investment)",
    },
    "ui.whatif.road_running": {"zh": "正在计算路线图…", "en": "Computing the roadmap…"},
    "ui.whatif.road_top": {"zh": "已达到最高分层。", "en": "Already at the top tier."},
    "ui.whatif.road_unreachable": {
        "zh": "仅靠目录中的更新改造项目无法达到“{tier}”的自评门槛，还需要：\n",
        "en": "The catalogue's renewal items alone cannot meet the self-assessment threshold for “{tier}”; still needed:\n",
    },
    "ui.whatif.road_summary": {
        "zh": "按以下 {n} 步可达到“{tier}”的自评门槛，合计投资约 {investment}。",
        "en": "These {n} steps meet the self-assessment threshold for “{tier}”, about {investment} in total.",
    },
    "ui.whatif.road_summary.one": {
        "zh": "按以下 1 步可达到“{tier}”的自评门槛，合计投资约 {investment}。",
        "en": "This one step meets the self-assessment threshold for “{tier}”, about {investment} in total.",
    },
    "ui.whatif.more_lines": {"zh": "……另有 {n} 条（悬停查看）", "en": "… {n} more (hover to see)"},
    "ui.whatif.road.n": {"zh": "步骤", "en": "Step"},
    "ui.whatif.road.item": {"zh": "项目", "en": "Item"},
    "ui.whatif.road.cost": {"zh": "投资", "en": "Cost"},
    "ui.whatif.road.s": {"zh": "完成后 S · 等级", "en": "S · level after"},
    "ui.whatif.road.tier": {"zh": "完成后达到门槛的分层", "en": "Tier threshold met after"},
    "ui.whatif.saved": {"zh": "已保存投资计划", "en": "Investment plan saved"},
    # --- part 2: history and comparison ----------------------------------------------------------
    "ui.menu.view_history": {"zh": "评估历史与对比", "en": "History and Comparison"},
    "ui.hist.title": {"zh": "评估历史与对比 — {name}", "en": "History and comparison — {name}"},
    "ui.hist.a": {"zh": "对比：", "en": "Compare:"},
    "ui.hist.b": {"zh": "与：", "en": "with:"},
    "ui.hist.self_vs_onsite": {"zh": "自评 vs 现场评估", "en": "Self vs on-site"},
    "ui.hist.summary": {
        "zh": "S：{s_a} → {s_b}（{delta}） · 等级：{level_a} → {level_b} · 上海分层：{tier_a} → {tier_b}",
        "en": "S: {s_a} → {s_b} ({delta}) · level: {level_a} → {level_b} · Shanghai tier: {tier_a} → {tier_b}",
    },
    "ui.hist.changed_answers": {"zh": "有 {n} 项作答不同。", "en": "{n} answers differ."},
    "ui.hist.changed_answers.one": {"zh": "有 {n} 项作答不同。", "en": "{n} answer differs."},
    "ui.hist.answers_title": {"zh": "作答不同的题目", "en": "Answers that differ"},
    "ui.hist.col.date": {"zh": "评估日期", "en": "Date"},
    "ui.hist.col.mode": {"zh": "方式", "en": "Mode"},
    "ui.hist.col.revision": {"zh": "版本", "en": "Revision"},
    "ui.hist.col.status": {"zh": "状态", "en": "Status"},
    "ui.hist.col.s": {"zh": "总分 S", "en": "Score S"},
    "ui.hist.col.level": {"zh": "等级", "en": "Level"},
    "ui.hist.col.tier": {"zh": "上海分层（自评）", "en": "Shanghai tier (self-assessed)"},
    "ui.hist.sub.name": {"zh": "子域", "en": "Sub-domain"},
    "ui.hist.sub.a": {"zh": "前者", "en": "First"},
    "ui.hist.sub.b": {"zh": "后者", "en": "Second"},
    "ui.hist.sub.delta": {"zh": "变化", "en": "Change"},
    "ui.hist.ans.item": {"zh": "题目", "en": "Item"},
    "ui.hist.ans.a": {"zh": "前者作答", "en": "First answer"},
    "ui.hist.ans.b": {"zh": "后者作答", "en": "Second answer"},
    # --- part 2: portfolio -----------------------------------------------------------------------
    "ui.menu.view_portfolio": {"zh": "企业总览", "en": "Portfolio"},
    "ui.pf.title": {"zh": "企业总览", "en": "Portfolio"},
    "ui.pf.loading": {"zh": "正在汇总全部企业…", "en": "Summarising every enterprise…"},
    "ui.pf.export": {"zh": "导出 Excel…", "en": "Export to Excel…"},
    "ui.pf.totals": {
        "zh": "共 {n} 家企业，已评估 {assessed} 家，未评估 {not_assessed} 家（按每家企业最近一次评估统计）。",
        "en": "{n} enterprises, {assessed} assessed, {not_assessed} not yet (each counted by its latest assessment).",
    },
    "ui.pf.by_tier": {"zh": "按行业和上海分层统计", "en": "By industry and Shanghai tier"},
    "ui.pf.levels": {"zh": "CMMM 等级分布", "en": "CMMM level distribution"},
    "ui.pf.closest": {
        "zh": "最接近下一分层的企业（前 {n} 家，双击打开）",
        "en": "Closest to their next tier (top {n}; double-click to open)",
    },
    "ui.pf.total": {"zh": "合计", "en": "Total"},
    "ui.pf.count": {"zh": "企业数", "en": "Enterprises"},
    "ui.pf.col.name": {"zh": "企业名称", "en": "Enterprise"},
    "ui.pf.col.industry": {"zh": "行业", "en": "Industry"},
    "ui.pf.col.s": {"zh": "总分 S", "en": "Score S"},
    "ui.pf.col.tier": {"zh": "当前分层（自评）", "en": "Tier now (self-assessed)"},
    "ui.pf.col.next": {"zh": "下一分层", "en": "Next tier"},
    "ui.pf.col.missing": {"zh": "尚未满足的条件", "en": "Still missing"},
    "ui.pf.chart.workspace": {"zh": "本工作区", "en": "This workspace"},
    "ui.pf.chart.national": {"zh": "全国", "en": "National"},
    "ui.pf.chart.level": {"zh": "{level} 级", "en": "Level {level}"},
    "ui.help.close": {"zh": "关闭", "en": "Close"},
}

# Daily use (issue 18): undo, clearing, confirmations, workspace handling, guided mode, …
from .ui_daily import MESSAGES as _DAILY  # noqa: E402

assert not set(_DAILY) & set(MESSAGES), set(_DAILY) & set(MESSAGES)
MESSAGES.update(_DAILY)
