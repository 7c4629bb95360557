"""The lead photo of a page as its markup shows it: the image's address, its caption and credit
(`figure`/`figcaption`, caption and credit classes, `Photo:` and parenthesised credits)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html

from newsarchive.core.ingest.captions import read_credit_only, read_credited_caption
from newsarchive.core.ingest.web.markup import marks, text_of

_CAPTION_CLASS = re.compile(r"caption|legend|legenda|leyenda|pie[-_]?de[-_]?foto", re.IGNORECASE)
_CREDIT_CLASS = re.compile(r"credit|copyright|photographer|fotografo|autor[-_]?foto|source", re.IGNORECASE)
_IMAGE_ATTRIBUTES = ("src", "data-src", "data-original", "data-lazy-src", "data-srcset", "srcset")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class LeadFigure:
    """The article's lead photo as the page shows it."""

    addresses: tuple[str, ...]
    caption: str | None
    credit: str | None


def lead_figure(root: lxml.html.HtmlElement, tree: lxml.html.HtmlElement) -> LeadFigure | None:
    for scope in (root, tree):
        for element in scope.iter("figure", "div", "span", "p"):
            if (
                element.tag != "figure"
                and not _CAPTION_CLASS.search(marks(element))
                and not any(
                    _CAPTION_CLASS.search(marks(child)) for child in element if isinstance(child.tag, str)
                )
            ):
                continue
            image = next((e for e in element.iter("img", "amp-img", "source") if image_address(e)), None)
            if image is None and element.tag != "figure":
                parent = element.getparent()
                image = (
                    next((e for e in parent.iter("img", "amp-img") if image_address(e)), None)
                    if parent is not None
                    else None
                )
            if image is None:
                continue
            caption, credit = _caption_and_credit(element)
            return LeadFigure((image_address(image) or "",), caption, credit)
    return None


def image_address(element: lxml.html.HtmlElement) -> str | None:
    for attribute in _IMAGE_ATTRIBUTES:
        value = (element.get(attribute) or "").strip()
        if value:
            if attribute.endswith("srcset") and not value.startswith("data:"):
                value = value.split(",")[0].strip().split(" ")[0]
            return value
    return None


def _caption_and_credit(figure: lxml.html.HtmlElement) -> tuple[str | None, str | None]:
    credit_parts = [e for e in figure.iter() if isinstance(e.tag, str) and _CREDIT_CLASS.search(marks(e))]
    credit = text_of(credit_parts[0]) if credit_parts else None
    captions = [
        e
        for e in figure.iter()
        if isinstance(e.tag, str) and (e.tag == "figcaption" or _CAPTION_CLASS.search(marks(e)))
    ]
    caption = None
    if captions:
        holder = captions[0]
        pieces = []
        for piece in [holder.text or "", *(_piece(c) for c in holder)]:
            pieces.append(piece)
        caption = _SPACES.sub(" ", " ".join(pieces)).strip() or None
        if credit and caption and credit in caption:
            caption = caption.replace(credit, " ").strip(" ()|—–-") or None
    if caption:
        credited = read_credited_caption(caption)
        if credited is not None and credited.caption:
            caption = credited.caption
            credit = credit or credited.credit
        else:
            alone = read_credit_only(caption)
            if alone is not None:
                caption, credit = None, credit or alone.credit
    if caption:
        caption = _strip_credit_word(caption)
    if credit:
        credit = _clean_credit(credit)
    return caption or None, credit or None


def _piece(child: lxml.html.HtmlElement) -> str:
    if isinstance(child.tag, str) and _CREDIT_CLASS.search(marks(child)):
        return child.tail or ""
    return text_of(child) + " " + (child.tail or "")


_CREDIT_WORD_TAIL = re.compile(
    r"\s*(?:photo|foto|image|imagem|imagen|credit|crédito)s?\s*:?\s*$", re.IGNORECASE
)
_CREDIT_PREFIX = re.compile(
    r"^\(?\s*(?:photo|foto|image|imagem|imagen|credit|crédito|cr[eé]dito)s?\s*(?:by|de|:)\s*", re.IGNORECASE
)


def _strip_credit_word(caption: str) -> str:
    return _CREDIT_WORD_TAIL.sub("", caption).strip(" |—–-")


def _clean_credit(credit: str) -> str | None:
    credit = credit.strip()
    if credit.startswith("(") and credit.endswith(")"):
        credit = credit[1:-1]
    credit = _CREDIT_PREFIX.sub("", credit).strip(" .()|")
    return credit or None
