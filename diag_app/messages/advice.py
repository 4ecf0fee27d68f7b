"""Messages of the advice: renewal suggestions, existing systems, contradictions, qualifying
conditions for support, the staged roadmap and the ranking — and the pack problems of the files
that define them (catalog.yaml, measures.yaml, profile.yaml)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- pack problems of catalog.yaml, measures.yaml and profile.yaml ------------------------------
    "pack.problem.unknown_requirement": {"zh": "未知的要求条款 {value!r}", "en": "unknown requirement {value!r}"},
    "pack.problem.unknown_profile": {
        "zh": "未知的现有系统题 {value!r}（应为 profile.yaml 中的编号）",
        "en": "unknown existing-systems item {value!r} (must be an id in profile.yaml)",
    },
    "pack.problem.needs_na_allowed": {
        "zh": "要求 {value!r} 不允许声明不适用，不能用来排除此项",
        "en": "requirement {value!r} may not be declared not applicable, so it cannot rule this item out",
    },
    "pack.problem.unknown_precondition": {
        "zh": "未知的前提条件 {value!r}（应为要求条款或现有系统题的编号）",
        "en": "unknown precondition {value!r} (must be a requirement id or an existing-systems item id)",
    },
    "pack.problem.unknown_qualification": {
        "zh": "未知的资格条件 {value!r}（应为 measures.yaml 中 qualifications 的编号）",
        "en": "unknown qualification {value!r} (must be an id under qualifications in measures.yaml)",
    },
    "pack.problem.effect_rating": {
        "zh": "效果评分 {value!r} 必须是 {allowed} 之一",
        "en": "the rating an item brings, {value!r}, must be one of {allowed}",
    },
    "pack.problem.no_effect": {
        "zh": "没有列出该项目满足的要求条款（effect.requirements）",
        "en": "names no requirement the item satisfies (effect.requirements)",
    },
    "pack.problem.profile_not_bool": {
        "zh": "{value!r} 不是是/否题，不能用于 excluded_by",
        "en": "{value!r} is not a yes/no item, so it cannot be used in excluded_by",
    },
    "pack.problem.profile_coverage_range": {
        "zh": "覆盖率题的取值范围必须是 0–100",
        "en": "a coverage item must range from 0 to 100",
    },
    "pack.problem.profile_bool_fields": {
        "zh": "是/否题不能有 min、max、unit 或 coverage",
        "en": "a yes/no item takes no min, max, unit or coverage",
    },
    # --- suggestions: what an item closes, what it needs, what was left out --------------------------
    "advice.unanswered": {"zh": "未作答", "en": "unanswered"},
    "advice.closes": {
        "zh": "{id}（{subdomain} L{level}）：{before} → {after}",
        "en": "{id} ({subdomain} L{level}): {before} → {after}",
    },
    "advice.lifts": {
        "zh": "{name} {before}{unit} → {after}{unit}（{tier}要求 {required}{unit}）",
        "en": "{name} {before}{unit} → {after}{unit} ({tier} needs {required}{unit})",
    },
    "advice.enables": {"zh": "是以下建议项目的前提：{items}", "en": "needed first by: {items}"},
    "export.kind.profile": {"zh": "现有系统与装备", "en": "Existing system or equipment"},
    "advice.summary.closes": {"zh": "补上：{ids}", "en": "closes: {ids}"},
    "advice.summary.planned": {"zh": "企业已计划：{item} → S {s}", "en": "Planned by the enterprise: {item} → S {s}"},
    "advice.summary.not_exhaustive": {
        "zh": "（搜索达到上限，未能证明此组合投资最省）",
        "en": "(the search hit its limit: this set is not proven the cheapest)",
    },
    "advice.need.system": {"zh": "需先具备：{name}", "en": "needs first: {name}"},
    "advice.need.requirement": {"zh": "需先满足要求 {id}", "en": "needs requirement {id} met first"},
    "advice.extends": {
        "zh": "扩展现有系统（已覆盖 {coverage}%），投资按未覆盖部分计",
        "en": "extends the existing system (covering {coverage} % now); priced on the part not yet covered",
    },
    "advice.left_out.has-system": {
        "zh": "{item}：企业已有（{ref}），不再建议",
        "en": "{item}: the plant already has it ({ref}), so it is not suggested",
    },
    "advice.left_out.planned-system": {
        "zh": "{item}：企业已计划的“{by}”将提供{ref}，不再重复建议",
        "en": "{item}: the planned “{by}” will provide {ref}, so it is not suggested again",
    },
    "advice.left_out.excluded": {
        "zh": "{item}：企业情况为“{ref}”，此项不适用",
        "en": "{item}: not suggested, because “{ref}”",
    },
    "advice.left_out.not-applicable": {
        "zh": "{item}：子域“{ref}”不适用，此项不建议",
        "en": "{item}: not suggested, because the sub-domain “{ref}” is not applicable",
    },
    "advice.left_out.not-applicable-item": {
        "zh": "{item}：其针对的要求“{ref}”已声明不适用，此项不建议",
        "en": "{item}: not suggested, because the requirement it is for (“{ref}”) is not applicable",
    },
    "advice.left_out.saturated": {
        "zh": "{item}：{ref} 已达 {value}，此类装备不再建议",
        "en": "{item}: {ref} is already {value}, so this kind of equipment is not suggested",
    },
    # --- contradictions ---------------------------------------------------------------------------
    "advice.flag.saturated": {
        "zh": "请核对：{indicator} 为 {value}（不低于 {threshold}），但 {item} 对应的要求 {requirements} 评分偏低——机器人/装备已多，却仍被评为缺口；此项未列入建议",
        "en": "Please check: {indicator} is {value} (at least {threshold}), yet the requirements {requirements} that {item} would close are rated low — plenty of such equipment, still rated a gap; the item is not suggested",
    },
    "advice.flag.system-missing": {
        "zh": "请核对：现有系统中未列“{system}”，但要求 {requirements} 评为满足，而这些要求以它为前提",
        "en": "Please check: “{system}” is not listed as in place, yet the requirements {requirements}, which presuppose it, are rated met",
    },
    "advice.flag.system-unused": {
        "zh": "请核对：现有系统中列有“{system}”，但以它为基础的要求 {requirements} 全部评为不满足",
        "en": "Please check: “{system}” is listed as in place, yet every requirement built on it ({requirements}) is rated not met",
    },
    "advice.flag.density": {
        "zh": "请核对：“{system}”与员工人数推算的机器人密度至少为 {threshold} 台/万人，而填写的机器人密度为 {value}",
        "en": "Please check: “{system}” and the headcount imply a robot density of at least {threshold} per 10,000, but {value} was given",
    },
    # --- support ------------------------------------------------------------------------------------
    "advice.cap.unstated": {"zh": "方案未规定", "en": "not stated"},
    "advice.cap.none": {"zh": "无上限（以应纳税额为限）", "en": "none (up to the tax payable)"},
    "advice.support.no_cap": {
        "zh": "；无金额上限，以应纳税额为限",
        "en": "; no cap beyond the tax payable",
    },
    "advice.support.possible_if": {
        "zh": "；尚未计入：确认以下条件后可能获得约 {amount}——{conditions}",
        "en": "; not counted: possibly about {amount} once confirmed — {conditions}",
    },
    "advice.support.possible_legacy": {
        "zh": "；尚未计入：本题库版本未定义资格条件，无法确认，最多约 {amount}（请用新版题库重新评估）",
        "en": "; not counted: this pack version defines no qualifying conditions to confirm; at most about {amount} (re-assess with the current pack)",
    },
    "advice.support.possible_if_unstated": {
        "zh": "；尚未计入：确认以下条件后可能获得——{conditions}",
        "en": "; not counted: possible once confirmed — {conditions}",
    },
    "advice.support.unstated": {
        "zh": "行动方案未规定金额，不作估算（{note}）",
        "en": "the action plan states no amount, so none is estimated ({note})",
    },
    "advice.support.loan_exceeds": {
        "zh": "贷款额 {loan} 超过项目投资 {investment}，不予估算",
        "en": "the loan of {loan} exceeds the investment of {investment}, so nothing is estimated",
    },
    "advice.support.excluded": {
        "zh": "已确认“{conditions}”，该措施不适用于企业本身",
        "en": "“{conditions}” is confirmed, so the measure does not apply to the enterprise itself",
    },
    "advice.support.if_confirmed": {
        "zh": "若确认条件，可能获得约 {amount}（{measure}）",
        "en": "possibly about {amount} if confirmed ({measure})",
    },
    # --- ranking ------------------------------------------------------------------------------------
    "advice.ranking": {
        "zh": "建议的排序：{criteria}。",
        "en": "How the suggestions are ordered: {criteria}.",
    },
    "advice.ranking.roadmap": {
        "zh": "先列路线图上的项目，按步骤顺序（企业已计划的项目在前，其次是经证明投资最省、能达到下一可达等级的组合，每项排在它所依赖的项目之后）",
        "en": "first the items on the roadmap, in step order (the enterprise's planned projects, then the cheapest proven set that reaches the next attainable tier, each after what it depends on)",
    },
    "advice.ranking.s_per_cost": {
        "zh": "其余按每万元投资带来的总分 S 提升从高到低",
        "en": "then the others by the rise of the total score S per CNY 10,000 invested",
    },
    "advice.ranking.points_per_cost": {
        "zh": "S 提升相同时，按每万元投资补上的加权要求分（要求评分提升 × 所在子域在本行业和路径下的权重 × 该要求在本级中的占比）",
        "en": "where that is equal, by the weighted requirement gain per CNY 10,000 (rise of each requirement's rating × its sub-domain's weight for this industry and path × its share of its level)",
    },
    "advice.ranking.cost": {
        "zh": "再按投资从低到高",
        "en": "then the cheaper item first",
    },
    # --- planned items: validation ------------------------------------------------------------------
    "plan.confirmed_unknown": {
        "zh": "{value!r} 不是题库定义的资格条件，可用：{allowed}",
        "en": "{value!r} is not a qualification the pack defines; the ids are: {allowed}",
    },
    "plan.loan_above_investment": {
        "zh": "贷款额 {loan:,.0f} 元超过项目投资 {investment:,.0f} 元",
        "en": "the loan of CNY {loan:,.0f} exceeds the investment of CNY {investment:,.0f}",
    },
    # --- what-if page: qualifying questions, ranking, contradictions ---------------------------------
    "ui.qualify.title": {"zh": "确认资格条件：{item}", "en": "Confirm the conditions: {item}"},
    "ui.qualify.intro": {
        "zh": "只有企业确认的条件才计入支持估算；未确认的措施显示为“确认后可能获得”。",
        "en": "Only the conditions you confirm count in the support estimate; the other measures show as possible once confirmed.",
    },
    "ui.qualify.none": {
        "zh": "该项目的措施不需要额外确认的条件。",
        "en": "This item's measures need nothing more confirmed.",
    },
    "ui.whatif.col.confirm": {"zh": "资格条件", "en": "Conditions"},
    "ui.whatif.confirm_btn": {"zh": "确认条件（{n}）", "en": "Confirm ({n})"},
    "ui.whatif.possible": {
        "zh": " 另有约 {amount} 需确认条件后才可能获得（未计入）。",
        "en": " About {amount} more is possible once conditions are confirmed (not counted).",
    },
    "ui.whatif.ranking_note": {
        "zh": "表中顺序即报告和 XLSX 中的优先级（悬停查看排序规则）。",
        "en": " The order of the table is the priority used in the report and the XLSX (hover for how it is weighted).",
    },
}
