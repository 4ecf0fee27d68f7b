"""The offline user guide (assets/help/<lang>.html), opened with F1 at the section that belongs to
the page the user is on. It follows a language switch while open."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..i18n import tr
from ..resources import assets_dir

if TYPE_CHECKING:
    from ..model.questionnaire import Pack

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
        f"<p>{html.escape(tr('ui.help.unanswered', lang))}</p>"
        f"<p>{html.escape(tr('ui.help.guided', lang))}</p>"
    )


def guide_html(lang: str, pack: Pack | None) -> str | None:
    """The guide's text, its ratings section from ``pack``; None when the file is missing."""
    path = guide_path(lang)
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8")
    if pack is not None:
        text = re.sub(r'<h2 id="ratings">.*?(?=<h2 )', lambda _m: ratings_html(pack, lang), text, count=1, flags=re.S)
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
