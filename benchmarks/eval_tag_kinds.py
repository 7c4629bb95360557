"""Tag kinds against the labelled evaluation set: accuracy per kind and overall, per split.

    python -m benchmarks.eval_tag_kinds                  # with each article's text (if supported)
    python -m benchmarks.eval_tag_kinds --no-text        # the built-in knowledge alone
    python -m benchmarks.eval_tag_kinds --misses         # list the tuning split's mistakes
    python -m benchmarks.eval_tag_kinds --held-out       # also measure the held-out regions

The set (tests/data/tag_eval/, one YAML file per region) has a tuning split and a held-out split
of whole regions. The held-out regions are measured only on request, and their mistakes are
never listed, so no rule is tuned on them. Also runs against an older
checkout whose `TagKinds` takes no text (`PYTHONPATH=old/src`): it then uses `kind_of(tag)`.
"""

from __future__ import annotations

import argparse
import inspect
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsarchive.core.ingest.tag_kinds import TagKinds

EVAL_DIR = Path(__file__).parents[1] / "tests" / "data" / "tag_eval"
KINDS = ("person", "place", "organisation", "topic")


@dataclass(frozen=True)
class LabelledTag:
    region: str
    split: str
    language: str
    tag: str
    kind: str
    text: str
    tags: tuple[str, ...]  # all the article's tags, in order


def labelled_tags(folder: Path = EVAL_DIR) -> Iterator[LabelledTag]:
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for article in data["articles"]:
            tags = tuple(article["tags"])
            for tag, kind in article["tags"].items():
                yield LabelledTag(
                    data["region"], data["split"], article["language"], tag, kind,
                    article["text"], tags,
                )


def _takes_text(kinds: TagKinds) -> bool:
    # An older checkout (the "before" figures) has no `text` argument.
    return "text" in inspect.signature(kinds.kind_of).parameters


def predict(kinds: TagKinds, item: LabelledTag, *, use_text: bool) -> str:
    if use_text and _takes_text(kinds):
        return kinds.kind_of(item.tag, text=item.text)
    return kinds.kind_of(item.tag)


@dataclass(frozen=True)
class Score:
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.accuracy:.1%} ({self.correct}/{self.total})"


def scores(
    items: Iterable[LabelledTag], kinds: TagKinds, *, use_text: bool
) -> tuple[dict[str, dict[str, Score]], list[tuple[LabelledTag, str]]]:
    """Per split: a `Score` per true kind and `"all"`; and every mistake with its prediction."""
    right: Counter[tuple[str, str]] = Counter()
    seen: Counter[tuple[str, str]] = Counter()
    mistakes: list[tuple[LabelledTag, str]] = []
    for item in items:
        predicted = predict(kinds, item, use_text=use_text)
        for group in (item.kind, "all"):
            seen[item.split, group] += 1
            right[item.split, group] += predicted == item.kind
        if predicted != item.kind:
            mistakes.append((item, predicted))
    table = {
        split: {group: Score(right[split, group], seen[split, group]) for group in (*KINDS, "all")}
        for split in sorted({split for split, _ in seen})
    }
    return table, mistakes


def facet_and_review(
    items: Iterable[LabelledTag], kinds: TagKinds, *, use_text: bool
) -> dict[str, tuple[str, str, str]]:
    """Per split: the share of tags predicted as persons that are persons; and, where `TagKinds`
    has `decide`, the share of tags marked unsure and the accuracy of the sure answers."""
    counts: Counter[tuple[str, str]] = Counter()
    for item in items:
        predicted = predict(kinds, item, use_text=use_text)
        counts[item.split, "predicted person"] += predicted == "person"
        counts[item.split, "right person"] += predicted == "person" == item.kind
        if hasattr(kinds, "decide"):
            (decision,) = kinds.decide([item.tag], item.text if use_text else None)
            counts[item.split, "all"] += 1
            counts[item.split, "unsure"] += not decision.sure
            counts[item.split, "sure right"] += decision.sure and decision.kind == item.kind
    result = {}
    for split in sorted({split for split, _ in counts}):
        facet = Score(counts[split, "right person"], counts[split, "predicted person"])
        total, unsure = counts[split, "all"], counts[split, "unsure"]
        review = str(Score(unsure, total)) if total else "–"
        sure = str(Score(counts[split, "sure right"], total - unsure)) if total else "–"
        result[split] = (str(facet), review, sure)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-text", action="store_true", help="ignore the articles' text")
    parser.add_argument("--misses", action="store_true", help="list the tuning split's mistakes")
    parser.add_argument("--held-out", action="store_true", help="also measure the held-out split")
    args = parser.parse_args()
    kinds = TagKinds()
    items = [i for i in labelled_tags() if args.held_out or i.split == "tuning"]
    table, mistakes = scores(items, kinds, use_text=not args.no_text)
    for split, row in table.items():
        print(json.dumps({"split": split, **{k: round(s.accuracy, 4) for k, s in row.items()}}))
    print()
    print("| split | " + " | ".join(KINDS) + " | all |")
    print("|---|" + "---|" * (len(KINDS) + 1))
    for split, row in table.items():
        print(f"| {split} | " + " | ".join(str(row[k]) for k in (*KINDS, "all")) + " |")
    print()
    print("| split | person facet: precision | tags marked unsure | sure answers right |")
    print("|---|---|---|---|")
    for split, facet in facet_and_review(items, kinds, use_text=not args.no_text).items():
        print(f"| {split} | " + " | ".join(facet) + " |")
    if args.misses:
        print()
        for item, predicted in mistakes:
            if item.split == "tuning":
                print(f"{item.split:8} {item.region:14} {item.language} {item.tag!r}: "
                      f"{item.kind} -> {predicted}")


if __name__ == "__main__":
    main()
