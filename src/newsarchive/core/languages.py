"""How the archive writes a record's language: one lower-case code (`es-ES`, `Spanish` -> `es`)."""

from __future__ import annotations

_LANGUAGE_NAMES = {"english": "en", "spanish": "es", "espanol": "es", "español": "es",
                   "castellano": "es", "portuguese": "pt", "portugues": "pt", "português": "pt"}


def language_code(language: str | None) -> str:
    """A record's `language` as a lower-case code: `es-ES`, `Spanish` -> `es`; empty -> `en`."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return _LANGUAGE_NAMES.get(code, code) or "en"
