"""Page endings: the comment footer (and its count), tag lines, and `Tags:` labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.core.ingest.lines import NUMBER, ends_sentence, first_word

# Counts written as words, in the languages the footers come in.
_NUMBER_WORDS = {
    "no": 0, "zero": 0, "sin": 0, "nenhum": 0, "cero": 0, "one": 1, "un": 1, "uno": 1, "una": 1,
    "um": 1, "uma": 1, "two": 2, "dos": 2, "dois": 2, "three": 3, "tres": 3, "três": 3,
}
_COUNT_WORD = r"\d{1,6}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_COMMENT_WORD = (
    r"(?:comments?|comentarios?|comentários?|responses?|replies|reply|thoughts?|respuestas?|respostas?)"
)
# `Post with 12 comments`, `Full article 36 comments`, `Publicación con 3 comentarios`, `12 Comments`,
# `View all 12 comments`, `Ver los 12 comentarios`: a lead-in, the count, the word, maybe a tail.
_COUNT = re.compile(
    rf"^(?:(?:post|publicación|publicação|article|artículo|artigo|full\s+article|story)\s+"
    rf"(?:with|con|com|has)\s+|full\s+article\s+|(?:view|see|show|read|ver|mostrar)\s+"
    rf"(?:all\s+|the\s+|los\s+|las\s+|todos\s+os\s+|os\s+)?)?"
    rf"(?P<n>{_COUNT_WORD})\s+{_COMMENT_WORD}(?:\s+(?:on|to|yet|en|em|so\s+far|hasta\s+ahora)\b.*)?\s*[.:!]?$",
    re.IGNORECASE,
)
# `Comments (12)`, `Comentarios: 3`, `Comentários 17`
_WORD_THEN_COUNT = re.compile(
    rf"^(?:(?:view|see|ver)\s+)?{_COMMENT_WORD}\s*(?:\((?P<a>\d{{1,6}})\)|:\s*(?P<b>\d{{1,6}})|(?P<c>\d{{1,6}}))\s*$",
    re.IGNORECASE,
)
_NO_COMMENTS = re.compile(
    r"^(?:(?:post|publicación|publicação)\s+(?:with\s+no|sin|sem)\s+coment\w*|"
    r"no\s+comments(?:\s+yet)?|be\s+the\s+first\s+to\s+comment|"
    r"sin\s+comentarios|sem\s+coment[aá]rios|nenhum\s+coment[aá]rio|comments\s+are\s+closed)\b.{0,40}$",
    re.IGNORECASE,
)
_COMMENT_FORM = re.compile(
    r"^(?:add\s+(?:new\s+)?comment|leave\s+a\s+(?:reply|comment)(?:\s+cancel\s+reply)?|"
    r"discussion\s+about\s+this\s+(?:post|article|story)|post\s+a\s+comment|write\s+a\s+comment|"
    r"comments?|join\s+the\s+(?:discussion|conversation)|deja\s+(?:un\s+comentario|una\s+respuesta)|"
    r"deixe\s+(?:um\s+coment[aá]rio|uma\s+resposta)|comentarios|coment[aá]rios|"
    r"your\s+email\s+address\s+will\s+not\s+be\s+published.*|required\s+fields\s+are\s+marked.*|"
    r"captcha|this\s+question\s+is\s+for\s+testing\s+whether\b.*|share\s+or\s+comment\s+on\s+this\s+article)\s*:?$",
    re.IGNORECASE,
)
_TAGS_LABEL = re.compile(
    r"^(?:tags?|etiquetas?|temas?|keywords|palabras\s+clave|palavras-chave|assuntos?|topics?|"
    r"t[óo]picos?|marcadores|filed\s+under|archivado\s+en|(?:related\s+)?topics|"
    r"(?:temas?|t[óo]picos?|assuntos?|etiquetas?)\s+relacionad[oa]s)\s*:\s*(?P<tags>.*)$",
    re.IGNORECASE,
)
# A heading that introduces the tag lines under it (`Explore more on these topics`, `Archivado En`).
_TAGS_HEADING = re.compile(
    r"^(?:(?:explore\s+)?more\s+on\s+(?:this|these)\s+(?:topics?|stories|subjects?)|topics|tags|"
    r"related\s+topics|archivado\s+en|archived\s+in|filed\s+under|temas(?:\s+relacionados)?|"
    r"etiquetas|assuntos(?:\s+relacionados)?|t[óo]picos(?:\s+relacionados)?|mais\s+sobre|más\s+sobre|"
    r"keywords)\s*:?$",
    re.IGNORECASE,
)
_TAG_SPLIT = re.compile(r"\s*[,;|·•]\s*")

_MAX_TAG_WORDS = 5
_MAX_TAG_CHARS = 60


@dataclass(frozen=True, slots=True)
class FooterMark:
    """A line that opens the comment footer; `count` is the number of comments it states, if any."""

    count: int | None


@dataclass(frozen=True, slots=True)
class TagList:
    """The tags a `Tags:` line gives (empty when they follow on the next lines)."""

    tags: tuple[str, ...]


# The first words (see `lines.first_word`) the patterns above can start with.
FOOTER_FIRST_WORDS = frozenset(
    "post full no one zero sin nenhum be comments comment add leave write join deja deixe "
    "comentarios comentario comentários comentário your required captcha this responses replies "
    "publicación publicação article artículo artigo story view see show read ver mostrar sem discussion "
    f"share un uno una um uma two dos dois three tres três cero {NUMBER}".split()
)
TAGS_FIRST_WORDS = frozenset(
    "tags tag etiquetas etiqueta temas tema keywords palabras topics topic palavras-chave assuntos "
    "assunto filed archivado explore more related archived mais más tópicos tópico topicos "
    "marcadores".split()
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
    match = _WORD_THEN_COUNT.match(text)
    if match:
        return FooterMark(int(match.group("a") or match.group("b") or match.group("c")))
    if _NO_COMMENTS.match(text):
        return FooterMark(0)
    if _COMMENT_FORM.match(text):
        return FooterMark(None)
    return None


def read_tags_label(text: str) -> TagList | None:
    """`Tags: Dmitry Peskov, Russia` -> the tags; `Explore more on these topics` -> none yet (they
    follow on the next lines)."""
    if len(text) > 300 or first_word(text) not in TAGS_FIRST_WORDS:
        return None
    match = _TAGS_LABEL.match(text) if ":" in text else None
    if match:
        return TagList(tuple(t for t in _TAG_SPLIT.split(match.group("tags").strip()) if t))
    if len(text) <= 40 and _TAGS_HEADING.match(text):
        return TagList(())
    return None


def is_tag_line(text: str) -> bool:
    """A short label line: a person, a place or a topic, not a sentence."""
    return (
        len(text) <= _MAX_TAG_CHARS
        and text.count(" ") < _MAX_TAG_WORDS
        and not ends_sentence(text)
        and not text[0].islower()
    )
