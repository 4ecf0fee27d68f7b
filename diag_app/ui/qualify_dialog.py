"""The qualifying questions of one planned item: what the enterprise confirms (certified 首台套,
listed in the innovation catalogue, part of a filed 技改 project…). A measure counts in the support
total only once every condition it needs is ticked here; the others stay "possible if …"."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..i18n import tr
from ..model.questionnaire import CatalogItem, Pack


def qualifications_of(pack: Pack, item: CatalogItem) -> list[str]:
    """The qualification ids the item's measures may ask for, in the measures' order."""
    out: list[str] = []
    for mid in item.measures:
        m = pack.measures.get(mid)
        if m is None:
            continue
        for q in (*m.requires, *m.excluded_by):
            if q in pack.qualifications and q not in out:
                out.append(q)
    return out


class QualifyDialog(QDialog):
    def __init__(
        self, pack: Pack, item: CatalogItem, confirmed: set[str], lang: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("qualifyDialog")
        self.setWindowTitle(tr("ui.qualify.title", lang, item=item.name.get(lang)))
        lay = QVBoxLayout(self)
        intro = QLabel(tr("ui.qualify.intro", lang))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.boxes: dict[str, QCheckBox] = {}
        for qid in qualifications_of(pack, item):
            q = pack.qualifications[qid]
            box = QCheckBox(q.question.get(lang))
            box.setObjectName(f"qualify_{qid}")
            box.setChecked(qid in confirmed)
            if q.help.get(lang):
                box.setToolTip(q.help.get(lang))
            self.boxes[qid] = box
            lay.addWidget(box)
        if not self.boxes:
            lay.addWidget(QLabel(tr("ui.qualify.none", lang)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)

    def confirmed(self) -> set[str]:
        return {qid for qid, box in self.boxes.items() if box.isChecked()}
