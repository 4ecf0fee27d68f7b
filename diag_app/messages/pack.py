"""Messages of the questionnaire-pack validation (the readers in diag_app/packs/).

Read by whoever edits the pack's YAML files: each message says what is wrong with one value; the
file, item and field are shown beside it verbatim. Values quoted with ``!r`` stay exactly as they
were read, so they can be searched for in the file.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- one problem line: location, then the message -----------------------------------------
    "pack.problem_line": {"zh": "  - {where}：{message}", "en": "  - {where}: {message}"},
    # --- files ----------------------------------------------------------------------------------
    "pack.problem.file_missing": {"zh": "缺少此文件", "en": "file is missing"},
    "pack.problem.yaml": {"zh": "不是有效的 YAML：{detail}", "en": "not valid YAML: {detail}"},
    "pack.problem.not_utf8": {"zh": "不是 UTF-8 编码的文本", "en": "not UTF-8 text"},
    "pack.problem.top_not_mapping": {
        "zh": "文件顶层必须是“键: 值”形式的映射，实际为 {kind}",
        "en": "must be a mapping of keys to values at the top level, got a {kind}",
    },
    "pack.problem.structure": {
        "zh": "结构不符合要求（{error}：{detail}）",
        "en": "unexpected structure ({error}: {detail})",
    },
    "pack.problem.no_requirements": {"zh": "没有任何要求文件", "en": "no requirement files"},
    "pack.problem.no_industries": {"zh": "没有任何行业文件", "en": "no industry files"},
    # --- shapes and values ----------------------------------------------------------------------
    "pack.problem.not_list": {"zh": "必须是列表", "en": "must be a list"},
    "pack.problem.not_mapping": {"zh": "必须是“键: 值”形式的映射", "en": "must be a mapping"},
    "pack.problem.not_text": {"zh": "必须是文本", "en": "must be a text"},
    "pack.problem.text_not_mapping": {
        "zh": "必须是同时包含 zh 和 en 文本的映射",
        "en": "must be a mapping with zh and en texts",
    },
    "pack.problem.translation_missing": {"zh": "缺少此语言的文本", "en": "translation is missing"},
    "pack.problem.unknown_languages": {
        "zh": "未知的语言：{langs}（只能是 zh 和 en）",
        "en": "unknown language(s): {langs}",
    },
    "pack.problem.number_range": {
        "zh": "必须是 {lo} 至 {hi} 之间的数字，实际为 {value!r}",
        "en": "must be a number between {lo} and {hi}, got {value!r}",
    },
    "pack.problem.ident": {
        "zh": "必须是不含空格的编号，实际为 {value!r}",
        "en": "must be an id without spaces, got {value!r}",
    },
    "pack.problem.one_of": {"zh": "必须是 {allowed} 之一", "en": "must be one of {allowed}"},
    "pack.problem.one_of_got": {
        "zh": "必须是 {allowed} 之一，实际为 {value!r}",
        "en": "must be one of {allowed}, got {value!r}",
    },
    "pack.problem.level": {"zh": "必须是 1 至 5 的整数", "en": "must be 1 to 5"},
    "pack.problem.level_got": {"zh": "必须是 1 至 5 的整数，实际为 {value!r}", "en": "must be 1 to 5, got {value!r}"},
    "pack.problem.positive_int": {"zh": "必须是正整数", "en": "must be a positive whole number"},
    "pack.problem.version": {
        "zh": "必须是版本号文本，例如 '1.0.0'",
        "en": "must be a version string such as '1.0.0'",
    },
    "pack.problem.paths": {
        "zh": "必须是非空列表，其中只能有 {allowed}",
        "en": "must be a non-empty list of {allowed}",
    },
    "pack.problem.unknown_fields": {"zh": "未知的字段", "en": "unknown field(s)"},
    "pack.problem.better": {"zh": "必须是 'higher' 或 'lower'", "en": "must be 'higher' or 'lower'"},
    "pack.problem.financing": {"zh": "必须是 'any' 或 'lease'", "en": "must be 'any' or 'lease'"},
    "pack.problem.max_not_above_min": {"zh": "必须大于 min", "en": "must be greater than min"},
    "pack.problem.high_below_low": {"zh": "不能小于 low", "en": "must not be below low"},
    # --- duplicates -----------------------------------------------------------------------------
    "pack.problem.duplicate_id": {"zh": "编号重复（{other} 中已有）", "en": "duplicate id (also in {other})"},
    "pack.problem.duplicate_industry": {"zh": "行业编号重复", "en": "duplicate industry"},
    "pack.problem.duplicate_measure": {"zh": "措施编号重复", "en": "duplicate measure"},
    "pack.problem.duplicate_catalog_item": {"zh": "更新清单项目编号重复", "en": "duplicate catalogue item"},
    # --- references to ids defined elsewhere in the pack ----------------------------------------
    "pack.problem.not_a_subdomain": {"zh": "不是已定义的子域", "en": "unknown sub-domain"},
    "pack.problem.unknown_subdomain": {"zh": "未知的子域 {value!r}", "en": "unknown sub-domain {value!r}"},
    "pack.problem.unknown_indicator": {"zh": "未知的指标 {value!r}", "en": "unknown indicator {value!r}"},
    "pack.problem.unknown_scenario": {"zh": "未知的典型场景 {value!r}", "en": "unknown scenario {value!r}"},
    "pack.problem.unknown_condition": {"zh": "未知的基本条件 {value!r}", "en": "unknown condition {value!r}"},
    "pack.problem.unknown_link": {"zh": "未知的环节 {value!r}", "en": "unknown link {value!r}"},
    "pack.problem.unknown_industry": {"zh": "未知的行业 {value!r}", "en": "unknown industry {value!r}"},
    "pack.problem.unknown_measure": {"zh": "未知的政策措施 {value!r}", "en": "unknown measure {value!r}"},
    "pack.problem.unknown_category": {"zh": "未知的类别 {value!r}", "en": "unknown category {value!r}"},
    "pack.problem.unknown_rule_kind": {"zh": "未知的规则类型 {value!r}", "en": "unknown rule kind {value!r}"},
    "pack.problem.unknown_trigger_kind": {"zh": "未知的触发类型 {value!r}", "en": "unknown trigger kind {value!r}"},
    "pack.problem.no_target": {
        "zh": "指标 {indicator} 没有目标 {value!r}",
        "en": "indicator {indicator} has no target {value!r}",
    },
    # --- scoring rules and weights (pack.yaml) --------------------------------------------------
    "pack.problem.ratings_missing": {"zh": "必须列出评分档位", "en": "must list the rating scale"},
    "pack.error.detail": {"zh": "共发现 {n} 处问题：", "en": "Problems found ({n}):"},
    "pack.problem.format": {
        "zh": "未知的题包格式 {value!r}（本程序可读：{known}）",
        "en": "unknown pack format {value!r} (this app reads: {known})",
    },
    "pack.problem.accumulation": {
        "zh": "未知的规则 {value!r}（可用：{known}）",
        "en": "unknown rule {value!r} (known: {known})",
    },
    "pack.problem.bands_missing": {"zh": "必须列出总分 → 等级的区间", "en": "must list the score → level bands"},
    "pack.problem.bands_gap": {
        "zh": "相邻区间必须首尾相接，不能有空隙或重叠（下一个区间从 {next} 开始）",
        "en": "bands must touch without gap or overlap (next starts at {next})",
    },
    "pack.problem.bands_levels": {"zh": "等级必须随总分升高而升高", "en": "levels must rise with the score"},
    "pack.problem.band_low_high": {"zh": "low 必须小于 high", "en": "low must be below high"},
    "pack.problem.bands_end": {"zh": "最后一个区间必须止于 5", "en": "the last band must end at 5"},
    "pack.problem.weights_not_mapping": {
        "zh": "必须为每个子域给出权重（子域编号: 权重）",
        "en": "must map every sub-domain to a weight",
    },
    "pack.problem.weight_missing": {"zh": "缺少此子域的权重", "en": "weight is missing"},
    "pack.problem.weights_sum": {
        "zh": "权重之和必须为 1，实际为 {total:.4f}",
        "en": "weights must sum to 1, they sum to {total:.4f}",
    },
    # --- structure, industries, tiers, measures, catalogue ---------------------------------------
    "pack.problem.domain_empty": {"zh": "每个能力域至少需要一个子域", "en": "a domain needs at least one sub-domain"},
    "pack.problem.industry_path": {
        "zh": "必须是 {allowed} 之一，或为 null（由用户选择）",
        "en": "must be one of {allowed} or null (asked)",
    },
    "pack.problem.ranks_differ": {
        "zh": "同一梯度内各层级的 rank 必须互不相同",
        "en": "ranks must differ within a ladder",
    },
    "pack.problem.distribution_sum": {"zh": "各项占比之和必须为 100 %", "en": "shares must add up to 100 %"},
    "pack.problem.rule_needs_value": {
        "zh": "需要目标编号（target）或数值（value）",
        "en": "needs a target id or a numeric value",
    },
    "pack.problem.interest_years": {
        "zh": "贴息类措施必须给出贴息年数（years）",
        "en": "an interest measure needs the number of years subsidised",
    },
    "pack.problem.trigger_needs_value": {"zh": "需要 value 或 target_ref", "en": "needs value or target_ref"},
    "pack.problem.no_triggers": {
        "zh": "每个项目至少需要一个触发条件（triggers）",
        "en": "an item needs at least one trigger",
    },
    # --- completeness and uniqueness (every format) ------------------------------------------
    "pack.problem.empty_file": {"zh": "文件是空的", "en": "the file is empty"},
    "pack.problem.empty_list": {"zh": "列表不能为空", "en": "the list must not be empty"},
    "pack.problem.no_basic_conditions": {
        "zh": "至少需要一项基本条件（scope: basic）",
        "en": "at least one basic condition (scope: basic) is needed",
    },
    "pack.problem.duplicate_tier": {
        "zh": "层级编号重复（已在 {other} 梯度中使用）",
        "en": "duplicate tier id (already used in the {other} ladder)",
    },
    "pack.problem.tier_no_rules": {
        "zh": "每个层级至少需要一条判定规则",
        "en": "a tier needs at least one rule",
    },
    "pack.problem.links_needed": {
        "zh": "必须列出要覆盖的环节（links）",
        "en": "must list the links to be covered",
    },
    "pack.problem.prior_tier": {
        "zh": "{value!r} 不是同一梯度中更低的层级",
        "en": "{value!r} is not a lower tier of the same ladder",
    },
    # --- format 2 -------------------------------------------------------------------------------
    "pack.problem.basis_missing": {
        "zh": "必须写明依据（basis: S、P 或 D）",
        "en": "the basis must be stated (basis: S, P or D)",
    },
    "pack.problem.not_cumulative": {
        "zh": "{ladder} 梯度须逐级递进：需要一条 prior_tier 规则指向下一级 {lower}",
        "en": "the {ladder} ladder must be cumulative: a prior_tier rule naming {lower}, the tier below, is needed",
    },
    # --- tier rules and checks of the kinds format 2 brought (worded in describe.py) -------------
    "report.rule.prior_tier": {"zh": "已达到{tier}", "en": "{tier} reached first"},
    "report.rule.links_covered": {
        "zh": "{links}环节各至少 {min} 个典型场景",
        "en": "at least {min} typical scenario(s) in each of the links {links}",
    },
    "report.rule.tier_conditions": {"zh": "满足：{items}", "en": "met: {items}"},
    "check.prior_tier.pass": {"zh": "已达到{tier}的自评门槛", "en": "the {tier} self-assessment threshold is met"},
    "check.prior_tier.fail": {
        "zh": "未达到{tier}的自评门槛（须逐级达到）",
        "en": "the {tier} self-assessment threshold is not met (tiers are reached one after another)",
    },
    "check.prior_tier.unknown": {
        "zh": "{tier}尚未能判定（有未作答的项目）",
        "en": "{tier} cannot be decided yet (items unanswered)",
    },
    "check.links_covered.pass": {
        "zh": "所要求的环节均已有典型场景",
        "en": "every required link has typical scenarios in place",
    },
    "check.links_covered.fail": {
        "zh": "以下环节的典型场景不足 {required} 个：{links}",
        "en": "fewer than {required} typical scenario(s) in the links: {links}",
    },
    "check.links_covered.unknown": {
        "zh": "以下环节的典型场景尚未作答完：{links}",
        "en": "typical scenarios not yet answered in the links: {links}",
    },
    "check.tier_conditions.pass": {"zh": "已满足：{items}", "en": "met: {items}"},
    "check.tier_conditions.fail": {"zh": "未满足：{items}", "en": "not met: {items}"},
    "check.tier_conditions.unknown": {"zh": "未确认：{items}", "en": "not yet answered: {items}"},
    "pack.problem.subdomain_no_file": {
        "zh": "子域 {value!r} 没有要求文件",
        "en": "no requirement file for sub-domain {value!r}",
    },
    "pack.problem.subdomain_second_file": {
        "zh": "子域 {value!r} 的第二个要求文件（第一个是 {other}）",
        "en": "a second file for sub-domain {value!r} (the first is {other})",
    },
    "pack.problem.duplicate_link": {"zh": "环节编号重复", "en": "duplicate link id"},
    "pack.problem.link_empty": {"zh": "此环节下没有任何典型场景", "en": "no scenario in this link"},
    "pack.problem.duplicate_rating": {"zh": "评分档重复", "en": "duplicate rating"},
    "pack.problem.duplicate_target": {"zh": "参考值编号 {value!r} 重复", "en": "duplicate {value!r}"},
    "pack.problem.duplicate_category": {"zh": "类别编号重复", "en": "duplicate category id"},
    # --- answers the pack's 不适用 rules refuse (model/assessment.py) ----------------------------
    "answer.na_not_allowed": {
        "zh": "{id} 不能选“不适用”：题库未将此项列为可能不适用（请按实际情况评分）",
        "en": "{id} cannot be answered 'not applicable': the pack does not list it as possibly not applicable (rate it as it is)",
    },
    "answer.na_reason": {
        "zh": "{id} 选了“不适用”，须在备注中写明理由",
        "en": "{id} is answered 'not applicable': give the reason in the note",
    },
    "na.subdomain_not_allowed": {
        "zh": "子域 {id} 不能整体标为不适用（题库未允许）",
        "en": "sub-domain {id} cannot be declared not applicable as a whole (the pack does not allow it)",
    },
    "pack.problem.cell_empty": {
        "zh": "此级别在该路径下没有通用要求（格式 2 要求每个子域每级、每条路径至少一条）",
        "en": "no common requirement at this level for this path (format 2 needs at least one per sub-domain, level and path)",
    },
    # --- how far the level is from changing, and 不适用 (describe.py) ----------------------------
    "sens.move_up": {"zh": "{n} 项从“{before}”提到“{after}”", "en": "{n} items from '{before}' to '{after}'"},
    "sens.move_up.one": {"zh": "1 项从“{before}”提到“{after}”", "en": "1 item from '{before}' to '{after}'"},
    "sens.move_down": {"zh": "{n} 项从“{before}”降到“{after}”", "en": "{n} items from '{before}' down to '{after}'"},
    "sens.move_down.one": {"zh": "1 项从“{before}”降到“{after}”", "en": "1 item from '{before}' down to '{after}'"},
    "sens.unanswered": {"zh": "未作答", "en": "unanswered"},
    "sens.up": {
        "zh": "{moves}，即可使第 {level} 级达标（S {s:.2f} → {s_after:.2f}，{level_after}）",
        "en": "{moves} would raise level {level} to met (S {s:.2f} → {s_after:.2f}, {level_after})",
    },
    "sens.down": {
        "zh": "反之，若 {moves}，第 {level} 级即不再达标（S {s:.2f} → {s_after:.2f}，{level_after}）",
        "en": "Conversely, {moves} would leave level {level} not met (S {s:.2f} → {s_after:.2f}, {level_after})",
    },
    "na.warning": {
        "zh": "注意：{n} 条要求（占 {share:.0f}%）按不适用处理，超过 {limit:.0f}% 的提示线，结果的可比性下降",
        "en": "Note: {n} requirements ({share:.0f} %) are set aside as not applicable, above the {limit:.0f} % mark; the result is less comparable",
    },
}
