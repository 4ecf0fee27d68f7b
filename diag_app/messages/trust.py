"""Messages of a report's trust: verify, signing and signing identities."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- verify: outcomes ----------------------------------------------------------------------
    "verify.ok.unsigned": {
        "zh": "{file}：与本软件依据内嵌评估数据重新生成的报告一致（报告编号 {id}，{tier}，S = {s}）——"
        "本软件保存后未被增量修改，没有添加批注，全部 {pages} 页的内容、图片、字体与页面框均与重新生成的相同，"
        "结论与重新评分一致。本报告未经数字签名，因此不能证明由谁出具。",
        "en": "{file}: consistent with a report this app renders from the embedded assessment (report {id}, {tier}, "
        "S = {s}) — no incremental update after the app saved it, no added annotation, all {pages} pages (content, "
        "pictures, fonts, page boxes) identical to a fresh rendering, conclusions as re-scored. Not signed, so who "
        "made it is not proven.",
    },
    "verify.ok.signed": {
        "zh": "{file}：数字签名有效，由“{signer}”{org}于 {time}（签署人电脑的时间）签署；签名覆盖整个文件，签署后未被改动。"
        "{trust}签署的页面与本软件依据内嵌评估数据重新生成的报告一致（报告编号 {id}，{tier}，S = {s}）。",
        "en": "{file}: the digital signature is valid, signed by \u201c{signer}\u201d{org} at {time} (the signer's "
        "clock); it covers the "
        "whole file, which is unchanged since signing. {trust}The signed pages are identical to a report this app "
        "renders from the embedded assessment (report {id}, {tier}, S = {s}).",
    },
    "verify.signed_by": {
        "zh": "签名本身有效：签署人“{signer}”{org}，{time}（签署人电脑的时间）。{trust}但是——",
        "en": "The signature itself is valid: signed by \u201c{signer}\u201d{org} at {time} (the signer's clock). "
        "{trust}But —",
    },
    "verify.trust.self_signed": {
        "zh": "签名证书为自签名证书：只证明持有该证书密钥的人签署了本报告，不能证明签署人的真实身份。",
        "en": "The certificate is self-signed: it proves only that the holder of its key signed, not who that is. ",
    },
    "verify.trust.untrusted": {
        "zh": "签名证书由“{issuer}”签发；本软件未对照受信任的证书机构核验证书链，签署人身份以该机构为准。",
        "en": "The certificate was issued by \u201c{issuer}\u201d; this app did not check that chain against a trusted "
        "authority, so the signer's identity rests on that issuer. ",
    },
    "verify.differs": {
        "zh": "核验未通过：{file} 与本软件保存或依据其内嵌数据重新生成的报告不一致{note}：",
        "en": "NOT verified: {file} differs from the report this app saved or renders from its embedded data{note}:",
    },
    "verify.other_version": {
        "zh": "（报告由 {made} 版生成，本机为 {this} 版；请用生成它的版本核验）",
        "en": " (it was made by version {made}, this is {this}: verify it with the version that made it)",
    },
    "verify.not_ours": {
        "zh": "{file} 不是可核验的本软件诊断报告：{why}",
        "en": "{file} is not a report of this app that can be checked: {why}",
    },
    # --- verify: why a file cannot be checked (exit 2) -----------------------------------------
    "verify.why.not_file": {"zh": "不是普通文件", "en": "it is not a regular file"},
    "verify.why.too_big": {
        "zh": "文件有 {size} 字节，超过核验上限 {limit} 字节",
        "en": "it has {size} bytes, more than the {limit} verify reads",
    },
    "verify.why.unreadable": {"zh": "无法读取（{msg}）", "en": "it cannot be read ({msg})"},
    "verify.why.not_pdf": {"zh": "不是 PDF 文件", "en": "it is not a PDF file"},
    "verify.why.too_many_objects": {
        "zh": "对象数超过 {limit}（本软件的报告远少于此）",
        "en": "it has more than {limit} objects (our reports have far fewer)",
    },
    "verify.why.malformed": {"zh": "PDF 结构损坏（{what}）", "en": "its PDF structure is damaged ({what})"},
    "verify.why.unparsable": {"zh": "无法作为 PDF 解析（{msg}）", "en": "it cannot be parsed as a PDF ({msg})"},
    "verify.why.encrypted": {
        "zh": "文件已加密，而本软件生成的报告从不加密",
        "en": "it is encrypted, which reports of this app never are",
    },
    "verify.why.nested": {
        "zh": "结构嵌套过深或异常",
        "en": "its structure is nested too deeply or loops",
    },
    "verify.why.filter": {
        "zh": "使用了本软件不使用的编码 {filter}",
        "en": "it uses an encoding this app never writes ({filter})",
    },
    "verify.why.bomb": {
        "zh": "解压后的数据超过 {limit} 字节（压缩炸弹）",
        "en": "its streams inflate to more than {limit} bytes (a compression bomb)",
    },
    "verify.why.no_attachment": {"zh": "没有内嵌的评估数据", "en": "it has no embedded assessment"},
    "verify.why.no_claims": {"zh": "没有内嵌的报告结论", "en": "it has no embedded report claims"},
    "verify.why.nested_pdf": {
        "zh": "内嵌了另一个 PDF 文件（{name}）；本软件的报告不内嵌 PDF，请单独核验该文件",
        "en": "it carries another PDF inside ({name}); our reports never do: verify that file on its own",
    },
    "verify.why.attachment_too_big": {
        "zh": "内嵌文件 {name} 超过 {limit} 字节",
        "en": "its attachment {name} is larger than {limit} bytes",
    },
    "verify.why.bad_claims": {
        "zh": "内嵌的报告结论（report.json）不是本软件写入的格式：字段 {field}",
        "en": "its report claims (report.json) are not in the form this app writes: field {field}",
    },
    "verify.why.old_format": {
        "zh": "报告由旧版本生成（{format}），无法重新生成比对；请用生成它的版本核验",
        "en": "it was made by an older version ({format}) and cannot be rendered again for comparison; verify it "
        "with the version that made it",
    },
    "verify.why.invalid_assessment": {
        "zh": "内嵌的评估数据无效（{msg}）",
        "en": "its embedded assessment is invalid ({msg})",
    },
    "verify.why.bad_signature": {
        "zh": "签名无法读取（{msg}）",
        "en": "its signature cannot be read ({msg})",
    },
    # --- verify: differences (exit 1) -----------------------------------------------------------
    "verify.diff.digest": {
        "zh": "内嵌评估数据的摘要为 {actual}，报告记载为 {printed}：评估数据被改动",
        "en": "the embedded assessment's digest is {actual} but the report states {printed}: the assessment was "
        "altered",
    },
    "verify.diff.revisions_added": {
        "zh": "本软件保存后又追加了 {n} 次增量修改",
        "en": "{n} incremental update(s) were appended after the app saved the file",
    },
    "verify.diff.rewritten": {
        "zh": "文件已被其他程序重新保存（{n} 个修订，本软件保存时为 {m} 个）",
        "en": "the file was re-saved by another program ({n} revision(s), the app saves {m})",
    },
    "verify.diff.trailing": {"zh": "文件末尾附加了额外数据", "en": "data was appended after the end of the file"},
    "verify.diff.pages_extra": {
        "zh": "多出页面：第 {pages} 页（共 {n} 页，重新生成为 {m} 页）",
        "en": "extra page(s): {pages} ({n} pages, a fresh rendering has {m})",
    },
    "verify.diff.pages_missing": {
        "zh": "缺少页面：共 {n} 页，重新生成为 {m} 页",
        "en": "page(s) missing: {n} pages, a fresh rendering has {m}",
    },
    "verify.diff.page_content": {
        "zh": "第 {page} 页的内容与重新生成的不同",
        "en": "page {page}: the content differs from a fresh rendering",
    },
    "verify.diff.page_box": {
        "zh": "第 {page} 页的页面框 {box} 为 {got}，生成时为 {want}",
        "en": "page {page}: its {box} is {got}, as written {want}",
    },
    "verify.diff.page_entry": {
        "zh": "第 {page} 页的页面项 {entry} 被添加或改动",
        "en": "page {page}: the entry {entry} was added or changed",
    },
    "verify.diff.page_resources": {
        "zh": "第 {page} 页的资源 {what} 被改动",
        "en": "page {page}: the resource {what} was changed",
    },
    "verify.diff.page_image": {
        "zh": "第 {page} 页的图片 {name} 被改动",
        "en": "page {page}: the picture {name} was changed",
    },
    "verify.diff.page_font": {
        "zh": "第 {page} 页的字体 {name} 被改动",
        "en": "page {page}: the font {name} was changed",
    },
    "verify.diff.annots_added": {
        "zh": "第 {page} 页被添加了 {n} 个批注（{kinds}）",
        "en": "page {page}: {n} annotation(s) added ({kinds})",
    },
    "verify.diff.annots_changed": {
        "zh": "第 {page} 页的批注或链接被改动",
        "en": "page {page}: the annotations or links were changed",
    },
    "verify.diff.outline": {"zh": "书签被改动", "en": "the bookmarks were changed"},
    "verify.diff.catalog": {
        "zh": "文档目录项 {entry} 被添加或改动",
        "en": "the document catalog entry {entry} was added or changed",
    },
    "verify.diff.info": {
        "zh": "文档信息 {entry} 为“{got}”，生成时为“{want}”",
        "en": "the document information {entry} is \u201c{got}\u201d, as written \u201c{want}\u201d",
    },
    "verify.diff.attachment_added": {"zh": "被添加了附件 {name}", "en": "an attachment {name} was added"},
    "verify.diff.attachment_missing": {"zh": "缺少附件 {name}", "en": "the attachment {name} is missing"},
    "verify.diff.attachment_changed": {
        "zh": "附件 {name} 与本软件依据内嵌数据写入的不同",
        "en": "the attachment {name} differs from what this app writes from the embedded data",
    },
    "verify.diff.claim": {
        "zh": "report.json 的 {field}：报告为 {printed}，按内嵌数据重新生成为 {actual}",
        "en": "report.json {field}: the report states {printed}, a fresh rendering from the embedded data gives "
        "{actual}",
    },
    "verify.diff.everywhere": {
        "zh": "{n} 页的内容都不同：要么报告被整体改动，要么它由排版不同的另一版本软件生成（本机为 {version} 版），请用生成它的版本核验",
        "en": "{n} pages differ: either the report was altered throughout, or it was made by a build of the app that "
        "lays pages out differently (this is {version}); verify it with the version that made it",
    },
    "verify.diff.signature_removed": {
        "zh": "报告记载为已数字签名，但文件中没有签名（签名被移除）",
        "en": "the report says it is digitally signed, but the file carries no signature (it was removed)",
    },
    "verify.diff.signed_unexpected": {
        "zh": "报告生成时未预留签名，签名是事后加上的，封面所述与签名不符",
        "en": "the report was rendered as unsigned and signed afterwards: its cover does not match the signature",
    },
    "verify.diff.sig_invalid": {
        "zh": "数字签名无效：签署的内容被改动或签名不属于该证书",
        "en": "the digital signature is invalid: the signed bytes were altered or it does not match its certificate",
    },
    "verify.diff.sig_many": {
        "zh": "文件有 {n} 个签名；本软件的报告只签署一次",
        "en": "the file has {n} signatures; reports of this app are signed once",
    },
    "verify.org": {"zh": "（{org}）", "en": " ({org})"},
    "verify.modlevel.NONE": {"zh": "无实质改动", "en": "no substantive change"},
    "verify.modlevel.LTA_UPDATES": {"zh": "仅追加长期验证数据", "en": "long-term validation data only"},
    "verify.modlevel.FORM_FILLING": {
        "zh": "填写或签署了表单域（{fields}）",
        "en": "form fields filled or signed ({fields})",
    },
    "verify.modlevel.ANNOTATIONS": {"zh": "添加或改动了批注", "en": "annotations added or changed"},
    "verify.modlevel.OTHER": {
        "zh": "页面、对象或附件被改动",
        "en": "pages, objects or attachments were changed",
    },
    "verify.diff.after_signing": {
        "zh": "签署后又追加了 {n} 次增量修改（pyHanko 差异分析：{what}）",
        "en": "{n} incremental update(s) were appended after signing (pyHanko's difference analysis: {what})",
    },
    # --- signing ---------------------------------------------------------------------------------
    "sign.reason": {"zh": "出具诊断报告 {id}", "en": "Issuing diagnosis report {id}"},
    "sign.block.title": {"zh": "数字签名 · Digital signature", "en": "Digital signature · 数字签名"},
    "sign.block.signer": {"zh": "签署人：{name}", "en": "Signed by: {name}"},
    "sign.block.self_signed": {"zh": "（自签名证书）", "en": " (self-signed certificate)"},
    "sign.block.org": {"zh": "单位：{org}", "en": "Organisation: {org}"},
    "sign.block.time": {"zh": "时间：{time}", "en": "Time: {time}"},
    "sign.block.note": {
        "zh": "签署后的任何改动都会使本签名失效。",
        "en": "Any change after signing invalidates this signature.",
    },
    "sign.error": {"zh": "无法签署报告", "en": "The report cannot be signed"},
    "sign.error.hint": {
        "zh": "请以“签署”方式重新导出报告；若问题仍在，请检查签署身份（证书文件与口令）。",
        "en": "Export the report again with signing chosen; if it persists, check the identity (file and passphrase).",
    },
    "sign.error.not_for_signing": {
        "zh": "该报告生成时未预留签名栏；请以“签署”方式重新导出报告",
        "en": "this report was not rendered for signing; export it again with signing chosen",
    },
    "sign.error.already_signed": {"zh": "该报告已签署", "en": "this report is already signed"},
    "sign.error.not_ours": {
        "zh": "不是本软件生成的未签署报告",
        "en": "it is not an unsigned report made by this app",
    },
    "sign.error.failed": {"zh": "签署失败：{msg}", "en": "signing failed: {msg}"},
    "sign.cli.signed": {
        "zh": "已由“{name}”签署{self_signed}：{path}",
        "en": "Signed by \u201c{name}\u201d{self_signed}: {path}",
    },
    "sign.cli.unsigned": {
        "zh": "报告未签署（封面已注明）；需要签名时加 --sign 证书.p12",
        "en": "The report is not signed (its cover says so); add --sign IDENTITY.p12 to sign it",
    },
    "sign.cli.passphrase_file": {
        "zh": "无法读取口令文件 {path}：{msg}",
        "en": "cannot read the passphrase file {path}: {msg}",
    },
    "sign.cli.no_passphrase": {
        "zh": "需要签署身份的口令：用 --passphrase-file 文件 或环境变量 DIAG_APP_PASSPHRASE 提供",
        "en": "the identity's passphrase is needed: give --passphrase-file FILE or set DIAG_APP_PASSPHRASE",
    },
    "sign.cli.prompt": {"zh": "口令：", "en": "Passphrase: "},
    "sign.cli.prompt_again": {"zh": "再次输入口令：", "en": "Passphrase again: "},
    "sign.cli.mismatch": {"zh": "两次输入的口令不同", "en": "the two passphrases differ"},
    # --- signing identities ----------------------------------------------------------------------
    "identity.self_signed": {"zh": "自签名", "en": "self-signed"},
    "identity.ui.create_title": {"zh": "创建自签名签署身份", "en": "Create a self-signed identity"},
    "identity.ui.sign_title": {"zh": "签署报告", "en": "Sign the report"},
    "identity.ui.name": {"zh": "签署人姓名", "en": "Signer's name"},
    "identity.ui.org": {"zh": "单位", "en": "Organisation"},
    "identity.ui.passphrase": {"zh": "口令", "en": "Passphrase"},
    "identity.ui.again": {"zh": "再次输入口令", "en": "Passphrase again"},
    "identity.ui.identity": {"zh": "签署身份", "en": "Identity"},
    "identity.ui.create": {"zh": "创建自签名身份…", "en": "Create self-signed…"},
    "identity.ui.import": {"zh": "导入证书（.p12/.pfx）…", "en": "Import certificate (.p12/.pfx)…"},
    "identity.ui.p12_filter": {"zh": "PKCS#12 证书 (*.p12 *.pfx)", "en": "PKCS#12 certificates (*.p12 *.pfx)"},
    "identity.ui.none": {
        "zh": "还没有签署身份：请导入证书机构签发的证书，或创建一个自签名身份。",
        "en": "No identity yet: import a certificate issued by an authority, or create a self-signed one.",
    },
    "identity.ui.self_signed_note": {
        "zh": "自签名身份只能证明持有该密钥的人签署了报告，不能证明其真实身份；签名栏和核验结果都会注明“自签名”。",
        "en": "A self-signed identity proves only that the holder of its key signed, not who that is; the "
        "signature block and verify both say \u201cself-signed\u201d.",
    },
    "identity.ui.issued_by": {
        "zh": "证书由“{issuer}”签发。",
        "en": "Certificate issued by \u201c{issuer}\u201d.",
    },
    "identity.error": {"zh": "无法使用该签署身份", "en": "The signing identity cannot be used"},
    "identity.error.hint": {
        "zh": "检查证书文件和口令；也可以创建一个自签名身份（只证明持有者签署，不证明其身份）。",
        "en": "Check the certificate file and passphrase, or create a self-signed identity (it proves only that "
        "its holder signed, not who that is).",
    },
    "identity.error.exists": {
        "zh": "{path} 已存在：不会覆盖已有的签署身份（其私钥无法重建），请换一个文件名",
        "en": "{path} exists: an identity is never overwritten (its private key cannot be made again); choose "
        "another name",
    },
    "identity.error.no_name": {"zh": "请填写签署人姓名", "en": "enter the signer's name"},
    "identity.error.short_passphrase": {
        "zh": "口令至少 {n} 个字符",
        "en": "the passphrase needs at least {n} characters",
    },
    "identity.error.not_p12": {
        "zh": "不是 PKCS#12 证书文件（.p12/.pfx）",
        "en": "not a PKCS#12 certificate file (.p12/.pfx)",
    },
    "identity.error.passphrase": {
        "zh": "口令错误，无法打开证书文件",
        "en": "wrong passphrase: the certificate file cannot be opened",
    },
    "identity.error.no_key": {
        "zh": "证书文件中没有私钥和证书",
        "en": "the certificate file holds no private key and certificate",
    },
    "identity.error.key_type": {
        "zh": "证书的密钥类型不支持签名（需要 RSA 或 ECDSA）",
        "en": "the certificate's key type cannot sign here (RSA or ECDSA needed)",
    },
    "identity.error.expired": {
        "zh": "证书有效期为 {start} 至 {end}，当前不在有效期内",
        "en": "the certificate is valid from {start} to {end}, not now",
    },
    "identity.error.unreadable": {"zh": "无法读取 {path}：{msg}", "en": "cannot read {path}: {msg}"},
    "identity.cli.created": {
        "zh": "已创建自签名签署身份“{name}”（{org}）：{path}，有效期至 {until}",
        "en": "Created the self-signed identity \u201c{name}\u201d ({org}): {path}, valid until {until}",
    },
    "identity.cli.show": {
        "zh": "签署人：{name}；单位：{org}；签发者：{issuer}{self_signed}；有效期 {start} 至 {end}；SHA-256 {fp}",
        "en": "Signer: {name}; organisation: {org}; issuer: {issuer}{self_signed}; valid {start} to {end}; "
        "SHA-256 {fp}",
    },
    "identity.cli.imported": {
        "zh": "已检查并保存签署身份“{name}”：{path}",
        "en": "Checked and kept the identity \u201c{name}\u201d: {path}",
    },
    "identity.cli.self_signed_note": {"zh": "（自签名）", "en": " (self-signed)"},
    "identity.cli.invalid": {"zh": "无法使用签署身份：{msg}", "en": "cannot use the identity: {msg}"},
}
