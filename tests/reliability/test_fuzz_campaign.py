"""A short run of the mutation fuzzer (tools/fuzz_ingest.py): damaged real pages and hostile sidecars."""

from tools.fuzz_ingest import run


def test_damaged_pages_and_hostile_sidecars_only_end_in_reported_failures(capsys):
    assert run(cases=1200, seed=20261125) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "escaped: 0" in out
