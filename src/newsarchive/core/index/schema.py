"""What the index holds for each article: its Whoosh fields and the document built from an `Article`."""

from __future__ import annotations

import uuid
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from whoosh import columns, fields, formats
from whoosh.analysis import IDTokenizer

from newsarchive.core.index.analysis import (
    NAME_SEPARATOR,
    ArticleTextAnalyzer,
    LanguageText,
    NameListAnalyzer,
    distinct_words,
    fold,
    language_key,
)
from newsarchive.core.index.positions import TextPositions
from newsarchive.core.ingest.identity import content_key
from newsarchive.core.languages import language_code
from newsarchive.core.model import SECTION_SEPARATOR, Article
from newsarchive.core.near_duplicates import Fingerprint, fingerprint

# Bumped whenever fields or analysis change: an index of another version must be rebuilt.
# 7: Spanish and Portuguese words folded before stemming; the `words` field (issue 11).
# 8: the words in vocabulary documents, one per batch, instead of on every article.
SCHEMA_VERSION = 8

# Text fields a query word searches when it names no field, with their weights.
DEFAULT_FIELDS: dict[str, float] = {
    "title": 3.0,
    "lede": 1.5,
    "body": 1.0,
    "caption": 1.0,
    "person": 2.0,
    "tag": 1.5,
}
# Query field names (`title:`) and the index field each one searches.
QUERY_FIELDS: dict[str, str] = {
    "title": "title",
    "lede": "lede",
    "body": "body",
    "caption": "caption",
    "credit": "credit",
    "note": "note",
    "person": "person",
    "people": "person",
    "tag": "tag",
    "tags": "tag",
    "section": "section",
    "source": "source",
    "outlet": "source",
    "language": "language",
    "lang": "language",
    "id": "id",
    "date": "date",
}
# The `flags` term of an article whose record has something for the user to review.
NEEDS_REVIEW = "review"
# ...and of a document that is no article, only a batch's vocabulary (its id starts so).
VOCABULARY = "vocabulary"
VOCABULARY_ID_PREFIX = "~words-"
STEMMED_FIELDS = frozenset({"title", "lede", "body", "caption", "credit", "note"})
NAME_FIELDS = frozenset({"person", "tag"})


def build_schema() -> fields.Schema:
    text = ArticleTextAnalyzer()
    names = NameListAnalyzer()

    def text_field(analyzer: Any) -> fields.FieldType:
        return fields.FieldType(TextPositions(), analyzer, scorable=True, stored=False)

    def value_list() -> fields.FieldType:
        # Given lists of ready-made terms (Whoosh indexes a list without analysing it).
        return fields.FieldType(formats.Existence(), IDTokenizer())

    return fields.Schema(
        id=fields.ID(unique=True, sortable=True),
        # The article's content key (`ingest.identity`): the same article saved another way.
        content=fields.ID(),
        title=text_field(text),
        lede=text_field(text),
        body=text_field(text),
        caption=text_field(text),
        credit=text_field(text),
        note=text_field(text),
        person=text_field(names),
        tag=text_field(names),
        # Every level of the section path, folded: `news`, `news > russia`.
        section=value_list(),
        # The outlet, folded (`source:mercopress`), and the review flag (`review`).
        source=value_list(),
        flags=value_list(),
        language=fields.ID(),
        # Dates as YYYYMMDD numbers: ranges at any precision are number ranges.
        date=fields.NUMERIC(int, bits=32),
        # Words of the text fields, folded and unstemmed, that wildcards (`negotiat*`) expand
        # over before stemming (`analysis.vocabulary_entries`).
        words=value_list(),
        # The facets' own values, exact case, read back into per-segment arrays.
        section_value=value_list(),
        # Near-duplicate copies: the articles this one copies (ids), and its fingerprint's bytes.
        copy_of=value_list(),
        fingerprint=fields.COLUMN(columns.VarBytesColumn()),
        person_value=value_list(),
        source_value=value_list(),
        date_value=fields.COLUMN(columns.NumericColumn("i", default=0)),
        # When the article came into the library (milliseconds since 1970), for "new since".
        imported_value=fields.COLUMN(columns.NumericColumn("q", default=0)),
        hit=fields.STORED(),
    )


