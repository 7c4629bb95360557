"""The Library menu's dialogs: statistics, check, rebuild index, and correcting a tag's kind."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from newsarchive.core.model import SECTION_SEPARATOR, TAG_KINDS
from newsarchive.core.operations.child_process import rebuild_job, run_in_child, tag_kind_job
from newsarchive.core.progress import CancelToken, ProgressListener
from newsarchive.core.search.request import FacetCount
from newsarchive.gui.errors import show_failure
from newsarchive.gui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)
from newsarchive.gui.tasks import Op
from newsarchive.gui.work_dialog import WorkDialog

if TYPE_CHECKING:
    from newsarchive.core.operations.check import CheckReport
    from newsarchive.core.operations.rebuild import RebuildReport
    from newsarchive.core.operations.stats import LibraryStats
    from newsarchive.gui.main_window import MainWindow

# Problems a rebuild of the index repairs (the others need the article folders fixed).
INDEX_PROBLEMS = frozenset({"unindexed", "duplicate", "orphan", "index"})


# -- statistics -------------------------------------------------------------------------------


def _top(counts: tuple[FacetCount, ...], limit: int = 10) -> str:
    if not counts:
        return "—"
    shown = ", ".join(f"{html.escape(c.value)} ({c.count:,})" for c in counts[:limit])
    more = len(counts) - limit
    return shown + (f" and {more:,} more" if more > 0 else "")


def stats_html(stats: LibraryStats) -> str:
    years = f"{stats.first_year}–{stats.last_year}" if stats.first_year else "—"
    last = stats.last_import.strftime("%Y-%m-%d %H:%M") if stats.last_import else "never"
    rows = [
        ("Library", html.escape(stats.name) + (" (read-only)" if stats.read_only else "")),
        ("Folder", html.escape(stats.path)),
        ("Articles", f"{stats.articles:,}"),
        ("In the search index", f"{stats.indexed:,}"),
        ("Years", f"{years} ({stats.undated:,} undated)"),
        ("Imports", f"{stats.imports:,} (last: {last})"),
        ("Sections", _top(tuple(c for c in stats.sections if SECTION_SEPARATOR not in c.value))),
        ("People", _top(stats.people)),
        ("By year", ", ".join(f"{html.escape(c.value)}: {c.count:,}" for c in stats.years) or "—"),
    ]
    body = "".join(f"<tr><th align='left' valign='top'>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return f"<table cellspacing='0' cellpadding='4'>{body}</table>"


class StatisticsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library statistics")
        self.resize(560, 420)
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.view.setPlainText("Counting…")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.stats: LibraryStats | None = None

    def show_stats(self, stats: LibraryStats) -> None:
        self.stats = stats
        self.view.setHtml(stats_html(stats))


def show_statistics(window: MainWindow) -> StatisticsDialog:
    library = window.library
    assert library is not None
    factory = window.session.factory
    dialog = StatisticsDialog(window)

    def work(_progress: ProgressListener, _cancel: CancelToken) -> LibraryStats:
        from newsarchive.core.operations.stats import library_stats

        searcher = factory(library.index_dir)
        try:
            return library_stats(library, searcher)  # type: ignore[arg-type]
        finally:
            searcher.close()

    def failed(failure: object) -> None:
        dialog.close()
        show_failure(window, "Statistics", failure)  # type: ignore[arg-type]

    Op(window.runner, work, success=dialog.show_stats, failure=failed, lane="read").run_in_background()
    dialog.open()
    return dialog


# -- check ------------------------------------------------------------------------------------


class CheckDialog(WorkDialog["CheckReport"]):
    def show_result(self, report: CheckReport) -> None:
        super().show_result(report)
        if report.ok:
            self.message.setText(
                f"No problems: {report.articles:,} articles, each readable and in the search index once."
            )
        else:
            noun = "problem" if len(report.problems) == 1 else "problems"
            self.message.setText(f"{len(report.problems):,} {noun} in {report.articles:,} articles:")
        lines = [p.message for p in report.problems] + list(report.notes)
        if lines:
            self.details.setPlainText("\n".join(lines))
            self.details.show()
            self.resize(self.width(), 420)


def run_check(window: MainWindow) -> CheckDialog:
    library = window.library
    assert library is not None

    def work(progress: ProgressListener, cancel: CancelToken) -> CheckReport:
        from newsarchive.core.operations.check import check_library

        return check_library(library, progress, cancel)

    dialog = CheckDialog(window.runner, "Check library", work, lane="read", parent=window)

    def offer_rebuild(report: CheckReport) -> None:
        if any(p.kind in INDEX_PROBLEMS for p in report.problems) and not library.read_only:
            button = dialog.buttons.addButton("Rebuild index", QDialogButtonBox.ButtonRole.ActionRole)
            button.clicked.connect(lambda: (dialog.accept(), run_rebuild(window)))

    dialog.succeeded.connect(offer_rebuild)
    dialog.start()
    return dialog


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
        return run_in_child(rebuild_job, library.path, progress=progress, cancel=cancel)

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
        return run_in_child(tag_kind_job, library.path, tag, kind, progress=progress, cancel=cancel)

    dialog: WorkDialog[int] = WorkDialog(window.runner, "Correct a tag's kind", work, lane="write",
                                         parent=window)

    def done(changed: int) -> None:
        noun = "article was" if changed == 1 else "articles were"
        dialog.message.setText(f"“{tag}” is now a {kind}; {changed:,} {noun} updated.")
        window.refresh()

    dialog.succeeded.connect(done)
    # A cancelled correction has still changed some articles: show them.
    dialog.failed.connect(lambda _failure: window.refresh())
    dialog.start()
    return dialog
