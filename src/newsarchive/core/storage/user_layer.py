"""The user's own layer of a library folder: plain files under `user/`, apart from what the importer
derives, so corrections survive re-import, rebuild and copying the folder.

    user/edits/<id>.yaml      one article's corrections (`corrections.ArticleEdits`)
    user/renames.yaml         renames of values across the library, in the order made
    user/undo/<n>.yaml        what the last changes replaced, newest highest (see `operations.undo`)
    user/pending-change.yaml  a change being applied (replayed by recovery if it was cut short)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from newsarchive.core.corrections import RENAME_FIELDS, ArticleEdits, Rename
from newsarchive.core.errors import LibraryError
from newsarchive.core.files import write_atomic
from newsarchive.core.record import RecordProblem

USER_FOLDER = "user"
# How many changes can be undone, newest first.
UNDO_DEPTH = 50

try:  # libyaml is ~10x faster; the pure-Python classes are the fallback.
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]  # same interface
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]  # same interface


def dump_yaml(data: object) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def read_yaml(path: Path) -> object:
    """The data of a YAML file of the user's layer; None when absent; `LibraryError` if unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise LibraryError(f"{path} cannot be read: {exc}") from exc
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise LibraryError(f"{path} is damaged: {exc}") from exc


def refuse_overwriting(path: Path, problem: str | None) -> None:
    """A file of the user's layer that cannot be read is the user's work: never replaced by a
    change made without it. `LibraryError` saying so."""
    if problem is not None:
        raise LibraryError(
            f"{problem} It was not changed: repair it (or move it aside to start afresh), then "
            "try again."
        )


T = TypeVar("T")


class LayerFile(Generic[T]):
    """One YAML file of the user's layer, parsed again only when it changed on disk (its
    modification time and size), so a searcher may ask for it on every search. An absent file
    reads as `empty`; one that cannot be read reads as `empty` too, and `problem` says why (the
    file is then never overwritten: see `refuse_overwriting`)."""

    def __init__(self, path: Path, parse: Callable[[object, Path], T], empty: T) -> None:
        self.path = path
        self._parse = parse
        self._empty = empty
        self._value = empty
        self._stamp: tuple[int, int] | None = None
        self.problem: str | None = None

    def read(self) -> T:
        try:
            info = os.stat(self.path)
        except FileNotFoundError:
            self._value, self._stamp, self.problem = self._empty, None, None
            return self._value
        stamp = (info.st_mtime_ns, info.st_size)
        if stamp != self._stamp:
            try:
                self._value, self.problem = self._parse(read_yaml(self.path), self.path), None
            except LibraryError as exc:
                self._value, self.problem = self._empty, str(exc)
            self._stamp = stamp
        return self._value


class LayerStore(Generic[T]):
    """A store of the user's layer kept in one `LayerFile` (collections, saved searches, split
    pairs): where it is, and why it cannot be read."""

    _file: LayerFile[T]

    @property
    def path(self) -> Path:
        return self._file.path

    @property
    def problem(self) -> str | None:
        """Why the file cannot be read (it is then never rewritten)."""
        return self._file.problem


