"""Writing article folders: a new article appears whole or not at all; an update replaces files atomically."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from newsarchive.core.files import write_atomic
from newsarchive.core.model import Article
from newsarchive.core.record import dump_record
from newsarchive.core.storage.library import ARTICLE_FILE, RECORD_FILE, Library


def store_new(
    library: Library, article: Article, text: bytes, photos: Mapping[str, Path | bytes],
    original_name: str = ARTICLE_FILE,
) -> None:
    """Create `articles/<id>/` with the original byte for byte (`article.txt` for a text dump,
    `original.html`/`.mhtml`/`.pdf` for a saved web page), the photos (files to copy or their
    bytes) and the record.

    Everything is written into a hidden staging folder that is renamed into place at the end, so a
    crash leaves either no article folder or a complete one (a stale staging folder is ignored by
    `Library.ids()` and removed by `remove_staging`).
    """
    final = library.article_dir(article.id)
    staging = library.articles_dir / f".{article.id}.staging.tmp"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        (staging / original_name).write_bytes(text)
        for name, source in photos.items():
            if isinstance(source, bytes):
                (staging / name).write_bytes(source)
            else:
                shutil.copyfile(source, staging / name)
        (staging / RECORD_FILE).write_text(dump_record(article), encoding="utf-8")
        os.rename(staging, final)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def store_update(library: Library, article: Article, photos: Mapping[str, Path | bytes]) -> None:
    """Rewrite an existing article's record, adding or replacing photos first (never deleting any)."""
    folder = library.article_dir(article.id)
    for name, source in photos.items():
        target = folder / name
        data = source if isinstance(source, bytes) else source.read_bytes()
        if target.exists() and target.read_bytes() == data:
            continue
        write_atomic(target, data)
    write_atomic(folder / RECORD_FILE, dump_record(article))


def store_record(library: Library, article: Article) -> None:
    """Rewrite only the record of an existing article (metadata corrections, tag-kind changes)."""
    write_atomic(library.article_dir(article.id) / RECORD_FILE, dump_record(article))


def remove_staging(library: Library) -> list[str]:
    """Delete staging folders and temporary files a killed import left behind; their names."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(library.articles_dir))
    except FileNotFoundError:
        return removed
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(".tmp"):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                Path(entry.path).unlink(missing_ok=True)
            removed.append(entry.name)
    return removed
