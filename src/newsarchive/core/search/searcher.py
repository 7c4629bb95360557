"""`ArchiveSearcher`: answers `SearchRequest`s from the index: hits, snippets, facets, suggestion."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Collection, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from newsarchive.core.errors import LibraryError, QueryError
from newsarchive.core.index.analysis import LANGUAGES, fold
from newsarchive.core.index.facet_arrays import FacetArrayCache, FacetArrays
from newsarchive.core.index.schema import stored_hit
from newsarchive.core.index.storage import (
    REBUILD_HINT,
    open_index,
    open_searcher,
    unreadable_index_errors,
)
from newsarchive.core.model import Article
from newsarchive.core.search.facets import count_facets, facet_masks
from newsarchive.core.search.matching import CompiledQuery, QueryCompiler
from newsarchive.core.search.query import Node, parse_query, typed_words
from newsarchive.core.search.ranking import Evaluated, IndexCache, evaluate
from newsarchive.core.search.request import Hit, SearchRequest, SearchResult
from newsarchive.core.search.similar import similar_query
from newsarchive.core.search.snippets import MarkTerms, make_snippet
from newsarchive.core.search.stories import Stories
from newsarchive.core.search.suggestions import suggest


class CollectionSource(Protocol):
    """Where the searcher reads a library's collections from (`storage.collections.Collections`):
    name -> article ids, the same tuple object while the collection is unchanged."""

    def all(self) -> Mapping[str, tuple[str, ...]]: ...


class SplitSource(Protocol):
    """Where the searcher reads the user's "not a duplicate" pairs from
    (`storage.duplicate_splits.DuplicateSplits`): the same tuple while unchanged."""

    def all(self) -> tuple[tuple[str, str], ...]: ...


# Sort key of undated articles: after every date, whichever way dates are sorted.
_UNDATED_LAST = np.int64(10**9)


class ArchiveSearcher:
    """Searches one library's index.

    Thread rules: every method may be called from any thread; calls are serialised by an internal
    lock (Whoosh's readers share file positions), so one long `search` delays another. For searches
    in parallel, give each thread its own `ArchiveSearcher`. A searcher sees the index as it was
    when opened or last refreshed: an import committing meanwhile (from another thread or process)
    changes nothing until `refresh()`, which is cheap when nothing changed and re-reads only new
    segments when something did. `iter_ids` fixes its list of matches under the lock and then
    streams it without holding the lock.

    A missing, damaged or outdated index raises `LibraryError` asking for `newsarchive rebuild`.
    """

    def __init__(self, index_dir: Path, collections: CollectionSource | None = None,
                 splits: SplitSource | None = None) -> None:
        self.index_dir = Path(index_dir)
        # The library's collections, for collection filters and counts (None: there are none),
        # and the pairs its user said are not copies (None: none).
        self._collections = collections
        self._splits = splits
        self._stories: tuple[tuple[tuple[str, str], ...], Stories] | None = None
        self._collection_cache: dict[str, tuple[tuple[str, ...], np.ndarray]] = {}
        self._lock = threading.RLock()
        self._facet_cache = FacetArrayCache()
        self._index_cache = IndexCache()
        self._segment_ids: dict[str, list[str]] = {}
        self._searcher: Any = None
        self._open()

    # -- life cycle ----------------------------------------------------------------------

    def _open(self) -> None:
        self._index = open_index(self.index_dir, read_only=True)
        self._folder = _folder_identity(self.index_dir)
        self._searcher = open_searcher(self._index, self.index_dir)
        self._load()

    def _load(self) -> None:
        reader = self._searcher.reader()
        self._arrays: FacetArrays = self._facet_cache.arrays_for(reader)
        self._languages = _languages(reader)
        self._known_prefixes: dict[str, set[str]] | None = None
        self._suggestions: dict[str, str | None] = {}
        self._docnums: dict[str, int] | None = None
        self._collection_cache = {}
        self._stories = None

    def refresh(self) -> bool:
        """Catch up with commits since the last look; True when something changed."""
        with self._lock:
            if self._searcher is None:
                raise LibraryError("This searcher is closed.")
            if _folder_identity(self.index_dir) != self._folder:
                # `rebuild` swapped in a new index folder.
                self._searcher.close()
                self._facet_cache = FacetArrayCache()
                self._index_cache = IndexCache()
                self._segment_ids = {}
                self._open()
                return True
            with unreadable_index_errors(self.index_dir):
                if self._searcher.up_to_date():
                    return False
            fresh = open_searcher(self._index, self.index_dir)
            self._searcher.close()
            self._searcher = fresh
            self._load()
            return True

    def clear_cache(self) -> None:
        """Forget the postings kept from earlier searches (frees their memory; later searches
        read them again). The facet arrays stay: every search needs them."""
        with self._lock:
            self._index_cache = IndexCache()
            self._suggestions = {}

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

    def __enter__(self) -> ArchiveSearcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _require_open(self) -> Any:
        if self._searcher is None:
            raise LibraryError("This searcher is closed.")
        return self._searcher

    # -- searching -----------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResult:
        """One page of hits with snippets, every facet's counts, the total and a suggestion.

        Raises `QueryError` for a malformed query.
        """
        with self._lock:
            self._require_open()
            node = parse_query(request.query, self._is_known_value)
            return self._answer(request, node, self._compile(node, request.include_notes))

    def search_similar(self, article: Article, request: SearchRequest,
                       leave_out: Collection[str] = ()) -> SearchResult:
        """Articles on the same story or subject as `article` (by its key terms), best first,
        with the request's filters; `article` and `leave_out` (its copies) are not among them."""
        with self._lock:
            self._require_open()
            compiled = similar_query(article, self._searcher.reader(), copies=len(leave_out))
            if compiled is None:
                return SearchResult(request, 0, 0.0, ())
            docnums = self._docnum_of()
            unwanted = [d for i in (article.id, *leave_out) if (d := docnums.get(i)) is not None]
            return self._answer(replace(request, sort="relevance"), None, compiled, unwanted,
                                by_relevance=True)

    def _answer(self, request: SearchRequest, node: Node | None, compiled: CompiledQuery | None,
                unwanted: Collection[int] = (), *, by_relevance: bool = False) -> SearchResult:
        started = time.perf_counter()
        arrays = self._arrays
        collections = self._collection_masks()
        masks = facet_masks(arrays, request, collections)
        evaluated = self._evaluate(compiled)
        matched = evaluated.matched & arrays.live
        if unwanted:
            matched[np.asarray(list(unwanted), dtype=np.int64)] = False
        selected = masks.combined(matched)
        stories = self._story_groups()
        first = max(0, request.offset)
        limit = max(0, request.limit)
        if request.collapse and stories.has_copies:
            order = self._ranked(request, evaluated, selected, None, by_relevance=by_relevance)
            scores = dict(order)
            kept = stories.first_of_each(np.asarray([d for d, _ in order], dtype=np.int64))
            total = len(kept)
            page = [(int(d), scores[int(d)]) for d in kept[first:first + limit]]
        else:
            total = int(np.count_nonzero(selected))
            page = self._ranked(request, evaluated, selected, first + limit,
                                by_relevance=by_relevance)[first:]
        marks = compiled.marks if compiled else MarkTerms()
        hits = tuple(self._hit(docnum, score, marks, stories if request.collapse else None)
                     for docnum, score in page)
        facets = count_facets(arrays, matched, masks, collections, stories)
        suggestion = self._suggestion(request.query, node, matched) if node is not None else None
        told = stories.count(selected) if stories.has_copies else None
        took_ms = round((time.perf_counter() - started) * 1000, 1)
        return SearchResult(request, total, took_ms, hits, facets, suggestion, typed_words(node),
                            told, int(np.count_nonzero(selected)))

    def copies_of(self, article_id: str) -> tuple[str, ...]:
        """The ids of the other articles of `article_id`'s story (its near-duplicate copies)."""
        with self._lock:
            self._require_open()
            doc = self._docnum_of().get(article_id)
            if doc is None:
                return ()
            ids = self._all_ids()
            return tuple(ids[d] for d in self._story_groups().copies_of(doc, self._arrays.live))

    def stories(self, minimum: int = 2) -> list[tuple[str, ...]]:
        """Every story of at least `minimum` articles, as their ids, biggest first."""
        with self._lock:
            self._require_open()
            groups = self._story_groups()
            if not groups.has_copies:
                return []
            live = np.flatnonzero(self._arrays.live)
            ids = self._all_ids()
            by_story: dict[int, list[str]] = {}
            for doc in live.tolist():
                by_story.setdefault(int(groups.story[doc]), []).append(ids[doc])
            found = [tuple(members) for members in by_story.values() if len(members) >= minimum]
            found.sort(key=lambda members: (-len(members), members))
            return found

    def _story_groups(self) -> Stories:
        splits = self._splits.all() if self._splits is not None else ()
        if self._stories is None or self._stories[0] is not splits:
            # Ids are needed only for copies and splits: a library without them reads none.
            docnums = self._docnum_of() if splits or len(self._arrays.copy_docs) else {}
            self._stories = (splits, Stories(self._arrays, docnums, splits))
        return self._stories[1]

    def iter_ids(self, request: SearchRequest) -> Iterator[str]:
        """Ids of every match in the request's order (its limit and offset ignored); with
        `collapse`, the first article of each story only (an export of one article per story)."""
        with self._lock:
            self._require_open()
            node = parse_query(request.query, self._is_known_value)
            masks = facet_masks(self._arrays, request, self._collection_masks())
            evaluated = self._evaluate(self._compile(node, request.include_notes))
            selected = masks.combined(evaluated.matched & self._arrays.live)
            order = [d for d, _ in self._ranked(request, evaluated, selected, None)]
            if request.collapse:
                order = self._story_groups().first_of_each(
                    np.asarray(order, dtype=np.int64)).tolist()
            ids = self._all_ids()
            found = [ids[d] for d in order]
        yield from found

    def indexed_ids(self) -> list[str]:
        """The id of every indexed article, once per index entry (an id indexed twice is twice)."""
        with self._lock:
            self._require_open()
            ids = self._all_ids()
            return [ids[d] for d in np.flatnonzero(self._arrays.live)]

    @property
    def doc_count(self) -> int:
        """How many articles the index holds."""
        with self._lock:
            return int(np.count_nonzero(self._arrays.live))

    # -- parts ---------------------------------------------------------------------------

    def _compile(self, node: Node | None, notes: bool = False) -> CompiledQuery | None:
        if node is None:
            return None
        return QueryCompiler(self._searcher.reader(), self._languages, notes=notes).compile(node)

    def _collection_masks(self) -> dict[str, np.ndarray]:
        """Each collection's documents as a mask (rebuilt only for a collection that changed)."""
        if self._collections is None:
            return {}
        masks: dict[str, np.ndarray] = {}
        cache: dict[str, tuple[tuple[str, ...], np.ndarray]] = {}
        for name, members in self._collections.all().items():
            cached = self._collection_cache.get(name)
            if cached is not None and cached[0] is members:
                mask = cached[1]
            else:
                mask = np.zeros(self._arrays.doc_count, dtype=bool)
                if members:  # an empty one (Starred at first) never reads every id (~0.3 s at 100k)
                    docnums = self._docnum_of()
                    found = [d for d in (docnums.get(i) for i in members) if d is not None]
                    mask[np.asarray(found, dtype=np.int64)] = True
            masks[name] = mask
            cache[name] = (members, mask)
        self._collection_cache = cache
        return masks

    def _docnum_of(self) -> dict[str, int]:
        """Document number of each live article id, for the current index generation."""
        if self._docnums is None:
            ids = self._all_ids()
            self._docnums = {ids[d]: int(d) for d in np.flatnonzero(self._arrays.live)}
        return self._docnums

    def _evaluate(self, compiled: CompiledQuery | None) -> Evaluated:
        if compiled is None:  # the empty query: everything, unscored
            live = self._arrays.live
            return Evaluated(live, np.zeros(len(live), dtype=np.float32))
        return evaluate(self._searcher, compiled.query, self._arrays.dates, self._index_cache)

    def _ranked(self, request: SearchRequest, evaluated: Evaluated, selected: np.ndarray,
                count: int | None, *, by_relevance: bool = False) -> list[tuple[int, float]]:
        """The first `count` (None: all) selected documents in the request's order, with scores."""
        if count == 0:
            return []
        if by_relevance or request.effective_sort == "relevance":
            docs = np.flatnonzero(selected)
            scores = evaluated.scores[docs]
            if count is not None and count < len(docs):
                # Keep the best `count` (and every tie with the last of them), then order exactly.
                threshold = np.partition(scores, len(scores) - count)[len(scores) - count]
                keep = scores >= threshold
                docs, scores = docs[keep], scores[keep]
            order = np.lexsort((docs, -scores))[:count]
            return [(int(d), float(s)) for d, s in zip(docs[order], scores[order], strict=True)]
        docs = np.flatnonzero(selected)
        dates = self._arrays.dates[docs].astype(np.int64)
        if request.effective_sort == "newest":
            keys = np.where(dates > 0, -dates, _UNDATED_LAST)
        else:
            keys = np.where(dates > 0, dates, _UNDATED_LAST)
        # Ties (same day) in index order, which is stable across searches.
        composite = keys * (1 << 32) + docs
        if count is not None and count < len(composite):
            part = np.argpartition(composite, count - 1)[:count]
            order = part[np.argsort(composite[part])]
        else:
            order = np.argsort(composite)
        return [(int(d), 0.0) for d in docs[order]]

    def _hit(self, docnum: int, score: float, marks: MarkTerms,
             stories: Stories | None = None) -> Hit:
        stored = stored_hit(self._searcher.stored_fields(docnum))
        copies: tuple[str, ...] = ()
        if stories is not None and stories.has_copies:
            ids = self._all_ids()
            copies = tuple(ids[d] for d in stories.copies_of(docnum, self._arrays.live))
        return Hit(
            id=stored.id,
            title=stored.title,
            section_path=stored.section_path,
            published=stored.published,
            people=stored.people,
            snippet=make_snippet(stored.text, stored.language, marks),
            score=round(score, 4),
            source=stored.source,
            author=stored.author,
            language=stored.language_code,
            imported_at=stored.imported_at,
            has_note=stored.has_note,
            copies=copies,
        )

    def _all_ids(self) -> list[str]:
        ids: list[str] = []
        seen: dict[str, list[str]] = {}
        for leaf, _ in self._searcher.reader().leaf_readers():
            if leaf.segment() is None:  # the reader of an empty index
                continue
            segment_id = leaf.segment().segment_id()
            values = self._segment_ids.get(segment_id)
            if values is None:
                values = [str(v) for v in leaf.column_reader("id")]
            seen[segment_id] = values
            ids.extend(values)
        self._segment_ids = seen
        return ids

    def _suggestion(self, text: str, node: Node | None, matched: np.ndarray) -> str | None:
        # Judged on the query's own matches: a facet selection that leaves few is no typo.
        # Remembered per query, as the GUI repeats a query while facets are clicked.
        if text not in self._suggestions:
            if len(self._suggestions) > 256:
                self._suggestions.clear()
            self._suggestions[text] = suggest(text, node, self._searcher.reader(),
                                              int(np.count_nonzero(matched)), self._languages,
                                              self._count)
        return self._suggestions[text]

    def _count(self, text: str) -> int:
        """How many live articles a query text matches (0 if it cannot be run)."""
        try:
            compiled = self._compile(parse_query(text, self._is_known_value))
        except QueryError:
            return 0
        return int(np.count_nonzero(self._evaluate(compiled).matched & self._arrays.live))

    def _is_known_value(self, field: str, words: str) -> bool:
        if self._known_prefixes is None:
            self._known_prefixes = {
                "person": _word_prefixes(self._arrays.people.keys),
                "section": _word_prefixes(self._arrays.sections.keys),
                "source": _word_prefixes(self._arrays.sources.keys),
            }
        return fold(words) in self._known_prefixes.get(field, set())


def _languages(reader: Any) -> tuple[str, ...]:
    # Articles in a language without its own analysis are analysed as English (`language_key`).
    own = {lang: reader.doc_frequency("language", lang) for lang in LANGUAGES if lang != "en"}
    english = reader.doc_count_all() > sum(own.values())
    found = tuple(lang for lang in LANGUAGES if own.get(lang, 0) or (lang == "en" and english))
    return found or ("en",)


def _word_prefixes(values: list[str]) -> set[str]:
    out: set[str] = set()
    for value in values:
        parts = value.split()
        for end in range(2, len(parts) + 1):
            out.add(" ".join(parts[:end]))
    return out


def _folder_identity(folder: Path) -> tuple[int, int]:
    try:
        info = os.stat(folder)
    except OSError as exc:
        raise LibraryError(f"This library has no search index at {folder}; {REBUILD_HINT}.") from exc
    return info.st_dev, info.st_ino
