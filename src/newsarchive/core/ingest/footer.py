"""Page endings: the comment footer (and its count), tag lines, and `Tags:` labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.core.ingest.lines import NUMBER, ends_sentence, first_word

_NUMBER_WORDS = {"no": 0, "zero": 0, "one": 1, "sin": 0, "nenhum": 0, "um": 1, "un": 1}

_COUNT = re.compile(
    r"^(?:full\s+article\s+)?(?P<n>\d{1,6}|no|one|zero|sin|nenhum)\s+"
    r"(?:comments?|comentarios?|comentários?|responses?|replies|thoughts?)"
    r"(?:\s+(?:on|to|yet|en|em)\b.*)?\s*[.:]?$",
    re.IGNORECASE,
)
_NO_COMMENTS = re.compile(
    r"^(?:post\s+with\s+no\s+comments|no\s+comments(?:\s+yet)?|be\s+the\s+first\s+to\s+comment|"
    r"sin\s+comentarios|nenhum\s+coment[aá]rio|comments\s+are\s+closed)\b.{0,40}$",
    re.IGNORECASE,
)
_COMMENT_FORM = re.compile(
    r"^(?:add\s+(?:new\s+)?comment|leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|write\s+a\s+comment|"
    r"comments?|join\s+the\s+(?:discussion|conversation)|deja\s+(?:un\s+comentario|una\s+respuesta)|"
    r"deixe\s+(?:um\s+coment[aá]rio|uma\s+resposta)|comentarios|coment[aá]rios|"
    r"your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*|"
    r"captcha|this\s+question\s+is\s+for\s+testing\s+whether\b.*)\s*:?$",
    re.IGNORECASE,
)
_TAGS_LABEL = re.compile(
    r"^(?:tags?|etiquetas?|temas?|keywords|palabras\s+clave|topics?)\s*:\s*(?P<tags>.*)$",
    re.IGNORECASE,
)
_TAG_SPLIT = re.compile(r"\s*[,;|·•]\s*")

_MAX_TAG_WORDS = 5
_MAX_TAG_CHARS = 60


@dataclass(frozen=True, slots=True)
class FooterMark:
    """A line that opens the comment footer; `count` is the number of comments it states, if any."""

    count: int | None


# The first words (see `lines.first_word`) the patterns above can start with.
FOOTER_FIRST_WORDS = frozenset(
    "post full no one zero sin nenhum be comments comment add leave write join deja deixe "
    "comentarios comentario comentários comentário your required captcha this responses replies "
    f"{NUMBER}".split()
)
TAGS_FIRST_WORDS = frozenset(
    "tags tag etiquetas etiqueta temas tema keywords palabras topics topic".split()
)


def read_footer_mark(text: str) -> FooterMark | None:
    if len(text) > 200:
        return None
    if first_word(text) not in FOOTER_FIRST_WORDS:
        return None
    match = _COUNT.match(text)
    if match:
        n = match.group("n").lower()
        return FooterMark(int(n) if n.isdigit() else _NUMBER_WORDS[n])
    if _NO_COMMENTS.match(text):
        return FooterMark(0)
    if _COMMENT_FORM.match(text):
        return FooterMark(None)
    return None


def read_tags_label(text: str) -> tuple[str, ...] | None:
    """`Tags: Dmitry Peskov, Russia` -> the tags (empty when they follow on the next lines)."""
    if len(text) > 300 or ":" not in text or first_word(text) not in TAGS_FIRST_WORDS:
        return None
    match = _TAGS_LABEL.match(text)
    if not match:
        return None
    return tuple(t for t in _TAG_SPLIT.split(match.group("tags").strip()) if t)


def is_tag_line(text: str) -> bool:
    """A short label line: a person, a place or a topic, not a sentence."""
    return (
        len(text) <= _MAX_TAG_CHARS
        and text.count(" ") < _MAX_TAG_WORDS
        and not ends_sentence(text)
        and not text[0].islower()
    )
