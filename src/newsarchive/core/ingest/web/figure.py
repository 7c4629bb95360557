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
# How far above a photo its caption may sit, and how long a caption runs.
_CAPTION_LEVELS = 4
_MAX_CAPTION = 400


@dataclass(frozen=True, slots=True)
class LeadFigure:
    """The article's lead photo as the page shows it."""

    addresses: tuple[str, ...]
    caption: str | None
    credit: str | None


def lead_figure(root: lxml.html.HtmlElement, tree: lxml.html.HtmlElement) -> LeadFigure | None:
    """The lead photo with its caption and credit: a `figure` or an element marked as a caption,
    else the first photo beside a line that reads as a credited caption (a `div`, a `p` or a table
    cell with no caption markup)."""
    marked = _marked_figure(root, tree)
    if marked is not None and (marked.caption or marked.credit):
        return marked
    return _figure_beside_caption(root, tree) or marked


def _marked_figure(root: lxml.html.HtmlElement, tree: lxml.html.HtmlElement) -> LeadFigure | None:
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


def _figure_beside_caption(root: lxml.html.HtmlElement, tree: lxml.html.HtmlElement) -> LeadFigure | None:
    for scope in (root, tree):
        for image in scope.iter("img", "amp-img"):
            address = image_address(image)
            if not address or _is_logo(image):
                continue
            box = image.getparent()
            for _ in range(_CAPTION_LEVELS):
                if box is None:
                    break
                text = text_of(box)
                if len(text) > _MAX_CAPTION:
                    break
                if text and (read_credited_caption(text) is not None or read_credit_only(text) is not None):
                    caption, credit = _caption_and_credit_of_text(text)
                    return LeadFigure((address,), caption, credit)
                box = box.getparent()
    return None


def _is_logo(image: lxml.html.HtmlElement) -> bool:
    """The site's logo or an icon, not a photo: named so, or in the site's header or a home link."""
    words = " ".join(
        filter(None, (image.get("src"), image.get("alt"), image.get("class"), image.get("id")))
    ).lower()
    if "logo" in words or "icon" in words or "avatar" in words:
        return True
    for ancestor in image.iterancestors():
        if ancestor.tag in ("header", "nav") or "logo" in marks(ancestor).lower():
            return True
        home = (ancestor.get("href") or "").strip() in ("/", "./", "index.html", "index.php")
        if ancestor.tag == "a" and home:
            return True
    return False


def _caption_and_credit_of_text(text: str) -> tuple[str | None, str | None]:
    credited = read_credited_caption(text)
    if credited is not None:
        caption, credit = credited.caption, credited.credit
    else:
        alone = read_credit_only(text)
        caption, credit = None, alone.credit if alone is not None else None
    caption = _strip_credit_word(caption) if caption else None
    return caption or None, _clean_credit(credit) if credit else None


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
# The label before a credit (`Photo by`, `Photograph:`, `Courtesy of`, `Image source,`), in en/es/pt.
_CREDIT_PREFIX = re.compile(
    r"^\(?\s*(?:(?:photo|foto|image|imagem|imagen|picture|photograph|photography|fotograf[ií]a|credit|"
    r"cr[eé]dito)s?\s*(?:courtesy\s+of\s+|cortes[ií]a\s+de\s+|by\s+|de\s+|:\s*|source\s*[,:]\s*)|"
    r"courtesy\s+of\s+|cortes[ií]a\s+de\s+)",
    re.IGNORECASE,
)


def _strip_credit_word(caption: str) -> str:
    return _CREDIT_WORD_TAIL.sub("", caption).strip(" |—–-")


def _clean_credit(credit: str) -> str | None:
    credit = credit.strip()
    if credit.startswith("(") and credit.endswith(")"):
        credit = credit[1:-1]
    credit = _CREDIT_PREFIX.sub("", credit).strip(" .()|")
    return credit or None