def date_number(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def milliseconds(moment: datetime) -> int:
    """A moment as whole milliseconds since 1970 (how the index compares import times)."""
    return int(moment.timestamp() * 1000)


def section_levels(section_path: tuple[str, ...]) -> tuple[str, ...]:
    """Every level of a path as a full path: `(News, Russia)` -> `News`, `News > Russia`."""
    return tuple(
        SECTION_SEPARATOR.join(section_path[: depth + 1]) for depth in range(len(section_path))
    )


@dataclass(frozen=True, slots=True)
class StoredHit:
    """What the index keeps of an article to show it as a hit, without reading its record."""

    id: str
    title: str
    section_path: tuple[str, ...]
    published: date | None
    people: tuple[str, ...]
    language: str  # the language the text is analysed in (en, es, pt)
    text: str
    source: str | None = None
    author: str | None = None
    language_code: str = "en"  # the record's own language
    imported_at: datetime | None = None
    has_note: bool = False


def document_for(article: Article, fingerprint: Fingerprint | bool | None = True) -> dict[str, Any]:
    """The Whoosh document of an article (fields left out are empty). Its near-duplicate
    fingerprint is computed from its text unless the caller has it (`None`: too short for one)."""
    lang = language_key(article.language)
    body = "\n\n".join(article.body)
    doc: dict[str, Any] = {
        "id": article.id,
        "content": content_key(article),
        "title": LanguageText(article.title, lang),
        "language": language_code(article.language),
        "hit": (
            article.id,
            article.title,
            article.section_path,
            article.published.isoformat() if article.published else None,
            article.people,
            lang,
            zlib.compress(article.text.encode("utf-8"), 1),
            article.source,
            article.author,
            language_code(article.language),
            article.imported_at.isoformat(timespec="seconds") if article.imported_at else None,
            bool(article.note),
        ),
    }
    for name, value in (("lede", article.lede), ("body", body),
                        ("caption", article.photo_caption), ("credit", article.photo_credit),
                        ("note", article.note)):
        if value:
            doc[name] = LanguageText(value, lang)
    if article.people:
        doc["person"] = NAME_SEPARATOR.join(article.people)
        doc["person_value"] = list(article.people)
    if article.tags:
        doc["tag"] = NAME_SEPARATOR.join(article.tags)
    if article.section_path:
        levels = section_levels(article.section_path)
        doc["section"] = [fold(level) for level in levels]
        doc["section_value"] = list(levels)
    if article.source:
        doc["source"] = [fold(article.source)]
        doc["source_value"] = [article.source]
    if article.review:
        doc["flags"] = [NEEDS_REVIEW]
    if article.published:
        doc["date"] = date_number(article.published)
        doc["date_value"] = date_number(article.published)
    if article.imported_at:
        doc["imported_value"] = milliseconds(article.imported_at)
    if article.copy_of:
        doc["copy_of"] = list(article.copy_of)
    if fingerprint is True:
        fingerprint = fingerprint_of(article)
    if isinstance(fingerprint, Fingerprint):
        doc["fingerprint"] = fingerprint.to_bytes()
    return doc


def article_words(article: Article) -> tuple[str, set[str]]:
    """The language an article is analysed in and the distinct words of its text fields, from
    which its vocabulary (`analysis.vocabulary_of`) comes: the words a wildcard must see
    unstemmed. The writer keeps them per batch, apart from the article's document."""
    return language_key(article.language), distinct_words(
        article.title, article.lede, *article.body, article.photo_caption, article.photo_credit,
        article.note,
    )


def vocabulary_document(words: list[str]) -> dict[str, Any]:
    """A document holding only words for wildcards to expand over (see `IndexWriter`): flagged
    `VOCABULARY`, which facet arrays count as no article."""
    return {"id": f"{VOCABULARY_ID_PREFIX}{uuid.uuid4().hex}", "words": words,
            "flags": [VOCABULARY]}


def fingerprint_of(article: Article) -> Fingerprint | None:
    """An article's near-duplicate fingerprint: of its title and text, in its language."""
    return fingerprint(f"{article.title}\n\n{article.text}", article.language)


def stored_hit(stored: dict[str, Any]) -> StoredHit:
    """The inverse of the `hit` value of `document_for`."""
    (article_id, title, section_path, published, people, lang, text, source, author, code,
     imported, has_note) = stored["hit"]
    return StoredHit(
        id=article_id,
        title=title,
        section_path=tuple(section_path),
        published=date.fromisoformat(published) if published else None,
        people=tuple(people),
        language=lang,
        text=zlib.decompress(text).decode("utf-8"),
        source=source,
        author=author,
        language_code=code,
        imported_at=datetime.fromisoformat(imported) if imported else None,
        has_note=has_note,
    )
