"""The one place that writes the index: add, replace and remove articles, one writer at a time."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

from whoosh.index import LockError
from whoosh.reading import SegmentReader

from newsarchive.core.errors import LibraryBusy, LibraryError
from newsarchive.core.index.analysis import vocabulary_of
from newsarchive.core.index.codec import index_codec
from newsarchive.core.index.orphans import die_with_parent
from newsarchive.core.index.schema import article_words, document_for, vocabulary_document
from newsarchive.core.index.storage import create_index, index_exists, open_index
from newsarchive.core.model import Article
from newsarchive.core.near_duplicates import Fingerprint

# A bulk write indexes in this many worker processes (measured: 1.9x one process at 10k).
BULK_PROCESSES = 2
# Each bulk worker holds its postings in memory up to about this many MB (Whoosh's estimate), then
# sorts and pickles them to a run file on disk, all runs merged at the commit. Pickling and merging
# runs cost more than indexing itself: at 256 MB a 10k import spilled and its workers spent 5.1 ms
# an article, at 320 MB and above 3.2 ms (257 -> 357 articles/s), its largest worker 400 -> 471 MB.
# At 384 MB a worker's 6,000 or so articles stay in memory (imports of ~12k).
BULK_POOL_MB = 384
# Words kept back for a batch's vocabulary document are written out past this many.
VOCABULARY_CHUNK = 50_000
# Bulk writes add segments (one per worker); past this many, the smallest are merged into one.
MAX_SEGMENTS = 8
# How long a writer waits for Whoosh's own lock on the index folder. Writers are serialised by the
# library's write lock (`operations.transaction`), so this only guards against a foreign writer.
LOCK_TIMEOUT = 1.0


class IndexWriter:
    """A batch of index changes, committed together on a clean exit and dropped on an exception.

        with IndexWriter(library.index_dir) as writer:
            writer.add(article)          # an article not yet in the index
            writer.replace(changed)      # an article already indexed (matched by id)
            writer.remove(article_id)

    Library code writes through an `operations.transaction.WriteTransaction`, whose lock makes
    writers wait their turn; Whoosh's own lock on the folder still refuses a second writer that
    bypassed it (`LibraryBusy` after `timeout` seconds). Searchers keep seeing the index as it was
    until they `refresh()` after the commit. `bulk=True` indexes in worker processes, for
    imports and rebuilds of many articles; it creates the index when the folder has none.
    """

    def __init__(self, index_dir: Path, *, bulk: bool = False, timeout: float = LOCK_TIMEOUT) -> None:
        self.index_dir = Path(index_dir)
        self.bulk = bulk
        self.timeout = timeout
        self._writer: Any = None
        self._index: Any = None
        # Per language, the words of the batch's articles so far, as written.
        self._met_words: dict[str, set[str]] = {}
        self._new_words: set[str] = set()
        # Ids given to add, replace or remove since this writer was made (across `flush`es).
        self.written: set[str] = set()

    def __enter__(self) -> IndexWriter:
        try:
            if index_exists(self.index_dir):
                self._index = open_index(self.index_dir, read_only=False)
            else:
                self._index = create_index(self.index_dir)
            options: dict[str, Any] = {
                "compound": False, "timeout": self.timeout, "codec": index_codec(),
            }
            if self.bulk:
                die_with_parent()
                options.update(procs=BULK_PROCESSES, multisegment=True, batchsize=256,
                               limitmb=BULK_POOL_MB)
            self._writer = self._index.writer(**options)
        except LockError as exc:
            raise LibraryBusy(
                "The library's index is locked by another program; try again when it has finished."
            ) from exc
        return self

    def _require_open(self) -> Any:
        if self._writer is None:
            raise LibraryError("The index writer is not open; use it in a `with` block.")
        return self._writer

    def add(self, article: Article, fingerprint: Fingerprint | bool | None = True) -> None:
        """Index an article that is not in the index yet (adding one twice would list it twice);
        `fingerprint`: its near-duplicate fingerprint when the caller has it (see `document_for`)."""
        writer = self._require_open()
        document = self._document(article, fingerprint)
        self.written.add(article.id)
        writer.add_document(**document)

    def replace(self, article: Article, fingerprint: Fingerprint | bool | None = True) -> None:
        """Index a changed article in place of its committed version (or add it if absent).

        Whoosh deletes only from what is committed: an article added earlier in this same batch
        cannot be replaced in it.
        """
        writer = self._require_open()
        document = self._document(article, fingerprint)
        self.written.add(article.id)
        writer.update_document(**document)

    def _document(self, article: Article, fingerprint: Fingerprint | bool | None) -> dict[str, Any]:
        """The article's document, its vocabulary (`words`) kept back: the words a wildcard
        expands over are a set for the whole library, not a posting per article (which cost a
        third more postings and ~1.5x the indexing time). Each batch writes the words it met
        first as one vocabulary document (`schema.vocabulary_document`), which nothing deletes:
        a word of a replaced article stays, and expands to stems that find what they find."""
        lang, words = article_words(article)
        # Only the words this batch has not met yet are looked up: most of an article's words
        # were met in the articles before it.
        met = self._met_words.setdefault(lang, set())
        fresh = words - met
        met |= fresh
        self._new_words |= vocabulary_of(fresh, lang)
        if len(self._new_words) >= VOCABULARY_CHUNK:
            self._write_vocabulary()
        return document_for(article, fingerprint)

    def _write_vocabulary(self) -> None:
        if not self._new_words:
            return
        # Only words the index does not hold yet: a corrected article adds nothing.
        with self._index.reader() as reader:
            new = sorted(w for w in self._new_words if ("words", w) not in reader)
        if new:
            self._require_open().add_document(**vocabulary_document(new))
        self._new_words = set()

    def remove(self, article_id: str) -> None:
        """Drop an article from the index; an id that is not there is not an error."""
        self._require_open().delete_by_term("id", article_id)
        self.written.add(article_id)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        writer, self._writer = self._writer, None
        if writer is None:
            return
        if exc_type is None:
            self._writer = writer
            self._write_vocabulary()
            self._writer = None
            writer.commit()
            if self.bulk:
                self._merge_small_segments()
        else:
            _stop_workers(writer)
            writer.cancel()

    def _merge_small_segments(self) -> None:
        if len(self._index._segments()) <= MAX_SEGMENTS:
            return
        writer = self._index.writer(compound=False, timeout=1.0, codec=index_codec())
        writer.commit(mergetype=merge_smallest)


def merge_smallest(writer: Any, segments: list[Any]) -> list[Any]:
    """Whoosh merge policy: merge the smallest segments into one until `MAX_SEGMENTS` remain.

    Whoosh's own `MERGE_SMALL` only merges segments of a few hundred articles, so the segments of
    repeated bulk imports (thousands each) would pile up and every search would visit them all.
    Merging the smallest keeps the cost near the size of what is merged, never the whole index.
    """
    if len(segments) <= MAX_SEGMENTS:
        return list(segments)
    ordered = sorted(segments, key=lambda segment: segment.doc_count_all())
    merged = len(segments) - MAX_SEGMENTS + 1  # they become one new segment
    for segment in ordered[:merged]:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return ordered[merged:]


def _stop_workers(writer: Any) -> None:
    # Whoosh's MpWriter.cancel() only flags its worker processes in the parent's memory, so they
    # would wait for work forever: end them here (their unfinished segment files are never
    # referenced, and the next commit deletes them).
    for task in getattr(writer, "tasks", ()):
        if task.is_alive():
            task.terminate()
        task.join()
