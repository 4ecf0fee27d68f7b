"""New / edit enterprise, with each problem shown beside the field it concerns as the user types.

The rules are the core's (``validate_enterprise``, ``credit_code_problem``): a value typed here is
held to exactly the same checks as one read from a file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..i18n import tr
from ..model.assessment import Enterprise, Problem, validate_enterprise
from ..model.questionnaire import Pack
from .style import role

FIELDS = ("name", "credit_code", "industry", "path", "district", "employees")


class EnterpriseDialog(QDialog):
    def __init__(
        self,
        pack: Pack,
        lang: str,
        enterprise: Enterprise | None = None,
        exists: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("enterpriseDialog")
        self.pack = pack
        self.lang = lang
        self.editing = enterprise is not None
        self._exists = exists or (lambda _code: False)
        self._touched: set[str] = set()
        self.setWindowTitle(tr("ui.ent.title_edit" if self.editing else "ui.ent.title_new", lang))
        self.setMinimumWidth(560)

        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.credit_code = QLineEdit()
        self.credit_code.setObjectName("credit_code")
        self.credit_code.setMaxLength(18)
        self.credit_code.setPlaceholderText(tr("ui.ent.code_placeholder", lang))
        self.credit_code.setValidator(QRegularExpressionValidator(r"[0-9A-Za-z]{0,18}", self))
        self.industry = QComboBox()
        self.industry.setObjectName("industry")
        for k, ind in pack.industries.items():
            self.industry.addItem(ind.name.get(lang), k)
        self.path = QComboBox()
        self.path.setObjectName("path")
        self.district = QLineEdit()
        self.district.setObjectName("district")
        self.district.setPlaceholderText(tr("ui.ent.district_placeholder", lang))
        self.employees = QLineEdit()
        self.employees.setObjectName("employees")
        self.employees.setPlaceholderText(tr("ui.ent.employees_placeholder", lang))

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for f in FIELDS:
            widget: QWidget = getattr(self, f)
            err = QLabel()
            role(err, "fieldError")
            err.setWordWrap(True)
            err.setVisible(False)
            err.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.errors[f] = err
            box = QWidget()
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.setSpacing(2)
            col.addWidget(widget)
            col.addWidget(err)
            label = QLabel(tr(f"ui.ent.{f}", lang))
            label.setBuddy(widget)
            form.addRow(label, box)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("ui.save", lang))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("ui.cancel", lang))
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        hint = QLabel(tr("ui.ent.hint", lang))
        role(hint, "muted")
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.buttons)

        self.industry.currentIndexChanged.connect(self._fill_paths)
        self._fill_paths()
        if enterprise is not None:
            self.name.setText(enterprise.name)
            self.credit_code.setText(enterprise.credit_code)
            self.credit_code.setReadOnly(True)
            self.industry.setCurrentIndex(max(0, self.industry.findData(enterprise.industry)))
            self._fill_paths()
            self.path.setCurrentIndex(max(0, self.path.findData(enterprise.path)))
            self.district.setText(enterprise.district)
            self.employees.setText("" if enterprise.employees is None else str(enterprise.employees))

        for f, sig in (
            ("name", self.name.textEdited),
            ("credit_code", self.credit_code.textEdited),
            ("district", self.district.textEdited),
            ("employees", self.employees.textEdited),
        ):
            sig.connect(lambda _t, f=f: self._edited(f))
        self.credit_code.textEdited.connect(self._upper)
        self.industry.activated.connect(lambda _i: self._edited("industry"))
        self.path.activated.connect(lambda _i: self._edited("path"))

    # --- fields -----------------------------------------------------------------------------------
    def _upper(self, text: str) -> None:
        up = text.upper()
        if up != text:
            pos = self.credit_code.cursorPosition()
            self.credit_code.setText(up)
            self.credit_code.setCursorPosition(pos)

    def _fill_paths(self) -> None:
        current = self.path.currentData()
        self.path.blockSignals(True)
        self.path.clear()
        ind = self.pack.industries.get(self.industry.currentData())
        if ind is not None and ind.path is not None:
            default = self.pack.paths[ind.path].get(self.lang)
            self.path.addItem(tr("ui.ent.path_default", self.lang, path=default), None)
        else:
            self.path.addItem(tr("ui.ent.path_choose", self.lang), None)
        for k, name in self.pack.paths.items():
            self.path.addItem(name.get(self.lang), k)
        self.path.setCurrentIndex(max(0, self.path.findData(current)))
        self.path.blockSignals(False)

    def data(self) -> dict[str, Any]:
        emp_text = self.employees.text().strip().replace(",", "")
        employees: Any = None
        if emp_text:
            employees = int(emp_text) if emp_text.isdigit() else emp_text
        return {
            "name": self.name.text().strip(),
            "credit_code": self.credit_code.text().strip().upper(),
            "industry": self.industry.currentData(),
            "path": self.path.currentData(),
            "district": self.district.text().strip(),
            "employees": employees,
        }

    def problems(self) -> list[Problem]:
        d = self.data()
        out = validate_enterprise(self.pack, d)
        ind = self.pack.industries.get(d["industry"])
        if ind is not None and ind.path is None and d["path"] is None:
            out.append(Problem("enterprise.path", "path.required", {"industry": d["industry"]}))
        if (
            not self.editing
            and not any(p.field.endswith("credit_code") for p in out)
            and self._exists(d["credit_code"])
        ):
            out.append(Problem("enterprise.credit_code", "ui.ent.code_exists", {"code": d["credit_code"]}))
        return out

    def _edited(self, field: str) -> None:
        self._touched.add(field)
        self.show_problems()

    def show_problems(self, all_fields: bool = False) -> list[Problem]:
        problems = self.problems()
        by_field: dict[str, list[str]] = {}
        for p in problems:
            f = p.field.rsplit(".", 1)[-1]
            by_field.setdefault(f, []).append(tr(p.key, self.lang, **p.params))
        for f, label in self.errors.items():
            msgs = by_field.get(f, []) if (all_fields or f in self._touched) else []
            label.setText("\n".join(msgs))
            label.setVisible(bool(msgs))
        self._fit_height()
        return problems

    def _fit_height(self) -> None:
        """Grow to show every message in full (a wrapped message needs its height for the width)."""
        lay = self.layout()
        if lay is None:
            return
        lay.activate()
        need = lay.totalHeightForWidth(self.width()) if lay.hasHeightForWidth() else lay.totalSizeHint().height()
        if need > self.height():
            self.resize(self.width(), need)

    def error_text(self, field: str) -> str:
        lab = self.errors[field]
        return lab.text() if lab.isVisibleTo(self) else ""

    def try_accept(self) -> None:
        problems = self.show_problems(all_fields=True)
        if problems:
            first = problems[0].field.rsplit(".", 1)[-1]
            w = getattr(self, first, None)
            if isinstance(w, QWidget):
                w.setFocus()
            return
        self.accept()

    def enterprise(self) -> Enterprise:
        d = self.data()
        return Enterprise(
            name=d["name"],
            credit_code=d["credit_code"],
            industry=d["industry"],
            path=d["path"],
            district=d["district"],
            employees=d["employees"],
        )
