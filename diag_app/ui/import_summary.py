"""What an import did, file by file: assessments added (and among them those added under a new id
because the file's id belonged to another enterprise's assessment here), assessments brought back
from the recycle bin, new revisions kept, revisions already here, revisions not imported because
they differ from the one here, and files rejected with the reason."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from ..i18n import tr

if TYPE_CHECKING:
    from ..store import ImportedItem, ImportSummary, Workspace

GROUPS = ("added", "copies", "restored", "new_revisions", "conflicts", "skipped", "rejected")


def grouped(summary: ImportSummary) -> dict[str, list[ImportedItem]]:
    """Each imported item in the one group that says best what happened to it: an assessment the
    import brought back from the recycle bin is "restored" (not "already here"), a revision that
    differs from the one here is a conflict whatever else is true of it."""
    restored = [i for i in summary.restored if not i.differs]
    back = {id(i) for i in restored}
    return {
        "added": [i for i in summary.added if not i.copy_of and id(i) not in back],
        "copies": [i for i in summary.added if i.copy_of and id(i) not in back],
        "restored": restored,
        "new_revisions": [i for i in summary.new_revisions if id(i) not in back],
        "conflicts": list(summary.conflicts),
        "skipped": [i for i in summary.skipped if not i.differs and id(i) not in back],
    }


def summary_counts(summary: ImportSummary) -> dict[str, int]:
    """The headline's counts (copies among the added; conflicts and restored ones said apart)."""
    g = grouped(summary)
    return {
        "added": len(g["added"]) + len(g["copies"]),
        "skipped": len(g["skipped"]),
        "new_revisions": len(g["new_revisions"]),
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
        groups = grouped(summary)
        copies, conflicts = groups["copies"], groups["conflicts"]
        headline = tr("ui.import.summary", lang, **counts)
        if copies or conflicts:
            headline += "\n" + tr("ui.import.more", lang, copies=len(copies), conflicts=len(conflicts))
        if groups["restored"]:
            headline += "\n" + tr("ui.import.restored_line", lang, n=len(groups["restored"]))
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

        for key in GROUPS[:-1]:
            items = groups[key]
            if not items and key in ("copies", "restored", "conflicts"):
                continue  # shown only when they happened
            g = group(key, len(items))
            for it in items:
                detail = item_line(it)
                if key == "copies":
                    other = owners.get(it.copy_of, it.copy_of)
                    detail = f"{tr('ui.import.copy_detail', lang, other=other)} · {detail}"
                add(g, it.enterprise_name, detail)
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
