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
