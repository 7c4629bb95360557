"""Correcting metadata: one article's fields, or a selection at once (set the section, add or remove
people and tags). Both dialogs only build an `ArticleEdit`; `corrections` runs it.

As calibre keeps its single and bulk metadata editors apart over the same field setters, these two
dialogs share the core's checks (`corrections.check_value`): a value that does not fit its field
is said beside it, and OK waits until every field fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsarchive.core.corrections import EDITABLE_FIELDS, check_value
from newsarchive.core.model import SECTION_SEPARATOR, Article, split_section
from newsarchive.core.operations.editing import ArticleEdit
from newsarchive.gui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    Qt,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

FIELD_LABELS = {
    "title": "Title", "published": "Date", "section_path": "Section", "people": "People",
    "tags": "Tags", "author": "Author", "source": "Outlet", "url": "Web address",
    "photo_caption": "Photo caption", "photo_credit": "Photo credit", "language": "Language",
}
HINTS = {
    "published": "YYYY-MM-DD; empty for no date",
    "section_path": "News > Russia; empty for none",
    "people": "names separated by ;",
    "tags": "separated by ;",
    "language": "en, es, pt…",
}
LIST_SEPARATOR = ";"
LANGUAGES = ("en", "es", "pt", "fr", "de", "it")


def names(text: str) -> tuple[str, ...]:
    """`Ana Ruiz; Luiz Inácio Lula da Silva` -> both names (a comma may be part of a name)."""
    return tuple(part.strip() for part in text.split(LIST_SEPARATOR) if part.strip())


def shown(name: str, value: Any) -> str:
    """An article's value as its field's line edit shows it."""
    if value is None:
        return ""
    if name == "section_path":
        return SECTION_SEPARATOR.join(value)
    if name in ("people", "tags"):
        return f"{LIST_SEPARATOR} ".join(value)
    if name == "published":
        return value.isoformat()
    return str(value)


def typed(name: str, text: str) -> Any:
    """The text of a field's line edit as the value `ArticleEdit` takes; `ValueError` with a
    sentence when it does not fit."""
    text = text.strip()
    if name == "published":
        if not text:
            return None
        try:
            return check_value(name, text)
        except ValueError:
            raise ValueError("Write the date as YYYY-MM-DD (2022-09-23), or leave it empty.") from None
    if name == "section_path":
        return check_value(name, list(split_section(text)))
    if name in ("people", "tags"):
        return check_value(name, list(names(text)))
    return check_value(name, text or None)


class ArticleEditDialog(QDialog):
    """One article's fields; `edit()` is what changed (with the fields to restore and whether the
    record is marked reviewed)."""

    def __init__(self, article: Article, focus: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit article")
        self.setMinimumWidth(620)
        self.article = article
        self.inputs: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.restored: set[str] = set()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name in EDITABLE_FIELDS:
            form.addRow(FIELD_LABELS[name] + ":", self._field(name))
        intro = QLabel(
            "Your corrections are kept in the library: a re-import of the page or a rebuilt index "
            "keeps them, and Edit ▸ Undo takes them back.", self)
        intro.setWordWrap(True)
        self.reviewed = QCheckBox("Mark reviewed: nothing else here needs checking", self)
        self.reviewed.setObjectName("markReviewed")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if article.review:
            note = QLabel("Needs review:\n" + "\n".join(f"• {r}" for r in article.review), self)
            note.setObjectName("reviewNote")
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.reviewed)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()
        if focus in self.inputs:
            self.inputs[focus].setFocus()
            self.inputs[focus].selectAll()

    def _field(self, name: str) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        edit = QLineEdit(shown(name, getattr(self.article, name)), box)
        edit.setObjectName(f"edit_{name}")
        edit.setAccessibleName(FIELD_LABELS[name])
        edit.setPlaceholderText(HINTS.get(name, ""))
        if name == "language":
            edit.setMaximumWidth(120)
        edit.textChanged.connect(self._check)
        row.addWidget(edit, 0 if name == "language" else 1)
        if name == "language":
            row.addStretch(1)
        if name in self.article.edited:
            restore = QToolButton(box)
            restore.setText("↺")
            restore.setToolTip("You corrected this field: restore what the importer found")
            restore.setObjectName(f"restore_{name}")
            restore.clicked.connect(lambda _c=False, n=name: self._restore(n))
            row.addWidget(restore)
        error = QLabel(box)
        error.setObjectName(f"error_{name}")
        error.setStyleSheet("color: #b00020;")
        error.hide()
        row.addWidget(error)
        self.inputs[name] = edit
        self.errors[name] = error
        return box

    def _restore(self, name: str) -> None:
        self.restored.add(name)
        edit = self.inputs[name]
        edit.setEnabled(False)
        edit.setToolTip("The importer's value will show again")
        self._check()

    def _check(self) -> None:
        fine = True
        for name, edit in self.inputs.items():
            try:
                typed(name, edit.text())
            except ValueError as exc:
                fine = False
                self.errors[name].setText(str(exc))
                self.errors[name].setToolTip(str(exc))
                self.errors[name].show()
            else:
                self.errors[name].hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(fine)

    def changes(self) -> dict[str, Any]:
        """The fields whose value the user changed, in their types."""
        out: dict[str, Any] = {}
        for name, edit in self.inputs.items():
            if name in self.restored:
                continue
            value = typed(name, edit.text())
            if value != getattr(self.article, name):
                out[name] = value
        return out

    def edit(self) -> ArticleEdit:
        return ArticleEdit(values=self.changes(), undo_fields=tuple(sorted(self.restored)),
                           reviewed=True if self.reviewed.isChecked() else None)


class SelectionEditDialog(QDialog):
    """What to change in every selected article: the section, people and tags added or removed,
    the outlet; and whether to mark them reviewed."""

    def __init__(self, count: int, sections: Sequence[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {count:,} articles")
        self.setMinimumWidth(560)
        self.count = count
        self.set_section = QCheckBox("Set the section to", self)
        self.section = QComboBox(self)
        self.section.setEditable(True)
        self.section.addItems(list(sections))
        self.section.setCurrentText("")
        if (line := self.section.lineEdit()) is not None:
            line.setPlaceholderText("News > Russia; empty for none")
        self.section.currentTextChanged.connect(lambda _t: self.set_section.setChecked(True))
        self.set_source = QCheckBox("Set the outlet to", self)
        self.source = QLineEdit(self)
        self.source.textEdited.connect(lambda _t: self.set_source.setChecked(True))
        self.add_people = QLineEdit(self)
        self.remove_people = QLineEdit(self)
        self.add_tags = QLineEdit(self)
        self.remove_tags = QLineEdit(self)
        for edit in (self.add_people, self.remove_people, self.add_tags, self.remove_tags):
            edit.setPlaceholderText("names separated by ;")
            edit.textChanged.connect(self._check)
        self.reviewed = QCheckBox("Mark them reviewed", self)
        for box in (self.set_section, self.set_source, self.reviewed):
            box.toggled.connect(self._check)
        self.section.currentTextChanged.connect(self._check)
        self.source.textChanged.connect(self._check)
        form = QFormLayout()
        form.addRow(self.set_section, self.section)
        form.addRow(self.set_source, self.source)
        form.addRow("Add people:", self.add_people)
        form.addRow("Remove people:", self.remove_people)
        form.addRow("Add tags:", self.add_tags)
        form.addRow("Remove tags:", self.remove_tags)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(f"Change {count:,} articles")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        intro = QLabel(f"Changes made to each of the {count:,} selected articles, in one step that "
                       "Edit ▸ Undo takes back.", self)
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.reviewed)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._check()

    def edit(self) -> ArticleEdit:
        values: dict[str, Any] = {}
        if self.set_section.isChecked():
            values["section_path"] = typed("section_path", self.section.currentText())
        if self.set_source.isChecked():
            values["source"] = typed("source", self.source.text())
        return ArticleEdit(
            values=values,
            add_people=names(self.add_people.text()), remove_people=names(self.remove_people.text()),
            add_tags=names(self.add_tags.text()), remove_tags=names(self.remove_tags.text()),
            reviewed=True if self.reviewed.isChecked() else None,
        )

    def _check(self) -> None:
        try:
            wanted = bool(self.edit())
        except ValueError as exc:
            self.error.setText(str(exc))
            wanted = False
        else:
            self.error.setText("" if wanted else "Choose at least one change.")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(wanted)


class RenameDialog(QDialog):
    """Rename or merge a section, person or tag across the library (`Sport` + `Sports`)."""

    KINDS = (("section", "Section"), ("person", "Person"), ("tag", "Tag"))

    def __init__(self, kind: str = "section", old: str = "", suggestions: Sequence[str] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Rename or merge")
        self.setMinimumWidth(520)
        self.kind = QComboBox(self)
        for key, label in self.KINDS:
            self.kind.addItem(label, key)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.old = QComboBox(self)
        self.old.setEditable(True)
        self.old.addItems(list(suggestions))
        self.old.setCurrentText(old)
        self.new = QLineEdit(self)
        self.new.setPlaceholderText("the new name; an existing one merges the two")
        explain = QLabel(
            "Every article with the old name gets the new one, now and in later imports. If the "
            "new name is already in use, the two become one. Edit ▸ Undo takes it back.", self)
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Rename a:", self.kind)
        form.addRow("Called:", self.old)
        form.addRow("To:", self.new)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Rename")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for signal in (self.new.textChanged, self.old.currentTextChanged):
            signal.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._check()
        self.new.setFocus()

    @property
    def chosen(self) -> tuple[str, str, str]:
        return self.kind.currentData(), self.old.currentText().strip(), self.new.text().strip()

    def _check(self) -> None:
        _kind, old, new = self.chosen
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(old and new and old != new))
