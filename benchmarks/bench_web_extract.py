"""Saved web pages: extraction speed on every core beside trafilatura alone, and memory on a large WARC.

    python -m benchmarks.bench_web_extract [--pages N] [--warc-gb G] [--skip-warc]

Pages: `--pages` saved HTML pages (default 2,000) of the synthetic corpus's 300–800-word articles
(`benchmarks.corpus`) rendered in the evaluation set's nine HTML layouts (WordPress-like, Arc-like,
AMP, print view, SingleFile with an inlined photo, Brightspot-like, Drupal-like, reader view, class-
soup divs), each with some 50 kB of inline script and style as real pages carry. Measured on the
same pages: trafilatura 2.3.1 alone (`bare_extraction` with metadata) on one core; our extraction in
this process (one core); our extraction through the process pool on every core (workers spawned,
their start-up included).

Large WARC: an uncompressed WARC of `--warc-gb` GB is written to /tmp as a stream (HTML pages and
1.5 MB image records), read and extracted through the pool in a child process whose peak RSS (and
its workers') is reported, then deleted.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tests.core.ingest.web.eval_build import LAYOUTS, Story

from benchmarks.corpus import generate_articles
from newsarchive.core.ingest.web import (
    PageFailure,
    SavedDocument,
    SavedPage,
    extract_documents,
    read_saved_file,
)

_HTML_LAYOUTS = (
    "wordpress",
    "arc",
    "amp",
    "print",
    "singlefile",
    "brightspot",
    "drupal",
    "reader",
    "divsoup",
)
_OUTLETS = (
    ("Tidewater Ledger", "tidewaterledger.com"),
    ("Prairie Dispatch", "prairiedispatch.com"),
    ("The Coastal Record", "coastalrecord.net"),
)


def _padding(rng: random.Random) -> bytes:
    words = "function var return window document push config analytics consent render".split()
    script = " ".join(rng.choice(words) + f"_{rng.randrange(10**6)}();" for _ in range(4000))
    style = " ".join(f".c{rng.randrange(10**5)}{{margin:{rng.randrange(40)}px}}" for _ in range(600))
    return f"<script>{script}</script><style>{style}</style>".encode()


def saved_pages(count: int, seed: int = 7) -> list[bytes]:
    rng = random.Random(seed)
    pages = []
    for number, article in enumerate(generate_articles(count, seed=seed)):
        outlet, domain = _OUTLETS[number % len(_OUTLETS)]
        published = article.published or date(2021, 1, 1) + timedelta(days=rng.randrange(1400))
        raw = {
            "key": f"a{number}",
            "lang": "en",
            "outlet": outlet,
            "domain": domain,
            "slug": f"story-{number}-{article.id}",
            "title": article.title,
            "date": published,
            "authors": [article.people[0] if article.people else "Staff Reporter"],
            "section": list(article.section_path) or ["News"],
            "tags": list(article.tags) or ["News"],
            "caption": article.photo_caption or "A photo.",
            "credit": article.photo_credit or "Staff",
            "related": ["Council approves new bus lanes on Quay Road"],
            "comments": article.comment_count,
            "paragraphs": [p for p in (article.lede, *article.body) if p],
        }
        layout = _HTML_LAYOUTS[number % len(_HTML_LAYOUTS)]
        files, _ = LAYOUTS[layout](Story(raw), number)
        html = next(data for name, data in files.items() if name.endswith(".html"))
        pages.append(html.replace(b"</head>", _padding(rng) + b"</head>", 1))
    return pages


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (the pool's workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _rate(label: str, count: int, seconds: float, cpu: float) -> float:
    print(
        f"{label:<40} {count / seconds:7.1f} pages/s wall, {count / cpu:7.1f} per CPU second "
        f"({seconds:.1f} s for {count})",
        flush=True,
    )
    return count / seconds


def _peak_rss_mb() -> float:
    """This process's own peak RSS (VmHWM: unlike ru_maxrss, not inherited across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_pages(count: int) -> None:
    import trafilatura

    pages = saved_pages(count)
    size = sum(map(len, pages)) / len(pages) / 1024
    print(
        f"{count} saved pages, {size:.0f} kB each on average; cores: {os.cpu_count()}; "
        f"load average {os.getloadavg()[0]:.2f}",
        flush=True,
    )
    started, cpu = time.perf_counter(), _cpu()
    found = 0
    for page in pages:
        document = trafilatura.bare_extraction(
            page.decode("utf-8"), with_metadata=True, include_comments=False
        )
        found += document is not None
    _rate("trafilatura alone, one core", count, time.perf_counter() - started, _cpu() - cpu)
    documents = [SavedDocument(f"page{i}.html", "html", p, p, "original.html") for i, p in enumerate(pages)]
    for workers in (1, 2):
        started, cpu = time.perf_counter(), _cpu()
        results = list(extract_documents(documents, workers=workers))
        seconds, cpu = time.perf_counter() - started, _cpu() - cpu
        articles = sum(isinstance(r, SavedPage) for r in results)
        label = "ours, in this process" if workers == 1 else f"ours, pool of {workers} workers"
        _rate(label, count, seconds, cpu)
        print(f"    {articles} articles, {count - articles} failures", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}", flush=True)


