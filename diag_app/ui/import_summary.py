"""What an import did, file by file: assessments added (and among them those added under a new id
because the file's id belonged to another enterprise's assessment here), new revisions kept,
revisions already here, revisions not imported because they differ from the one here, and files
rejected with the reason."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..i18n import tr

if TYPE_CHECKING:
    from ..store import ImportedItem, ImportSummary, Workspace

GROUPS = ("added", "copies", "new_revisions", "conflicts", "skipped", "rejected")


def summary_counts(summary: ImportSummary) -> dict[str, int]:
    """The headline's counts: a conflict is counted once, as a conflict, not also as skipped."""
    conflicts = len(summary.conflicts)
    return {
        "added": len(summary.added),
        "skipped": len(summary.skipped) - conflicts,
        "new_revisions": len(summary.new_revisions),
        "rejected": len(summary.rejected),
    }


def owners_of_copies(ws: Workspace, summary: ImportSummary) -> dict[str, str]:
    """For each copy, the enterprise whose assessment holds the file's id here (by the file's id)."""
    out = {}
    for it in summary.added:
        if it.copy_of:
            rows = ws.revisions(it.copy_of)
            if rows:
                out[it.copy_of] = f"{rows[-1].enterprise_name} · {rows[-1].credit_code}"
    return out


def _mode(it: ImportedItem, lang: str) -> str:
    return tr(f"ui.mode.{it.mode}", lang) if it.mode in ("self", "onsite") else it.mode


class ImportSummaryDialog(QDialog):
    """The summary as a tree, one group per outcome; ``owners`` names, by the file's id, the
    enterprise an assessment added under a new id collided with (``owners_of_copies``)."""

    def __init__(
        self,
        summary: ImportSummary,
        lang: str,
        parent: QWidget | None = None,
        owners: Mapping[str, str] | None = None,
    ):
        super().__init__(parent)
        from .errors import error_text

        owners = owners or {}
        self.setObjectName("importSummaryDialog")
        self.setWindowTitle(tr("ui.import.summary_title", lang))
        counts = summary_counts(summary)
        copies = [it for it in summary.added if it.copy_of]
        conflicts = summary.conflicts
        headline = tr("ui.import.summary", lang, **counts)
        if copies or conflicts:
            headline += "\n" + tr("ui.import.more", lang, copies=len(copies), conflicts=len(conflicts))
        self.headline = QLabel(headline)
        self.headline.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("importSummaryTree")
        self.tree.setHeaderLabels([tr("ui.import.col.what", lang), tr("ui.import.col.detail", lang)])
        self.groups: dict[str, QTreeWidgetItem] = {}

        def group(key: str, n: int) -> QTreeWidgetItem:
            g = QTreeWidgetItem([tr(f"ui.import.{key}", lang, n=n), ""])
            self.groups[key] = g
            self.tree.addTopLevelItem(g)
            g.setFirstColumnSpanned(True)  # the group's words are wider than the names below them
            return g

        def add(g: QTreeWidgetItem, what: str, detail: str) -> None:
            row = QTreeWidgetItem([what, detail])
            row.setToolTip(0, what)
            row.setToolTip(1, detail)
            g.addChild(row)

        def item_line(it: ImportedItem) -> str:
            return tr("ui.import.item", lang, revision=it.revision, mode=_mode(it, lang), file=Path(it.file).name)

        g = group("added", len(summary.added) - len(copies))
        for it in summary.added:
            if not it.copy_of:
                add(g, it.enterprise_name, item_line(it))
        if copies:
            g = group("copies", len(copies))
            for it in copies:
                other = owners.get(it.copy_of, it.copy_of)
                detail = f"{tr('ui.import.copy_detail', lang, other=other)} · {item_line(it)}"
                add(g, it.enterprise_name, detail)
        g = group("new_revisions", len(summary.new_revisions))
        for it in summary.new_revisions:
            add(g, it.enterprise_name, item_line(it))
        if conflicts:
            g = group("conflicts", len(conflicts))
            for it in conflicts:
                add(g, it.enterprise_name, item_line(it))
        g = group("skipped", counts["skipped"])
        for it in summary.skipped:
            if not it.differs:
                add(g, it.enterprise_name, item_line(it))
        g = group("rejected", len(summary.rejected))
        for file, why in summary.rejected:
            what, detail, _hint = error_text(why, lang)
            add(g, Path(file).name, detail or what)
        self.tree.expandAll()
        self.tree.setColumnWidth(0, 240)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("ui.ok", lang))
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.headline)
        lay.addWidget(self.tree)
        lay.addWidget(buttons)
        self.resize(760, 440)

    def lines(self, key: str) -> list[tuple[str, str]]:
        """The (what, detail) rows of one group ([] when the group is not shown)."""
        g = self.groups.get(key)
        if g is None:
            return []
        return [(c.text(0), c.text(1)) for i in range(g.childCount()) if (c := g.child(i)) is not None]

    def reasons(self) -> list[str]:
        return [detail for _what, detail in self.lines("rejected")]
