"""Tiny PDF writer for tests: pages of Helvetica text (a "print to PDF" copy) or of one image (a scan).

Written by hand so the fixtures need no PDF-writing dependency; the structure is the minimal one
the PDF 1.4 specification allows (catalog, page tree, pages, one font, an info dictionary).
"""

from __future__ import annotations

import io
import zlib

_PAGE_WIDTH, _PAGE_HEIGHT = 595, 842
_LINE_HEIGHT = 14
_MARGIN = 50


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _info_string(text: str) -> bytes:
    return b"(" + _escape(text) + b")"


def _assemble(objects: list[bytes], info: dict[str, str]) -> bytes:
    """Objects numbered from 1 (1 is the catalog); the info dictionary is appended last."""
    entries = b"".join(b"/" + k.encode() + b" " + _info_string(v) + b" " for k, v in info.items())
    objects = [*objects, b"<< " + entries + b">>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    packed = zlib.compress(data)
    return (
        b"<< /Length %d /Filter /FlateDecode " % len(packed)
        + extra
        + b">>\nstream\n"
        + packed
        + b"\nendstream"
    )


def text_pdf(pages: list[list[str]], info: dict[str, str] | None = None) -> bytes:
    """A PDF whose pages hold the given lines (an empty string leaves a blank line)."""
    count = len(pages)
    # 1 catalog, 2 page tree, 3 font, then per page: the page and its content stream.
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for i, lines in enumerate(pages):
        ops = [b"BT /F1 10 Tf"]
        y = _PAGE_HEIGHT - _MARGIN
        for line in lines:
            if line:
                ops.append(b"1 0 0 1 %d %d Tm (" % (_MARGIN, y) + _escape(line) + b") Tj")
            y -= _LINE_HEIGHT
        ops.append(b"ET")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_WIDTH} {_PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(_stream(b"\n".join(ops)))
    return _assemble(objects, info or {})


def scanned_pdf(width: int = 200, height: int = 280, info: dict[str, str] | None = None) -> bytes:
    """A one-page PDF holding only a grey image, as a scanner makes: no text layer at all."""
    pixels = bytes((x * 7 + y * 3) % 256 for y in range(height) for x in range(width))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_WIDTH} {_PAGE_HEIGHT}] "
        f"/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>".encode(),
        _stream(f"q {_PAGE_WIDTH - 100} 0 0 {_PAGE_HEIGHT - 100} 50 50 cm /Im1 Do Q".encode()),
        _stream(
            pixels,
            f"/Type /XObject /Subtype /Image /Width {width} /Height {height} "
            f"/ColorSpace /DeviceGray /BitsPerComponent 8 ".encode(),
        ),
    ]
    return _assemble(objects, info or {})


def looping_pdf() -> bytes:
    """A PDF whose page tree points back at itself (a /Kids loop), as hostile files do."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>",
    ]
    return _assemble(objects, {})
