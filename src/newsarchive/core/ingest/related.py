"""Related-headline interjections: `RELATED:` forms, bare Title Case lines, and trailing headline lists."""

from __future__ import annotations

import re

from newsarchive.core.ingest.lines import first_word, is_title_case, looks_like_name

_LABELLED = re.compile(
    r"^(?:related(?:\s+(?:content|news|articles?|stories|story))?|also\s+read|read\s+also|see\s+also|"
    r"you\s+may\s+also\s+(?:like|read)|more\s+on\s+this|le[ea]\s+tambi[ée]n|le[ea]\s+adem[aá]s|"
    r"mir[aá]\s+tambi[ée]n|te\s+puede\s+interesar|ver\s+tambi[ée]n|leia\s+tamb[ée]m|veja\s+tamb[ée]m|not[ií]cias?\s+relacionadas?|"
    r"noticia\s+relacionada|read\s+more|leia\s+mais|le[ea]\s+m[aá]s)\s*:\s*(?P<headline>.*)$",
    re.IGNORECASE,
)
# A label alone on its line, the headline on the next (`MIRÁ TAMBIÉN`, `Seguí leyendo`, `LEE ADEMÁS`).
_LABEL_ALONE = re.compile(
    r"^(?:mir[aá]\s+tambi[eé]n|segu[ií]\s+leyendo|le[ea]\s+(?:adem[aá]s|tambi[eé]n)|ver\s+tambi[eé]n|"
    r"leia\s+(?:tamb[ée]m|mais)|see\s+also|also\s+read|read\s+also|related\s+(?:story|article|news))\s*[:.]?$",
    re.IGNORECASE,
)
# The label of a box of related headlines after the article (a `Most read` box is the site's).
_BOX_LABEL = re.compile(
    r"^(?:related(?:\s+(?:content|news|articles?|stories|coverage))?|more\s+on\s+this(?:\s+story)?|"
    r"(?:noticias|not[ií]cias|art[ií]culos|mat[ée]rias|contenidos?)\s+relacionad[oa]s|"
    r"relacionad[oa]s)\s*:?$",
    re.IGNORECASE,
)


# The first words (see `lines.first_word`) the labels above start with.
LABEL_FIRST_WORDS = frozenset(
    "related also read see you more lea lee te ver leia veja noticias notícias noticia mirá mira "
    "seguí segui".split()
)


def read_labelled(text: str) -> str | None:
    """The headline of `RELATED: <headline>` (empty string when the headline is on the next line,
    with or without a colon after the label)."""
    if len(text) > 250 or first_word(text) not in LABEL_FIRST_WORDS:
        return None
    if ":" not in text:
        return "" if len(text) <= 30 and _LABEL_ALONE.match(text) else None
    match = _LABELLED.match(text)
    if not match:
        return None
    headline = match.group("headline").strip()
    return None if headline.lower().startswith(("http", "www.")) else headline


def is_box_label(text: str) -> bool:
    """`Related stories`, `Noticias relacionadas`: the headlines under it are related headlines."""
    return len(text) <= 40 and bool(_BOX_LABEL.match(text))


def is_bare_related(text: str) -> bool:
    """A Title Case line between paragraphs: teleSUR's related headline (subheadings are sentence case)."""
    return is_title_case(text) and not looks_like_name(text)
