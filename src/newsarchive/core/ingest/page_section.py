"""The section a page files its article under: a breadcrumb near the headline, a category line,
or a label printed just above the headline (docs/saved-pages.md family 2)."""

from __future__ import annotations

from newsarchive.core.ingest import boilerplate, sections
from newsarchive.core.ingest.classify import Kind, Payload, SectionPath
from newsarchive.core.ingest.dates import DateLine
from newsarchive.core.ingest.lines import Line

_SECTION_REACH = 6
# How far up a site's menu may list the label printed again above the headline.
_MENU_REACH = 60
_MENU_ITEM_WORDS = 3
# A line this long is no menu item: the menu over the headline has ended before it.
_PROSE_WORDS = 4


def is_section_name(text: str) -> bool:
    """A section's name (`Culture`), which among tag lines is a topic tag."""
    return boilerplate.is_section_label(text)


def find_section(
    lines: list[Line], kinds: list[str], payloads: list[Payload], title_at: int, body_start: int
) -> tuple[str, ...]:
    """The section path printed near the headline: a glued `HomeWorld…` line, the nearest
    breadcrumb above it (a longer one further up that ends with it wins: `Home › News › Local
    News` over `Local News |`), a category line under it, else a label right above it."""
    title = lines[title_at].text
    for j in range(title_at - 1, max(-1, title_at - 4), -1):
        glued = sections.read_glued_home(lines[j].text, title)
        if glued:
            return glued
    found: tuple[str, ...] = ()
    reach = 0
    for j in range(title_at - 1, -1, -1):
        crumb = payloads[j]
        if isinstance(crumb, SectionPath):
            if not found:
                found = crumb.parts
            elif len(crumb.parts) > len(found) and crumb.parts[-len(found) :] == found:
                return crumb.parts
        if kinds[j] is not Kind.FURNITURE or lines[j].bullet:
            reach += 1
        if reach > _SECTION_REACH or kinds[j] in (Kind.PARAGRAPH, Kind.TICKER):
            break
    if found:
        return found
    for j in range(title_at + 1, body_start):
        payload = payloads[j]
        if isinstance(payload, SectionPath):
            return payload.parts
        if isinstance(payload, DateLine):
            category = sections.read_category(payload.prefix)
            if category:
                return category
        category = sections.read_category(lines[j].head)
        if category and kinds[j] in (Kind.SHORT, Kind.HEADING):
            return category
    return _label_above(lines, kinds, title_at)


def _label_above(lines: list[Line], kinds: list[str], title_at: int) -> tuple[str, ...]:
    """`NEWS` / `BLOCKADE`, `• Venezuela` / `In Depth`, or a lone `Opinion` right above the headline.

    A label standing alone (a blank line above it, or a widget such as a search button) is the
    section whatever its name; so is one the site's menu above lists too (a menu names each
    section once; the page prints its own again). One printed right under the menu's other items
    is the menu's last item.
    """
    if title_at < 1:
        return ()
    label = lines[title_at - 1]
    label_kind = kinds[title_at - 1]
    before = lines[title_at - 2] if title_at >= 2 else None
    before_that = lines[title_at - 3] if title_at >= 3 else None
    if before is not None and (before_that is None or not _is_menu_item(before_that)):
        pair = sections.read_uppercase_pair(before.text, label.text)
        if pair and not before.bullet:
            return pair
    # The page's first line over the label is its masthead, not a menu of one item: a printout
    # turned to text keeps no blank line to set the label apart.
    under_masthead = title_at == 2 and before is not None and not before.bullet
    after_widget = before is not None and (
        under_masthead or not _is_menu_item(before, kinds[title_at - 2])
    )
    listed = label.words <= _MENU_ITEM_WORDS and _listed_above(lines, title_at - 1)
    if label_kind is Kind.FURNITURE and not boilerplate.is_section_label(label.text) and not (
        listed and label.blank_before
    ):
        return ()  # a widget (`Search`, `More`) over the headline, not a menu's `Local` set apart
    alone = label_kind in (Kind.HEADING, Kind.SHORT, Kind.FURNITURE) and (
        label.blank_before > 0 or after_widget or listed
    )
    section = sections.read_section_label(label.text)
    after_home = before is not None and sections.is_home(before.text) and not label.blank_before
    if not section and (alone or after_home) and sections.is_lone_label(
        label.text, long=label.blank_before > 0, listed=listed
    ):
        section = (label.text,)
    if section and after_home:
        return section  # `Inicio` / `Sociedad`: a breadcrumb printed one part a line
    if not section:
        return ()
    if (
        before is not None
        and before.bullet
        and not boilerplate.is_furniture(before.text)
        and before.words <= 3
    ):
        return (*section, before.text)  # the topic bullet above the label
    if before is not None and _is_menu_item(before) and not alone:
        return ()  # the last item of a menu, not a label
    return section


def _listed_above(lines: list[Line], i: int) -> bool:
    """The label on line `i` is also an item of the menu above it (no prose between)."""
    text = lines[i].text
    size, key = len(text), text.casefold()
    for k in range(i - 1, max(-1, i - _MENU_REACH), -1):
        line = lines[k]
        if line.words > _PROSE_WORDS:
            return False
        if len(line.text) == size and line.text.casefold() == key and not line.bullet:
            return True
    return False


def _is_menu_item(line: Line, kind: str | None = None) -> bool:
    """A short line of a menu; a widget (`Search`, `Menu`) is none, a section's name always is."""
    if line.bullet or line.words > _MENU_ITEM_WORDS or len(line.text) > 30:
        return False
    return kind is not Kind.FURNITURE or boilerplate.is_section_label(line.text)
