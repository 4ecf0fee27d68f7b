"""Messages of the report's reviewer structure (issue 15): claims, drafts, scope and method, team,
findings, improvement plan, evidence index, signatures. Merged into messages/report.py."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- what the app may claim (contract 5; worded by describe.tier_claim) -----------------------
    "claim.tier.threshold": {
        "zh": "达到“{tier}”自评门槛",
        "en": "meets the self-assessment threshold for {tier}",
    },
    "claim.tier.self_declared": {"zh": "{tier}（企业自评）", "en": "{tier} (self-assessed)"},
    "claim.tier.none": {"zh": "尚未达到任何分层的自评门槛", "en": "no tier's self-assessment threshold met yet"},
    "report.summary.recognition": {
        "zh": "上海智能工厂分层和国家梯度中基础级以上的层级，均须由市级或国家主管部门认定；本报告只说明是否达到自评门槛。",
        "en": "Shanghai tiers, and national tiers above the basic one, are recognised by the municipal or national authority; this report only says whether the self-assessment threshold is met.",
    },
    "report.summary.support_zero": {
        "zh": "已填的更新计划目前没有可计入的政策支持（原因见 5.3 节）。",
        "en": "No policy support can be counted for the plans given yet (section 5.3 says why).",
    },
    # --- drafts -------------------------------------------------------------------------------
    "report.status.final": {"zh": "定稿", "en": "Final"},
    "report.status.draft": {"zh": "草稿（未定稿）", "en": "Draft (not final)"},
    "report.cover.status": {"zh": "评估状态", "en": "Status"},
    "report.draft.watermark": {"zh": "草稿 / 未定稿", "en": "DRAFT / not final"},
    "report.draft.why.status": {"zh": "评估尚未定稿", "en": "the assessment is not final"},
    "report.draft.why.unanswered": {
        "zh": "尚有 {n} 项未作答，结果为暂定",
        "en": "{n} items are unanswered, so the result is provisional",
    },
    "report.draft.cover": {
        "zh": "草稿 / 未定稿：{why}。本报告不能作为申报或评审材料；评估定稿且全部作答后重新导出。",
        "en": "DRAFT / not final: {why}. This report cannot support an application or a review; export it again once the assessment is final and fully answered.",
    },
    "report.draft.warning": {
        "zh": "该报告将作为草稿导出（{why}），每一页和封面都带有“草稿 / 未定稿”水印。",
        "en": "This report will be exported as a draft ({why}); every page and the cover carry a \u201cDRAFT / not final\u201d mark.",
    },
    "report.export.appendix": {"zh": "附全部作答记录（附录 A）", "en": "Include every answer (appendix A)"},
    "report.export.appendix_hint": {
        "zh": "现场评估默认附上，企业自评默认不附",
        "en": "On by default for on-site assessments, off for self-assessments",
    },
    # --- cover: signature -----------------------------------------------------------------------
    "report.cover.signed": {
        "zh": "本报告附数字签名（见第 {section} 节签字与盖章栏）；签名后的任何改动都会使签名失效，可在 PDF 阅读器中查看签名人。",
        "en": "Digitally signed (see the signature block in section {section}); any change after signing invalidates the signature, and a PDF reader shows who signed.",
    },
    "report.cover.unsigned": {
        "zh": "本报告未经数字签名：文件本身不能证明由谁出具。可用 diag-app verify 核验其内容与内嵌评估数据一致。",
        "en": "Not digitally signed: the file itself does not prove who issued it. diag-app verify checks that its content matches the embedded assessment.",
    },
    "report.disclaimer.verify_signed": {
        "zh": "报告内嵌评估数据及其 SHA-256 摘要，并附数字签名：diag-app verify 核验签名、签名后未被改动，以及页面与内嵌数据一致。",
        "en": "The report embeds the assessment data and its SHA-256 digest and is digitally signed: diag-app verify checks the signature, that nothing changed after signing, and that the pages match the embedded data.",
    },
    # --- section titles ---------------------------------------------------------------------------
    "report.section.scope": {"zh": "评估范围、方法与团队", "en": "Scope, method and team"},
    "report.section.scope_covered": {"zh": "评估范围", "en": "Scope"},
    "report.section.method": {"zh": "评估方法与不适用项", "en": "Method and what does not apply"},
    "report.section.team": {"zh": "评估团队", "en": "Assessment team"},
    "report.section.results": {"zh": "结果概览", "en": "Results at a glance"},
    "report.section.findings": {"zh": "分项发现：优势与差距", "en": "Findings by sub-domain: strengths and gaps"},
    "report.section.plan": {"zh": "改进计划", "en": "Improvement plan"},
    "report.section.support": {"zh": "政策支持估算", "en": "Policy support estimates"},
    "report.section.evidence": {"zh": "佐证材料索引", "en": "Evidence index"},
    "report.section.signatures": {"zh": "承诺、签字与盖章", "en": "Pledge, signatures and seal"},
    "report.col.no": {"zh": "序号", "en": "No."},
    # --- appendix A ----------------------------------------------------------------------------------
    "report.appendix.grid_legend": {
        "zh": "每条要求以编号和评分列出（{legend}；— 未作答）。未满足要求的条文见第 4 节，全部条文见所列版本的题库。",
        "en": "Each requirement by its number and rating ({legend}; — not answered). The texts of those not met are in section 4; every text is in the questionnaire of the pack version named.",
    },
    "report.appendix.col.level_n": {"zh": "{level} 级", "en": "Level {level}"},
    "report.appendix.col.item": {"zh": "要求或题目", "en": "Requirement or question"},
    "report.appendix.notes": {"zh": "作答说明", "en": "Notes on answers"},
    "report.appendix.no_notes": {"zh": "没有作答说明。", "en": "No answer has a note."},
    # --- 2 scope, method, team ----------------------------------------------------------------------
    "report.scope.site": {"zh": "评估地点（厂区）", "en": "Site"},
    "report.scope.lines": {"zh": "覆盖的产线与车间", "en": "Lines and workshops covered"},
    "report.scope.period": {"zh": "评估时间", "en": "Dates"},
    "report.scope.interviewees": {"zh": "访谈对象", "en": "People interviewed"},
    "report.scope.documents": {"zh": "查阅的文件资料", "en": "Documents reviewed"},
    "report.scope.not_recorded": {"zh": "未记录", "en": "not recorded"},
    "report.scope.empty": {
        "zh": "本次评估未记录范围信息；结论所依据的现场与资料无法由本报告说明。",
        "en": "No scope was recorded for this assessment; this report cannot say which site and documents its findings rest on.",
    },
    "report.scope.method": {
        "zh": "依据 GB/T 39117 的方法，每条要求按“{ratings}”评分；某级所有适用要求的加权平均分达到 {threshold} 即该级达标，自一级起逐级判定。未作答的要求按不满足计，不适用的要求不计入。",
        "en": "Following GB/T 39117, every requirement is rated {ratings}; a level is met when the weighted mean of its applicable requirements reaches {threshold}, from level 1 upwards. Unanswered requirements count as not met; requirements that do not apply are left out.",
    },
    "report.scope.pack": {"zh": "所用题库：{pack}。", "en": "Questionnaire pack used: {pack}."},
    "report.scope.na_none": {
        "zh": "本次评估没有声明不适用的子域或要求。",
        "en": "Nothing was declared not applicable.",
    },
    "report.scope.na_intro": {
        "zh": "以下 {n} 项声明为不适用，共 {items} 条要求（占本企业适用要求的 {share}）不计入得分，每项列出理由：",
        "en": "These {n} declarations set aside {items} requirements ({share} of those asked) from the scores; each with its reason:",
    },
    "report.scope.na_allowed": {"zh": "题库允许的情形：{when}", "en": "the pack allows it when: {when}"},
    "report.scope.na_warn": {
        "zh": "不适用的要求占 {share}，超过题库设定的 {limit} 提示线：请核实各项理由，结论的可比性因此降低。",
        "en": "{share} of the requirements are set aside as not applicable, above the pack's {limit} warning line: check each reason; the result is less comparable.",
    },
    "report.scope.rating_help": {"zh": "评分说明：{text}", "en": "How answers are rated: {text}"},
    "report.scope.flags": {
        "zh": "作答之间有 {n} 处矛盾，请评估人核实：",
        "en": "{n} contradictions between answers for the assessor to check:",
    },
    "report.scope.na_caption": {"zh": "不适用项及理由", "en": "What does not apply, and why"},
    "report.scope.na_col.what": {"zh": "不适用的内容", "en": "What"},
    "report.scope.na_col.reason": {"zh": "理由", "en": "Reason"},
    "report.scope.na_whole": {
        "zh": "整个子域“{subdomain}”（{n} 条要求）",
        "en": "The whole sub-domain {subdomain} ({n} requirements)",
    },
    "report.scope.na_no_reason": {"zh": "（未填写理由）", "en": "(no reason given)"},
    "report.team.col.name": {"zh": "姓名", "en": "Name"},
    "report.team.col.role": {"zh": "职责", "en": "Role"},
    "report.team.col.organisation": {"zh": "单位", "en": "Organisation"},
    "report.team.none": {
        "zh": "未记录评估团队；评估人：{assessor}。",
        "en": "No assessment team was recorded; assessor: {assessor}.",
    },
    # --- 3 results --------------------------------------------------------------------------------
    "report.national.caption": {"zh": "全国成熟度等级分布", "en": "National distribution of maturity levels"},
    "report.national.position.same": {
        "zh": "本企业为{level}；全国约 {same}% 的企业与本企业处于同一等级区间。",
        "en": "This enterprise is at {level}; about {same}% of enterprises nationwide are in the same band.",
    },
    "report.national.position.above": {
        "zh": "约 {above}% 的企业处于更高的区间。",
        "en": "About {above}% are in higher bands.",
    },
    "report.national.position.below": {
        "zh": "约 {below}% 的企业处于更低的区间。",
        "en": "About {below}% are in lower bands.",
    },
    "report.national.position.top_open": {
        "zh": "该区间是最高一档且不封顶，分布未再细分，无法判断区间内有多少企业高于本企业。",
        "en": "That band is the highest and open-ended; the distribution does not split it, so how many of its enterprises rank higher is unknown.",
    },
    "report.national.position.top": {
        "zh": "没有更高的等级区间。",
        "en": "There is no higher band.",
    },
    # --- 4 findings ---------------------------------------------------------------------------------
    "report.findings.intro": {
        "zh": "按 GB/T 39116 的能力要素逐个子域列出：现状与目标、优势（已达标的级别及更高级别中已满足的要求）、差距（达到目标等级尚缺的要求及其评分）。评分达到 {threshold} 及以上的要求计为满足。全部作答见附录或内嵌的评估数据。",
        "en": "For each sub-domain of GB/T 39116: where it stands against the target, its strengths (levels met, requirements already met above them) and its gaps (requirements still missing up to the target level, with their rating). A requirement rated {threshold} or higher counts as met. Every answer is in the appendix or the embedded assessment.",
    },
    "report.findings.element": {
        "zh": "包含 {n} 个能力子域：{names}。子域加权平均得分 {score}。",
        "en": "{n} sub-domains: {names}. Weighted mean sub-domain score {score}.",
    },
    "report.findings.standing": {
        "zh": "得分 {score}，已达到{level}（目标：{target}；权重 {weight}；已作答 {answered}/{total}）",
        "en": "Score {score}, {level} reached (target: {target}; weight {weight}; answered {answered}/{total})",
    },
    "report.findings.standing_none": {
        "zh": "得分 {score}，尚无达标的级别（目标：{target}；权重 {weight}；已作答 {answered}/{total}）",
        "en": "Score {score}, no level met yet (target: {target}; weight {weight}; answered {answered}/{total})",
    },
    "report.findings.ahead": {"zh": "更高级别中已满足：{items}", "en": "already met at higher levels: {items}"},
    "report.findings.gaps": {
        "zh": "差距：达到{level}尚缺 {n} 项要求：",
        "en": "Gaps: {n} requirements still missing for {level}:",
    },
    "report.findings.no_gaps": {"zh": "达到{level}的要求均已满足。", "en": "Every requirement up to {level} is met."},
    "report.findings.not_applicable": {
        "zh": "本子域对本企业没有适用的要求，不计入总分。",
        "en": "No requirement of this sub-domain applies to this enterprise; it does not count towards S.",
    },
    "report.findings.declared_na": {
        "zh": "本子域声明为不适用，不计入总分。理由：{reason}",
        "en": "Declared not applicable; it does not count towards S. Reason: {reason}",
    },
    # --- 5 plan ----------------------------------------------------------------------------------------
    "report.plan.intro": {
        "zh": "改进计划由诊断发现的差距推出：先列出达到下一分层自评门槛的路线图及实施顺序，再列出排序靠前的设备更新建议和已填更新计划的政策支持估算。政策措施以代号（M1、M2…）标注，见表后的措施表。",
        "en": "The plan follows from the gaps found: first the roadmap to the next tier's self-assessment threshold and its order, then the highest-ranked renewal suggestions and the support estimates for the plans given. Support measures are marked by code (M1, M2…), listed after the suggestions.",
    },
    "report.roadmap.planned_caption": {"zh": "企业已计划的项目", "en": "Projects the enterprise has planned"},
    "report.roadmap.stage": {
        "zh": "阶段 {n}：达到“{tier}”自评门槛（{ladder}），投资约 {amount}",
        "en": "Stage {n}: the self-assessment threshold for {tier} ({ladder}), about {amount}",
    },
    "report.roadmap.ladder.shanghai": {"zh": "上海分层", "en": "Shanghai tier"},
    "report.roadmap.ladder.national": {"zh": "国家梯度", "en": "national ladder"},
    "report.roadmap.col.when": {"zh": "顺序", "en": "Order"},
    "report.roadmap.col.closes": {"zh": "提升的要求", "en": "Requirements raised"},
    "report.roadmap.col.support": {"zh": "确认资质后可能的支持", "en": "Support once confirmed"},
    "report.roadmap.step": {"zh": "第 {n} 步", "en": "step {n}"},
    "report.roadmap.planned": {"zh": "已计划", "en": "planned"},
    "report.roadmap.counted": {"zh": "计入 {amount}", "en": "{amount} counted"},
    "report.roadmap.if_confirmed": {
        "zh": "可能 {amount}（{measure}，不计入合计）",
        "en": "possibly {amount} ({measure}; not in any total)",
    },
    "report.roadmap.needs": {"zh": "须确认：{what}", "en": "to confirm: {what}"},
    "report.roadmap.months": {"zh": "约 {n} 个月", "en": "about {n} months"},
    "report.roadmap.dates": {
        "zh": "“约 N 个月”为更新清单给出的项目典型实施周期（产品默认），各项目可并行，总工期由企业排定。",
        "en": " \u201cAbout N months\u201d is each item's typical implementation time from the catalogue (a product default); items may run in parallel, and the enterprise sets the schedule.",
    },
    "report.roadmap.open_requirements": {
        "zh": "另有要求即使采购全部建议项目也无法满足，须靠管理和组织改进：{ids}",
        "en": "Requirements no suggested purchase brings up, to be met by organisational work: {ids}",
    },
    "report.roadmap.no_dates": {
        "zh": "题库未给出各项目的实施周期，表中只给出先后顺序，具体时间由企业排定。",
        "en": " The pack gives no implementation times, so the tables give the order only; the enterprise sets the dates.",
    },
    "report.renewal.more": {
        "zh": "下表列出优先级最高的 {shown} 项（共 {n} 项），全部建议见 XLSX 导出的“更新建议”表。",
        "en": " The table lists the {shown} with the highest priority (of {n}); the XLSX export's “Renewal suggestions” sheet has them all.",
    },
    "report.renewal.col.code": {"zh": "代号", "en": "Code"},
    "report.renewal.col.requires": {"zh": "须先确认的资质", "en": "To be confirmed first"},
    "report.renewal.col.rank": {"zh": "排序", "en": "Rank"},
    "report.renewal.closes": {"zh": "提升要求 {ids}", "en": "raises {ids}"},
    "report.renewal.more_reasons": {"zh": "另有 {n} 项（见 XLSX）", "en": "{n} more (in the XLSX)"},
    "report.renewal.is_planned": {"zh": "企业已计划", "en": "planned by the enterprise"},
    "report.renewal.on_roadmap": {"zh": "路线图第 {n} 步", "en": "roadmap step {n}"},
    "report.support.not_best": {
        "zh": "{amount}（同一项目只计金额最高的一项）",
        "en": "{amount} (a project counts only its highest measure)",
    },
    "report.renewal.needs": {"zh": "需确认{what}", "en": "needs {what} confirmed"},
    "report.support.possible": {
        "zh": "可能 {amount}（如确认：{what}；不计入合计）",
        "en": "possibly {amount} (if confirmed: {what}; not in the total)",
    },
    "report.support.unstated": {"zh": "政策未给出金额", "en": "no amount stated by the policy"},
    "report.support.possible_note": {
        "zh": "标为“可能”的 {n} 项措施须先确认所需资质（如首台套认定、列入创新产品目录），确认前不计入合计。",
        "en": "The {n} measures marked \u201cpossibly\u201d need a qualification confirmed first (such as a first-of-its-kind certification or a listing in the innovation catalogue) and are not counted until then.",
    },
    # --- 6 evidence -------------------------------------------------------------------------------------
    "report.evidence.intro": {
        "zh": "评估中为作答附上的 {n} 份文件，按文件名和 SHA-256 摘要列出，可据此核对原件。",
        "en": "The {n} files attached to answers, by name and SHA-256 digest, so the originals can be checked.",
    },
    "report.evidence.none": {
        "zh": "本次评估没有为作答附上佐证文件。",
        "en": "No evidence files were attached to the answers of this assessment.",
    },
    "report.evidence.col.item": {"zh": "对应要求或指标", "en": "Requirement or indicator"},
    "report.evidence.col.file": {"zh": "文件名", "en": "File"},
    "report.evidence.col.sha256": {"zh": "SHA-256", "en": "SHA-256"},
    "report.evidence.no_digest": {"zh": "无摘要", "en": "no digest"},
    # --- 8 signatures ---------------------------------------------------------------------------------
    "report.sign.pledge": {
        "zh": "企业承诺：本次自诊断所填报的信息、数据和佐证材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏，并对其真实性承担责任。",
        "en": "The enterprise declares that the information, data and evidence given in this self-diagnosis are true, accurate and complete, with no false statement, misleading statement or material omission, and takes responsibility for their truth.",
    },
    "report.sign.assessor_pledge": {
        "zh": "评估人确认：本报告的结论由上述作答按所列题库版本计算得出，评估人未改动计算结果。",
        "en": "The assessor confirms that the conclusions of this report are computed from the answers given with the pack version stated, and were not altered.",
    },
    "report.sign.assessor": {"zh": "评估人（签字）", "en": "Assessor (signature)"},
    "report.sign.representative": {"zh": "企业负责人（签字）", "en": "Enterprise representative (signature)"},
    "report.sign.seal": {"zh": "企业（盖章）", "en": "Enterprise (seal)"},
    "report.sign.date": {"zh": "日期：", "en": "Date:"},
    "report.sign.digital": {
        "zh": "数字签名（签署后显示于此框内）",
        "en": "Digital signature (shown in this box once signed)",
    },
    # --- XLSX ---------------------------------------------------------------------------------------
    "export.sheet.roadmap": {"zh": "路线图", "en": "Roadmap"},
    "export.sheet.plans": {"zh": "更新计划与政策支持", "en": "Plans and support"},
    "export.col.cost": {"zh": "投资估算（{unit}）", "en": "Investment ({unit})"},
    "export.col.target": {"zh": "阶段目标", "en": "Stage target"},
    "export.col.months": {"zh": "典型实施周期（月）", "en": "Typical time (months)"},
    "export.ranking": {"zh": "建议的排序方式", "en": "How suggestions are ranked"},
    "export.col.loan": {"zh": "贷款本金（{unit}）", "en": "Loan ({unit})"},
    "export.col.contract": {"zh": "合同金额（{unit}）", "en": "Contract amount ({unit})"},
    "export.col.support_status": {"zh": "是否计入", "en": "Counted?"},
    "export.col.counted": {"zh": "计入的支持（上限，{unit}）", "en": "Counted support, upper bound ({unit})"},
    "export.col.possible": {"zh": "确认资质后可能的支持（{unit}）", "en": "Possible once confirmed ({unit})"},
    "export.support.counted": {"zh": "计入", "en": "Counted"},
    "export.support.possible": {"zh": "待确认资质", "en": "Possible if confirmed"},
    "export.support.unstated": {"zh": "政策未给出金额", "en": "No amount stated"},
    "export.support.not-eligible": {"zh": "不符合条件", "en": "Not eligible"},
}
