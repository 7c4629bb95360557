"""Whether a tag names a person, a place, an organisation or a topic: the library's curated list
first, then the built-in knowledge (place and given names, organisation and topic words), then,
where that cannot tell, the article's own text; and which tags are still unsure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from newsarchive.core.ingest import tag_guess
from newsarchive.core.ingest.tag_context import ArticleText, Evidence
from newsarchive.core.ingest.tag_guess import GUESS, LIKELY, SURE, UNKNOWN, WEAK, Guess
from newsarchive.core.ingest.tag_text import tag_key
from newsarchive.core.model import TAG_KINDS

# Spellings a person editing the curated list may use for a kind.
_KIND_SPELLINGS = {"organization": "organisation", "people": "person", "persons": "person"}

# Points of evidence from the text (see `tag_context`) needed to decide a kind the knowledge does
# not know, and to call that decision sure; to overturn a likely answer, and to call that sure.
_DECIDE = 2.0
_DECIDE_SURE = 3.0
_OVERTURN = 3.0
_OVERTURN_SURE = 4.0


@dataclass(frozen=True, slots=True)
class TagDecision:
    """One tag's kind, whether it is sure, and why (a few words)."""

    tag: str
    kind: str
    sure: bool
    reason: str

    @property
    def review(self) -> str | None:
        """The reason to show in a record's review list, or None when the kind is sure."""
        return None if self.sure else f'tag kind unsure: "{self.tag}"'


@dataclass(frozen=True)
class TagKinds:
    """The kind of each tag: `curated` (tag -> kind, the library's corrected list) wins, compared
    case- and accent-insensitively; other tags are guessed from the built-in knowledge and, when
    given, the article's text.

    The knowledge (`tag_knowledge`: ~240,000 place names, ~67,000 given names) is loaded once per
    process, on the first guess (about a millisecond), and shared by every `TagKinds`.
    """

    curated: Mapping[str, str] = field(default_factory=dict)
    _by_key: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, str] = {}
        for tag, kind in self.curated.items():
            if not isinstance(tag, str) or not isinstance(kind, str):
                raise ValueError(
                    f"The tag kinds list must map tag names to kinds; {tag!r}: {kind!r} does not."
                )
            normal = kind.strip().lower()
            normal = _KIND_SPELLINGS.get(normal, normal)
            if normal not in TAG_KINDS:
                raise ValueError(
                    f"Unknown tag kind {kind!r} for the tag {tag!r}: use one of "
                    f"{', '.join(TAG_KINDS)}."
                )
            if key := tag_key(tag):
                by_key[key] = normal
        object.__setattr__(self, "_by_key", MappingProxyType(by_key))

    @staticmethod
    def key(tag: str) -> str:
        """The form tags are compared in: `"Nicolás MADURO"` and `"nicolas maduro"` are one tag."""
        return tag_key(tag)

    def kind_of(self, tag: str, text: str | None = None) -> str:
        """One of `model.TAG_KINDS`: the curated kind if the list has the tag, else the guess from
        the knowledge and, if given, the text of the article the tag belongs to."""
        if text is None:
            if self._by_key:
                curated = self._by_key.get(tag_key(tag))
                if curated is not None:
                    return curated
            return tag_guess.guess(tag).kind
        return self._decide(tag, ArticleText(text)).kind

    def people(self, tags: Iterable[str], text: str | None = None) -> tuple[str, ...]:
        """The tags that name persons, in their order, each once (the first spelling kept);
        `text` is the article's (lede and body), used where the knowledge cannot tell."""
        return tuple(d.tag for d in self.decide(tags, text) if d.kind == "person")

    def decide(self, tags: Iterable[str], text: str | None = None) -> tuple[TagDecision, ...]:
        """Each distinct tag once, in order (the first spelling, stripped): its kind, whether it
        is sure, and why. The text is read once, and only if a tag needs it."""
        article: ArticleText | None = None
        seen: set[str] = set()
        decisions: list[TagDecision] = []
        for tag in tags:
            key = tag_key(tag)
            if not key or key in seen:
                continue
            seen.add(key)
            if text is not None and article is None and self._needs_text(tag, key):
                article = ArticleText(text)
            decisions.append(self._decide(tag.strip(), article, key))
        return tuple(decisions)

    @staticmethod
    def guess(tag: str) -> str:
        """The kind from the built-in knowledge alone, ignoring the curated list and any text."""
        return tag_guess.guess(tag).kind

    def _needs_text(self, tag: str, key: str) -> bool:
        return key not in self._by_key and _reads_text(tag_guess.guess(tag), key)

    def _decide(self, tag: str, article: ArticleText | None, key: str | None = None) -> TagDecision:
        key = tag_key(tag) if key is None else key
        curated = self._by_key.get(key)
        if curated is not None:
            return TagDecision(tag, curated, True, "the library's list")
        known = tag_guess.guess(tag)
        if article is None or not _reads_text(known, key):
            return _without_text(tag, known)
        evidence = article.evidence(tag, tag_guess.surnames(tag), _neighbour_kind)
        return _weigh(tag, known, evidence)


