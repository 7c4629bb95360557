"""Photo captions and credits: `| Photo:`, `Photo:`, `Foto:`, `(AP Photo/…)`, `X/ @handle` and kin."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsarchive.core.ingest.lines import first_word

_CREDIT_WORD = r"(?:photos?|fotos?|images?|imagen(?:\s+principal)?|imagem|photo\s+credit|credits?|cr[ée]ditos?)"

# `Photo: Twitter/@handle`, `Foto: Name/EFE`, `Imagen principal:` (empty) on a line of their own.
_CREDIT_ONLY = re.compile(
    rf"^(?:[—–-]\s*)?{_CREDIT_WORD}\s*:\s*(?P<credit>.{{0,120}})$", re.IGNORECASE
)

# `<caption> | Photo: <credit>`, `<caption> — Foto: <credit>`, `<caption>. Foto: <credit>`.
_CREDIT_SUFFIX = re.compile(
    rf"^(?P<caption>.+?(?:(?=\s*(?:\||[—–]|\s-))|[.!?]))\s*(?:\||[—–]|\s-)?\s*"
    rf"{_CREDIT_WORD}\s*:\s*(?P<credit>.{{0,120}})$",
    re.IGNORECASE,
)

# Every `_CREDIT_WORD` contains one of these: a gate before the suffix pattern's lazy scan.
_CREDIT_HINT = re.compile(r"phot|foto|imag|credit|crédit")

# `<caption> (AP Photo/Name)`, `(Photo by NAME/AFP via Getty Images)`, `(Image credit: …)`, `(AFP)`.
_PARENTHESISED = re.compile(r"^(?P<caption>.*?)\s*\((?P<credit>[^()]{2,120})\)\s*\.?$")
_PAREN_CREDIT = re.compile(
    r"^(?:(?:[\w.]+\s+)?photos?\s*/|(?:photos?|fotos?|images?)\s+(?:by|de|del|de\s+la|cortes[ií]a)\s|"
    r"(?:image|photo|foto)\s+credits?\s*:|(?:photo|foto|imagen)\s*:|courtesy\b)",
    re.IGNORECASE,
)
_PAREN_PREFIX = re.compile(
    r"^(?:(?:photos?|fotos?|images?)\s+(?:by|de|del|de\s+la)\s+|(?:image|photo|foto)\s+credits?\s*:\s*|"
    r"(?:photo|foto|imagen)\s*:\s*)",
    re.IGNORECASE,
)
_AGENCY_CREDIT = re.compile(
    r"^(?:afp|ap|efe|reuters|xinhua|ansa|dpa|anadolu|sputnik|tass|getty images|prensa latina|"
    r"telesur|prensa presidencial)(?:\s*(?:photo|/\s*getty images|via getty images))?$",
    re.IGNORECASE,
)

# `<caption>. X/ @handle` (teleSUR since 2024 writes no "Photo:" word).
_HANDLE_CREDIT = re.compile(r"^(?P<caption>.+?[.!?])\s+(?P<credit>(?:X|Twitter)\s*/\s*@\w{1,30})$")


# The first words (see `lines.first_word`) a credit line can start with.
CREDIT_FIRST_WORDS = frozenset(
    "photo photos foto fotos image images imagen imagem credit credits crédito créditos ( — – -".split()
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
    match = _CREDIT_ONLY.match(text)
    if match:
        return Credited("", _clean_credit(match.group("credit")))
    if text.startswith("(") and text.endswith(")") and _PAREN_CREDIT.match(text[1:]):
        return Credited("", _clean_credit(_PAREN_PREFIX.sub("", text[1:-1])))
    return None


def read_credited_caption(text: str) -> Credited | None:
    """A caption carrying its credit on the same line, else None."""
    if len(text) > 600:
        return None
    if ("|" in text or ":" in text) and _CREDIT_HINT.search(text.lower()):
        match = _CREDIT_SUFFIX.match(text)
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
    if "@" in text:
        match = _HANDLE_CREDIT.match(text)
        if match:
            return Credited(match.group("caption").strip(), match.group("credit"))
    return None
