"""Mutation fuzzing of the page reader/parser and the sidecar reader, in bounded time and memory.

    python -m tools.fuzz_ingest [--cases N] [--seed S]

Starts from real inputs (the sample archive's pages and sidecars) and damages them the ways real
files are damaged or attacked: random bytes, truncation, NUL and control characters, right-to-left
and zero-width characters, huge lines, repeated blocks, CRLF/CR mixes, bad encodings; for sidecars
also YAML alias bombs, deep nesting, invalid dates, path-traversal values and binary junk. Every case
must end as a result or as the project's own reported failure (`ImportFailure`; for sidecars, a
warning), in bounded time. Prints the counts, the slowest case and the peak memory; exits 1 if any
case escaped.
"""

from __future__ import annotations

import argparse
import functools
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from newsarchive.core.errors import ImportFailure
from newsarchive.core.ingest.page import parse_page
from newsarchive.core.ingest.reading import decode_text
from newsarchive.core.ingest.sidecar import read_sidecar

SAMPLE = Path(__file__).parents[1] / "sample_archive"
# A case slower than this is reported as a failure: the importer must stay bounded.
CASE_LIMIT_S = 2.0
# Over the reader's own limit (2 MiB), so oversized input is among the cases.
MAX_CASE_BYTES = 3 * 1024 * 1024

_NASTY = [
    "\x00", "\x07", "\x1b[31m", "\u202e", "\u200f", "\u2066", "\u200b", "\ufeff", "\ufffd",
    "\r", "\r\n", "\u2028", "\x85", "مرحبا بالعالم", "שלום", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "🙂" * 3,
    "Published ", "Published 31 February 2022", "Photo:", "| Photo: ", "RELATED:",
    "Post with no comments.", "Full article 99999999999999999999 comments", "News > ",
    "• Live", "(", "((((((((((", "—", "@", "pic.twitter.com/x", "Ã©", "Ă©", "â€™",
]

_SIDECAR_ATTACKS = [
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "people: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
    "title: " + "[" * 5000 + "]" * 5000 + "\n",
    "tags:\n" + "".join("  " * i + "- \n" for i in range(300)),
    "published: 2022-02-30\n",
    "published: 99999-01-01\n",
    "photo: ../../../../etc/passwd\n",
    "photo: /etc/shadow\n",
    "photo: C:\\Windows\\win.ini\n",
    "title: !!python/object/apply:os.system ['echo pwned']\n",
    "section: !!binary aGVsbG8=\n",
    "people: {a: b}\n",
    "? [a, b]\n: c\n",
    "title: \"\\x00\\x01\"\n",
    "--- \n--- \n---\n",
]



def _sidecar_outcome(path: Path) -> str:
    return "sidecar-read" if read_sidecar(path).overrides else "sidecar-ignored"

def mutate(text: str, rng: random.Random) -> bytes:
    """One damaged variant of a real page."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        choice = rng.randrange(9)
        at = rng.randrange(len(lines) or 1)
        if choice == 0:
            lines.insert(at, rng.choice(_NASTY) * rng.randint(1, 50))
        elif choice == 1 and lines:
            line = lines[at % len(lines)]
            cut = rng.randrange(len(line) + 1)
            lines[at % len(lines)] = line[:cut] + rng.choice(_NASTY) + line[cut:]
        elif choice == 2:
            lines.insert(at, "x" * rng.choice((10_000, 200_000, 1_000_000, 2_500_000)))
        elif choice == 3 and lines:
            block = lines[at:at + rng.randint(1, 20)]
            times = min(rng.randint(2, 200), MAX_CASE_BYTES // (1 + sum(map(len, block))))
            lines[at:at] = block * times
        elif choice == 4:
            rng.shuffle(lines)
        elif choice == 5:
            del lines[at:at + rng.randint(1, 30)]
        elif choice == 6:
            lines = ["\n".join(lines)[: rng.randrange(1 + len("\n".join(lines)))]]
        elif choice == 7:
            lines.insert(at, "".join(chr(rng.randrange(0x20, 0x30000)) for _ in range(rng.randint(1, 80))))
        else:
            lines = [line + "\r" if rng.random() < 0.5 else line for line in lines]
    data = "\n".join(lines)
    encoding = rng.choice(("utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"))
    raw = data.encode(encoding, errors="replace")
    if rng.random() < 0.2:
        raw = bytearray(raw)
        for _ in range(rng.randint(1, 20)):
            if raw:
                raw[rng.randrange(len(raw))] = rng.randrange(256)
        raw = bytes(raw)
    if rng.random() < 0.05:
        raw = rng.randbytes(rng.randint(0, 5000))
    return raw[:MAX_CASE_BYTES]


def fuzz_page(raw: bytes) -> str:
    try:
        parse_page(decode_text(raw, "fuzz").text)
    except ImportFailure:
        return "refused"
    return "parsed"


def mutate_sidecar(text: str, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(_SIDECAR_ATTACKS).encode()
    if roll < 0.4:
        return rng.randbytes(rng.randint(0, 2000))
    data = text
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(_NASTY + [":", "- ", "[", "{", "&a ", "*a", "!!", "\n  "]) + data[at:]
    return data.encode("utf-8", errors="replace")


def run(cases: int, seed: int) -> int:
    rng = random.Random(seed)
    pages = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(SAMPLE.rglob("*.txt"))]
    sidecars = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.rglob("article.yaml"))]
    outcomes: Counter[str] = Counter()
    escaped: list[str] = []
    slowest = (0.0, "")
    with tempfile.TemporaryDirectory() as tmp:
        sidecar_path = Path(tmp) / "article.yaml"
        for case in range(cases):
            is_sidecar = case % 4 == 3
            if is_sidecar:
                data = mutate_sidecar(rng.choice(sidecars), rng)
                sidecar_path.write_bytes(data)
                work: Callable[[], str] = functools.partial(_sidecar_outcome, sidecar_path)
            else:
                data = mutate(rng.choice(pages), rng)
                work = functools.partial(fuzz_page, data)
            started = time.perf_counter()
            try:
                outcomes[work()] += 1
            except Exception as exc:
                escaped.append(f"case {case}: {type(exc).__name__}: {exc}"[:300])
            took = time.perf_counter() - started
            if took > slowest[0]:
                slowest = (took, f"case {case} ({'sidecar' if is_sidecar else 'page'}, {len(data)} bytes)")
            if took > CASE_LIMIT_S:
                escaped.append(f"case {case}: took {took:.1f} s")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cases: {cases} (seed {seed})")
    for outcome, count in sorted(outcomes.items()):
        print(f"  {outcome}: {count}")
    print(f"escaped: {len(escaped)}")
    for line in escaped[:20]:
        print(f"  {line}")
    print(f"slowest: {slowest[0] * 1000:.0f} ms, {slowest[1]}")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 1 if escaped else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    return run(args.cases, args.seed)


if __name__ == "__main__":
    sys.exit(main())
