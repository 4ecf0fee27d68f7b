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
}
