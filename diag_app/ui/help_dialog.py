"""The offline user guide (assets/help/<lang>.html), opened with F1 at the section that belongs to
the page the user is on. It follows a language switch while open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ..i18n import tr
from ..resources import assets_dir

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


class HelpDialog(QDialog):
    def __init__(self, lang: str, section: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.section = section
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
        path = guide_path(lang)
        if path.exists():
            self.text.setSource(QUrl.fromLocalFile(str(path)))
            if self.section:
                self.text.scrollToAnchor(self.section)
        else:  # a broken installation still gets the short help
            self.text.setPlainText(tr("ui.help.body", lang))
