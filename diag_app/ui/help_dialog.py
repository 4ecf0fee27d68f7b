"""The offline user guide (assets/help/<lang>.html), opened with F1 at the section that belongs to
the page the user is on. It follows a language switch while open.

Two sections come from the questionnaire pack when one is loaded, so the guide never states a rule
the pack does not: "ratings" (what each rating means) and "tier" (each tier's self-assessment
threshold, worded by ``describe.rule_text`` as in the report). The HTML keeps a static text of
both for when no pack is loaded."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..describe import rule_text, self_declared, tier_name
from ..i18n import tr
from ..money import fmt_num
from ..resources import assets_dir

if TYPE_CHECKING:
    from ..model.questionnaire import Pack, Tier

# page object name -> section of the guide
SECTIONS = {
    "workspacePage": "",  # the start: contents, then how to fill in
    "assessmentSplitter": "ratings",
    "whatIfPage": "whatif",
    "historyPage": "history",
    "portfolioPage": "portfolio",
}


def guide_path(lang: str) -> Path:
    return assets_dir() / "help" / f"{'en' if lang == 'en' else 'zh'}.html"


def ratings_html(pack: Pack, lang: str) -> str:
    """The guide's section on ratings, from the pack: how to rate, what each rating means in practice
    (the same words as on the cards), when 不适用 may be chosen, and the guided mode."""
    limit = pack.scoring.na_warn_share
    na_warning = (
        f"<p>{html.escape(tr('ui.help.na_warning', lang, limit=fmt_num(limit * 100)))}</p>" if limit is not None else ""
    )
    rows = "".join(
        f"<tr><td>{html.escape(r.label.get(lang))}</td><td>{'—' if r.value is None else r.key}</td>"
        f"<td>{html.escape(r.guidance.get(lang) or tr('ui.help.na_rule', lang) if r.value is None else r.guidance.get(lang))}</td></tr>"
        for r in pack.scoring.ratings
    )
    return (
        f'<h2 id="ratings"><a name="ratings"></a>{html.escape(tr("ui.help.ratings_title", lang))}</h2>'
        f"<p>{html.escape(pack.scoring.rating_help.get(lang))}</p>"
        f'<table border="1" cellspacing="0" cellpadding="4"><tr><th>{html.escape(tr("ui.help.col.rating", lang))}</th>'
        f"<th>{html.escape(tr('ui.help.col.value', lang))}</th><th>{html.escape(tr('ui.help.col.meaning', lang))}</th></tr>"
        f"{rows}</table>"
        f"<p>{html.escape(tr('ui.help.na_rule', lang))}</p>"
        f"{na_warning}"
        f"<p>{html.escape(tr('ui.help.unanswered', lang))}</p>"
        f"<p>{html.escape(tr('ui.help.guided', lang))}</p>"
    )


def _tier_html(pack: Pack, tier: Tier, lang: str) -> str:
    """One tier: its name, the rules of its threshold (a product default marked so, with the pack's
    note on how it is read), the document it rests on and who recognises it."""
    name = tier_name(pack, tier.id, lang)
    head = tr("claim.tier.self_declared", lang, tier=name) if self_declared(pack, tier.id) else name
    rules = "".join(
        f"<li>{html.escape(rule_text(pack, r, lang))}"
        + (html.escape(tr("check.basis.D", lang)) if r.basis == "D" else "")
        + (f"<br/><i>{html.escape(r.note.get(lang))}</i>" if r.note.get(lang) else "")
        + "</li>"
        for r in tier.rules
    )
    about = "".join(
        f"<p>{html.escape(text)}</p>"
        for text in (
            tr("ui.help.tier_source", lang, source=tier.source.get(lang)) if tier.source.get(lang) else "",
            tier.note.get(lang),
        )
        if text
    )
    return (
        f"<h4>{html.escape(head)}</h4>"
        f"<p>{html.escape(tr('ui.help.tier_rules', lang, tier=name))}</p><ul>{rules}</ul>{about}"
    )


def tier_html(pack: Pack, lang: str) -> str:
    """The guide's section on tiers, from the pack: what the app claims (a self-assessment
    threshold, never a recognition), then every tier of both ladders with its rules, worded by
    ``describe.rule_text`` as in the report."""
    ladders = "".join(
        f"<h3>{html.escape(tr(title, lang))}</h3>"
        + "".join(_tier_html(pack, t, lang) for t in sorted(ladder, key=lambda t: t.rank))
        for title, ladder in (("ui.res.shanghai", pack.tiers), ("ui.res.national", pack.national_tiers))
        if ladder
    )
    return (
        f'<h2 id="tier"><a name="tier"></a>{html.escape(tr("ui.help.tier_title", lang))}</h2>'
        f"<p>{html.escape(tr('ui.help.tier_intro', lang))}</p>"
        f"<p><b>{html.escape(tr('report.summary.recognition', lang))}</b></p>"
        f"<p>{html.escape(tr('ui.help.tier_pack', lang, pack=pack.name.get(lang), version=pack.version))}</p>"
        f"{ladders}"
        f"<p>{html.escape(tr('ui.help.tier_default', lang, mark=tr('check.basis.D', lang).strip()))}</p>"
    )


def guide_html(lang: str, pack: Pack | None) -> str | None:
    """The guide's text, its ratings and tier sections from ``pack``; None when the file is missing."""
    path = guide_path(lang)
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    if pack is not None:
        text = re.sub(r'<h2 id="ratings">.*?(?=<h2 )', lambda _m: ratings_html(pack, lang), text, count=1, flags=re.S)
        text = re.sub(r'<h2 id="tier">.*?(?=<h2 )', lambda _m: tier_html(pack, lang), text, count=1, flags=re.S)
    return text


class HelpDialog(QDialog):
    def __init__(self, lang: str, section: str = "", parent: QWidget | None = None, pack: Pack | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.section = section
        self.pack = pack
        self.text = QTextBrowser()
        self.text.setObjectName("helpText")
        self.text.setOpenExternalLinks(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text)
        lay.addWidget(self.buttons)
        self.resize(760, 620)
        self.set_lang(lang)

    def set_lang(self, lang: str) -> None:
        self.lang = lang
        self.setWindowTitle(tr("ui.help.title", lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("ui.help.close", lang))
        text = guide_html(lang, self.pack)
        if text is not None:
            self.text.document().setBaseUrl(QUrl.fromLocalFile(str(guide_path(lang))))
            self.text.setHtml(text)
            if self.section:
                self.text.scrollToAnchor(self.section)
        else:  # a broken installation still gets the short help
            self.text.setPlainText(tr("ui.help.body", lang))
