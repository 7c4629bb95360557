"""The integrity check: every record readable and indexed exactly once, nothing else in the index."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from newsarchive.core.errors import ArticleNotFound, LibraryError
from newsarchive.core.files import is_temporary
from newsarchive.core.progress import CancelToken, ProgressListener, no_progress
from newsarchive.core.storage.library import Library

ProblemKind = Literal["damaged", "invalid", "mismatch", "unindexed", "duplicate", "orphan", "index",
                      "user"]
_REBUILD = "run `newsarchive rebuild` to fix the index"


@dataclass(frozen=True, slots=True)
class CheckProblem:
    """One thing wrong: its kind, the article id when it concerns one, and a sentence for the user."""

    kind: ProblemKind
    id: str | None
    message: str


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What `check_library` found. `notes` are harmless leftovers (staging files of a killed
    import or rebuild), reported but not counted as problems."""

    articles: int
    indexed: int
    problems: tuple[CheckProblem, ...]
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def check_library(
    library: Library,
    progress: ProgressListener = no_progress,
    cancel: CancelToken | None = None,
) -> CheckReport:
    """Read every record and compare the library's articles with the index's entries. Never writes."""
    from newsarchive.core.search.searcher import ArchiveSearcher

    problems: list[CheckProblem] = []
    readable: list[str] = []
    ids = library.ids()
    for done, folder in enumerate(ids, start=1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        if done % 500 == 0 or done == len(ids):
            progress(done, len(ids), "Reading records")
        problem = _record_problem(library, folder)
        if problem is None or problem.kind == "invalid":
            readable.append(folder)
        if problem is not None:
            problems.append(problem)

    for message in _user_layer_problems(library):
        problems.append(CheckProblem("user", None, message))

    indexed_total = 0
    try:
        with ArchiveSearcher(library.index_dir) as searcher:
            indexed = Counter(searcher.indexed_ids())
    except LibraryError as exc:
        problems.append(CheckProblem("index", None, str(exc)))
    else:
        indexed_total = sum(indexed.values())
        present = set(ids)
        for article_id in readable:
            count = indexed.get(article_id, 0)
            if count == 0:
                problems.append(CheckProblem(
                    "unindexed", article_id,
                    f"Article {article_id} is not in the search index; {_REBUILD}."))
            elif count > 1:
                problems.append(CheckProblem(
                    "duplicate", article_id,
                    f"Article {article_id} is in the search index {count} times; {_REBUILD}."))
        for article_id in sorted(set(indexed) - present):
            problems.append(CheckProblem(
                "orphan", article_id,
                f"The search index lists article {article_id}, which is not in the library; "
                f"{_REBUILD}."))
    return CheckReport(len(ids), indexed_total, tuple(problems), tuple(_leftovers(library, ids)))


def _user_layer_problems(library: Library) -> list[str]:
    """Files of the user's own layer that cannot be read (each read counts as empty meanwhile)."""
    found = list(library.user.problems())
    for name, kept in (("collections", library.collections),
                       ("saved searches", library.saved_searches),
                       ("not-a-duplicate pairs", library.duplicate_splits)):
        kept.all()
        if kept.problem is not None:
            found.append(f"Your {name} cannot be read: {kept.problem} Until it is repaired they "
                         "are not shown, and changes to them are refused.")
    return found


def _record_problem(library: Library, folder: str) -> CheckProblem | None:
    """What is wrong with the record in `articles/<folder>/`, if anything."""
    try:
        article, coerced = library.load_with_problems(folder)
    except (LibraryError, ArticleNotFound) as exc:
        return CheckProblem("damaged", folder, f"Article {folder}: {exc}")
    if article.id != folder:
        return CheckProblem(
            "mismatch", folder,
            f"Article folder {folder} holds a record with id {article.id}; move the folder back "
            f"to articles/{article.id} or re-import the article.")
    if coerced:
        return CheckProblem(
            "invalid", folder,
            f"Article {folder}: its record holds values of the wrong type "
            f"({'; '.join(str(p) for p in coerced)}); they are read as empty or converted. "
            f"Re-import the article, or correct articles/{folder}/record.yaml.")
    return None


def _leftovers(library: Library, ids: list[str]) -> list[str]:
    notes: list[str] = []
    places = [library.path, library.articles_dir]
    places += [library.article_dir(i) for i in ids]
    for folder in places:
        try:
            names = sorted(entry.name for entry in folder.iterdir())
        except OSError:
            continue
        for name in names:
            if is_temporary(name):
                notes.append(
                    f"Leftover staging file {folder / name} (from an interrupted import or "
                    "rebuild); it is not part of the library and can be deleted.")
    return notes