def _reads_text(known: Guess, key: str) -> bool:
    """Whether the text may change the knowledge's answer: unless it is sure, or a one-word
    place name, which the text may show to be a common word ("Samba", "Cocoa")."""
    return known.level != SURE or (known.kind == "place" and " " not in key)


def _without_text(tag: str, known: Guess) -> TagDecision:
    if known.level == GUESS or (known.level == UNKNOWN and tag_guess.looks_like_name(tag)):
        return TagDecision(tag, known.kind, False, known.reason)
    return TagDecision(tag, known.kind, True, known.reason)


def _neighbour_kind(name: str) -> str | None:
    known = tag_guess.guess(name)
    if known.level in (SURE, LIKELY) and known.kind in ("person", "place"):
        return known.kind
    return None


def _weigh(tag: str, known: Guess, evidence: Evidence) -> TagDecision:
    """The knowledge's answer and the text's cues together."""
    if known.level == SURE:
        if evidence.common and not evidence.proper and known.kind == "place":
            return TagDecision(tag, "topic", False, "a place's name written as a common word")
        return TagDecision(tag, known.kind, True, known.reason)
    if evidence.common and not evidence.proper and " " not in tag.strip():
        sure = known.level == UNKNOWN
        return TagDecision(tag, "topic", sure, "written as a common word in the text")
    points = {k: evidence.points(k) for k in ("person", "place", "organisation")}
    ranked = sorted(points, key=lambda k: -points[k])
    best, runner_up = ranked[0], ranked[1]
    lead, second = points[best], points[runner_up]
    said = f"the text's cues: {best} {lead:g}, {runner_up} {second:g}"
    if known.level == LIKELY:
        own = points.get(known.kind, 0.0)
        if best != known.kind and lead >= _OVERTURN and own == 0 and lead >= 2 * second:
            return TagDecision(tag, best, lead >= _OVERTURN_SURE, said)
        doubted = best != known.kind and lead > own and (lead >= _DECIDE or own == 0 < lead)
        return TagDecision(tag, known.kind, not doubted, known.reason)
    if lead >= _DECIDE and lead >= 2 * second and best != known.kind:
        return TagDecision(tag, best, lead >= _DECIDE_SURE, said)
    own = points.get(known.kind, 0.0)
    contrary = max(v for k, v in points.items() if k != known.kind)
    if known.level == WEAK:
        return TagDecision(tag, known.kind, contrary < 1, known.reason)
    if known.level == GUESS:
        sure = own >= _DECIDE and contrary < own
        return TagDecision(tag, known.kind, sure, f"{known.reason}; {said}" if own else known.reason)
    if evidence.common and lead < 1:
        return TagDecision(tag, known.kind, True, "common words in the text")
    # A word the knowledge does not know that the text only writes capitalised is more likely a
    # person's, a place's or an organisation's name than a topic.
    unsure = tag_guess.looks_like_name(tag) or lead >= 1 or evidence.mentions > evidence.common
    if lead == 0:
        return TagDecision(tag, known.kind, not unsure, f"{known.reason}; no cues in the text")
    return TagDecision(tag, known.kind, not unsure, f"{known.reason}; too few cues ({said})")
