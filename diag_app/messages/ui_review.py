"""GUI messages for what a reviewer meets: the PDF export's options (draft, appendix, evidence
index, signing), verifying a report, the scope and team of an assessment, the import summary's
copies and conflicts, and the result panel's sensitivity line."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- the PDF export's options ------------------------------------------------------------------
    "ui.pdf.options": {"zh": "PDF 报告选项", "en": "PDF report options"},
    "ui.pdf.not_draft": {
        "zh": "该版本已定稿且全部作答：报告不带草稿水印。",
        "en": "This revision is final and fully answered: the report carries no draft mark.",
    },
    "ui.pdf.finalise_first": {"zh": "先定稿…", "en": "Finalise first…"},
    "ui.pdf.reopen_first": {
        "zh": "该版本已定稿但仍有未作答项：报告带草稿水印。要去掉水印，需重新打开（生成新版本）、答完其余各项后再定稿。",
        "en": "This revision is final but has unanswered items, so the report is a draft. To remove the mark, reopen "
        "it (a new revision), answer the rest and finalise again.",
    },
    "ui.pdf.answer_first": {
        "zh": "答完其余各项并定稿后，报告才不带草稿水印。",
        "en": "The draft mark goes once the remaining items are answered and the assessment is finalised.",
    },
    "ui.pdf.evidence": {
        "zh": "证据索引：本版本作答所附的 {n} 个文件（涉及 {items} 项）将按文件名与 SHA-256 列入报告。",
        "en": "Evidence index: files attached to this revision's answers: {n} (answers with files: {items}); "
        "the report lists them by name and SHA-256.",
    },
    "ui.pdf.no_evidence": {
        "zh": "证据索引：本版本的作答未附证据文件，报告将如实注明。",
        "en": "Evidence index: no files are attached to this revision's answers; the report says so.",
    },
    "ui.pdf.sign": {"zh": "签署（数字签名）", "en": "Sign (digital signature)"},
    "ui.pdf.sign_change": {"zh": "更换身份…", "en": "Change identity…"},
    "ui.pdf.signing_as": {"zh": "将以“{who}”签署。", "en": "To be signed as “{who}”."},
    "ui.pdf.unsigned": {
        "zh": "不签署：封面注明本报告未经数字签名，文件本身不能证明由谁出具。",
        "en": "Not signed: the cover says the report is not digitally signed, so the file itself does not "
        "prove who issued it.",
    },
    "ui.pdf.signing": {"zh": "正在签署…", "en": "Signing…"},
    "ui.pdf.signed_done": {
        "zh": "已导出并签署：{path}（签署人：{who}）",
        "en": "Exported and signed: {path} (signed by {who})",
    },
    # --- verify a report ---------------------------------------------------------------------------
    "ui.menu.verify_report": {"zh": "核验报告…", "en": "Verify a Report…"},
    "ui.verify.title": {"zh": "核验报告", "en": "Verify a report"},
    "ui.verify.choose": {"zh": "选择要核验的报告 PDF", "en": "Choose the report PDF to verify"},
    "ui.verify.running": {
        "zh": "正在核验 {file}：依据内嵌数据重新生成报告并逐页比较…",
        "en": "Verifying {file}: rendering the report again from its embedded data and comparing every page…",
    },
    "ui.verify.status.0": {"zh": "核验通过", "en": "Verified"},
    "ui.verify.status.1": {"zh": "核验未通过：文件已被改动", "en": "Not verified: the file was changed"},
    "ui.verify.status.2": {"zh": "无法核验", "en": "Cannot be checked"},
    "ui.verify.file": {"zh": "文件：{path}", "en": "File: {path}"},
    "ui.verify.what_differs": {"zh": "不一致之处：", "en": "What differs:"},
    "ui.verify.signer": {"zh": "签署人：{signer}", "en": "Signed by: {signer}"},
    "ui.verify.signer_self": {
        "zh": "签署人：{signer}（自签名：只证明持有该密钥的人签署，不能证明其真实身份）",
        "en": "Signed by: {signer} (self-signed: proves only that the holder of its key signed, not who that is)",
    },
    "ui.verify.unsigned": {
        "zh": "未签名：内容已核对，但文件本身不能证明由谁出具。",
        "en": "Not signed: the content was checked, but the file itself does not prove who issued it.",
    },
    "ui.verify.another": {"zh": "核验另一份…", "en": "Verify another…"},
    "ui.verify.close": {"zh": "关闭", "en": "Close"},
    # --- scope and team ----------------------------------------------------------------------------
    "ui.menu.edit_scope": {"zh": "评估范围与团队…", "en": "Scope and Team…"},
    "ui.scope.title": {"zh": "评估范围与评估团队", "en": "Scope and assessment team"},
    "ui.scope.heading": {"zh": "{name} · 第 {revision} 版", "en": "{name} · revision {revision}"},
    "ui.scope.note": {
        "zh": "写入报告的“范围与方法”和“评估团队”部分；未填写的项目在报告中注明“未记录”。",
        "en": "Printed in the report's 'Scope and method' and 'Assessment team'; what is left empty is "
        "printed as 'not recorded'.",
    },
    "ui.scope.section": {"zh": "评估范围", "en": "Scope"},
    "ui.scope.site": {"zh": "评估地点", "en": "Site"},
    "ui.scope.lines": {"zh": "产线与区域", "en": "Lines and areas"},
    "ui.scope.period": {"zh": "评估时间", "en": "Period"},
    "ui.scope.interviewees": {"zh": "访谈对象", "en": "Interviewees"},
    "ui.scope.documents": {"zh": "查阅的文件", "en": "Documents reviewed"},
    "ui.scope.site.hint": {"zh": "如：上海市嘉定区 总装厂", "en": "e.g. Jiading, Shanghai — assembly plant"},
    "ui.scope.lines.hint": {
        "zh": "如：冲压线 2 条、焊装车间；仓库不在范围内",
        "en": "e.g. two press lines and the body shop; the warehouse is out of scope",
    },
    "ui.scope.period.hint": {"zh": "如：2026-11-18 至 2026-11-20", "en": "e.g. 2026-11-18 to 2026-11-20"},
    "ui.scope.interviewees.hint": {
        "zh": "如：生产总监、设备主管、IT 经理",
        "en": "e.g. production director, maintenance lead, IT manager",
    },
    "ui.scope.documents.hint": {
        "zh": "如：MES 操作规程、设备台账、能源月报",
        "en": "e.g. MES procedures, equipment register, monthly energy reports",
    },
    "ui.scope.team": {"zh": "评估团队", "en": "Assessment team"},
    "ui.scope.col.name": {"zh": "姓名", "en": "Name"},
    "ui.scope.col.role": {"zh": "角色", "en": "Role"},
    "ui.scope.col.organisation": {"zh": "单位", "en": "Organisation"},
    "ui.scope.add": {"zh": "添加成员", "en": "Add member"},
    "ui.scope.remove": {"zh": "删除所选成员", "en": "Remove selected"},
    "ui.scope.final": {
        "zh": "该版本已定稿，范围与团队不能修改。需要修改时请先“重新打开”，那会生成新版本。",
        "en": "This revision is final: its scope and team cannot be changed. Reopen it to make a new draft revision.",
    },
    "ui.scope.no_assessment": {
        "zh": "请先打开一份评估，或在列表中选中一家企业。",
        "en": "Open an assessment first, or select an enterprise in the list.",
    },
    "ui.scope.saved": {"zh": "已保存评估范围与团队", "en": "Scope and team saved"},
    "ui.undo.scope": {"zh": "修改评估范围", "en": "change the scope"},
    "ui.undo.team": {"zh": "修改评估团队", "en": "change the team"},
    # --- import summary: copies and conflicts ------------------------------------------------------
    "ui.import.copies": {
        "zh": "以新编号导入：文件中的评估编号在本机属于另一家企业的评估（{n}）",
        "en": "Added under a new id: the file's id belongs to another enterprise's assessment here ({n})",
    },
    "ui.import.copy_detail": {"zh": "原编号属于：{other}", "en": "the id belongs to: {other}"},
    "ui.import.conflicts": {
        "zh": "未导入：本机已有同一版本且内容不同，本机版本保持不变（{n}）",
        "en": "Not imported: the same revision is here with different content; the one here is kept ({n})",
    },
    "ui.import.restored": {
        "zh": "从回收站恢复：本次导入的评估此前在回收站中，已连同全部版本恢复（{n}）",
        "en": "Brought back from the recycle bin, with every revision it had ({n})",
    },
    "ui.import.restored_line": {
        "zh": "从回收站恢复的评估：{n}。",
        "en": "Assessments brought back from the recycle bin: {n}.",
    },
    "ui.import.more": {
        "zh": "其中以新编号导入：{copies}；因与本机版本不同而未导入：{conflicts}。",
        "en": "Of these, added under a new id: {copies}; not imported because they differ from the ones here: {conflicts}.",
    },
    # --- the result panel's margins ----------------------------------------------------------------
    "ui.res.sens_moves": {"zh": "涉及哪些作答…", "en": "Which items…"},
    "ui.res.sens_hide": {"zh": "收起", "en": "Hide"},
    "ui.res.sens_up_list": {"zh": "提升这些作答即可达标：", "en": "Raising these ratings would meet it:"},
    "ui.res.sens_down_list": {
        "zh": "这些作答各降一档就会失去该级：",
        "en": "One step down on each of these would lose the level:",
    },
    "ui.res.sens_move": {"zh": "{item}：{before} → {after}", "en": "{item}: {before} → {after}"},
}
