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
