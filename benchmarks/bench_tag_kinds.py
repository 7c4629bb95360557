"""Tag kinds: the cost of loading the knowledge once per process, of one `kind_of` call, and
of the people of an article with its text.

    python -m benchmarks.bench_tag_kinds              # 5 fresh processes + 200,000 calls
    python -m benchmarks.bench_tag_kinds --runs 10

The first construction is measured in fresh processes (the knowledge is loaded once per
process): wall and CPU time from before `import` to the first answer, split into the imports
and the first answer (which reads the knowledge file), and the resident memory added (current
and peak, against the interpreter with the standard library already imported). Then `kind_of`
is timed in this process over realistic tags: a first call per tag (the rules run), a repeated
call (answered from the cache), and with a 1,000-entry curated list; and `people` of 10 tags,
without a text and with a 1,000-word text (the evaluation set's articles run together).
Prints one JSON line per measure and a Markdown table for docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time

TAGS = (
    "Dmitry Peskov", "Nicolás Maduro", "Delcy Rodríguez", "Luiz Inácio Lula da Silva", "Xi Jinping",
    "Kamala Harris", "Evo Morales", "Caracas", "Venezuela", "San José", "Santa Cruz", "Victoria",
    "La Habana", "Estados Unidos", "Latin America", "Donbass", "NATO", "OPEC", "ALBA", "CELAC",
    "United Nations", "Socialist Party", "Partido dos Trabalhadores", "Supreme Court", "Culture",
    "Human Rights", "Climate Change", "COVID-19", "Sanctions", "Free Trade", "Copa América",
    "Bolivarian Revolution", "Ice Hockey", "Rafael Correa", "Pope Francis", "Maduro", "Lula",
)

_CHILD = r"""
import json, resource, sys, time
def rss():
    fields = dict(l.split(":", 1) for l in open("/proc/self/status").read().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024
import dataclasses, re, json as _, unicodedata, threading, pathlib, functools  # the baseline
before, _peak = rss()
wall, cpu = time.perf_counter(), time.process_time()
from newsarchive.core.ingest.tag_kinds import TagKinds
imported = time.perf_counter()
kinds = TagKinds({"Lula": "person"})
kinds.kind_of("Dmitry Peskov")
end = time.perf_counter()
wall, cpu = end - wall, time.process_time() - cpu
after, peak = rss()
print(json.dumps({"wall_s": wall, "cpu_s": cpu, "import_s": imported - (end - wall),
                  "first_answer_s": end - imported, "extra_rss_mb": after - before,
                  "extra_peak_mb": peak - before}))
"""

# Tags for `people` with a text: known persons and places, and names only the text can tell.
ARTICLE_TAGS = (
    "Nemonte Nenquimo", "Challapata", "Safaricom", "Dickon Mitchell", "Tigris", "Caracas", "NATO",
    "Human Rights", "Wilfredo Mamani Quispe", "Getachew Reda",
)


def first_construction(runs: int) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True
        ).stdout
        samples.append(json.loads(out))
    return {
        f"{key}_{stat}": round(fn(s[key] for s in samples), 4)
        for key in samples[0]
        for stat, fn in (("median", statistics.median), ("max", max))
    }


def per_call(calls: int) -> dict[str, float]:
    from benchmarks.eval_tag_kinds import labelled_tags
    from newsarchive.core.ingest import tag_guess
    from newsarchive.core.ingest.tag_kinds import TagKinds

    kinds = TagKinds()
    kinds.kind_of("warm up")  # the knowledge is loaded before timing
    rules = tag_guess.guess.__wrapped__  # the classification itself, without the cache
    rounds = max(1, calls // len(TAGS))

    start = time.perf_counter()
    for _ in range(rounds):
        for tag in TAGS:
            rules(tag)
    uncached = (time.perf_counter() - start) / (rounds * len(TAGS))

    start = time.perf_counter()
    for _ in range(rounds):
        for tag in TAGS:
            kinds.kind_of(tag)
    cached = (time.perf_counter() - start) / (rounds * len(TAGS))

    curated = TagKinds({f"Curated Tag {i}": "topic" for i in range(1000)} | {"Lula": "person"})
    start = time.perf_counter()
    for _ in range(rounds):
        for tag in TAGS:
            curated.kind_of(tag)
    with_curated = (time.perf_counter() - start) / (rounds * len(TAGS))

    start = time.perf_counter()
    for _ in range(rounds):
        kinds.people(TAGS[:10])
    people = (time.perf_counter() - start) / rounds

    text = " ".join(" ".join(dict.fromkeys(i.text for i in labelled_tags())).split()[:1000])
    article_rounds = max(1, rounds // 20)
    start = time.perf_counter()
    for _ in range(article_rounds):
        kinds.people(ARTICLE_TAGS, text)
    with_text = (time.perf_counter() - start) / article_rounds
    return {
        "kind_of_first_call_us": round(uncached * 1e6, 2),
        "kind_of_cached_us": round(cached * 1e6, 2),
        "kind_of_with_1000_curated_us": round(with_curated * 1e6, 2),
        "people_of_10_tags_us": round(people * 1e6, 2),
        "people_of_10_tags_with_1000_words_us": round(with_text * 1e6, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="fresh processes for the first load")
    parser.add_argument("--calls", type=int, default=200_000, help="kind_of calls to time")
    args = parser.parse_args()
    first = first_construction(args.runs)
    print(json.dumps({"measure": "first construction", "runs": args.runs, **first}))
    calls = per_call(args.calls)
    print(json.dumps({"measure": "per call", **calls}))
    print()
    print("| measure | result | target |")
    print("|---|---|---|")
    print(f"| first construction, wall (median / max of {args.runs}) | "
          f"{first['wall_s_median'] * 1e3:.0f} ms / {first['wall_s_max'] * 1e3:.0f} ms | |")
    print(f"| … of which the imports | {first['import_s_median'] * 1e3:.0f} ms | |")
    print(f"| … of which the first answer (reads the knowledge) | "
          f"{first['first_answer_s_median'] * 1e3:.1f} ms / {first['first_answer_s_max'] * 1e3:.1f} ms"
          " | a few ms |")
    print(f"| first construction, CPU (median / max) | "
          f"{first['cpu_s_median'] * 1e3:.0f} ms / {first['cpu_s_max'] * 1e3:.0f} ms | |")
    print(f"| extra resident memory after loading (median / max) | "
          f"{first['extra_rss_mb_median']:.0f} MB / {first['extra_rss_mb_max']:.0f} MB | ≤ 60 MB |")
    print(f"| extra peak memory while loading (median / max) | "
          f"{first['extra_peak_mb_median']:.0f} MB / {first['extra_peak_mb_max']:.0f} MB | |")
    print(f"| `kind_of`, first call for a tag (rules) | {calls['kind_of_first_call_us']} µs "
          "| ≤ 20 µs |")
    print(f"| `kind_of`, repeated tag (cache) | {calls['kind_of_cached_us']} µs | |")
    print(f"| `kind_of` with 1,000 curated tags | {calls['kind_of_with_1000_curated_us']} µs | |")
    print(f"| `people` of 10 tags | {calls['people_of_10_tags_us']} µs | |")
    print(f"| `people` of 10 tags with a 1,000-word text | "
          f"{calls['people_of_10_tags_with_1000_words_us']} µs | < 1,000 µs |")


if __name__ == "__main__":
    main()