def write_warc(path: Path, gigabytes: float, seed: int = 11) -> int:
    """An uncompressed WARC of about `gigabytes` GB, written record by record; the pages in it."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    pages = saved_pages(200, seed=seed)
    image = b"\xff\xd8\xff\xe0" + rng.randbytes(1_500_000)
    target = int(gigabytes * 1024**3)
    written = 0
    count = 0
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        while handle.tell() < target:
            page = pages[count % len(pages)]
            url = f"https://www.example.org/page/{count}"
            for address, kind, payload in (
                (url, "text/html; charset=utf-8", page),
                (f"{url}.jpg", "image/jpeg", image),
            ):
                http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
                writer.write_record(
                    writer.create_warc_record(
                        address, "response", payload=io.BytesIO(payload), http_headers=http
                    )
                )
            count += 1
            written = handle.tell()
    print(f"wrote {written / 1024**3:.2f} GB, {count} pages and {count} images", flush=True)
    return count


def read_large_warc(path: Path) -> None:
    """Run in a child process: read and extract every page, then report this process's peak RSS."""
    started = time.perf_counter()
    articles = failures = 0
    for result in extract_documents(read_saved_file(path), workers=2):
        if isinstance(result, SavedPage):
            articles += 1
        elif isinstance(result, PageFailure):
            failures += 1
    seconds = time.perf_counter() - started
    own = _peak_rss_mb()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"read {articles} articles ({failures} failures) in {seconds:.0f} s, "
        f"{articles / seconds:.1f} pages/s; "
        f"peak RSS {own:.0f} MB reading process, {workers:.0f} MB largest worker",
        flush=True,
    )


def bench_warc(gigabytes: float) -> None:
    with tempfile.TemporaryDirectory(dir="/tmp") as scratch:
        path = Path(scratch) / "large.warc"
        write_warc(path, gigabytes)
        print(f"load average {os.getloadavg()[0]:.2f}", flush=True)
        subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_web_extract", "--read-warc", str(path)], check=True
        )
    print(f"(deleted) load average {os.getloadavg()[0]:.2f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--warc-gb", type=float, default=3.0)
    parser.add_argument("--skip-warc", action="store_true")
    parser.add_argument("--skip-pages", action="store_true")
    parser.add_argument("--read-warc", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.read_warc:
        read_large_warc(args.read_warc)
        return 0
    print(f"{time.strftime('%Y-%m-%d %H:%M')}", flush=True)
    if not args.skip_pages:
        bench_pages(args.pages)
    if not args.skip_warc:
        bench_warc(args.warc_gb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
