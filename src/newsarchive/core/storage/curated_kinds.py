"""The library's own list of tag kinds (`tag_kinds.yaml`): the user's corrections, which win."""

from __future__ import annotations

import yaml

from newsarchive.core.errors import LibraryError
from newsarchive.core.files import write_atomic
from newsarchive.core.model import TAG_KINDS
from newsarchive.core.storage.library import Library

CURATED_FILE = "tag_kinds.yaml"


def load_curated(library: Library) -> dict[str, str]:
    """The user's corrections, tag -> kind; a missing file is an empty list."""
    path = library.path / CURATED_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise LibraryError(f"The tag kinds list {path} cannot be read: {exc}") from exc
    kinds = data.get("kinds", {}) if isinstance(data, dict) else {}
    if not isinstance(kinds, dict):
        raise LibraryError(f"The tag kinds list {path} is damaged: 'kinds' is not a mapping.")
    return {str(tag): str(kind) for tag, kind in kinds.items() if kind in TAG_KINDS}


def save_curated(library: Library, curated: dict[str, str]) -> None:
    """Write the whole list (atomically; flushed to disk, as it is the user's own work)."""
    data = {
        "about": "Tag kinds corrected by the library's users; they win over the built-in knowledge.",
        "kinds": dict(sorted(curated.items(), key=lambda item: item[0].casefold())),
    }
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    write_atomic(library.path / CURATED_FILE, text, durable=True)
