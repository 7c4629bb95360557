"""Finding the articles in what the user gave to import: loose page dumps and article folders."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from newsarchive.core.ingest.photos import looks_like_photo_name
from newsarchive.core.ingest.web_files import is_saved_web_file, resource_folder

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
SIDECAR_NAMES = ("article.yaml", "article.yml")
SIDECAR_SUFFIXES = frozenset({".yaml", ".yml"})
# Files an archivist's folders carry that are neither articles nor worth a mention.
_IGNORED_NAMES = frozenset({"thumbs.db", "desktop.ini", "readme.md", "manifest.yaml", "manifest.yml"})
# Names people give the text files they keep beside a saved article: notes about it, not the page.
# A name is one when all its words are these (`notes`, `README`, `article-notes`, `transcript_2`);
# a slug that merely holds one (`carbon-credits-deal`) is an article's name.
_NOTE_WORDS = frozenset(
    "readme read me notes note notas nota todo transcript transcripts transcricao transcripcion "
    "captions caption credits credit license licence changelog comments summary resumen resumo "
    "outline draft".split()
)
_NAME_FILLERS = frozenset(
    "article story page my the on for about of sobre de da del do el la photo photos txt".split()
)
_NAME_WORD = re.compile(r"[^\W\d_]+")
# Lines of a note or a Markdown file rather than of a saved page.
_NOTE_LINE = re.compile(r"^\s*(?:#{1,6}\s|[-*]\s\[[ x]\]|\d{1,2}:\d{2}(?::\d{2})?\s|[A-Z][\w ]{0,20}:\s)")
_PROSE_LINE = re.compile(r"^\s*\S+(?:\s+\S+){11,}[.!?…\"”’»)]\s*$")
_SAMPLE_BYTES = 16 * 1024
# Past this many text files, a folder is a collection of dumps: every one is tried.
_MAX_COMPANIONS = 8


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """One article to import: its text dump, the photos beside it, and its sidecar if any."""

    text: Path
    photos: tuple[Path, ...] = ()
    sidecar: Path | None = None


@dataclass(frozen=True, slots=True)
class WebSource:
    """A saved web page (HTML with its `_files/` folder, MHTML, a web archive, a PDF): one or,
    for a web archive, many articles, read by `core.ingest.web`; its sidecar if any."""

    path: Path
    sidecar: Path | None = None


@dataclass(frozen=True, slots=True)
class NotAnArticle:
    """A file met in a folder walk that is not imported (the import report lists it as skipped)."""

    path: Path
    reason: str


def find_sources(paths: Iterable[Path]) -> Iterator[ArticleSource | WebSource | NotAnArticle]:
    """Every article under `paths`, in a stable order (sorted names, depth first).

    Saved web pages (`.html` with the `<stem>_files/` folder a browser saves beside it, `.mhtml`,
    `.warc`, `.wacz`, `.pdf`) are `WebSource`s; the rest of this is about text dumps.

    A folder whose one text file sits beside photos or an `article.yaml` is an article folder. In a
    folder with several text files, a photo or `.yaml` sharing a text file's stem belongs to it
    (`story.txt`, `story.jpg`, `story.yaml`). A text file kept beside a saved page as notes about it
    (a README, notes, a transcript: by its name or its content) is skipped with a reason, and the
    folder is then the page's article folder. A file named explicitly is always tried, whatever its
    suffix; files found by walking are tried when they look like text. Symbolic links to folders are
    not followed (no loops), and hidden files are ignored.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists() and is_saved_web_file(path):
            yield WebSource(path, _sidecar_of(path))
        elif path.exists():
            yield _source_for_file(path)
        else:
            yield NotAnArticle(path, "no such file or folder")


def _source_for_file(path: Path) -> ArticleSource:
    try:
        siblings = sorted(p for p in path.parent.iterdir() if p.is_file())
    except OSError:
        return ArticleSource(path)
    return _FolderFiles(siblings).article_for(path)


