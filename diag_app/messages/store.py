"""Messages of the workspace database, bundles and their CLI commands (import, export, list)."""

MESSAGES: dict[str, dict[str, str]] = {
    # --- errors (diag_app/store/errors.py) ---------------------------------------------------
    "store.error": {"zh": "工作区出错", "en": "workspace error"},
    "store.not_a_database": {
        "zh": "{path} 不是本程序的工作区数据库，未做任何改动。请选择其他文件，或新建一个工作区。",
        "en": "{path} is not a workspace database of this app; it was left unchanged. Choose another file or create a new workspace.",
    },
    "store.corrupt": {
        "zh": "工作区数据库 {path} 已损坏（{detail}），未做任何改动。{backup}",
        "en": "the workspace database {path} is damaged ({detail}); it was left unchanged.{backup}",
    },
    "store.corrupt.has_backup": {
        "zh": "可以恢复最近的完好备份：{backup}（损坏的文件会被保留在旁边）。",
        "en": " You can restore the newest good backup: {backup} (the damaged file is kept beside it).",
    },
    "store.corrupt.no_backup": {
        "zh": "没有找到完好的备份；请从其他电脑导入评估包，或新建工作区。",
        "en": " No good backup was found; import bundles from another computer or create a new workspace.",
    },
    "store.locked": {
        "zh": "工作区 {path} 正被另一个窗口或程序写入，等待 {seconds} 秒后仍未释放。请关闭另一个窗口后重试。",
        "en": "the workspace {path} is being written by another window or program and was still busy after {seconds} s. Close the other window and try again.",
    },
    "store.schema_too_new": {
        "zh": "工作区 {path} 由更新版本的本程序创建（结构版本 {found}，本程序支持到 {supported}），未做任何改动。请升级本程序。",
        "en": "the workspace {path} was written by a newer version of this app (schema {found}, this one supports up to {supported}); it was left unchanged. Please update the app.",
    },
    "store.read_only": {
        "zh": "工作区 {path} 位于只读的磁盘或文件夹中，无法写入；文件没有损坏，未做任何改动。",
        "en": "the workspace {path} is on a read-only disk or folder and cannot be written; the file is not damaged and was left unchanged.",
    },
    "store.storage_failed": {
        "zh": "无法读写 {path}：{detail}。",
        "en": "cannot read or write {path}: {detail}.",
    },
    "store.assessment_not_found": {
        "zh": "工作区中没有评估 {uuid}（修订版 {revision}）",
        "en": "the workspace has no assessment {uuid} (revision {revision})",
    },
    "store.enterprise_not_found": {
        "zh": "工作区中没有统一社会信用代码为 {code} 的企业",
        "en": "the workspace has no enterprise with credit code {code}",
    },
    "store.final": {
        "zh": "评估 {uuid} 第 {revision} 版已定稿，不能再修改。如需修改，请重新打开（将生成新的修订版）。",
        "en": "revision {revision} of assessment {uuid} is final and cannot be changed. Reopen it to make a new revision.",
    },
    "store.pack_unavailable": {
        "zh": "本程序没有题库 {id} {version}，无法处理用它做的评估。请安装带有该题库的版本。",
        "en": "questionnaire pack {id} {version} is not installed, so assessments made with it cannot be processed. Install a version of the app that has it.",
    },
    "store.evidence_too_large": {
        "zh": "证据文件 {file} 有 {mb} MB，超过每个文件 {limit_mb} MB 的上限。请压缩或拆分后再添加。",
        "en": "the evidence file {file} is {mb} MB, above the limit of {limit_mb} MB per file. Compress or split it first.",
    },
    "store.evidence_missing": {
        "zh": "证据文件 {name}（{sha256}）在工作区中缺失或已被改动：{path}",
        "en": "the evidence file {name} ({sha256}) is missing from the workspace or was altered: {path}",
    },
    "store.evidence_damaged": {
        "zh": "证据文件 {name} 的内容已被改动或损坏（与保存时的 SHA-256 {sha256} 不符），为安全起见没有打开：{path}",
        "en": "the evidence file {name} was altered or damaged (its content no longer matches the SHA-256 {sha256} it was stored with), so it was not opened: {path}",
    },
    "store.evidence_not_attached": {
        "zh": "评估 {uuid} 的题目 {item} 没有这个证据文件（{sha256}…），可能已在其他窗口中移除",
        "en": "item {item} of assessment {uuid} has no such evidence file ({sha256}…); it may have been taken off in another window",
    },
    "store.not_in_bin": {
        "zh": "回收站中没有{kind} {what}，可能已在其他窗口中恢复或彻底删除",
        "en": "the recycle bin holds no {kind} {what}; it may have been restored or purged in another window",
    },
    "store.bin.kind.enterprise": {"zh": "企业", "en": "enterprise"},
    "store.bin.kind.assessment": {"zh": "评估", "en": "assessment"},
    "store.bin.kind.evidence": {"zh": "证据文件", "en": "evidence file"},
    # --- rejected bundles and assessment files -------------------------------------------------
    "store.rejected": {"zh": "文件 {file} 被拒绝：{rule}", "en": "file {file} was rejected: {rule}"},
    "store.rejected.member": {
        "zh": "文件 {file} 被拒绝：成员 {member}：{rule}",
        "en": "file {file} was rejected: member {member}: {rule}",
    },
    "store.rejected.more": {"zh": "  ……另有 {n} 个问题", "en": "  … and {n} more problems"},
    "store.rule.unreadable": {"zh": "无法读取文件（{detail}）", "en": "the file cannot be read ({detail})"},
    "store.rule.not_regular": {
        "zh": "不是普通文件（可能是文件夹、设备或管道），未读取",
        "en": "not a regular file (a folder, a device or a pipe); it was not read",
    },
    "store.rule.changed": {
        "zh": "文件在导入过程中被改动，未导入；请等复制完成后重新导入",
        "en": "the file changed while it was being imported, so it was not imported; import it again once it is complete",
    },
    "store.rule.write_failed": {
        "zh": "写入工作区失败（{detail}），该文件的内容没有写入",
        "en": "writing it to the workspace failed ({detail}); nothing of this file was written",
    },
    "store.rule.not_zip": {
        "zh": "不是评估包（.sfd 应为 zip 文件）",
        "en": "not an assessment bundle (a .sfd file is a zip archive)",
    },
    "store.rule.truncated": {
        "zh": "文件不完整或已损坏（{detail}），可能是复制中断；请重新导出或重新复制",
        "en": "the file is incomplete or damaged ({detail}), perhaps an interrupted copy; export or copy it again",
    },
    "store.rule.encrypted": {"zh": "成员已加密，不支持", "en": "the member is encrypted, which is not supported"},
    "store.rule.too_many_members": {
        "zh": "包内文件过多（{n} 个，上限 {limit} 个）",
        "en": "too many members ({n}, at most {limit})",
    },
    "store.rule.absolute_path": {
        "zh": "成员名是绝对路径，可能写到包外",
        "en": "the member name is an absolute path that could write outside the bundle",
    },
    "store.rule.parent_ref": {
        "zh": "成员名含有“..”，可能写到包外",
        "en": "the member name contains '..' and could write outside the bundle",
    },
    "store.rule.bad_name": {
        "zh": "成员名不合规（反斜杠、控制字符、空或“.”路径段）",
        "en": "the member name is malformed (backslash, control character, empty or '.' path segment)",
    },
    "store.rule.symlink": {"zh": "成员是符号链接，不允许", "en": "the member is a symbolic link, which is not allowed"},
    "store.rule.duplicate": {"zh": "成员名重复", "en": "the member name occurs twice"},
    "store.rule.unexpected_member": {
        "zh": "评估包格式中没有这种成员（只允许 manifest.json、assessments/<uuid>-r<修订号>.json、evidence/<sha256>）",
        "en": "the bundle format has no such member (only manifest.json, assessments/<uuid>-r<revision>.json, evidence/<sha256>)",
    },
    "store.rule.member_too_large": {
        "zh": "解压后超过单个文件 {limit_mb} MB 的上限",
        "en": "larger than the limit of {limit_mb} MB per file when uncompressed",
    },
    "store.rule.total_too_large": {
        "zh": "解压后总大小超过 {limit_mb} MB 的上限",
        "en": "the uncompressed total exceeds the limit of {limit_mb} MB",
    },
    "store.rule.ratio": {
        "zh": "压缩比 {ratio}:1 超过上限 {limit}:1（疑似压缩炸弹）",
        "en": "compression ratio {ratio}:1 exceeds the limit of {limit}:1 (a suspected zip bomb)",
    },
    "store.rule.no_manifest": {"zh": "缺少清单 manifest.json", "en": "the manifest (manifest.json) is missing"},
    "store.rule.manifest_invalid": {
        "zh": "清单结构无效（字段 {field}）：",
        "en": "the manifest is malformed (field {field}):",
    },
    "store.rule.format": {
        "zh": "格式标记为 {value!r}，应为 {expected}（可能由更新版本的本程序导出）",
        "en": "format tag is {value!r}, expected {expected} (perhaps exported by a newer version of this app)",
    },
    "store.rule.not_listed": {"zh": "成员未列在清单中", "en": "the member is not listed in the manifest"},
    "store.rule.missing_member": {
        "zh": "清单列出的成员在包中不存在",
        "en": "the manifest lists this member but the bundle does not contain it",
    },
    "store.rule.digest": {
        "zh": "SHA-256 校验不符（清单 {expected}，实际 {actual}），文件在导出后被改动或损坏",
        "en": "SHA-256 mismatch (manifest {expected}, actual {actual}): the file was changed or damaged after export",
    },
    "store.rule.size": {
        "zh": "大小不符（清单 {expected} 字节，实际 {actual} 字节）",
        "en": "size mismatch (manifest {expected} bytes, actual {actual} bytes)",
    },
    "store.rule.json": {"zh": "不是有效的 JSON：", "en": "not valid JSON:"},
    "store.rule.assessment": {"zh": "评估内容无效：", "en": "the assessment is invalid:"},
    "store.rule.unknown_pack": {
        "zh": "用到的题库 {id} {version} 本程序没有；请升级本程序后再导入",
        "en": "it uses questionnaire pack {id} {version}, which this app does not have; update the app and import again",
    },
    "store.rule.name_mismatch": {
        "zh": "成员名与内容不符（名称 {expected}，内容 {actual}）",
        "en": "the member name does not match its content (name {expected}, content {actual})",
    },
    "store.rule.status": {
        "zh": "状态 {value!r} 无效，可选：{allowed}",
        "en": "status {value!r} is invalid; allowed: {allowed}",
    },
    "store.rule.evidence_ref": {
        "zh": "证据引用 {index} 无效（题目或证据文件不存在）",
        "en": "evidence reference {index} is invalid (unknown item or evidence file not in the bundle)",
    },
    # --- words -------------------------------------------------------------------------------
    "store.mode.self": {"zh": "企业自评", "en": "self-assessment"},
    "store.mode.onsite": {"zh": "现场评估", "en": "on-site assessment"},
    "store.status.draft": {"zh": "草稿", "en": "draft"},
    "store.status.final": {"zh": "已定稿", "en": "final"},
    "store.not_assessed": {"zh": "未评估", "en": "not assessed"},
    # --- CLI ---------------------------------------------------------------------------------
    "store.cli.db": {"zh": "工作区：{db}", "en": "workspace: {db}"},
    "store.cli.warning": {"zh": "注意：{message}", "en": "note: {message}"},
    "store.cli.added": {
        "zh": "已导入：{name}（{code}）评估 {uuid} 第 {revision} 版，{status}，{mode}，评估人 {assessor}",
        "en": "imported: {name} ({code}) assessment {uuid} revision {revision}, {status}, {mode}, assessor {assessor}",
    },
    "store.cli.new_revision": {
        "zh": "已导入新修订版：{name}（{code}）评估 {uuid} 第 {revision} 版，{status}，{mode}，评估人 {assessor}",
        "en": "imported a new revision: {name} ({code}) assessment {uuid} revision {revision}, {status}, {mode}, assessor {assessor}",
    },
    "store.cli.skipped": {
        "zh": "已跳过（工作区中已有）：{name} 评估 {uuid} 第 {revision} 版",
        "en": "skipped (already in the workspace): {name} assessment {uuid} revision {revision}",
    },
    "store.cli.skipped_differs": {
        "zh": "未导入（内容不同）：{name} 评估 {uuid} 第 {revision} 版与工作区中的同一修订版不一致，工作区中的版本保持不变；如需保留文件中的版本，请在发送方重新打开评估生成新修订版后再导出",
        "en": "not imported (different content): {name} assessment {uuid} revision {revision} differs from the same revision here, which was kept unchanged; to keep the file's version, reopen the assessment at the sender to make a new revision and export again",
    },
    "store.cli.copied": {
        "zh": "注意：文件中的评估 {old} 在工作区中属于另一家企业，已作为 {name}（{code}）的新评估 {uuid} 导入，两者都已保留",
        "en": "note: the file's assessment {old} belongs to another enterprise in this workspace; it was imported as a new assessment {uuid} of {name} ({code}), and both are kept",
    },
    "store.cli.import_done": {
        "zh": "导入完成：新评估 {assessments} 份（{added} 个修订版），已有评估的新修订版 {revisions} 个，跳过已有修订版 {skipped} 个，拒绝文件 {rejected} 个。",
        "en": "import finished: {assessments} new assessments ({added} revisions), {revisions} new revisions of assessments already here, {skipped} revisions already here skipped, {rejected} files rejected.",
    },
    "store.cli.rejected_unchanged": {
        "zh": "被拒绝的文件中没有任何内容写入工作区。",
        "en": "nothing from the rejected files was written to the workspace.",
    },
    "store.cli.exported": {
        "zh": "已导出 {n} 份评估（{revisions} 个修订版，{evidence} 个证据文件）到 {file}",
        "en": "exported {n} assessments ({revisions} revisions, {evidence} evidence files) to {file}",
    },
    "store.cli.exported_json": {
        "zh": "已将评估 {uuid} 第 {revision} 版导出到 {file}",
        "en": "exported revision {revision} of assessment {uuid} to {file}",
    },
    "store.cli.export_nothing": {"zh": "没有可导出的评估", "en": "there is no assessment to export"},
    "store.cli.export_need": {
        "zh": "请指定评估 UUID、--enterprise 统一社会信用代码或 --all",
        "en": "give assessment UUIDs, --enterprise CREDIT-CODE or --all",
    },
    "store.cli.export_json_one": {
        "zh": "导出为 JSON 时只能指定一个评估（导出多个请用 .sfd 评估包）",
        "en": "a JSON export takes exactly one assessment (use a .sfd bundle for several)",
    },
    "store.cli.bin_enterprise": {
        "zh": "企业 {name}（{code}），连同 {n} 份评估（{revisions} 个修订版）；{at} 由 {who} 删除",
        "en": "enterprise {name} ({code}) with {n} assessments (revisions: {revisions}); deleted {at} by {who}",
    },
    "store.cli.bin_enterprise.one": {
        "zh": "企业 {name}（{code}），连同 {n} 份评估（{revisions} 个修订版）；{at} 由 {who} 删除",
        "en": "enterprise {name} ({code}) with {n} assessment (revisions: {revisions}); deleted {at} by {who}",
    },
    "store.cli.bin_assessment": {
        "zh": "评估 {uuid}：{name}（{code}），{mode}，评估人 {assessor}，{date}，{revisions} 个修订版；{at} 由 {who} 删除",
        "en": "assessment {uuid}: {name} ({code}), {mode}, assessor {assessor}, {date}, revisions: {revisions}; deleted {at} by {who}",
    },
    "store.cli.bin_evidence": {
        "zh": "证据文件 {name}（编号 {number}），原属评估 {uuid} 的题目 {item}（{code}）；{at} 由 {who} 移除",
        "en": "evidence file {name} (number {number}), taken off item {item} of assessment {uuid} ({code}); removed {at} by {who}",
    },
    "store.cli.bin_empty": {"zh": "回收站是空的。", "en": "the recycle bin is empty."},
    "store.cli.bin_offer": {
        "zh": "其中 {n} 项已删除 {days} 天以上。确认不再需要时，可用 diag-app purge --older-than {days} --yes 彻底删除（不可恢复）。",
        "en": "{n} of them were deleted {days} or more days ago. Once you are sure they are not needed, diag-app purge --older-than {days} --yes removes them for good (no way back).",
    },
    "store.cli.bin_offer.one": {
        "zh": "其中 {n} 项已删除 {days} 天以上。确认不再需要时，可用 diag-app purge --older-than {days} --yes 彻底删除（不可恢复）。",
        "en": "{n} of them was deleted {days} or more days ago. Once you are sure it is not needed, diag-app purge --older-than {days} --yes removes it for good (no way back).",
    },
    "store.cli.bin_nothing_old": {
        "zh": "回收站中没有删除 {days} 天以上的内容，未做任何改动。",
        "en": "nothing in the recycle bin was deleted {days} or more days ago; nothing was changed.",
    },
    "store.cli.bin_need": {
        "zh": "请指定评估 UUID、--enterprise 统一社会信用代码（或 --evidence 编号）",
        "en": "give assessment UUIDs, --enterprise CREDIT-CODE (or --evidence NUMBER)",
    },
    "store.cli.deleted": {"zh": "已移入回收站：{what}", "en": "moved to the recycle bin: {what}"},
    "store.cli.deleted_hint": {
        "zh": "  可用 diag-app restore {again} 恢复；diag-app bin 列出回收站。",
        "en": "  diag-app restore {again} brings it back; diag-app bin lists the recycle bin.",
    },
    "store.cli.restored": {"zh": "已恢复：{what}", "en": "restored: {what}"},
    "store.cli.would_purge": {"zh": "将彻底删除：{what}", "en": "would remove for good: {what}"},
    "store.cli.purge_confirm": {
        "zh": "彻底删除后无法恢复，未做任何改动。确认请加 --yes 再运行。",
        "en": "a purge cannot be undone; nothing was changed. Add --yes to confirm.",
    },
    "store.cli.purged": {"zh": "已彻底删除：{what}", "en": "removed for good: {what}"},
    "store.cli.purged_files": {
        "zh": "已删除 {n} 个不再被任何评估引用的证据文件。",
        "en": "{n} evidence files that nothing referred to any more were deleted.",
    },
    "store.cli.purged_files.one": {
        "zh": "已删除 {n} 个不再被任何评估引用的证据文件。",
        "en": "{n} evidence file that nothing referred to any more was deleted.",
    },
    "store.cli.restored_by_import": {
        "zh": "已从回收站恢复（导入的文件带回了它）：{name}（{code}）评估 {uuid}，连同它原有的全部修订版",
        "en": "back from the recycle bin (the imported file brought it): {name} ({code}) assessment {uuid}, with every revision it had",
    },
    "store.cli.list_empty": {"zh": "工作区中还没有企业。", "en": "the workspace has no enterprises yet."},
    "store.cli.list_enterprise": {
        "zh": "{name}  {code}  {industry}  最新分层：{tier}",
        "en": "{name}  {code}  {industry}  latest tier: {tier}",
    },
    "store.cli.list_assessment": {
        "zh": "  {uuid}  第 {revision} 版  {status}  {mode}  {assessor}  {date}  {tier}  S={score}  已答 {answered}/{total}",
        "en": "  {uuid}  rev {revision}  {status}  {mode}  {assessor}  {date}  {tier}  S={score}  answered {answered}/{total}",
    },
}