class UserLayer:
    """Reads and writes the `user/` folder of one library. Reads are cheap and never create
    anything; writes are atomic file replacements, made inside a write transaction."""

    def __init__(self, library_path: Path) -> None:
        self.root = library_path / USER_FOLDER
        self._renames: LayerFile[tuple[Rename, ...]] = LayerFile(
            self.root / "renames.yaml", _renames_from, ()
        )

    # -- edits -------------------------------------------------------------------------------

    def _edits_path(self, article_id: str) -> Path:
        return self.root / "edits" / f"{article_id}.yaml"

    def edits_of(self, article_id: str) -> tuple[ArticleEdits | None, tuple[RecordProblem, ...]]:
        """One article's corrections (None when it has none) and what could not be read of them
        (a damaged file is reported, never a reason not to show the article)."""
        try:
            data = read_yaml(self._edits_path(article_id))
        except LibraryError as exc:
            return None, (RecordProblem("corrections", f"cannot be read ({exc})"),)
        if data is None:
            return None, ()
        edits, problems = ArticleEdits.from_data(data)
        return (edits or None), problems

    def write_edits(self, article_id: str, edits: ArticleEdits | None) -> None:
        path = self._edits_path(article_id)
        if not edits:
            path.unlink(missing_ok=True)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, dump_yaml(edits.to_data()))

    def edited_ids(self) -> list[str]:
        try:
            with os.scandir(self.root / "edits") as entries:
                return sorted(e.name.removesuffix(".yaml") for e in entries
                              if e.name.endswith(".yaml") and not e.name.startswith("."))
        except FileNotFoundError:
            return []

    # -- renames -----------------------------------------------------------------------------

    @property
    def _renames_path(self) -> Path:
        return self._renames.path

    def renames(self) -> tuple[Rename, ...]:
        """Every rename, oldest first (re-read only when the file changed). A damaged file counts
        as no renames and is named by `problems()`."""
        return self._renames.read()

    def problems(self) -> list[str]:
        """Sentences about files of the user's layer that cannot be read (for `check`)."""
        out: list[str] = []
        for path in (self._renames_path, self.pending_path):
            try:
                data = read_yaml(path)
                if path == self._renames_path:
                    _renames_from(data, path)
            except LibraryError as exc:
                out.append(f"{exc} Your renames are not applied until it is repaired."
                           if path == self._renames_path else str(exc))
        return out

    def write_renames(self, renames: tuple[Rename, ...]) -> None:
        self.renames()
        refuse_overwriting(self._renames_path, self._renames.problem)
        self.root.mkdir(parents=True, exist_ok=True)
        data = {
            "about": "Values renamed across the library, applied in this order.",
            "renames": [r.to_data() for r in renames],
        }
        write_atomic(self._renames_path, dump_yaml(data), durable=True)

    # -- the change being applied, and the undo log ------------------------------------------

    @property
    def pending_path(self) -> Path:
        return self.root / "pending-change.yaml"

    def write_pending(self, change: Mapping[str, Any]) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        write_atomic(self.pending_path, dump_yaml(dict(change)), durable=True)

    def pending(self) -> dict[str, Any] | None:
        data = read_yaml(self.pending_path)
        return data if isinstance(data, dict) else None

    def clear_pending(self) -> None:
        self.pending_path.unlink(missing_ok=True)

    @property
    def _undo_dir(self) -> Path:
        return self.root / "undo"

    def undo_entries(self) -> list[Path]:
        """The undo log's files, oldest first."""
        try:
            names = [p for p in self._undo_dir.iterdir() if p.suffix == ".yaml" and p.stem.isdigit()]
        except FileNotFoundError:
            return []
        return sorted(names, key=lambda p: int(p.stem))

    def next_change_number(self) -> int:
        entries = self.undo_entries()
        return int(entries[-1].stem) + 1 if entries else 1

    def write_undo(self, number: int, entry: Mapping[str, Any]) -> None:
        self._undo_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(self._undo_dir / f"{number}.yaml", dump_yaml(dict(entry)), durable=True)
        for old in self.undo_entries()[:-UNDO_DEPTH]:
            old.unlink(missing_ok=True)

    def read_undo(self, path: Path) -> dict[str, Any]:
        data = read_yaml(path)
        if not isinstance(data, dict):
            raise LibraryError(f"The undo entry {path} is damaged.")
        return data


def _renames_from(data: object, path: Path) -> tuple[Rename, ...]:
    items = data.get("renames") if isinstance(data, dict) else None
    if data is not None and not isinstance(items, list):
        raise LibraryError(f"{path} is damaged: it has no list of renames.")
    out: list[Rename] = []
    for item in items or ():
        if not isinstance(item, dict):
            continue
        field_name, old, new = item.get("field"), item.get("old"), item.get("new")
        if field_name in RENAME_FIELDS and isinstance(old, str) and isinstance(new, str) and old and new:
            out.append(Rename(field_name, old, new))
    return tuple(out)



def write_change(layer: UserLayer, after: Mapping[str, Any]) -> None:
    """Write the user's layer as a change leaves it: `after` holds `edits` (id -> `ArticleEdits`
    data, None to remove) and/or `renames` (the whole list). Writing it twice is writing it once,
    so recovery can replay a change cut short."""
    for article_id, data in (after.get("edits") or {}).items():
        edits = ArticleEdits.from_data(data)[0] if data is not None else None
        layer.write_edits(str(article_id), edits)
    if after.get("renames") is not None:
        layer.write_renames(_renames_from({"renames": after["renames"]}, layer.pending_path))


def finish_pending(layer: UserLayer, pending: Mapping[str, Any]) -> None:
    """The end of a change (also of one replayed by recovery): its undo entry written, or, for an
    undo, the entry it took back removed; then the pending change forgotten."""
    undoes = pending.get("undoes")
    if isinstance(undoes, int):
        for entry in layer.undo_entries():
            if entry.stem == str(undoes):
                entry.unlink(missing_ok=True)
    else:
        layer.write_undo(int(pending["number"]), {
            "kind": pending.get("kind"),
            "summary": pending.get("summary"),
            "before": pending.get("before"),
            "after": pending.get("after"),
            "ids": pending.get("ids") or [],
        })
    layer.clear_pending()


def replay_pending(layer: UserLayer, note: Callable[[str], None]) -> int:
    """Finish a change a crash cut short (with the write lock held, before the index catches up
    on the journal): its files written again, each article it touches `note`d for re-indexing."""
    try:
        pending = layer.pending()
    except LibraryError:
        return 0  # `check` names the damaged file; the change never began if it is unreadable
    if pending is None:
        return 0
    ids = [str(i) for i in pending.get("ids") or []]
    for article_id in ids:
        note(article_id)
    write_change(layer, pending.get("after") or {})
    finish_pending(layer, pending)
    return len(ids)


def has_pending_change(library_path: Path) -> bool:
    return (library_path / USER_FOLDER / "pending-change.yaml").exists()
