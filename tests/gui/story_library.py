"""A library for the research-workspace tests, made by the real importer: two stories of the
near-duplicate set with all their copies and non-copies, and saved web pages of each kind (a
browser's Save Page As with its `_files/` photo, an MHTML archive, a PDF)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.core.operations.importing import import_paths
from newsarchive.core.storage.library import Library
from tests.core.ingest.web.saved_files import (
    article_html,
    article_pdf,
    jpeg,
    mhtml_bytes,
    save_page_as,
    stories,
)
from tests.data.near_duplicates.copies import documents

STORIES = ("en01", "es01")
# A remote image the MHTML page names but did not save: the viewer must not fetch it.
REMOTE_IMAGE = "https://tracker.example.com/pixel.gif"


@dataclass
class StoryLibrary:
    path: Path
    # The true story group of each near-duplicate article (the oracle: how the set was made).
    group_of: dict[str, str] = field(default_factory=dict)
    kind_of: dict[str, str] = field(default_factory=dict)
    # The id of the web article of each kind: "html", "mhtml", "pdf".
    web: dict[str, str] = field(default_factory=dict)
    mhtml_photo_url: str = ""

    def groups(self) -> list[set[str]]:
        by_group: dict[str, set[str]] = defaultdict(set)
        for article_id, group in self.group_of.items():
            by_group[group].add(article_id)
        return [ids for ids in by_group.values() if len(ids) > 1]

    def copies_of(self, article_id: str) -> set[str]:
        group = self.group_of.get(article_id)
        return {i for i, g in self.group_of.items() if g == group and i != article_id} if group else set()


def build_story_library(root: Path) -> StoryLibrary:
    pages = root / "pages"
    web = root / "web"
    pages.mkdir(parents=True)
    web.mkdir()
    docs = {f"{n:03d}": d for n, d in enumerate(d for d in documents() if d.story in STORIES)}
    for name, doc in docs.items():
        (pages / f"{name}.txt").write_text(doc.page, encoding="utf-8")
    first, second, third = stories()[:3]
    page = save_page_as(web, first)
    html = article_html(second, "wordpress", 1).replace(
        b"</body>", f'<p><img src="{REMOTE_IMAGE}" width="40" height="40"></p></body>'.encode())
    (web / "second.mhtml").write_bytes(mhtml_bytes(html, second.url, second.image_url, jpeg(5)))
    (web / "third.pdf").write_bytes(article_pdf(third))
    library = Library.create(root / "lib")
    report = import_paths(library, [pages, web])
    out = StoryLibrary(root / "lib", mhtml_photo_url=second.image_url)
    for item in report.items:
        assert item.status != "failed", (item.source, item.reason)
        name = Path(item.source).name
        if item.source.startswith(str(web)) and item.status == "imported":
            out.web[{page.name: "html", "second.mhtml": "mhtml", "third.pdf": "pdf"}[name]] = item.id or ""
        elif item.status == "imported":
            doc = docs[Path(name).stem]
            out.group_of[item.id or ""] = doc.group
            out.kind_of[item.id or ""] = doc.kind
    assert len(out.web) == 3, out.web
    return out
