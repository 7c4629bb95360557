"""Every benchmark in turn, at the sizes `docs/benchmarks.md` reports: `make bench` (about an hour).

    python -m benchmarks.run_all [--quick]

`--quick` runs each at a small size (a few minutes), to see that they all still work. The figures
are printed, not written: copy them into `docs/benchmarks.md` with the date and the machine's load.
"""

from __future__ import annotations

import argparse
import subprocess
import sys

FULL = [
    ["bench_parse", "--count", "2000", "--rounds", "3"],
    ["bench_tag_kinds", "--runs", "7"],
    ["bench_import", "--n", "10000"],
    ["bench_index", "--n", "10000"],
    ["bench_index", "--n", "100000", "--variants", "ours-bulk,whoosh-2", "--keep"],
    ["bench_search", "--n", "100000"],
    ["bench_export", "--n", "100000"],
    ["bench_gui", "--stall", "--import-n", "2000"],
    ["bench_gui", "--launch", "--n", "100000"],
]
QUICK = [
    ["bench_parse", "--count", "200", "--rounds", "1"],
    ["bench_tag_kinds", "--runs", "2"],
    ["bench_import", "--n", "300"],
    ["bench_index", "--n", "1000", "--variants", "ours-1,whoosh-1"],
    ["bench_export", "--n", "2000", "--formats", "csv,ris"],
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, to check they all run")
    args = parser.parse_args()
    failed = []
    for name, *options in QUICK if args.quick else FULL:
        command = [sys.executable, "-m", f"benchmarks.{name}", *options]
        print(f"\n$ python -m benchmarks.{name} {' '.join(options)}", flush=True)
        if subprocess.run(command).returncode != 0:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
