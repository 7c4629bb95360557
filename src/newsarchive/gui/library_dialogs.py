"""The Library menu's dialogs: statistics, check, rebuild index, and correcting a tag's kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsarchive.core.model import TAG_KINDS
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from newsarchive.gui.work_dialog import WorkDialog

if TYPE_CHECKING:
    from newsarchive.core.index.rebuild import RebuildReport
    from newsarchive.gui.main_window import MainWindow


# -- rebuild ----------------------------------------------------------------------------------


class RebuildDialog(WorkDialog["RebuildReport"]):
    def show_result(self, report: RebuildReport) -> None:
        super().show_result(report)
        lines = [f"The index was rebuilt from {report.indexed:,} articles in {report.seconds:.1f} s."]
        if report.damaged:
            lines.append(f"{len(report.damaged)} damaged records were left out (Library ▸ Check lists them).")
        self.message.setText("\n".join(lines))


def run_rebuild(window: MainWindow) -> RebuildDialog:
    library = window.library
    assert library is not None

    def work(progress: ProgressListener, cancel: CancelToken) -> RebuildReport:
        from newsarchive.core.index.rebuild import rebuild_index

        return rebuild_index(library, progress, cancel)

    dialog = RebuildDialog(window.runner, "Rebuild index", work, lane="write", parent=window)
    dialog.succeeded.connect(lambda _report: window.refresh())
    dialog.start()
    return dialog


# -- tag kinds --------------------------------------------------------------------------------

KIND_LABELS = {"person": "person", "place": "place", "organisation": "organisation", "topic": "topic"}


class TagKindDialog(QDialog):
    """Asks which tag and which kind; the correction itself runs in a `WorkDialog`."""

    def __init__(self, tags: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Correct a tag's kind")
        self.tag = QComboBox(self)
        self.tag.setEditable(True)
        self.tag.addItems(tags)
        self.tag.setAccessibleName("Tag")
        self.kind = QComboBox(self)
        for kind in TAG_KINDS:
            self.kind.addItem(KIND_LABELS.get(kind, kind), kind)
        explain = QLabel(
            "Only tags of kind “person” appear under People. The correction is kept in the library "
            "and applies to every article with this tag, now and in later imports.",
            self,
        )
        explain.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Tag:", self.tag)
        form.addRow("Is a:", self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def chosen(self) -> tuple[str, str]:
        return self.tag.currentText().strip(), self.kind.currentData()


def tag_suggestions(window: MainWindow) -> list[str]:
    """Tags the user is probably looking at: the open article's, then the people listed."""
    out: dict[str, None] = {}
    article = window.reader.article
    if article is not None:
        out.update(dict.fromkeys(article.tags))
    if window.result is not None:
        out.update(dict.fromkeys(f.value for f in window.result.facets.get("person", ())))
    return list(out)


def ask_tag_kind(window: MainWindow) -> TagKindDialog:
    dialog = TagKindDialog(tag_suggestions(window), window)
    dialog.accepted.connect(lambda: correct_tag_kind(window, *dialog.chosen))
    dialog.open()
    return dialog


def correct_tag_kind(window: MainWindow, tag: str, kind: str) -> WorkDialog[int] | None:
    library = window.library
    if library is None or not tag:
        return None

    def work(progress: ProgressListener, cancel: CancelToken) -> int:
        from newsarchive.core.library.curated_kinds import set_tag_kind

        return set_tag_kind(library, tag, kind, progress, cancel)

    dialog: WorkDialog[int] = WorkDialog(window.runner, "Correct a tag's kind", work, lane="write", parent=window)

    def done(changed: int) -> None:
        noun = "article was" if changed == 1 else "articles were"
        dialog.message.setText(f"“{tag}” is now a {kind}; {changed:,} {noun} updated.")
        window.refresh()

    dialog.succeeded.connect(done)
    # A cancelled correction has still changed some articles: show them.
    dialog.failed.connect(lambda _failure: window.refresh())
    dialog.start()
    return dialog