def _walk(root: Path) -> Iterator[ArticleSource | WebSource | NotAnArticle]:
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield NotAnArticle(root, f"cannot read the folder ({exc.strerror or exc})")
        return
    files = [Path(e.path) for e in entries if not e.name.startswith(".") and _is_file(e)]
    web = [p for p in files if is_saved_web_file(p)]
    resource_folders = {found for page in web if (found := resource_folder(page)) is not None}
    web_files = set(web)
    folder = _FolderFiles([p for p in files if p not in web_files])
    claimed: set[Path] = set(folder.texts) | set(folder.companions)
    for page in web:
        sidecar = folder.sidecars_by_stem.get(page.stem)
        if sidecar is not None:
            claimed.add(sidecar)
        yield WebSource(page, sidecar)
    for companion, reason in folder.companions.items():
        yield NotAnArticle(companion, reason)
    for text in folder.texts:
        source = folder.article_for(text)
        claimed.update(source.photos)
        if source.sidecar:
            claimed.add(source.sidecar)
        yield source
    for path in folder.files:
        if path in claimed or path.name.lower() in _IGNORED_NAMES:
            continue
        if looks_like_photo_name(path):
            reason = "a photo with no article text beside it"
        elif path.suffix.lower() in SIDECAR_SUFFIXES:
            reason = "a sidecar with no article text beside it"
        else:
            reason = f"not a saved text page ({path.suffix or 'no suffix'})"
        yield NotAnArticle(path, reason)
    for entry in entries:
        if (not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False)
                and Path(entry.path) not in resource_folders):  # a saved page's own files
            yield from _walk(Path(entry.path))


class _FolderFiles:
    """One folder's files, grouped once so that pairing each text with its photos and sidecar
    costs a lookup, not a scan (a folder may hold tens of thousands of dumps)."""

    def __init__(self, files: list[Path]) -> None:
        self.files = files
        texts = [p for p in files if _is_text_name(p)]
        self.companions = _companions(texts)
        self.texts = [p for p in texts if p not in self.companions]
        self.photos = [p for p in files if looks_like_photo_name(p)]
        self.photos_by_stem: dict[str, list[Path]] = {}
        for photo in self.photos:
            self.photos_by_stem.setdefault(photo.stem, []).append(photo)
        self.sidecars_by_stem: dict[str, Path] = {}
        self.article_sidecar: Path | None = None
        for path in files:
            if path.suffix.lower() in SIDECAR_SUFFIXES:
                self.sidecars_by_stem.setdefault(path.stem, path)
                if path.name.lower() in SIDECAR_NAMES and self.article_sidecar is None:
                    self.article_sidecar = path

    def article_for(self, text: Path) -> ArticleSource:
        if len(self.texts) == 1 and text in self.texts:
            photos = tuple(self.photos)
            sidecar = self.article_sidecar or self.sidecars_by_stem.get(text.stem)
        else:
            photos = tuple(self.photos_by_stem.get(text.stem, ()))
            sidecar = self.sidecars_by_stem.get(text.stem)
        return ArticleSource(text, photos, sidecar)


def _sidecar_of(page: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        sidecar = page.with_suffix(suffix)
        if sidecar.is_file():
            return sidecar
    return None


def _companions(texts: list[Path]) -> dict[Path, str]:
    """Text files that sit beside an article as notes about it (a README, notes, a transcript),
    with the reason each is not imported. A file is one when its name or its content says so and
    another text file of the folder reads like a saved page; with no such page, none is."""
    if not 2 <= len(texts) <= _MAX_COMPANIONS:
        return {}
    looks = {path: _looks_like_notes(path) for path in texts}
    prose = {path: _prose_lines(path) for path, notes in looks.items() if notes is None}
    if not prose:
        return {}
    best = max(prose, key=prose.__getitem__)
    if prose[best] == 0:
        return {}
    return {
        path: f"{reason}, beside the article {best.name}; it was not imported as an article"
        for path, reason in looks.items()
        if reason is not None
    }


def _looks_like_notes(path: Path) -> str | None:
    """Why the text file looks like notes rather than a saved page, or None."""
    words = [w.lower() for w in _NAME_WORD.findall(path.stem)]
    if any(w in _NOTE_WORDS for w in words) and all(w in _NOTE_WORDS or w in _NAME_FILLERS for w in words):
        return f"{path.name} is named like notes kept with an article"
    lines = [line for line in _sample(path).splitlines() if line.strip()]
    if not lines:
        return None  # an empty page fails on its own, with its reason
    noted = sum(1 for line in lines if _NOTE_LINE.match(line))
    if noted * 2 >= len(lines) and not any(_PROSE_LINE.match(line) for line in lines[:3]):
        return f"{path.name} reads like notes or a transcript (headings, checklists, timestamps)"
    return None


def _prose_lines(path: Path) -> int:
    return sum(1 for line in _sample(path).splitlines() if _PROSE_LINE.match(line))


def _sample(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(_SAMPLE_BYTES).decode("utf-8", errors="replace")
    except OSError:
        return ""


def _is_text_name(path: Path) -> bool:
    return path.suffix.lower() in TEXT_SUFFIXES and path.name.lower() not in _IGNORED_NAMES


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False
