"""Messages of the desktop app for daily use (issue 18): undo and redo, clearing answers,
confirmations, deleting, evidence, workspace handling, the welcome panel and the guided mode.
Merged into messages/ui.py's table. A key ending in ``.one`` is the singular of a count ``n``."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- undo ---------------------------------------------------------------------------------
    "ui.menu.undo": {"zh": "撤销", "en": "Undo"},
    "ui.menu.redo": {"zh": "重做", "en": "Redo"},
    "ui.menu.undo_what": {"zh": "撤销：{what}", "en": "Undo {what}"},
    "ui.menu.redo_what": {"zh": "重做：{what}", "en": "Redo {what}"},
    "ui.undo.answer": {"zh": "作答“{item}”", "en": "answer “{item}”"},
    "ui.undo.clear": {"zh": "清除作答“{item}”", "en": "clearing “{item}”"},
    "ui.undo.note": {"zh": "备注“{item}”", "en": "note on “{item}”"},
    # --- finalise and reopen ------------------------------------------------------------------
    "ui.ed.finalise_q": {"zh": "将“{name}”的这份评估定稿？", "en": "Finalise this assessment of “{name}”?"},
    "ui.ed.finalise_detail": {
        "zh": "定稿后不能再修改。需要修改时可“重新打开”，那会生成新版本，定稿的版本原样保留。",
        "en": "A final assessment cannot be changed. To change it later, reopen it: that starts a new revision and keeps the final one as it is.",
    },
    "ui.ed.unanswered_warning": {
        "zh": "还有 {n} 项未作答，定稿后它们按“不满足”计分。",
        "en": "{n} items are still unanswered; once final they count as not met.",
    },
    "ui.ed.unanswered_warning.one": {
        "zh": "还有 {n} 项未作答，定稿后它按“不满足”计分。",
        "en": "{n} item is still unanswered; once final it counts as not met.",
    },
    "ui.ed.reopen_q": {"zh": "重新打开“{name}”的这份评估？", "en": "Reopen this assessment of “{name}”?"},
    "ui.ed.reopen_detail": {
        "zh": "将生成第 {new} 版草稿供修改；已定稿的第 {revision} 版原样保留，可在评估历史中查看。",
        "en": "This starts revision {new} as a draft to change; final revision {revision} is kept as it is (see History).",
    },
    "ui.ed.reopen_unanswered": {
        "zh": "定稿时仍有 {n} 项未作答。",
        "en": "{n} items were unanswered when it was finalised.",
    },
    "ui.ed.reopen_unanswered.one": {
        "zh": "定稿时仍有 {n} 项未作答。",
        "en": "{n} item was unanswered when it was finalised.",
    },
}
MESSAGES.update(
    {
        # --- workspace handling and start-up --------------------------------------------------
        "ui.ws_missing.title": {"zh": "找不到上次使用的工作区。", "en": "The workspace used last cannot be found."},
        "ui.ws_missing.detail": {
            "zh": "{path}\n\n它可能已被移动、改名或删除，或在未连接的磁盘上。没有新建任何文件。",
            "en": "{path}\n\nIt may have been moved, renamed or deleted, or be on a disk that is not connected. No file has been created.",
        },
        "ui.ws_missing.locate": {"zh": "查找…", "en": "Locate…"},
        "ui.ws_missing.create": {"zh": "在原位置新建", "en": "Create a new one there"},
        "ui.ws_missing.default": {"zh": "打开默认工作区", "en": "Open the default workspace"},
        "ui.status.no_workspace": {"zh": "未打开工作区", "en": "No workspace open"},
        "ui.platform.missing": {
            "zh": "无法打开窗口：缺少 Qt 图形界面（xcb）需要的系统库。请先安装：\n  sudo apt-get install -y {packages}\n然后再运行 diag-app。命令行功能（score、report 等）不需要这些库。",
            "en": "Cannot open the window: system libraries that Qt's X11 (xcb) platform plugin needs are missing. Install them:\n  sudo apt-get install -y {packages}\nthen run diag-app again. The command line (score, report, …) does not need them.",
        },
        "ui.platform.no_display": {
            "zh": "无法打开窗口：没有图形显示（未设置 DISPLAY）。请在桌面会话中运行；远程登录时请开启 X11 转发（ssh -X）。命令行功能（score、report 等）不需要图形显示。",
            "en": "Cannot open the window: there is no display (DISPLAY is not set). Run it in a desktop session, or with X11 forwarding (ssh -X) when logged in remotely. The command line (score, report, …) needs no display.",
        },
    }
)
MESSAGES.update(
    {
        # --- guided mode --------------------------------------------------------------------------
        "ui.guide.button": {"zh": "引导作答", "en": "Guided"},
        "ui.guide.tip": {
            "zh": "逐级提问：只问还会影响结果的题目；某一级明确达不到时，不再问更高级别（随时可以继续）。",
            "en": "Asks level by level, only what can still change the result; once a level is clearly not met, higher levels are not asked (you can always go on).",
        },
        "ui.guide.level": {
            "zh": "引导作答 · {level}：还会影响结果的 {n} 项",
            "en": "Guided · {level}: {n} items that can still change the result",
        },
        "ui.guide.level.one": {
            "zh": "引导作答 · {level}：还会影响结果的 {n} 项",
            "en": "Guided · {level}: {n} item that can still change the result",
        },
        "ui.guide.others": {
            "zh": "引导作答 · 分层仍取决于的 {n} 项（基本条件、指标、场景）",
            "en": "Guided · {n} items the tiers still depend on (conditions, indicators, scenarios)",
        },
        "ui.guide.others.one": {
            "zh": "引导作答 · 分层仍取决于的 {n} 项（基本条件、指标、场景）",
            "en": "Guided · {n} item the tiers still depend on (conditions, indicators, scenarios)",
        },
        "ui.guide.beyond": {
            "zh": "继续作答 · {level}：{n} 项（不影响当前结果）",
            "en": "Going on · {level}: {n} items (the result does not depend on them)",
        },
        "ui.guide.beyond.one": {
            "zh": "继续作答 · {level}：{n} 项（不影响当前结果）",
            "en": "Going on · {level}: {n} item (the result does not depend on it)",
        },
        "ui.guide.final": {"zh": "结果已确定。", "en": "The result is final."},
        "ui.guide.final_why": {
            "zh": "“{level}”即使其余各项全部满足也达不到，因此更高级别的题目不会改变得分、等级和分层。需要完整记录时，可以继续作答。",
            "en": "“{level}” stays below the threshold even if every open item there were fully met, so items of higher levels cannot change the score, level or tier. Go on if you want a complete record.",
        },
        "ui.guide.final_all": {
            "zh": "其余未答题目不会改变得分、等级和分层。需要完整记录时，可以继续作答。",
            "en": "The items still open cannot change the score, level or tier. Go on if you want a complete record.",
        },
        "ui.guide.continue": {"zh": "继续作答{level}", "en": "Go on with {level}"},
        "ui.guide.leave": {"zh": "退出引导", "en": "Leave the guide"},
        "ui.guide.remaining": {"zh": "还需 {n} 项即可得出最终结果", "en": "{n} items until the result is final"},
        "ui.guide.remaining.one": {"zh": "还需 {n} 项即可得出最终结果", "en": "{n} item until the result is final"},
        "ui.guide.final_short": {
            "zh": "结果已确定（其余 {n} 项不影响结果）",
            "en": "Result final ({n} open items cannot change it)",
        },
        "ui.guide.final_short.one": {
            "zh": "结果已确定（其余 {n} 项不影响结果）",
            "en": "Result final ({n} open item cannot change it)",
        },
    }
)
MESSAGES.update(
    {
        # --- cards: rating guidance, 不适用 with a reason, existing systems ----------------------------
        "ui.card.guidance": {"zh": "“{rating}”指：{text}", "en": "“{rating}” means: {text}"},
        "ui.card.guidance_hint": {
            "zh": "把鼠标停在评分按钮上可查看每一档的含义（覆盖面、运行时间、记录）。",
            "en": "Hover over a rating to see what it means (coverage, time in use, records).",
        },
        "ui.card.na_when": {"zh": "可选“不适用”的情形：{text}", "en": "“Not applicable” fits when: {text}"},
        "ui.card.na_not_allowed": {
            "zh": "此项不能选“不适用”：题库未将它列为可能不适用，请按实际情况评分。",
            "en": "This item cannot be “not applicable”: the pack does not list it as possibly not applicable. Rate it as it is.",
        },
        "ui.card.na_reason": {
            "zh": "选“不适用”须在备注中写明理由，写好后按 Tab 或 Enter 保存。",
            "en": "“Not applicable” needs a reason in the note; type it, then press Tab or Enter to save.",
        },
        "ui.card.na_reason_placeholder": {"zh": "不适用的理由（必填）", "en": "Why it does not apply (required)"},
        "ui.card.profile.yes": {"zh": "已有", "en": "In place"},
        "ui.card.profile.no": {"zh": "没有", "en": "Not in place"},
        "ui.ed.profile": {"zh": "现有系统与装备", "en": "Existing systems and equipment"},
        "ui.ed.profile.systems": {"zh": "信息系统", "en": "Information systems"},
        "ui.ed.profile.equipment": {"zh": "装备与设施", "en": "Equipment and facilities"},
        "ui.ed.profile.business": {"zh": "经营情况", "en": "The business"},
        "ui.ed.conditions.basic": {
            "zh": "基本条件（每个分层都要求）",
            "en": "Basic conditions (every tier checks them)",
        },
        "ui.ed.conditions.tier": {
            "zh": "层级条件（仅部分分层要求）",
            "en": "Tier conditions (only some tiers check them)",
        },
        # --- a whole sub-domain not applicable -----------------------------------------------------
        "ui.na_sd.may": {
            "zh": "如果本子域整体不适用于本企业，可以整体标为不适用（须写明理由）。",
            "en": "If this sub-domain does not apply to the enterprise at all, it can be declared not applicable (with a reason).",
        },
        "ui.na_sd.declared": {
            "zh": "本子域已整体标为不适用，不再作答、不计分。理由：{reason}",
            "en": "This sub-domain is declared not applicable: not asked, not scored. Reason: {reason}",
        },
        "ui.na_sd.declare_button": {"zh": "整体不适用…", "en": "Not applicable…"},
        "ui.na_sd.withdraw": {"zh": "撤回不适用", "en": "Withdraw"},
        "ui.na_sd.title": {"zh": "“{name}”整体不适用", "en": "“{name}” does not apply"},
        "ui.na_sd.when": {"zh": "题库说明，以下情形可整体不适用：{text}", "en": "The pack allows it when: {text}"},
        "ui.na_sd.placeholder": {
            "zh": "写明为什么本企业没有这方面的业务（必填，会写入报告）。",
            "en": "Say why the enterprise has no such activity (required; it goes into the report).",
        },
        "ui.na_sd.declare": {"zh": "标为不适用", "en": "Declare not applicable"},
        "ui.undo.na_sd": {"zh": "“{name}”整体不适用", "en": "“{name}” not applicable"},
        "ui.undo.na_sd_withdraw": {"zh": "撤回“{name}”的不适用", "en": "withdrawing “{name}” not applicable"},
    }
)
MESSAGES.update(
    {
        "ui.help.ratings_title": {"zh": "2. 评分档位", "en": "2. What each rating means"},
        "ui.help.col.rating": {"zh": "档位", "en": "Rating"},
        "ui.help.col.value": {"zh": "分值", "en": "Value"},
        "ui.help.col.meaning": {
            "zh": "含义（覆盖面、运行时间、记录）",
            "en": "Meaning (coverage, time in use, records)",
        },
        "ui.help.na_rule": {
            "zh": "“不适用”只能用于题库标明可能不适用的题目（卡片上写明适用情形），并须在备注中写明理由；不计入任何平均值。整个子域也可以在题库允许时整体标为不适用（写明理由）。",
            "en": "“Not applicable” is only for items the pack marks as possibly not applicable (the card says when) and needs a reason in the note; it drops out of every mean. Where the pack allows it, a whole sub-domain can be declared not applicable (with a reason).",
        },
        "ui.help.na_warning": {
            "zh": "按不适用处理的要求超过 {limit}% 时，结果面板（等级下方）和报告会提示结果的可比性下降。",
            "en": "When more than {limit} % of the requirements are set aside as not applicable, the result panel (under the level) and the report warn that the result is less comparable.",
        },
        "ui.help.tier_title": {"zh": "4. 分层的自评门槛", "en": "4. Tiers: self-assessment thresholds"},
        "ui.help.tier_intro": {
            "zh": "程序只说明评估是否达到各分层的自评门槛，上海智能工厂分层和国家梯度培育分别判定：某一分层下列出的条件全部满足，才达到该分层的自评门槛。结果面板的徽标显示达到门槛的最高分层，其下列出判定依据和距下一分层还差的条件。",
            "en": "The app only says whether an assessment meets each tier's self-assessment threshold, for the Shanghai smart-factory tiers and the national cultivation ladder apart: a tier's threshold is met only when every condition listed under it is met. The badge in the result panel names the highest tier whose threshold is met; below it are the reasons and what is still missing for the next tier.",
        },
        "ui.help.tier_pack": {
            "zh": "以下条件取自题库“{pack}”{version} 版。",
            "en": "The conditions below are those of the questionnaire pack “{pack}”, version {version}.",
        },
        "ui.help.tier_rules": {
            "zh": "“{tier}”的自评门槛（须全部满足）：",
            "en": "The self-assessment threshold for {tier} (all of these):",
        },
        "ui.help.tier_source": {"zh": "依据：{source}", "en": "Source: {source}"},
        "ui.help.tier_default": {
            "zh": "标有“{mark}”的条件是本产品对政策的理解，不是标准或政策的原文；报告的声明部分列出全部产品默认规则。",
            "en": "Conditions marked “{mark}” are this product's reading of the policy, not words of the standard or the policy; the report's disclaimers list every product default.",
        },
        "ui.help.unanswered": {
            "zh": "未作答的题目按“不满足”计算，结果标为“暂定”：随着作答，结果只会上升，不会回落。",
            "en": "Unanswered items count as not met and the result is marked provisional: it can only rise as answers arrive.",
        },
        "ui.help.guided": {
            "zh": "“引导作答”逐级提问，只问还会影响结果的题目：某一级即使其余各项全部满足也达不到时，更高级别的题目不会改变得分和分层，引导就不再问（可以随时继续）。工具栏显示还需回答几项即可得出最终结果。",
            "en": "“Guided” asks level by level, only the items that can still change the result: once a level stays below the threshold even if every open item there were fully met, higher levels cannot change the score or tier and are not asked (you can always go on). The tool bar shows how many items remain until the result is final.",
        },
    }
)
MESSAGES.update(
    {
        "ui.ws.changed_elsewhere": {
            "zh": "工作区已被其他程序更新（例如命令行导入），列表已刷新。",
            "en": "The workspace was changed by another program (e.g. a command-line import); the list is up to date again.",
        },
    }
)
MESSAGES.update(
    {
        "ui.welcome.title": {"zh": "欢迎使用智能工厂自诊断", "en": "Welcome to Smart Factory Self-Diagnosis"},
        "ui.welcome.body": {
            "zh": "这个工作区还没有企业。可以先打开示例看看六个重点行业的完整评估和结果，或直接录入第一家企业。",
            "en": "This workspace has no enterprise yet. Open the examples to see complete assessments and results of the six key industries, or start with your first enterprise.",
        },
        "ui.welcome.first": {"zh": "录入第一家企业…", "en": "Add the first enterprise…"},
        "ui.welcome.examples": {"zh": "打开示例", "en": "Open the examples"},
        "ui.welcome.examples_note": {
            "zh": "示例在单独的示例工作区（examples.db）中打开，不会混入您的数据；用“文件 → 打开工作区”可随时回来。",
            "en": "The examples open in a workspace of their own (examples.db), apart from your data; come back with File → Open Workspace.",
        },
        "ui.welcome.opening": {"zh": "正在打开示例…", "en": "Opening the examples…"},
    }
)
MESSAGES.update(
    {
        "ui.card.evidence_head": {"zh": "证据（{n} 个文件）：", "en": "Evidence ({n} files):"},
        "ui.card.evidence_head.one": {"zh": "证据（{n} 个文件）：", "en": "Evidence ({n} file):"},
        "ui.ev.open": {"zh": "打开", "en": "Open"},
        "ui.ev.replace": {"zh": "替换…", "en": "Replace…"},
        "ui.ev.remove": {"zh": "移除", "en": "Remove"},
        "ui.ev.opening": {"zh": "正在打开 {name}…", "en": "Opening {name}…"},
        "ui.ev.replace_title": {"zh": "用哪个文件替换“{name}”", "en": "Replace “{name}” with"},
        "ui.undo.evidence_add": {"zh": "添加证据“{item}”", "en": "attaching evidence to “{item}”"},
        "ui.undo.evidence_remove": {"zh": "移除证据“{name}”", "en": "removing “{name}”"},
        "ui.undo.evidence_replace": {"zh": "替换证据“{name}”", "en": "replacing “{name}”"},
    }
)
MESSAGES.update(
    {
        "ui.menu.delete_enterprise": {"zh": "删除企业…", "en": "Delete Enterprise…"},
        "ui.menu.delete_assessment": {"zh": "删除当前评估…", "en": "Delete This Assessment…"},
        "ui.menu.recycle_bin": {"zh": "回收站…", "en": "Recycle Bin…"},
        "ui.del.enterprise_q": {"zh": "删除企业“{name}”？", "en": "Delete the enterprise “{name}”?"},
        "ui.del.enterprise_detail": {
            "zh": "它和它的 {n} 份评估（含全部版本和证据）将移入回收站，可以撤销（Ctrl+Z），也可以从“编辑 → 回收站”恢复。",
            "en": "It and its {n} assessments (every revision and evidence file) go to the recycle bin: undo with Ctrl+Z, or restore them from Edit → Recycle Bin.",
        },
        "ui.del.enterprise_detail.one": {
            "zh": "它和它的 {n} 份评估（含全部版本和证据）将移入回收站，可以撤销（Ctrl+Z），也可以从“编辑 → 回收站”恢复。",
            "en": "It and its {n} assessment (every revision and evidence file) go to the recycle bin: undo with Ctrl+Z, or restore them from Edit → Recycle Bin.",
        },
        "ui.del.assessment_q": {
            "zh": "删除“{name}”{date} 的这份评估？",
            "en": "Delete the assessment of “{name}” of {date}?",
        },
        "ui.del.assessment_detail": {
            "zh": "它的 {n} 个版本（含证据）将移入回收站，可以撤销（Ctrl+Z），也可以从“编辑 → 回收站”恢复。",
            "en": "Its {n} revisions (with their evidence) go to the recycle bin: undo with Ctrl+Z, or restore them from Edit → Recycle Bin.",
        },
        "ui.del.assessment_detail.one": {
            "zh": "它的 {n} 个版本（含证据）将移入回收站，可以撤销（Ctrl+Z），也可以从“编辑 → 回收站”恢复。",
            "en": "Its {n} revision (with its evidence) goes to the recycle bin: undo with Ctrl+Z, or restore it from Edit → Recycle Bin.",
        },
        "ui.del.go": {"zh": "移入回收站", "en": "Move to the recycle bin"},
        "ui.del.done": {
            "zh": "“{name}”已移入回收站（Ctrl+Z 撤销）。",
            "en": "“{name}” is in the recycle bin (Ctrl+Z undoes).",
        },
        "ui.undo.plans": {"zh": "保存更新计划（{n} 项）", "en": "saving the renewal plan ({n} items)"},
        "ui.undo.plans.one": {"zh": "保存更新计划（1 项）", "en": "saving the renewal plan (1 item)"},
        "ui.undo.delete": {"zh": "删除“{name}”", "en": "deleting “{name}”"},
        "ui.bin.old": {
            "zh": "回收站中有 {n} 项删除已满 30 天，可在“编辑 → 回收站”中永久删除",
            "en": "{n} items in the recycle bin were deleted 30 or more days ago: remove them for good in Edit → Recycle Bin",
        },
        "ui.bin.old.one": {
            "zh": "回收站中有 1 项删除已满 30 天，可在“编辑 → 回收站”中永久删除",
            "en": "1 item in the recycle bin was deleted 30 or more days ago: remove it for good in Edit → Recycle Bin",
        },
        "ui.bin.title": {"zh": "回收站", "en": "Recycle bin"},
        "ui.bin.hint": {
            "zh": "删除的企业、评估和证据文件保留在这里，可以完整恢复；“彻底删除”后不能再恢复。",
            "en": "Deleted enterprises, assessments and evidence files stay here and can be restored whole; once removed for good they cannot.",
        },
        "ui.bin.empty": {"zh": "回收站是空的。", "en": "The recycle bin is empty."},
        "ui.bin.col.what": {"zh": "类别", "en": "Kind"},
        "ui.bin.col.name": {"zh": "企业", "en": "Enterprise"},
        "ui.bin.col.detail": {"zh": "内容", "en": "What"},
        "ui.bin.col.when": {"zh": "删除时间", "en": "Deleted"},
        "ui.bin.kind.enterprise": {"zh": "企业", "en": "Enterprise"},
        "ui.bin.kind.assessment": {"zh": "评估", "en": "Assessment"},
        "ui.bin.kind.evidence": {"zh": "证据文件", "en": "Evidence file"},
        "ui.bin.assessments": {"zh": "含 {n} 份评估", "en": "with {n} assessments"},
        "ui.bin.assessments.one": {"zh": "含 {n} 份评估", "en": "with {n} assessment"},
        "ui.bin.assessment": {"zh": "{date}，{n} 个版本", "en": "{date}, {n} revisions"},
        "ui.bin.assessment.one": {"zh": "{date}，{n} 个版本", "en": "{date}, {n} revision"},
        "ui.bin.evidence": {"zh": "{name}（{item}）", "en": "{name} (on “{item}”)"},
        "ui.bin.restore": {"zh": "恢复", "en": "Restore"},
        "ui.bin.purge": {"zh": "彻底删除", "en": "Remove for good"},
        "ui.bin.purge_q": {"zh": "彻底删除“{name}”？", "en": "Remove “{name}” for good?"},
        "ui.bin.purge_detail": {
            "zh": "彻底删除后不能恢复；不再被其他评估引用的证据文件也一并删除。",
            "en": "It cannot be restored afterwards; evidence files nothing else refers to go with it.",
        },
    }
)
