"""Messages of the core, the CLI and the result explanations."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- problems in assessment files and forms ---------------------------------------------
    "file.not_object": {"zh": "文件内容不是 JSON 对象", "en": "the file is not a JSON object"},
    "file.json": {
        "zh": "不是有效的 JSON（第 {line} 行第 {col} 列：{msg}）",
        "en": "not valid JSON (line {line}, column {col}: {msg})",
    },
    "file.read": {"zh": "无法读取文件：{msg}", "en": "cannot read the file: {msg}"},
    "file.format": {
        "zh": "格式标记为 {value!r}，应为 {expected}",
        "en": "format tag is {value!r}, expected {expected}",
    },
    "pack.unknown": {"zh": "未知的题库 {value!r}", "en": "unknown questionnaire pack {value!r}"},
    "pack.version": {
        "zh": "题库版本 {value!r} 不可用（本程序带有 {expected}）",
        "en": "pack version {value!r} is not available (this program has {expected})",
    },
    "field.type_object": {"zh": "应为对象", "en": "must be an object"},
    "field.type_list": {"zh": "应为列表", "en": "must be a list"},
    "field.type_text": {"zh": "应为文本", "en": "must be text"},
    "field.invisible_char": {
        "zh": "含有不可见的控制字符或文字方向字符（{code}），会让名称显示得与实际不同，请删除后再试",
        "en": "contains an invisible control or text-direction character ({code}) that makes the name read differently from what it is; remove it",
    },
    "field.revision": {"zh": "修订号 {value!r} 应为正整数", "en": "revision {value!r} must be a positive whole number"},
    "field.text_long": {"zh": "文本过长（最多 {max} 字）", "en": "the text is too long ({max} characters at most)"},
    "field.unknown": {"zh": "不认识的字段，可用：{allowed}", "en": "unknown field; the fields are: {allowed}"},
    "field.too_many": {"zh": "条目过多（最多 {max} 条）", "en": "too many entries ({max} at most)"},
    "team.name": {"zh": "评估组成员需要填写姓名", "en": "each assessment-team member needs a name"},
    "na.unknown_subdomain": {"zh": "题库中没有子域 {id}", "en": "the pack has no sub-domain {id}"},
    "na.reason": {
        "zh": "子域 {id} 标为不适用时须写明理由",
        "en": "sub-domain {id} is declared not applicable without a reason",
    },
    "assessment.status": {
        "zh": "状态 {value!r} 无效，可选：{allowed}",
        "en": "status {value!r} is invalid; choose one of: {allowed}",
    },
    "plan.confirmed": {
        "zh": "已确认的资格条件 {value!r} 应为条件编号的列表",
        "en": "confirmed qualifications {value!r} must be a list of qualification ids",
    },
    "field.uuid": {"zh": "{value!r} 不是有效的 UUID", "en": "{value!r} is not a valid UUID"},
    "enterprise.name": {"zh": "企业名称不能为空", "en": "the enterprise name is required"},
    "enterprise.name_long": {
        "zh": "企业名称过长（最多 200 字）",
        "en": "the enterprise name is too long (200 characters at most)",
    },
    "enterprise.industry": {
        "zh": "行业 {value!r} 无效，可选：{allowed}",
        "en": "industry {value!r} is invalid; choose one of: {allowed}",
    },
    "enterprise.path": {
        "zh": "生产类型 {value!r} 无效，可选：{allowed}",
        "en": "production path {value!r} is invalid; choose one of: {allowed}",
    },
    "enterprise.employees": {
        "zh": "从业人数 {value!r} 应为 1 至 1,000,000 之间的整数",
        "en": "employees {value!r} must be a whole number from 1 to 1,000,000",
    },
    "credit_code.length": {
        "zh": "统一社会信用代码应为 18 位",
        "en": "the unified social credit code must have 18 characters",
    },
    "credit_code.chars": {
        "zh": "统一社会信用代码含有不允许的字符（只能用数字和除 I、O、Z、S、V 外的大写字母）",
        "en": "the unified social credit code has characters that are not allowed (digits and capitals except I, O, Z, S, V)",
    },
    "credit_code.check": {
        "zh": "统一社会信用代码校验位不正确，请核对是否抄错",
        "en": "the check character of the unified social credit code is wrong; check for a typing error",
    },
    "path.required": {
        "zh": "该行业需要选择生产类型（离散型或流程型）",
        "en": "this industry needs a production path (discrete or process)",
    },
    "assessment.date": {"zh": "日期 {value!r} 应为 YYYY-MM-DD 格式", "en": "date {value!r} must be YYYY-MM-DD"},
    "assessment.mode": {
        "zh": "评估方式 {value!r} 无效，可选：{allowed}",
        "en": "mode {value!r} is invalid; choose one of: {allowed}",
    },
    "answer.shape": {"zh": "答案应为含 id 的对象", "en": "an answer must be an object with an id"},
    "answer.duplicate": {"zh": "题目 {id} 重复作答", "en": "item {id} is answered twice"},
    "answer.unknown_id": {"zh": "题库中没有题目 {id}", "en": "the pack has no item {id}"},
    "answer.not_applicable": {
        "zh": "题目 {id} 不属于本问卷（行业 {industry}，{path}）",
        "en": "item {id} is not part of this questionnaire (industry {industry}, {path})",
    },
    "answer.rating": {
        "zh": "题目 {id} 的评分 {value!r} 无效，可选：{allowed}",
        "en": "rating {value!r} of item {id} is invalid; allowed: {allowed}",
    },
    "answer.number": {"zh": "指标 {id} 应填数字，现为 {value!r}", "en": "indicator {id} needs a number, got {value!r}"},
    "answer.range": {
        "zh": "指标 {id} 的值 {value} 超出范围 {min}–{max} {unit}",
        "en": "value {value} of indicator {id} is outside {min}–{max} {unit}",
    },
    "answer.bool": {
        "zh": "题目 {id} 应为 true 或 false，现为 {value!r}",
        "en": "item {id} needs true or false, got {value!r}",
    },
    "plan.item": {"zh": "更新清单中没有项目 {value!r}", "en": "the renewal catalogue has no item {value!r}"},
    "plan.amount": {"zh": "金额或利率 {value!r} 无效", "en": "amount or rate {value!r} is invalid"},
    "plan.financing": {
        "zh": "融资方式 {value!r} 无效，可选：{allowed}",
        "en": "financing {value!r} is invalid; choose one of: {allowed}",
    },
    # --- CLI -------------------------------------------------------------------------------
    "cli.invalid": {"zh": "文件 {file} 无效：", "en": "file {file} is invalid:"},
    "cli.problem": {"zh": "  - {field}：{message}", "en": "  - {field}: {message}"},
    "cli.pack_invalid": {"zh": "题库 {dir} 有 {n} 个问题：", "en": "pack {dir} has {n} problem(s):"},
    "cli.pack_ok": {
        "zh": "题库 {id} {version} 有效：{requirements} 条要求、{indicators} 个指标、{conditions} 项基本条件、{scenarios} 个典型场景、{industries} 个行业",
        "en": "pack {id} {version} is valid: {requirements} requirements, {indicators} indicators, {conditions} basic conditions, {scenarios} typical scenarios, {industries} industries",
    },
    "cli.industry": {
        "zh": "行业 {value!r} 无效，可选：{allowed}",
        "en": "industry {value!r} is invalid; choose one of: {allowed}",
    },
    "cli.no_pack": {"zh": "找不到题库 {id} {version}", "en": "questionnaire pack {id} {version} not found"},
    # --- result words ---------------------------------------------------------------------
    "tier.none": {"zh": "尚未达到", "en": "Not yet"},
    "summary.title": {"zh": "智能工厂自诊断结果 — {name}", "en": "Smart-factory self-diagnosis — {name}"},
    "summary.score": {
        "zh": "总分 S = {s:.2f}，CMMM 等级：{level}",
        "en": "Total score S = {s:.2f}, CMMM level: {level}",
    },
    "summary.tier": {"zh": "上海智能工厂分层：{tier}", "en": "Shanghai smart-factory tier: {tier}"},
    "summary.national": {"zh": "国家梯度培育：{tier}", "en": "National cultivation ladder: {tier}"},
    "summary.provisional": {
        "zh": "暂定结果：尚有 {n} 项未作答（未作答按不满足计）",
        "en": "Provisional: {n} items unanswered (counted as not met)",
    },
    "summary.reasons": {"zh": "判定依据：", "en": "Reasons:"},
    "summary.blocking": {
        "zh": "距{tier}的自评门槛还差：",
        "en": "Still missing for the {tier} self-assessment threshold:",
    },
    "summary.levels": {"zh": "各级得分：", "en": "Level scores:"},
    "level.none": {"zh": "未达一级", "en": "below level 1"},
    # --- checks (tier reasons) --------------------------------------------------------------
    "check.min_level.pass": {
        "zh": "CMMM 等级 {actual} 级，达到 {required} 级要求",
        "en": "CMMM level {actual} meets the required level {required}",
    },
    "check.min_level.fail": {
        "zh": "CMMM 等级 {actual} 级，低于 {required} 级要求（总分 {s:.2f}）",
        "en": "CMMM level {actual} is below the required level {required} (S = {s:.2f})",
    },
    "check.subdomain_level.pass": {
        "zh": "{subdomain}达到 {required} 级（现为 {actual} 级）",
        "en": "{subdomain} reaches level {required} (now level {actual})",
    },
    "check.subdomain_level.fail": {
        "zh": "{subdomain}为 {actual} 级，需达到 {required} 级",
        "en": "{subdomain} is at level {actual}; level {required} is needed",
    },
    "check.conditions.pass": {"zh": "基本条件全部满足", "en": "all basic conditions are met"},
    "check.conditions.fail": {"zh": "基本条件未满足：{items}", "en": "basic conditions not met: {items}"},
    "check.conditions.unknown": {"zh": "基本条件未确认：{items}", "en": "basic conditions not yet answered: {items}"},
    "check.indicator.pass": {
        "zh": "{name} {actual}{unit}，达到{target} {required}{unit}",
        "en": "{name} {actual}{unit} meets the {target} of {required}{unit}",
    },
    "check.indicator.fail": {
        "zh": "{name} {actual}{unit}，未达到{target} {required}{unit}",
        "en": "{name} {actual}{unit} misses the {target} of {required}{unit}",
    },
    "check.indicator.unknown": {
        "zh": "{name} 未填写（{target} {required}{unit}）",
        "en": "{name} not given ({target} {required}{unit})",
    },
    "check.scenarios.pass": {
        "zh": "已具备 {actual} 个典型场景（要求 ≥ {required} 个）",
        "en": "{actual} typical scenarios in place (at least {required} required)",
    },
    "check.scenarios.fail": {
        "zh": "典型场景 {actual} 个，少于 {required} 个",
        "en": "{actual} typical scenarios, fewer than {required}",
    },
    # --- suggestions, support, roadmap ---------------------------------------------------
    "reason.subdomain": {
        "zh": "{subdomain}当前 {actual} 级，低于 {required} 级",
        "en": "{subdomain} is at level {actual}, below level {required}",
    },
    "reason.indicator_higher": {
        "zh": "{name} {actual}{unit}，低于{target} {required}{unit}",
        "en": "{name} {actual}{unit} is below the {target} of {required}{unit}",
    },
    "reason.indicator_lower": {
        "zh": "{name} {actual}{unit}，高于{target} {required}{unit}",
        "en": "{name} {actual}{unit} is above the {target} of {required}{unit}",
    },
    "reason.reference": {"zh": "参考值", "en": "reference"},
    "reason.scenario": {
        "zh": "典型场景“{scenario}”尚未具备",
        "en": "typical scenario \u201c{scenario}\u201d is not in place",
    },
    "summary.suggestions": {"zh": "建议优先更新：", "en": "Suggested renewal items:"},
    "summary.roadmap": {
        "zh": "达到{tier}自评门槛的最低投入路线（约 {amount}）：",
        "en": "Cheapest route to the {tier} self-assessment threshold (about {amount}):",
    },
    "summary.roadmap_blocked": {
        "zh": "仅靠设备更新无法达到{tier}的自评门槛，还需：",
        "en": "Renewal alone cannot meet the {tier} self-assessment threshold; also needed:",
    },
    "summary.support": {
        "zh": "已填计划的政策支持估算上限合计：{amount}",
        "en": "Estimated upper bound of policy support for the plans: {amount}",
    },
    "support.interest": {
        "zh": "贷款 {loan} × 年利率 {rate} × {years} 年 = 利息 {interest}；按 {share} 贴息 = {amount}",
        "en": "loan {loan} × annual rate {rate} × {years} years = interest {interest}; {share} of it = {amount}",
    },
    "support.contract": {
        "zh": "合同金额 {base} × {share} = {amount}",
        "en": "contract amount {base} × {share} = {amount}",
    },
    "support.investment": {
        "zh": "项目投资 {base} × {share} = {amount}",
        "en": "project investment {base} × {share} = {amount}",
    },
    "support.cap": {"zh": "；上限 {cap}", "en": "; cap {cap}"},
    "support.capped": {"zh": "；超过上限，按上限 {cap} 计", "en": "; above the cap, so the cap of {cap} applies"},
    "support.min_ok": {"zh": "；项目投资达到 {min} 门槛", "en": "; the investment reaches the {min} threshold"},
    "support.below_min": {
        "zh": "项目投资 {investment} 低于 {min} 门槛，不符合条件",
        "en": "investment {investment} is below the {min} threshold, so not eligible",
    },
    "support.needs-loan": {
        "zh": "该措施只适用于银行贷款融资",
        "en": "this measure applies only to bank-loan financing",
    },
    "support.needs-lease": {"zh": "该措施只适用于融资租赁", "en": "this measure applies only to financing leases"},
    "support.unknown_measure": {
        "zh": "未知的政策措施 {value!r}，可选：{allowed}",
        "en": "unknown measure {value!r}; choose one of: {allowed}",
    },
    "support.needs_loan_rate": {
        "zh": "措施 {measure} 按贷款利息计算，需要 --loan 和 --rate",
        "en": "measure {measure} is based on loan interest: --loan and --rate are required",
    },
    "support.needs_contract": {
        "zh": "措施 {measure} 按合同金额计算，需要 --contract",
        "en": "measure {measure} is based on the contract amount: --contract is required",
    },
    "support.bad_number": {
        "zh": "{option} 的值 {value!r} 无效：{why}",
        "en": "{option} value {value!r} is invalid: {why}",
    },
    "support.disclaimer": {
        "zh": "估算为上限值，是否符合条件以主管部门认定为准。",
        "en": "Upper-bound estimate; the authority decides eligibility.",
    },
    "support.eligible": {"zh": "符合条件", "en": "eligible"},
    "support.not_eligible": {"zh": "不符合条件", "en": "not eligible"},
    "support.line": {
        "zh": "{measure}：{state}，估算支持 {amount}",
        "en": "{measure}: {state}, estimated support {amount}",
    },
    "check.basis.D": {"zh": "（产品默认规则）", "en": " (product default)"},
}
