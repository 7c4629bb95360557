"""Builders of saved-page files for the tests: WARC/WACZ (warcio's own writer), MHTML (the email
package), Save-Page-As folders, SingleFile pages and PDFs, all made at run time."""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import date
from email.generator import BytesGenerator
from email.mime.image import MIMEImage
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.core.ingest.web.eval_build import LAYOUTS, Story, _jpeg, load_stories, pdf_lines
from tests.core.ingest.web.pdf_builder import text_pdf


def stories() -> list[Story]:
    return load_stories()


def article_html(story: Story, layout: str = "wordpress", n: int = 0) -> bytes:
    files, _ = LAYOUTS[layout](story, n)
    return next(data for name, data in files.items() if name.endswith(".html"))


def jpeg(seed: int = 1) -> bytes:
    return _jpeg(seed)


def warc_bytes(
    records: list[tuple[str, str, bytes, str]], gzip: bool = True, date_: str = "2025-06-01T10:00:00Z"
) -> bytes:
    """A WARC of `(url, content_type, payload, status)` response records, each with a request record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    for url, content_type, payload, status in records:
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(request)
        record = writer.create_warc_record(
            url,
            "response",
            payload=io.BytesIO(payload),
            http_headers=http,
            warc_headers_dict={"WARC-Date": date_},
        )
        writer.write_record(record)
    return out.getvalue()


def mhtml_bytes(html: bytes, url: str, photo_url: str, photo: bytes) -> bytes:
    root = MIMEMultipart("related", type="text/html")
    root["Snapshot-Content-Location"] = url
    root["Subject"] = "saved page"
    root["Date"] = "Tue, 3 Jun 2025 09:00:00 -0000"
    page = MIMEText(html.decode("utf-8"), "html", "utf-8")
    page["Content-Location"] = url
    root.attach(page)
    image = MIMEImage(photo, "jpeg")
    image["Content-Location"] = photo_url
    root.attach(image)
    out = io.BytesIO()
    BytesGenerator(out, mangle_from_=False).flatten(root)
    return out.getvalue()


def singlefile_html(story: Story) -> bytes:
    files, _ = LAYOUTS["singlefile"](story, 1)
    return next(iter(files.values()))


def save_page_as(folder: Path, story: Story, n: int = 0) -> Path:
    """`savepage_<n>.html` and its `_files/` folder written into `folder`; the page's path."""
    files, _ = LAYOUTS["savepage"](story, n)
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder / f"savepage_{n}.html"


def article_pdf(story: Story) -> bytes:
    info = {
        "Title": f"{story.title} | {story.outlet}",
        "Author": ", ".join(story.authors),
        "CreationDate": "D:20250603090000+00'00'",
    }
    return text_pdf(pdf_lines(story), info)


def wacz_bytes(warc: bytes, name: str = "archive/data.warc.gz", compress: int = zipfile.ZIP_STORED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("datapackage.json", '{"profile": "data-package", "resources": []}')
        archive.writestr("pages/pages.jsonl", '{"format": "json-pages-1.0"}\n')
        archive.writestr(zipfile.ZipInfo(name), warc, compress_type=compress)
    return out.getvalue()


def text_dump(story: Story) -> str:
    """The article as a browser's "save as text" dump in the catalogued teleSUR style
    (`docs/saved-pages.md`): nav bullets, breadcrumb, title, caption printed twice, date line, body, tags."""
    related = story.related[0] if story.related else None
    paragraphs = list(story.paragraphs)
    if related:
        paragraphs.insert(2, f"RELATED: {related}")
    lines = [
        "• Live",
        "    • Audio Only",
        "  • facebook",
        "  • twitter",
        " > ".join(story.section),
        "",
        story.title,
        "",
        f"  • {story.raw['caption']}",
        "",
        f"    {story.raw['caption']} | Photo: {story.raw['credit']}",
        "",
        f"Published {story.date.day} {story.date:%B %Y}",
        "",
    ]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += ["", *story.tags, "Post with no comments."]
    return "\n".join(lines) + "\n"


def data_uri(data: bytes) -> str:
    return "data:image/jpeg;base64," + base64.b64encode(data).decode()


def iso(day: date) -> str:
    return day.isoformat()
