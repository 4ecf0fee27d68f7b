"""What happened and what to do next, for every error a user can meet (``diag_app/errors.py``).

Per error: ``error.<kind>`` (the title: what happened) and ``error.<kind>.hint`` (what to do next);
the specifics (``key``) live with the part that raises it (``store.*``, …) or here as
``error.<kind>.detail``. Worded by ``diag_app.error_text.error_text``.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "error.more": {"zh": "……另有 {n} 个问题", "en": "… and {n} more problems"},
    # --- any AppError without words of its own ------------------------------------------------
    "error.app": {"zh": "操作没有完成。", "en": "The operation did not complete."},
    "error.app.detail": {"zh": "（没有更多信息）", "en": "(no further details)"},
    "error.app.hint": {
        "zh": "请再试一次；如果问题持续，请联系技术支持。",
        "en": "Try again; if it keeps happening, contact support.",
    },
    # --- input and questionnaire packs --------------------------------------------------------
    "error.assessment_invalid": {
        "zh": "输入的内容不符合要求，没有保存。",
        "en": "The input breaks the rules; nothing was saved.",
    },
    "error.assessment_invalid.detail": {"zh": "发现 {count} 个问题：", "en": "{count} problem(s) found:"},
    "error.assessment_invalid.hint": {
        "zh": "请按上面的提示改正后再试。",
        "en": "Correct what is listed above and try again.",
    },
    "error.pack_broken": {
        "zh": "题库文件有误，无法使用。",
        "en": "The questionnaire pack is broken and cannot be used.",
    },
    "error.pack_broken.hint": {
        "zh": "请重新安装本程序；如果您修改过题库文件，请按上面的提示改正。",
        "en": "Reinstall the app; if you edited the pack files, fix what is listed above.",
    },
    "error.pack_missing": {
        "zh": "找不到该评估使用的题库 {id} {version}。",
        "en": "The questionnaire pack {id} {version} this assessment was made with is not installed.",
    },
    "error.pack_missing.detail": {
        "zh": "本程序没有题库 {id} {version}。",
        "en": "This app has no questionnaire pack {id} {version}.",
    },
    "error.pack_missing.hint": {
        "zh": "请安装包含该题库版本的新版程序后再打开。",
        "en": "Install a version of the app that ships this pack version, then open it again.",
    },
    "error.support_argument": {
        "zh": "估算政策支持所需的数值不全。",
        "en": "Figures needed to estimate the policy support are missing.",
    },
    "error.support_argument.detail": {
        "zh": "支持措施 {measure} 还需要：{missing}",
        "en": "support measure {measure} also needs: {missing}",
    },
    "error.support_argument.hint": {
        "zh": "请补充贷款金额和利率（贴息类）或合同金额（租赁类）后再试。",
        "en": "Give the loan amount and rate (interest subsidies) or the contract amount (leasing), then try again.",
    },
    # --- the report ---------------------------------------------------------------------------
    "error.font_missing": {
        "zh": "无法生成报告：缺少中文字体文件。",
        "en": "The report cannot be made: a Chinese font file is missing.",
    },
    "error.font_missing.detail": {
        "zh": "找不到字体文件：{path}",
        "en": "font file not found: {path}",
    },
    "error.font_missing.hint": {
        "zh": "没有它报告无法显示中文。请重新安装本程序，或把该字体文件放回原处。",
        "en": "Without it the report cannot show Chinese. Reinstall the app, or put the font file back where it was.",
    },
    # --- the workspace (diag_app/store/errors.py) ---------------------------------------------
    "error.store": {"zh": "工作区操作失败。", "en": "The workspace operation failed."},
    "error.store.hint": {
        "zh": "请再试一次；如果问题持续，请重新打开工作区。",
        "en": "Try again; if it keeps happening, reopen the workspace.",
    },
    "error.db_corrupt": {"zh": "工作区数据库已损坏。", "en": "The workspace database is damaged."},
    "error.db_corrupt.hint": {
        "zh": "损坏的文件不会被改动。可以从最新的备份恢复，或打开其他工作区。",
        "en": "The damaged file is left as it is. Restore the newest backup, or open another workspace.",
    },
    "error.not_a_database": {
        "zh": "所选文件不是工作区数据库。",
        "en": "The chosen file is not a workspace database.",
    },
    "error.not_a_database.hint": {
        "zh": "文件未被改动。请选择工作区文件（workspace.db），或新建一个工作区。",
        "en": "The file was not changed. Choose a workspace file (workspace.db), or create a new workspace.",
    },
    "error.db_locked": {
        "zh": "工作区正被另一个程序使用。",
        "en": "The workspace is in use by another program.",
    },
    "error.db_locked.hint": {
        "zh": "请关闭另一个打开该工作区的窗口或程序，然后再试。刚才的改动没有保存。",
        "en": "Close the other window or program that has this workspace open, then try again. The last change was not saved.",
    },
    "error.schema_too_new": {
        "zh": "该工作区由更新版本的程序创建。",
        "en": "This workspace was written by a newer version of the app.",
    },
    "error.schema_too_new.hint": {
        "zh": "文件未被改动。请升级本程序后再打开。",
        "en": "The file was not changed. Update the app, then open it again.",
    },
    "error.storage_failed": {
        "zh": "无法读写文件。",
        "en": "A file cannot be read or written.",
    },
    "error.storage_failed.hint": {
        "zh": "请检查磁盘空间和文件夹权限后再试。",
        "en": "Check the free disk space and the folder's permissions, then try again.",
    },
    "error.read_only_workspace": {
        "zh": "工作区位于只读位置，无法写入。",
        "en": "The workspace is in a read-only place.",
    },
    "error.read_only_workspace.hint": {
        "zh": "文件没有损坏，也不需要恢复备份。请把工作区复制到可写的文件夹后打开，或解除只读（例如 U 盘的写保护）。",
        "en": "The file is not damaged and needs no backup. Copy the workspace to a folder you can write to and open it there, or lift the read-only state (e.g. a USB stick's write protection).",
    },
    "error.assessment_not_found": {"zh": "找不到这份评估。", "en": "This assessment cannot be found."},
    "error.assessment_not_found.hint": {
        "zh": "它可能已在其他窗口中被删除（可在回收站中找回）。请回到企业列表刷新后再试。",
        "en": "It may have been deleted in another window (look in the recycle bin). Go back to the enterprise list and try again.",
    },
    "error.enterprise_not_found": {"zh": "找不到该企业。", "en": "This enterprise cannot be found."},
    "error.enterprise_not_found.hint": {
        "zh": "请回到企业列表刷新后再试。",
        "en": "Go back to the enterprise list and try again.",
    },
    "error.assessment_final": {
        "zh": "这份评估已定稿，不能修改。",
        "en": "This assessment is final and cannot be changed.",
    },
    "error.assessment_final.hint": {
        "zh": "如需修改，请点“重新打开”生成新版本。",
        "en": "To change it, click “Reopen” to start a new revision.",
    },
    "error.evidence_too_large": {
        "zh": "证据文件太大，没有添加。",
        "en": "The evidence file is too large and was not attached.",
    },
    "error.evidence_too_large.hint": {
        "zh": "请压缩或拆分文件（每个不超过 {limit_mb} MB）后再添加。",
        "en": "Compress or split it ({limit_mb} MB per file at most), then attach it again.",
    },
    "error.evidence_missing": {"zh": "证据文件不见了。", "en": "An evidence file is missing."},
    "error.evidence_missing.hint": {
        "zh": "工作区证据文件夹中的文件可能被移动、删除或改动。请重新导入含有它的评估包，或重新添加该证据。",
        "en": "A file in the workspace's evidence folder was moved, deleted or altered. Import a bundle that has it again, or attach the evidence again.",
    },
    "error.evidence_damaged": {
        "zh": "证据文件已被改动，没有打开。",
        "en": "An evidence file was altered and was not opened.",
    },
    "error.evidence_damaged.hint": {
        "zh": "工作区证据文件夹中的这个文件与添加时不同（可能被其他程序改动或磁盘损坏）。请重新导入含有它的评估包，或移除后重新添加原文件。",
        "en": "This file in the workspace's evidence folder differs from the one attached (changed by another program, or a damaged disk). Import a bundle that has it again, or take it off and attach the original again.",
    },
    "error.evidence_not_attached": {
        "zh": "找不到这个证据文件。",
        "en": "This evidence file is not attached.",
    },
    "error.evidence_not_attached.hint": {
        "zh": "请刷新证据列表后再试。",
        "en": "Refresh the evidence list and try again.",
    },
    "error.not_in_bin": {"zh": "回收站中没有这一项。", "en": "This is not in the recycle bin."},
    "error.not_in_bin.hint": {
        "zh": "请刷新回收站列表后再试。",
        "en": "Refresh the recycle bin and try again.",
    },
    "error.bundle_rejected": {
        "zh": "文件未通过检查，没有导入任何内容。",
        "en": "The file failed its checks; nothing was imported.",
    },
    "error.bundle_rejected.hint": {
        "zh": "请向发送方索取完整、未修改的文件后再导入。",
        "en": "Ask the sender for a complete, unmodified file and import that.",
    },
    # --- cancelled work (diag_app/progress.py) ------------------------------------------------
    "error.cancelled": {"zh": "操作已取消。", "en": "Cancelled."},
    "error.cancelled.detail": {"zh": "没有做任何改动。", "en": "Nothing was changed."},
    "error.cancelled.hint": {"zh": "需要时可以重新开始。", "en": "Start it again whenever you like."},
    # --- the operating system's errors --------------------------------------------------------
    "error.os.detail": {"zh": "{path}：{reason}", "en": "{path}: {reason}"},
    "error.os": {"zh": "无法读写文件。", "en": "A file could not be read or written."},
    "error.os.hint": {
        "zh": "请检查磁盘空间、文件权限和文件是否被其他程序占用。",
        "en": "Check the free disk space, the permissions, and whether another program holds the file.",
    },
    "error.permission": {"zh": "没有权限访问该文件。", "en": "No permission to use this file."},
    "error.permission.hint": {
        "zh": "请选择您有读写权限的文件或文件夹。",
        "en": "Choose a file or folder you are allowed to read and write.",
    },
    "error.file_not_found": {"zh": "找不到该文件。", "en": "The file cannot be found."},
    "error.file_not_found.hint": {
        "zh": "它可能已被移动或删除。请重新选择。",
        "en": "It may have been moved or deleted. Choose it again.",
    },
    "error.disk_full": {"zh": "磁盘空间不足，文件没有写完。", "en": "The disk is full; the file was not written."},
    "error.disk_full.hint": {
        "zh": "没有留下写了一半的文件。请腾出磁盘空间或换一个位置后再试。",
        "en": "No half-written file was left behind. Free some disk space or choose another place, then try again.",
    },
    "error.read_only": {"zh": "该位置只读，无法写入。", "en": "This place is read-only."},
    "error.read_only.hint": {
        "zh": "文件没有损坏。请换一个可写的文件夹，或取消只读（例如写保护的 U 盘）后再试。",
        "en": "Nothing is damaged. Choose a folder you can write to, or lift the read-only state (e.g. a write-protected USB stick).",
    },
    "error.is_directory": {"zh": "选择的是文件夹，不是文件。", "en": "That is a folder, not a file."},
    "error.is_directory.hint": {"zh": "请选择一个文件。", "en": "Choose a file."},
    "error.io": {"zh": "读写磁盘时出错。", "en": "The disk reported an error."},
    "error.io.hint": {
        "zh": "磁盘或 U 盘可能有故障。请把文件复制到其他磁盘后再试。",
        "en": "The disk or USB stick may be failing. Copy the file to another disk and try again.",
    },
    "error.name_too_long": {"zh": "文件名或路径太长。", "en": "The file name or path is too long."},
    "error.name_too_long.hint": {
        "zh": "请换一个较短的文件名或文件夹。",
        "en": "Choose a shorter file name or folder.",
    },
    "error.os.reason.disk_full": {"zh": "磁盘空间不足", "en": "no space left on the disk"},
    "error.os.reason.read_only": {"zh": "文件系统只读", "en": "the file system is read-only"},
    "error.os.reason.permission": {"zh": "没有权限", "en": "permission denied"},
    "error.os.reason.file_not_found": {"zh": "文件或文件夹不存在", "en": "no such file or folder"},
    "error.os.reason.is_directory": {"zh": "这是一个文件夹", "en": "it is a folder"},
    "error.os.reason.io": {"zh": "输入/输出错误", "en": "input/output error"},
    "error.os.reason.name_too_long": {"zh": "名称太长", "en": "the name is too long"},
    "error.os.reason.cannot_open": {"zh": "无法打开文件", "en": "the file cannot be opened"},
    "error.os.reason.not_regular": {"zh": "不是普通文件", "en": "it is not a regular file"},
    "error.os.reason.removed_meanwhile": {
        "zh": "文件在添加过程中被删除",
        "en": "the file was removed while it was being attached",
    },
    # --- everything else: a bug ---------------------------------------------------------------
    "error.unexpected": {"zh": "发生了意外错误。", "en": "Something unexpected went wrong."},
    "error.unexpected.hint": {
        "zh": "您的答案已逐项保存。请重试；如果问题持续，请把“详细信息”中的内容发给技术支持。",
        "en": "Your answers are saved item by item. Try again; if it keeps happening, send the “Details” text to support.",
    },
}
