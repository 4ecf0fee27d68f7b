"""Messages of the validation layer (diag_app/validation/): what is wrong with a field of a file
that came from outside. Shown after the field's name ("answers[3].value: …")."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading and parsing ----------------------------------------------------------------
    "input.not_regular": {
        "zh": "不是普通文件（可能是文件夹、设备或管道），未读取",
        "en": "not a regular file (a folder, a device or a pipe); it was not read",
    },
    "input.too_large": {
        "zh": "文件超过 {max_mb} MB 的上限",
        "en": "the file is larger than the limit of {max_mb} MB",
    },
    "input.too_many_values": {
        "zh": "对象和列表过多（上限 {max} 个）",
        "en": "too many objects and lists (at most {max})",
    },
    "input.too_deep": {
        "zh": "嵌套层数过深（最多 {max} 层）",
        "en": "nested too deeply ({max} levels at most)",
    },
    "input.number": {
        "zh": "数字 {value} 不被接受（不允许 NaN、Infinity 或超出范围的数）",
        "en": "the number {value} is not accepted (no NaN, no Infinity, no number out of range)",
    },
    "input.surrogate": {
        "zh": "文本含有无效的 Unicode 字符（单独的代理项）",
        "en": "the text contains an invalid Unicode character (a lone surrogate)",
    },
    "input.duplicate_key": {
        "zh": "字段“{name}”在同一对象中出现了不止一次（无法确定以哪一个为准）",
        "en": "the field “{name}” appears more than once in the same object (which one counts is unclear)",
    },
    "input.not_utf8": {
        "zh": "文件不是 UTF-8 编码（第 {at} 个字节无法解码）；请使用本软件导出的文件，或将文件另存为 UTF-8",
        "en": "the file is not UTF-8 (byte {at} cannot be decoded); use a file this app exported, or save it as UTF-8",
    },
    "input.nul": {"zh": "文本含有空字符（U+0000）", "en": "the text contains a NUL character (U+0000)"},
    "input.key_long": {
        "zh": "字段名过长（最多 {max} 字）",
        "en": "a field name is too long ({max} characters at most)",
    },
    # --- shape (JSON Schema) ------------------------------------------------------------------
    "schema.required": {"zh": "缺少必填字段", "en": "this required field is missing"},
    "schema.unknown": {
        "zh": "不认识的字段，可用：{allowed}",
        "en": "unknown field; the fields here are: {allowed}",
    },
    "schema.type.object": {"zh": "应为对象，实际为 {value}", "en": "must be an object, got {value}"},
    "schema.type.array": {"zh": "应为列表，实际为 {value}", "en": "must be a list, got {value}"},
    "schema.type.string": {"zh": "应为文本，实际为 {value}", "en": "must be text, got {value}"},
    "schema.type.number": {"zh": "应为数字，实际为 {value}", "en": "must be a number, got {value}"},
    "schema.type.integer": {"zh": "应为整数，实际为 {value}", "en": "must be a whole number, got {value}"},
    "schema.type.boolean": {
        "zh": "应为 true 或 false，实际为 {value}",
        "en": "must be true or false, got {value}",
    },
    "schema.type.null": {"zh": "应为空（null），实际为 {value}", "en": "must be null, got {value}"},
    "schema.maxLength": {"zh": "文本过长（最多 {max} 字）", "en": "the text is too long ({max} characters at most)"},
    "schema.minLength": {"zh": "不能为空", "en": "must not be empty"},
    "schema.maxItems": {"zh": "条目过多（最多 {max} 条）", "en": "too many entries ({max} at most)"},
    "schema.minItems": {"zh": "条目过少（至少 {min} 条）", "en": "too few entries ({min} at least)"},
    "schema.maxProperties": {"zh": "条目过多（最多 {max} 条）", "en": "too many entries ({max} at most)"},
    "schema.maximum": {"zh": "{value} 超过上限 {max}", "en": "{value} is above the limit of {max}"},
    "schema.exclusiveMaximum": {"zh": "{value} 应小于 {max}", "en": "{value} must be below {max}"},
    "schema.minimum": {"zh": "{value} 低于下限 {min}", "en": "{value} is below the limit of {min}"},
    "schema.exclusiveMinimum": {"zh": "{value} 应大于 {min}", "en": "{value} must be above {min}"},
    "schema.format.calendar-date": {
        "zh": "{value} 不是有效日期（应为 YYYY-MM-DD 格式的文本，如 2026-11-02）",
        "en": "{value} is not a valid date (text of the form YYYY-MM-DD, e.g. 2026-11-02)",
    },
    "schema.answer_value": {
        "zh": '{value} 不是答案值（应为数字、true/false、"na" 或 null）',
        "en": '{value} is not an answer value (a number, true/false, "na" or null)',
    },
    "schema.pattern": {"zh": "{value} 的格式不对", "en": "{value} does not have the required form"},
    "schema.invalid": {"zh": "不符合文件格式（规则 {rule}）", "en": "does not fit the file format (rule {rule})"},
}
