"""Which files beside an article are its photos: images recognised by their content, not their names."""

from __future__ import annotations

import re
from pathlib import Path

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".jpe", ".png", ".webp", ".gif"})
MAX_PHOTO_BYTES = 64 * 1024 * 1024

_SAFE_NAME = re.compile(r"[^\w.\-]+")


def looks_like_photo_name(path: Path) -> bool:
    return path.suffix.lower() in PHOTO_SUFFIXES and not path.name.startswith(".")


def image_type(head: bytes) -> str | None:
    """The image format named by the first bytes of a file (`jpeg`, `png`, `webp`, `gif`), else None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    return None


def check_photo(path: Path) -> str | None:
    """None when `path` is a usable photo, else the reason it is not (a sentence for a warning)."""
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            return f"{path.name} is {size / 1e6:.0f} MB, over the {MAX_PHOTO_BYTES // 2**20} MB photo limit"
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        return f"{path.name} cannot be read ({exc.strerror or exc})"
    if image_type(head) is None:
        return f"{path.name} is not a JPEG, PNG, WebP or GIF image"
    return None


def library_photo_name(name: str) -> str:
    """A file name safe in any file system for a photo kept in the library (no folders, no oddities)."""
    stem, dot, suffix = Path(name).name.rpartition(".")
    if not dot:
        stem, suffix = suffix, "jpg"
    stem = _SAFE_NAME.sub("_", stem).strip("._") or "photo"
    return f"{stem[:80]}.{suffix.lower()}"
