"""One article record from its parts: the parsed page, the sidecar that overrides it, the tag kinds."""

from __future__ import annotations

import hashlib
from dataclasses import fields, replace
from datetime import datetime
from typing import Any

from newsarchive.core.ingest.outlets import normalise_outlet, outlet_from_url
from newsarchive.core.ingest.sidecar import Sidecar
from newsarchive.core.ingest.tag_kinds import TagKinds
from newsarchive.core.model import Article, ParsedPage
from newsarchive.core.record import checked, plain_extra

ID_LENGTH = 16
_PAGE_FIELDS = tuple(f.name for f in fields(ParsedPage) if f.name != "warnings")


def article_id(text: str) -> str:
    """A short stable id from the article's decoded text: the same text always gets the same id,
    whatever the encoding or line endings it was saved with."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:ID_LENGTH]


def compose_article(
    article_id: str,
    page: ParsedPage,
    sidecar: Sidecar | None,
    kinds: TagKinds,
    *,
    photos: tuple[str, ...] = (),
    source_path: str | None = None,
    captured_at: datetime | None = None,
) -> Article:
    """The record: parsed fields, then every field the sidecar sets, then people from the tag kinds
    and the outlet under its one name.

    A sidecar's `people` replaces the persons found among the tags; without it, people are the
    tags (the sidecar's tags if it has them) whose kind is `person`. The record is `checked`: a
    value not of its field's type raises `TypeError` (a bug, which costs the importer one item).
    """
    values: dict[str, Any] = {name: getattr(page, name) for name in _PAGE_FIELDS}
    overrides = dict(sidecar.overrides) if sidecar else {}
    values.update(overrides)
    # What was guessed about a field the sidecar does not set is for the user to review.
    review = [
        f"{w.field}: {w}" for w in page.warnings if w.field is not None and w.field not in overrides
    ]
    if "people" not in overrides:
        # The article's own words decide the tags the built-in knowledge cannot tell.
        text = "\n\n".join(p for p in (values["lede"], *values["body"]) if p)
        decisions = kinds.decide(values["tags"], text)
        values["people"] = tuple(d.tag for d in decisions if d.kind == "person")
        review += [f"people: {d.review}" for d in decisions if d.review]
    # One name per outlet, whoever named it; else the site of the page's address.
    values["source"] = normalise_outlet(values["source"]) or outlet_from_url(values["url"])
    return checked(Article(
        id=article_id,
        photos=photos,
        source_path=source_path,
        captured_at=captured_at,
        sidecar_fields=tuple(sorted(overrides)),
        review=tuple(dict.fromkeys(review)),
        extra=plain_extra(sidecar.extra) if sidecar else {},
        **values,
    ))


_EMPTY: tuple[object, ...] = (None, (), "")
# What another copy of the same article can add to the record the library holds.
_FILLABLE = ("section_path", "published", "people", "tags", "photo_caption", "photo_credit",
             "url", "source", "author", "comment_count", "related_headlines")


def fill_in(held: Article, copy: Article) -> tuple[Article, tuple[str, ...]]:
    """The record the library holds with what another copy of the same article adds (the same
    text saved another way: a web page for a dump, a dump with a sidecar): the fields the copy's
    sidecar sets, and the fields the held record lacks. The fields changed come with it."""
    changes: dict[str, Any] = {}
    for name in _FILLABLE:
        ours, theirs = getattr(held, name), getattr(copy, name)
        if theirs in _EMPTY or ours == theirs:
            continue
        if name in copy.sidecar_fields or ours in _EMPTY:
            changes[name] = theirs
    if not changes:
        return held, ()
    review = tuple(r for r in held.review if r.split(":", 1)[0] not in changes)
    sidecar_fields = tuple(sorted({*held.sidecar_fields,
                                   *(f for f in copy.sidecar_fields if f in changes)}))
    filled = replace(held, **changes, review=review, sidecar_fields=sidecar_fields)
    return filled, tuple(changes)


def same_saving(a: Article, b: Article) -> bool:
    """Whether two records of one text are one article saved twice (a dump and its web page,
    two captures) rather than one wire story run by two outlets: their outlets and addresses
    agree where both are known."""
    if a.source and b.source and a.source.casefold() != b.source.casefold():
        return False
    return not (a.url and b.url and _address(a.url) != _address(b.url))


def _address(url: str) -> str:
    bare = url.strip().lower().split("#", 1)[0].split("?", 1)[0]
    for prefix in ("https://", "http://", "www."):
        bare = bare.removeprefix(prefix)
    return bare.rstrip("/")


def kept_on_reimport(fresh: Article, previous: Article) -> Article:
    """A page imported again: what other copies of it had filled in stays (its own sidecar's
    fields go when the sidecar no longer sets them)."""
    changes = {
        name: getattr(previous, name)
        for name in _FILLABLE
        if getattr(fresh, name) in _EMPTY and getattr(previous, name) not in _EMPTY
        and name not in previous.sidecar_fields
    }
    return replace(fresh, **changes) if changes else fresh


def same_content(a: Article, b: Article) -> bool:
    """True when the two records differ only in bookkeeping: when and from where imported."""
    def bare(article: Article) -> Article:
        return replace(article, imported_at=None, updated_at=None, source_path=None)

    return bare(a) == bare(b) and a.extra == b.extra


def stamped(article: Article, previous: Article | None, now: datetime) -> Article:
    """The record with its import times: first import kept from `previous`, `updated_at` now."""
    if previous is None:
        return replace(article, imported_at=now, updated_at=None)
    return replace(article, imported_at=previous.imported_at or now, updated_at=now)
