"""What the walk over one page collects: paragraphs, caption, author, tags, dates, warnings."""

from __future__ import annotations

from newsarchive.core.ingest.bylines import Byline, all_given_names, read_names
from newsarchive.core.ingest.captions import Credited
from newsarchive.core.ingest.dates import DateLine
from newsarchive.core.ingest.lines import comparable
from newsarchive.core.model import ParseWarning


class Reading:
    """What the walk over one page has collected so far."""

    def __init__(self) -> None:
        self.caption: str | None = None
        self.credit: str | None = None
        self.author: str | None = None
        self.paragraphs: list[str] = []
        self.related: list[str] = []
        self.tags: list[str] = []
        self.dates: list[tuple[str, DateLine]] = []  # (where: top/head/body, line)
        self.notes: list[str] = []  # relative dates, empty date fields
        self.outlets: list[str] = []  # outlets named by attribution lines after the text
        self.byline_outlets: list[str] = []  # outlets named after a byline's names
        self.warnings: list[ParseWarning] = []

    def warn(self, field: str | None, message: str) -> None:
        self.warnings.append(ParseWarning(message, field))

    def take_caption(self, credited: Credited) -> None:
        if not credited.caption:
            if self.credit is None and credited.credit:
                self.credit = credited.credit
            return
        if self.caption is None:
            self.caption, self.credit = credited.caption, credited.credit or self.credit
        elif self.credit is None and comparable(credited.caption) == comparable(self.caption):
            self.credit = credited.credit  # the credited copy of a caption printed twice

    def add_related(self, headline: str) -> None:
        if headline and headline not in self.related:
            self.related.append(headline)

    def take_byline(self, byline: Byline) -> None:
        if self.author is None:
            self.author = byline.author
        if byline.outlet:
            self.byline_outlets.append(byline.outlet)

    def take_byline_if_none(self, text: str) -> None:
        """A line of names only (`Ana Pérez e João Silva`), where the head of a page puts a byline."""
        names = read_names(text, bare=True)
        if names is not None and all_given_names(names):
            self.take_byline(names)
