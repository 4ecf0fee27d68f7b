"""Starting a new assessment: self-assessment or on-site, who assesses, on which day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from ..i18n import tr
from ..model.assessment import MODES


class NewAssessmentDialog(QDialog):
    def __init__(self, lang: str, enterprise_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("newAssessmentDialog")
        self.setWindowTitle(tr("ui.new_assessment.title", lang, name=enterprise_name))
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        for m in MODES:
            self.mode.addItem(tr(f"ui.mode.{m}", lang), m)
        self.assessor = QLineEdit()
        self.assessor.setObjectName("assessor")
        self.assessor.setPlaceholderText(tr("ui.new_assessment.assessor_placeholder", lang))
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout(self)
        form.addRow(tr("ui.new_assessment.mode", lang), self.mode)
        form.addRow(tr("ui.new_assessment.assessor", lang), self.assessor)
        form.addRow(tr("ui.new_assessment.date", lang), self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("ui.new_assessment.start", lang))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("ui.cancel", lang))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict[str, str]:
        d = self.date.date()
        return {
            "mode": str(self.mode.currentData()),
            "assessor": self.assessor.text().strip(),
            "date": date(d.year(), d.month(), d.day()).isoformat(),
        }
