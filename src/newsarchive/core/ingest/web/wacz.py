"""A `.wacz` web archive (Webrecorder, ArchiveBox exports): a zip holding WARC files under
`archive/`. Members are streamed, never unpacked; sizes and ratios are checked first (zip bombs)."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.web.limits import MAX_WACZ_MEMBER_BYTES, MAX_WACZ_MEMBERS, MAX_ZIP_RATIO
from newsarchive.core.ingest.web.saved import PageFailure, SavedDocument
from newsarchive.core.ingest.web.warc import read_warc

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")


def read_wacz(path: Path) -> Iterator[SavedDocument | PageFailure]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ImportFailure(f"The WACZ file is not a readable zip archive ({exc}).") from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_WACZ_MEMBERS:
            raise ImportFailure(
                f"The WACZ file lists {len(members):,} files, more than a web archive holds; it was not read."
            )
        warcs = [m for m in members if m.filename.lower().endswith((".warc", ".warc.gz")) and not m.is_dir()]
        if not warcs:
            raise ImportFailure(
                "The WACZ file holds no WARC files (nothing under archive/); it was not read."
            )
        for member in warcs:
            problem = _bomb(member)
            if problem:
                yield PageFailure(f"{path}!{member.filename}", problem)
                continue
            yield from read_warc(_member_opener(path, member), f"{path}!{member.filename}")


def _bomb(member: zipfile.ZipInfo) -> str | None:
    if member.file_size > MAX_WACZ_MEMBER_BYTES:
        return (
            f"{member.filename} unpacks to {member.file_size / 2**30:.0f} GB, over the "
            f"{MAX_WACZ_MEMBER_BYTES // 2**30} GB a web archive member may have; it was not read."
        )
    if member.compress_type == zipfile.ZIP_STORED and member.file_size != member.compress_size:
        return (
            f"{member.filename} is stored unpacked but its two sizes disagree (a damaged or crafted "
            "zip); it was not read."
        )
    if member.compress_type != zipfile.ZIP_STORED:
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_ZIP_RATIO:
            return (
                f"{member.filename} unpacks to {ratio:,.0f} times its packed size (a zip bomb); "
                "it was not read."
            )
    return None


def _member_opener(path: Path, member: zipfile.ZipInfo) -> _Opener:
    if member.compress_type == zipfile.ZIP_STORED and member.flag_bits & 0x1 == 0:
        start = _data_start(path, member)
        if start is not None:
            return _Opener(path, member, start)
    return _Opener(path, member, None)


def _data_start(path: Path, member: zipfile.ZipInfo) -> int | None:
    try:
        with path.open("rb") as handle:
            handle.seek(member.header_offset)
            header = handle.read(_LOCAL_HEADER.size)
    except OSError:
        return None
    if len(header) < _LOCAL_HEADER.size:
        return None
    fields = _LOCAL_HEADER.unpack(header)
    if fields[0] != b"PK\x03\x04":
        return None
    name_length, extra_length = int(fields[9]), int(fields[10])
    return member.header_offset + _LOCAL_HEADER.size + name_length + extra_length


class _Opener:
    """Opens one member as a seekable stream: a window on the zip file for stored members (the
    WACZ norm: WARCs are gzipped already), else zipfile's own reader (seeking re-reads)."""

    def __init__(self, path: Path, member: zipfile.ZipInfo, start: int | None) -> None:
        self.path, self.member, self.start = path, member, start

    def __call__(self) -> BinaryIO:
        if self.start is not None:
            return _Window(self.path.open("rb"), self.start, self.member.file_size)  # type: ignore[return-value]  # read/seek/tell/close are all warcio uses
        archive = zipfile.ZipFile(self.path)
        return archive.open(self.member)  # type: ignore[return-value]


class _Window:
    """A read-only, seekable view of `length` bytes of a file from `start`."""

    def __init__(self, handle: BinaryIO, start: int, length: int) -> None:
        self.handle, self.start, self.length, self.position = handle, start, length, 0

    def read(self, size: int = -1) -> bytes:
        left = self.length - self.position
        size = left if size is None or size < 0 else min(size, left)
        if size <= 0:
            return b""
        self.handle.seek(self.start + self.position)
        data = self.handle.read(size)
        self.position += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        left = self.length - self.position
        size = left if size is None or size < 0 else min(size, left)
        self.handle.seek(self.start + self.position)
        data = self.handle.readline(size)
        self.position += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.position, 2: self.length}[whence]
        self.position = max(0, min(self.length, base + offset))
        return self.position

    def tell(self) -> int:
        return self.position

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> _Window:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
