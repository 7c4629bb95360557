"""Photo captions and credits: `| Photo:`, `Photo:`, `Foto:`, `(AP Photo/…)`, `X/ @handle` and kin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.core.ingest.lines import first_word

_CREDIT_WORD = (
    r"(?:photo\s+credit|photos?|photograph(?:y|s)?|fotos?|fotograf[ií]as?|images?|imagen(?:\s+principal)?|"
    r"imagem|pictures?|credits?|cr[ée]ditos?)"
)

# `Photo: Twitter/@handle`, `Foto: Name/EFE`, `Imagen principal:` (empty) on a line of their own.
_CREDIT_ONLY = re.compile(
    rf"^(?:[—–-]\s*)?{_CREDIT_WORD}\s*:\s*(?P<credit>.{{0,120}})$", re.IGNORECASE
)

# `Photographs by Name`, `Fotos de Name`: the photographer of the story's pictures, on a line of its own.
_PHOTOS_BY = re.compile(
    r"^(?i:photo(?:graph)?s?|pictures?|fotos?|fotograf[ií]as?|images?|imagens?)\s+(?i:by|de|por)\s+"
    r"(?P<credit>[A-ZÀ-ÖØ-Þ][^.!?]{1,80})$"
)

# `<caption> | Photo: <credit>`, `<caption> — Foto: <credit>`, `<caption>. Foto: <credit>`.
_CREDIT_SUFFIX = re.compile(
    rf"^(?P<caption>.+?(?:(?=\s*(?:\||[—–]|\s-))|[.!?]))\s*(?:\||[—–]|\s-)?\s*"
    rf"{_CREDIT_WORD}\s*:\s*(?P<credit>.{{0,120}})$",
    re.IGNORECASE,
)

# `<caption> Foto: <credit>`: no stop or bar between them, the credit word capitalised.
_CREDIT_AFTER_SPACE = re.compile(
    r"^(?P<caption>\S+(?:\s+\S+){2,}?)\s+(?:Photo|Photos|Foto|Fotos|Fotografía|Fotografia|Image|Imagen|"
    r"Imagem|Credit|Crédito)\s*:\s*(?P<credit>\S.{0,119})$"
)

# Every `_CREDIT_WORD` contains one of these: a gate before the suffix pattern's lazy scan.
_CREDIT_HINT = re.compile(r"phot|foto|imag|credit|crédit|pictur")

# `<caption> (AP Photo/Name)`, `(Photo by NAME/AFP via Getty Images)`, `(Image credit: …)`, `(AFP)`.
_PARENTHESISED = re.compile(r"^(?P<caption>.*?)\s*\((?P<credit>[^()]{2,120})\)\s*\.?$")
_PAREN_CREDIT = re.compile(
    r"^(?:(?:[\w.]+\s+)?photos?\s*/|(?:photos?|fotos?|images?)\s+(?:by|de|del|de\s+la|cortes[ií]a|courtesy)\s|"
    r"(?:image|photo|foto)\s+credits?\s*:|(?:photo|foto|imagen|imagem)\s*:|courtesy\b|cortes[ií]a\b)",
    re.IGNORECASE,
)
_PAREN_PREFIX = re.compile(
    r"^(?:(?:photos?|fotos?|images?)\s+(?:by|de|del|de\s+la)\s+|(?:image|photo|foto)\s+credits?\s*:\s*|"
    r"(?:photo|foto|imagen|imagem)\s*:\s*|(?:(?:photos?|fotos?|images?)\s+)?(?:courtesy(?:\s+of)?|"
    r"cortes[ií]a(?:\s+de)?)\s+)",
    re.IGNORECASE,
)
# `Image source, Name`: a broadcaster's credit line, over `Image caption,` and the caption.
_SOURCE_LABEL = re.compile(
    r"^(?:image|picture|photo)\s+source\s*[,:]\s*(?P<credit>.{1,120})$|"
    r"^(?:fuente\s+de\s+la\s+imagen|fonte\s+da\s+imagem)\s*[,:]\s*(?P<credit2>.{1,120})$",
    re.IGNORECASE,
)
# `Image caption,` / `Media caption,` alone: the next line is the photo's (or a video's) caption.
_CAPTION_LABEL = re.compile(
    r"^(?P<what>image|picture|photo|media|video)\s+caption\s*[,:]?$|^(?P<es>pie\s+de\s+foto|legenda)\s*[,:]?$",
    re.IGNORECASE,
)
CAPTION_LABEL_FIRST_WORDS = frozenset("image picture photo media video pie legenda".split())
# Widget text a copy keeps at the end of a caption: licensing and enlarging buttons.
_WIDGET_TAIL = re.compile(
    r"\s+(?:(?:purchase|acquire)\s+licensing\s+rights(?:,\s+opens\s+new\s+tab)?|enlarge\s+this\s+image|"
    r"(?:toggle|hide|show)\s+caption|expand\s+image|view\s+image\s+in\s+full\s*screen|"
    r"ampliar\s+(?:imagen|foto|imagem))\s*$",
    re.IGNORECASE,
)
_WIDGET_ENDINGS = (
    "Rights", "rights", "tab", "image", "caption", "screen", "Screen", "foto", "imagen", "imagem"
)
# `<caption>. / NAME SURNAME`, `<caption>. OUTLET NAME`: the credit in capitals after the caption,
# as Spanish papers print it.
_CAPS_WORD = r"[A-ZÁÉÍÓÚÑÜÀÂÃÇÊÔÕ][A-ZÁÉÍÓÚÑÜÀÂÃÇÊÔÕ'’.\-]+"
_CAPS_CREDIT_SUFFIX = re.compile(
    rf"(?:[.!?]\s+(?:/\s*)?|\s/\s+)(?P<credit>{_CAPS_WORD}(?:\s+(?:{_CAPS_WORD}|DE|DEL|LA|Y|E|/)){{0,4}})$"
)
_CAPS_CREDIT_MIN_CAPTION = 20
_AGENCY_CREDIT = re.compile(
    r"^(?:afp|ap|efe|reuters|xinhua|ansa|dpa|anadolu|sputnik|tass|getty images|prensa latina|"
    r"telesur|prensa presidencial)(?:\s*(?:photo|/\s*getty images|via getty images))?$",
    re.IGNORECASE,
)

# `<caption>. X/ @handle` (teleSUR since 2024 writes no "Photo:" word).
_HANDLE_CREDIT = re.compile(r"^(?P<caption>.+?[.!?])\s+(?P<credit>(?:X|Twitter)\s*/\s*@\w{1,30})$")


# A credit without a credit word: `Name/Agency`, `AGENCY/Name`, `Name/Agency/Getty Images` — words
# joined by slashes with no space around the first, each part capitalised.
_CREDIT_PART = r"[A-ZÀ-Þ@][\w'’.&-]*(?:\s+(?:[A-ZÀ-Þ][\w'’.&-]*|via|de|da|do|del|dos))*"
_SLASH_CREDIT = re.compile(rf"{_CREDIT_PART}/{_CREDIT_PART}(?:\s?/\s?{_CREDIT_PART})*")
_SLASH_CREDIT_ALONE = re.compile(rf"^{_SLASH_CREDIT.pattern}$")
# `<caption>. AGENCY/Name`, `<caption> - Name/Agency`: the credit closing a caption line.
_SLASH_CREDIT_SUFFIX = re.compile(rf"(?:[.!?]|\s[-–—])\s+(?P<credit>{_SLASH_CREDIT.pattern})$")
_MAX_SLASH_CREDIT = 70

# The first words (see `lines.first_word`) a credit line can start with.
CREDIT_FIRST_WORDS = frozenset(
    "photo photos photograph photographs foto fotos fotografía fotografia fotografías fotografias "
    "image images imagen imagem imagens picture pictures credit credits crédito créditos ( — – -".split()
)


@dataclass(frozen=True, slots=True)
class Credited:
    """A caption line split into its caption (may be empty) and its credit (None when blank)."""

    caption: str
    credit: str | None


def _clean_credit(credit: str) -> str | None:
    credit = credit.strip().strip(".").strip()
    return credit or None


def read_credit_only(text: str) -> Credited | None:
    """`Photo: <credit>` alone on a line: the credit of the caption above it (or of the photo)."""
    if len(text) > 140 or first_word(text) not in CREDIT_FIRST_WORDS:
        return None
    text = without_widgets(text)
    match = _CREDIT_ONLY.match(text)
    if match:
        return Credited("", _clean_credit(match.group("credit")))
    match = _SOURCE_LABEL.match(text) or _PHOTOS_BY.match(text)
    if match:
        return Credited("", _clean_credit(match.group("credit") or match.groupdict().get("credit2") or ""))
    if text.startswith("(") and text.endswith(")") and _PAREN_CREDIT.match(text[1:]):
        return Credited("", _clean_credit(_PAREN_PREFIX.sub("", text[1:-1])))
    return None


def without_widgets(text: str) -> str:
    """The line without the licensing or enlarging buttons a copy kept at its end."""
    if text.endswith(_WIDGET_ENDINGS):
        return _WIDGET_TAIL.sub("", text)
    return text


def read_caption_label(text: str) -> str | None:
    """`Image caption,` -> "image", `Media caption,` -> "media": what the next line captions."""
    if len(text) > 24 or first_word(text) not in CAPTION_LABEL_FIRST_WORDS:
        return None
    match = _CAPTION_LABEL.match(text)
    if not match:
        return None
    what = (match.group("what") or "image").lower()
    return "media" if what in ("media", "video") else "image"


def read_slash_credit(text: str) -> Credited | None:
    """`Nelson Almeida/AFP` alone on a line: a credit with no credit word (under its caption)."""
    if len(text) > _MAX_SLASH_CREDIT or "/" not in text or " / " in text or "://" in text:
        return None
    if not _SLASH_CREDIT_ALONE.match(text):
        return None
    return Credited("", text)


def read_credited_caption(text: str) -> Credited | None:
    """A caption carrying its credit on the same line, else None."""
    if len(text) > 600:
        return None
    text = without_widgets(text)
    tail_start = len(text) - _MAX_SLASH_CREDIT - 3
    if text.rfind("/") > tail_start and text[-1].isalnum() and "://" not in text:
        # The credit closes the line: only its last few words are searched.
        match = _SLASH_CREDIT_SUFFIX.search(text, max(0, tail_start))
        if match and match.start() > 0:
            caption = text[: match.start() + 1].rstrip(" -–—")
            return Credited(caption, match.group("credit"))
    if ("|" in text or ":" in text) and _CREDIT_HINT.search(text.lower()):
        match = _CREDIT_SUFFIX.match(text) or _CREDIT_AFTER_SPACE.match(text)
        if match:
            return Credited(match.group("caption").strip(), _clean_credit(match.group("credit")))
    if text.endswith((")", ").")):
        match = _PARENTHESISED.match(text)
        if match and match.group("caption"):
            credit = match.group("credit").strip()
            if _PAREN_CREDIT.match(credit):
                return Credited(
                    match.group("caption").strip(), _clean_credit(_PAREN_PREFIX.sub("", credit))
                )
            if _AGENCY_CREDIT.match(credit) and text.count(" ") < 40:
                return Credited(match.group("caption").strip(), credit)
            caption = match.group("caption").strip()
            if caption[-1:] in ".!?" and len(credit) <= _MAX_SLASH_CREDIT and (
                _SLASH_CREDIT_ALONE.match(credit)
            ):
                return Credited(caption, credit)  # `<caption>. (Name/Outlet)`
    if "@" in text:
        match = _HANDLE_CREDIT.match(text)
        if match:
            return Credited(match.group("caption").strip(), match.group("credit"))
    if text[-1].isupper() and text[-2:].isupper():
        match = _CAPS_CREDIT_SUFFIX.search(text, max(0, len(text) - 60))
        if match and match.start() >= _CAPS_CREDIT_MIN_CAPTION:
            caption = text[: match.start() + 1].rstrip(" /")
            return Credited(caption, match.group("credit").strip(" /"))
    return None
