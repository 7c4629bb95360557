"""Near-duplicate copies: how well the groups match the evaluation set, and what they cost.

    python -m benchmarks.bench_near_duplicates --accuracy              # the tuning stories
    python -m benchmarks.bench_near_duplicates --accuracy --held-out   # also the held-out ones
    python -m benchmarks.bench_near_duplicates --accuracy --sweep      # the alternatives, tuning only
    python -m benchmarks.bench_near_duplicates --accuracy --mistakes   # the tuning part's mistakes
    python -m benchmarks.bench_near_duplicates --speed --n 10000       # cost per article, grouping
    python -m benchmarks.bench_near_duplicates --index-cost --n 10000  # what they add to an index

Accuracy: every document of tests/data/near_duplicates/ (its saved page read by the page parser,
or with `--source records` the title and paragraphs as written) is fingerprinted; each split is a
library of its own. The system is what the index will do: candidates are the documents sharing a
band key, kept when `is_copy`, and `group` makes stories of them. Scores: pairs judged directly
(`is_copy` on every pair, no LSH), pairs in one predicted story, stories found exactly, and per
kind the share of copies placed with the story's original / of the other articles wrongly placed
there. The held-out stories are measured only with `--held-out`, and their mistakes never listed.

`--sweep` scores the alternatives on the tuning stories: the exact Jaccard similarity of shingle
sets of 1 to 8 words against thresholds (no MinHash noise), then MinHash signatures of 32 to 256
permutations with datasketch's LSH bands for each threshold, then without the language rule.

Speed: synthetic articles of benchmarks/corpus.py, a twentieth of them followed by a near copy;
CPU time of `fingerprint` per article, of the stored form, of finding the pairs through band keys
(a dict standing in for the index's terms) and of `group`, and the memory they hold.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import statistics
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np
from tests.data.near_duplicates.copies import COPY_KINDS, Document, documents

from newsarchive.core.ingest.page import parse_page
from newsarchive.core.near_duplicates import (
    BANDS,
    LSH_WEIGHTS,
    NUM_PERM,
    ROWS,
    SHINGLE_WORDS,
    THRESHOLD,
    Fingerprint,
    copy_pairs,
    fingerprint,
    group,
    is_copy,
    similarity,
)
from newsarchive.core.near_duplicates.shingles import shingle_hashes, word_hashes

REPORTED_OTHER_KINDS = ("same_topic", "follow_up", "translation")


# ---- Accuracy ---------------------------------------------------------------------------------


def document_text(doc: Document, source: str) -> tuple[str, str]:
    """(text, language) as the importer will fingerprint it."""
    if source == "records":
        return doc.text, doc.language
    page = parse_page(doc.page)
    return "\n\n".join((page.title, page.lede, *page.body)), page.language


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{100 * self.value:.1f}% ({self.hit}/{self.total})"


@dataclass
class Scores:
    direct_precision: Ratio = field(default_factory=Ratio)
    direct_recall: Ratio = field(default_factory=Ratio)
    pair_precision: Ratio = field(default_factory=Ratio)
    pair_recall: Ratio = field(default_factory=Ratio)
    group_precision: Ratio = field(default_factory=Ratio)
    group_recall: Ratio = field(default_factory=Ratio)
    linked_recall: Ratio = field(default_factory=Ratio)  # true pairs found through a band key
    candidates: int = 0
    kinds: dict[str, Ratio] = field(default_factory=dict)
    no_fingerprint: int = 0
    mistakes: list[str] = field(default_factory=list)

    def row(self) -> dict[str, float]:
        return {name: round(getattr(self, name).value, 4) for name in (
            "direct_precision", "direct_recall", "pair_precision", "pair_recall",
            "group_precision", "group_recall", "linked_recall")}


def pair_scores(docs: Sequence[Document], linked: Callable[[int, int], bool], labels: np.ndarray,
                scores: Scores, *, direct: bool = True) -> None:
    """Fill the pair and story scores of `scores` for `docs` (positions 0..n-1)."""
    for i, j in itertools.combinations(range(len(docs)), 2):
        same = docs[i].group == docs[j].group
        if direct:
            said = linked(i, j)
            if said:
                scores.direct_precision.total += 1
                scores.direct_precision.hit += same
            if same:
                scores.direct_recall.total += 1
                scores.direct_recall.hit += said
        together = labels[i] == labels[j]
        if together:
            scores.pair_precision.total += 1
            scores.pair_precision.hit += same
        if same:
            scores.pair_recall.total += 1
            scores.pair_recall.hit += bool(together)
    truth: dict[str, set[int]] = defaultdict(set)
    found: dict[int, set[int]] = defaultdict(set)
    for i, doc in enumerate(docs):
        truth[doc.group].add(i)
        found[int(labels[i])].add(i)
    true_groups = [frozenset(g) for g in truth.values() if len(g) > 1]
    found_groups = [frozenset(g) for g in found.values() if len(g) > 1]
    scores.group_recall = Ratio(len(set(true_groups) & set(found_groups)), len(true_groups))
    scores.group_precision = Ratio(len(set(true_groups) & set(found_groups)), len(found_groups))


def linked_pairs(docs: Sequence[Document], links: Iterable[tuple[int, int]], scores: Scores) -> None:
    """How many of the true pairs the band keys found and the check kept (before any grouping):
    what a story of only two copies gets."""
    true_pairs = sum(1 for i, j in itertools.combinations(range(len(docs)), 2)
                     if docs[i].group == docs[j].group)
    found = sum(1 for i, j in links if docs[i].group == docs[j].group)
    scores.linked_recall = Ratio(found, true_pairs)


def kind_scores(docs: Sequence[Document], labels: np.ndarray, scores: Scores) -> None:
    original = {doc.story: i for i, doc in enumerate(docs) if doc.kind == "original"}
    for i, doc in enumerate(docs):
        kind = "follow_up" if doc.kind == "follow_up_menus" else doc.kind
        if kind == "original":
            continue
        joined = labels[i] == labels[original[doc.story]]
        ratio = scores.kinds.setdefault(kind, Ratio())
        ratio.total += 1
        ratio.hit += bool(joined)
        if joined != (kind in COPY_KINDS):
            scores.mistakes.append(f"{doc.story} {doc.kind}: {'joined' if joined else 'left out'}")


def system(fingerprints: Sequence[Fingerprint | None],
           keys: Callable[[Fingerprint], Iterable[str]] = lambda fp: fp.band_keys,
           copy: Callable[[Fingerprint, Fingerprint], bool] = is_copy,
           strength: Callable[[Fingerprint, Fingerprint], float] = similarity,
           ) -> tuple[np.ndarray, set[tuple[int, int]], list[tuple[int, int]]]:
    """What the index and searcher will do: band-key candidates, checked, grouped.
    Returns the story of each document, the candidate pairs and the near-duplicate pairs."""
    buckets: dict[str, list[int]] = defaultdict(list)
    for number, fp in enumerate(fingerprints):
        if fp is not None:
            for key in keys(fp):
                buckets[key].append(number)
    candidates = {pair for members in buckets.values() if len(members) > 1
                  for pair in itertools.combinations(members, 2)}
    links = []
    for a, b in candidates:
        fa, fb = fingerprints[a], fingerprints[b]
        assert fa is not None and fb is not None
        if copy(fa, fb):
            links.append((strength(fa, fb), a, b))
    links.sort(reverse=True)
    pairs = [(a, b) for _, a, b in links]
    return group(len(fingerprints), pairs), candidates, pairs


def score_fingerprints(docs: Sequence[Document], fingerprints: Sequence[Fingerprint | None],
                       **system_options: Callable) -> Scores:
    scores = Scores(no_fingerprint=sum(fp is None for fp in fingerprints))
    copy = system_options.get("copy", is_copy)

    def linked(i: int, j: int) -> bool:
        a, b = fingerprints[i], fingerprints[j]
        return a is not None and b is not None and copy(a, b)

    labels, candidates, links = system(fingerprints, **system_options)
    scores.candidates = len(candidates)
    linked_pairs(docs, links, scores)
    pair_scores(docs, linked, labels, scores)
    kind_scores(docs, labels, scores)
    return scores


def split_docs(split: str) -> list[Document]:
    return [doc for doc in documents() if doc.split == split]


def print_scores(title: str, scores: Scores) -> None:
    print(f"\n{title}")
    print(f"  pairs judged directly: precision {scores.direct_precision}, recall {scores.direct_recall}")
    if scores.linked_recall.total:
        print(f"  pairs found through band keys and kept: recall {scores.linked_recall} "
              f"({scores.candidates} candidate pairs)")
    print(f"  pairs in one story:    precision {scores.pair_precision}, recall {scores.pair_recall}")
    print(f"  stories found exactly: precision {scores.group_precision}, recall {scores.group_recall}")
    copies = ", ".join(f"{k} {scores.kinds[k]}" for k in COPY_KINDS[1:] if k in scores.kinds)
    others = ", ".join(f"{k} {scores.kinds[k]}" for k in REPORTED_OTHER_KINDS if k in scores.kinds)
    print(f"  copies placed with their original: {copies}")
    print(f"  others wrongly placed there: {others}")
    if scores.no_fingerprint:
        print(f"  documents too short to fingerprint: {scores.no_fingerprint}")


def accuracy(args: argparse.Namespace) -> None:
    splits = ["tuning", "held-out"] if args.held_out else ["tuning"]
    print(f"shipped: {SHINGLE_WORDS}-word shingles, {NUM_PERM} permutations, {BANDS} bands of "
          f"{ROWS} rows, threshold {THRESHOLD}; text from {args.source}")
    results = {}
    for split in splits:
        docs = split_docs(split)
        texts = [document_text(doc, args.source) for doc in docs]
        fps = [fingerprint(text, language) for text, language in texts]
        scores = score_fingerprints(docs, fps)
        results[split] = scores.row()
        print_scores(f"{split}: {len(docs)} documents, {len({d.story for d in docs})} stories", scores)
        if args.mistakes and split == "tuning":
            for line in scores.mistakes:
                print("   ", line)
    print(json.dumps(results))
    if args.sweep:
        sweep(split_docs("tuning"), args.source)


# ---- The alternatives (tuning stories only) ---------------------------------------------------


def shingle_sets(texts: Sequence[tuple[str, str]], size: int) -> list[np.ndarray]:
    return [np.unique(shingle_hashes(word_hashes(text), size)) for text, _ in texts]


def exact_jaccard(sets: Sequence[np.ndarray]) -> np.ndarray:
    n = len(sets)
    out = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            common = np.intersect1d(sets[i], sets[j], assume_unique=True).size
            union = sets[i].size + sets[j].size - common
            out[i, j] = out[j, i] = common / union if union else 0.0
    return out


def matrix_scores(docs: Sequence[Document], matrix: np.ndarray, threshold: float,
                  languages: Sequence[str], *, language_rule: bool = True) -> Scores:
    n = len(docs)
    def linked(i: int, j: int) -> bool:
        return matrix[i, j] >= threshold and (not language_rule or languages[i] == languages[j])
    pairs = sorted(((matrix[i, j], i, j) for i, j in itertools.combinations(range(n), 2)
                    if linked(i, j)), reverse=True)
    labels = group(n, [(i, j) for _, i, j in pairs])
    scores = Scores()
    pair_scores(docs, linked, labels, scores)
    kind_scores(docs, labels, scores)
    return scores


def minhash_matrix(sets: Sequence[np.ndarray], num_perm: int, seed: int = 1) -> np.ndarray:
    from datasketch import MinHash

    permutations = MinHash(num_perm=num_perm, seed=seed, scheme="affine32").permutations
    signatures = []
    for values in sets:
        minhash = MinHash(num_perm=num_perm, seed=seed, hashfunc=int, permutations=permutations,
                          scheme="affine32")
        minhash.update_batch(values.tolist())
        signatures.append(np.asarray(minhash.hashvalues))
    return np.stack(signatures)


def lsh_scores(docs: Sequence[Document], signatures: np.ndarray, threshold: float,
               languages: Sequence[str], weights: tuple[float, float] = (0.5, 0.5),
               ) -> tuple[Scores, tuple[int, int]]:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=signatures.shape[1], weights=weights)
    bands, rows = lsh.b, lsh.r
    estimates = (signatures[:, None, :] == signatures[None, :, :]).mean(axis=2)
    buckets: dict[tuple[str, int, bytes], list[int]] = defaultdict(list)
    for number, signature in enumerate(signatures):
        for band in range(bands):
            values = signature[band * rows:(band + 1) * rows].tobytes()
            buckets[(languages[number], band, values)].append(number)
    candidates = {pair for members in buckets.values() for pair in itertools.combinations(members, 2)}
    links = sorted(((estimates[a, b], a, b) for a, b in candidates if estimates[a, b] >= threshold),
                   reverse=True)
    labels = group(len(docs), [(a, b) for _, a, b in links])
    scores = Scores(candidates=len(candidates))
    linked_pairs(docs, [(a, b) for _, a, b in links], scores)
    pair_scores(docs, lambda i, j: estimates[i, j] >= threshold and languages[i] == languages[j],
                labels, scores)
    kind_scores(docs, labels, scores)
    return scores, (bands, rows)


def sweep(docs: list[Document], source: str) -> None:
    texts = [document_text(doc, source) for doc in docs]
    languages = [language for _, language in texts]
    thresholds = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
    print("\nExact Jaccard of shingle sets (no MinHash): pairs in one story, precision / recall;"
          " stories found exactly (recall)")
    matrices = {}
    for size in (1, 2, 3, 4, 5, 6, 8):
        matrices[size] = exact_jaccard(shingle_sets(texts, size))
        cells = []
        for threshold in thresholds:
            s = matrix_scores(docs, matrices[size], threshold, languages)
            cells.append(f"{threshold}: {100 * s.pair_precision.value:.1f}/{100 * s.pair_recall.value:.1f}"
                         f" ({100 * s.group_recall.value:.0f})")
        print(f"  {size}-word: " + "  ".join(cells))
    print("\nSimilarity of each kind to its original (exact Jaccard, "
          f"{SHINGLE_WORDS}-word shingles): min / median / max")
    original = {doc.story: i for i, doc in enumerate(docs) if doc.kind == "original"}
    by_kind: dict[str, list[float]] = defaultdict(list)
    for i, doc in enumerate(docs):
        if doc.kind != "original":
            by_kind[doc.kind].append(matrices[SHINGLE_WORDS][i, original[doc.story]])
    for kind, values in by_kind.items():
        print(f"  {kind:16} {min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}")
    closest = max(matrices[SHINGLE_WORDS][i, j] for i, j in itertools.combinations(range(len(docs)), 2)
                  if docs[i].group != docs[j].group)
    print(f"  most similar pair of different stories: {closest:.2f}")
    print("\nWithout the language rule (exact Jaccard): translations wrongly joined, pairs precision")
    for size in (1, 2, 3, 4):
        s = matrix_scores(docs, matrices[size], THRESHOLD, languages, language_rule=False)
        print(f"  {size}-word at {THRESHOLD}: translations {s.kinds['translation']}, "
              f"precision {s.pair_precision}")
    print("\nThe shipped parameters with other MinHash seeds (the permutations are one random draw):")
    sets = shingle_sets(texts, SHINGLE_WORDS)
    rows = [lsh_scores(docs, minhash_matrix(sets, NUM_PERM, seed), THRESHOLD, languages, LSH_WEIGHTS)[0]
            for seed in range(1, 21)]
    for name in ("pair_precision", "pair_recall", "linked_recall", "direct_precision", "direct_recall",
                 "group_recall"):
        values = [getattr(r, name).value for r in rows]
        print(f"  {name}: min {100 * min(values):.1f}%, mean {100 * statistics.mean(values):.1f}% "
              f"over {len(values)} seeds")
    print(f"\nMinHash + LSH bands ({SHINGLE_WORDS}-word shingles), datasketch's bands for the threshold"
          " and weights (false positives, false negatives):")
    print("  permutations | threshold | weights | bands x rows | pairs in one story P / R | "
          "pairs found through bands R | stories exactly R | candidate pairs")
    sets = shingle_sets(texts, SHINGLE_WORDS)
    for num_perm in (32, 64, 128, 256):
        signatures = minhash_matrix(sets, num_perm)
        for threshold in (0.35, 0.4, 0.45, 0.5):
            for weights in ((0.5, 0.5), (0.2, 0.8)):
                s, (bands, rows) = lsh_scores(docs, signatures, threshold, languages, weights)
                print(f"  {num_perm} | {threshold} | {weights[0]}/{weights[1]} | {bands} x {rows} | "
                      f"{100 * s.pair_precision.value:.1f} / {100 * s.pair_recall.value:.1f} | "
                      f"{100 * s.linked_recall.value:.1f} | {100 * s.group_recall.value:.0f} | "
                      f"{s.candidates}")


# ---- Speed ------------------------------------------------------------------------------------


def synthetic_texts(n: int) -> Iterator[tuple[str, str]]:
    """`n` synthetic articles, one at a time; every twentieth is followed by a near copy (title
    changed, last paragraph cut), so that grouping has pairs to join."""
    from benchmarks.corpus import generate_articles

    made = 0
    for number, article in enumerate(generate_articles(n)):
        for copy in (False, True) if number % 20 == 0 else (False,):
            if made == n:
                return
            body = article.body[:-1] if copy and len(article.body) > 2 else article.body
            title = f"Copy: {article.title}" if copy else article.title
            made += 1
            yield "\n\n".join((title, article.lede, *body)), article.language


def _cpu_per_call(calls: Iterable[Callable[[], object]]) -> list[float]:
    out = []
    for call in calls:
        started = time.process_time()
        call()
        out.append(time.process_time() - started)
    return out


def speed(n: int) -> dict[str, object]:
    sample = list(itertools.islice(synthetic_texts(n), 2000))
    words = [len(text.split()) for text, _ in sample]
    started = time.perf_counter()
    fingerprint(*sample[0])  # the first call imports datasketch (and scipy)
    first_call = time.perf_counter() - started

    # Articles come one at a time, as an import reads them; only the fingerprints are kept.
    gc.collect()
    fps = []
    fingerprint_cpu = 0.0
    for text, language in synthetic_texts(n):
        cpu = time.process_time()
        fps.append(fingerprint(text, language))
        fingerprint_cpu += time.process_time() - cpu
    rss_after_fingerprints = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_call = sorted(_cpu_per_call(
        (lambda text=text, language=language: fingerprint(text, language))
        for text, language in sample))
    kept = [fp for fp in fps if fp is not None]
    cpu = time.process_time()
    keys = [fp.band_keys for fp in kept]
    keys_cpu = time.process_time() - cpu
    stored = [fp.to_bytes() for fp in kept]
    cpu = time.process_time()
    read_back = [Fingerprint.from_bytes(data) for data in stored]
    from_bytes_cpu = time.process_time() - cpu
    assert read_back == kept

    # Memory: what fingerprinting holds while it runs (measured apart: tracing slows it down).
    tracemalloc.start()
    for text, language in sample:
        fingerprint(text, language)
    _, fingerprinting_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    cpu = time.process_time()
    buckets: dict[str, list[int]] = defaultdict(list)
    for number, fp_keys in enumerate(keys):
        for key in fp_keys:
            buckets[key].append(number)
    candidates = {pair for members in buckets.values() if len(members) > 1
                  for pair in itertools.combinations(members, 2)}
    candidates_cpu = time.process_time() - cpu
    cpu = time.process_time()
    links = sorted(((similarity(kept[a], kept[b]), a, b) for a, b in candidates
                    if is_copy(kept[a], kept[b])), reverse=True)
    verify_cpu = time.process_time() - cpu
    pairs = [(a, b) for _, a, b in links]
    cpu = time.process_time()
    labels = group(len(kept), pairs)
    group_cpu = time.process_time() - cpu
    stories = Counter(labels.tolist())

    # The same pairs from per-document columns (what the index could keep instead of terms).
    cpu = time.process_time()
    band_matrix = np.stack([fp.band_hashes for fp in kept])
    bands_cpu = time.process_time() - cpu
    signature_matrix = np.stack([fp.values for fp in kept])
    cpu = time.process_time()
    column_pairs, _ = copy_pairs(band_matrix, signature_matrix)
    column_cpu = time.process_time() - cpu
    assert {tuple(p) for p in column_pairs.tolist()} == {tuple(sorted(p)) for p in pairs}
    cpu = time.process_time()
    group(len(kept), column_pairs)
    column_group_cpu = time.process_time() - cpu

    rng = np.random.default_rng(7)
    random_pairs = rng.integers(0, len(kept), size=(len(kept) // 2, 2))
    splits = rng.integers(0, len(kept), size=(200, 2))
    splits = splits[splits[:, 0] != splits[:, 1]]
    cpu = time.process_time()
    group(len(kept), random_pairs)
    random_cpu = time.process_time() - cpu
    cpu = time.process_time()
    group(len(kept), random_pairs, splits)
    random_split_cpu = time.process_time() - cpu
    tracemalloc.start()
    group(len(kept), random_pairs, splits)
    _, group_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "n": len(fps), "words_median_of_first_2000": statistics.median(words),
        "first_call_s": round(first_call, 3),
        "fingerprint_cpu_ms_per_article": round(1000 * fingerprint_cpu / len(fps), 4),
        "fingerprint_cpu_ms_median": round(1000 * statistics.median(per_call), 4),
        "fingerprint_cpu_ms_p95": round(1000 * per_call[int(0.95 * len(per_call))], 4),
        "fingerprint_cpu_ms_max": round(1000 * per_call[-1], 4),
        "band_keys_cpu_ms_per_article": round(1000 * keys_cpu / len(kept), 4),
        "fingerprinting_traced_peak_mb": round(fingerprinting_peak / 2**20, 2),
        "stored_bytes_per_article": round(statistics.mean(len(s) for s in stored), 1),
        "band_keys_per_article": BANDS, "band_key_chars": len(keys[0][0]),
        "from_bytes_cpu_us_per_article": round(1e6 * from_bytes_cpu / len(stored), 2),
        "candidate_pairs": len(candidates), "near_duplicate_pairs": len(links),
        "stories_with_copies": sum(1 for size in stories.values() if size > 1),
        "candidates_cpu_s": round(candidates_cpu, 3), "verify_cpu_s": round(verify_cpu, 4),
        "group_cpu_s": round(group_cpu, 4),
        "band_hashes_cpu_ms_per_article": round(1000 * bands_cpu / len(kept), 4),
        "columns_mb": round((band_matrix.nbytes + signature_matrix.nbytes) / 2**20, 1),
        "copy_pairs_from_columns_cpu_s": round(column_cpu, 3),
        "group_of_column_pairs_cpu_s": round(column_group_cpu, 4),
        "group_random_pairs": len(random_pairs), "group_random_cpu_s": round(random_cpu, 4),
        "group_random_with_splits_cpu_s": round(random_split_cpu, 4),
        "group_traced_peak_mb": round(group_peak / 2**20, 2),
        "peak_rss_after_fingerprinting_mb": round(rss_after_fingerprints, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }


def index_cost(n: int) -> dict[str, object]:
    """What storing fingerprints costs a Whoosh index: `n` synthetic articles indexed by plain
    Whoosh with an id alone, then with the band keys as a keyword field and the stored form beside
    them, then with the stored form alone (one writer, `compound=False`); the differences are the
    fingerprints' share."""
    import shutil
    import tempfile
    from pathlib import Path

    from whoosh import fields, index

    fps = [fingerprint(text, language) for text, language in synthetic_texts(n)]
    results: dict[str, object] = {"n": n}
    for variant in ("id only", "id + band keys + stored fingerprint", "id + stored fingerprint"):
        schema = fields.Schema(id=fields.ID(stored=True, unique=True))
        if "band keys" in variant:
            schema.add("copies", fields.KEYWORD(scorable=False))
        if "fingerprint" in variant:
            schema.add("fingerprint", fields.STORED())
        folder = Path(tempfile.mkdtemp(prefix="nd-index-"))
        try:
            ix = index.create_in(str(folder), schema)
            cpu = time.process_time()
            writer = ix.writer(compound=False)
            for number, fp in enumerate(fps):
                doc: dict[str, object] = {"id": f"{number:08d}"}
                if "band keys" in variant and fp is not None:
                    doc["copies"] = " ".join(fp.band_keys)
                if "fingerprint" in variant and fp is not None:
                    doc["fingerprint"] = fp.to_bytes()
                writer.add_document(**doc)
            writer.commit()
            seconds = time.process_time() - cpu
            size = sum(path.stat().st_size for path in folder.iterdir())
            ix.close()
        finally:
            shutil.rmtree(folder)
        results[variant] = {"cpu_ms_per_article": round(1000 * seconds / n, 3),
                            "index_mb": round(size / 2**20, 2)}
    results["load_average"] = [round(x, 1) for x in os.getloadavg()]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accuracy", action="store_true")
    parser.add_argument("--held-out", action="store_true", help="also measure the held-out stories")
    parser.add_argument("--sweep", action="store_true", help="score the alternatives (tuning stories)")
    parser.add_argument("--mistakes", action="store_true", help="list the tuning part's mistakes")
    parser.add_argument("--source", choices=("pages", "records"), default="pages")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--index-cost", action="store_true",
                        help="what band keys and stored fingerprints add to a plain Whoosh index")
    parser.add_argument("--n", type=int, default=10000)
    args = parser.parse_args()
    if args.accuracy:
        accuracy(args)
    if args.speed:
        print(json.dumps(speed(args.n)))
    if args.index_cost:
        print(json.dumps(index_cost(args.n)))
    if not (args.accuracy or args.speed or args.index_cost):
        parser.error("say --accuracy, --speed or --index-cost")


if __name__ == "__main__":
    main()
