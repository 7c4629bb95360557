"""Finding articles in import paths: loose dumps, article folders, stems, skipped files."""

from pathlib import Path

from newsarchive.core.ingest.sources import ArticleSource, NotAnArticle, WebSource, find_sources

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 32


def _tree(root: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode()
        path.write_bytes(content)


def _found(root: Path, *paths: Path):
    found = list(find_sources(paths or [root]))
    sources = [f for f in found if isinstance(f, ArticleSource | WebSource)]
    skipped = [f for f in found if isinstance(f, NotAnArticle)]
    return sources, skipped


def test_an_article_folder_groups_text_photo_and_sidecar(tmp_path):
    _tree(tmp_path, {
        "story/article.txt": "text",
        "story/IMG_2041.JPG": JPEG,
        "story/article.yaml": "title: x",
    })
    (source,), skipped = _found(tmp_path)
    assert source.text.name == "article.txt"
    assert [p.name for p in source.photos] == ["IMG_2041.JPG"]
    assert source.sidecar.name == "article.yaml"
    assert skipped == []


def test_a_folder_of_loose_dumps_pairs_photos_and_sidecars_by_stem(tmp_path):
    _tree(tmp_path, {
        "a.txt": "a", "b.txt": "b", "b.jpg": JPEG, "b.yaml": "title: b",
        "stray.png": b"\x89PNG\r\n\x1a\n", "notes.pdf": b"%PDF-1.4",
    })
    sources, skipped = _found(tmp_path)
    by_name = {s.text.name: s for s in sources if isinstance(s, ArticleSource)}
    assert set(by_name) == {"a.txt", "b.txt"}
    assert by_name["a.txt"].photos == () and by_name["a.txt"].sidecar is None
    assert [p.name for p in by_name["b.txt"].photos] == ["b.jpg"]
    assert by_name["b.txt"].sidecar.name == "b.yaml"
    # A PDF is a saved page of its own (read by core.ingest.web).
    assert [s.path.name for s in sources if isinstance(s, WebSource)] == ["notes.pdf"]
    reasons = {s.path.name: s.reason for s in skipped}
    assert reasons == {"stray.png": "a photo with no article text beside it"}


def test_walks_recursively_in_sorted_order_and_ignores_hidden_files(tmp_path):
    _tree(tmp_path, {
        "z.txt": "z", "sub/b.txt": "b", "sub/a.txt": "a", ".hidden/c.txt": "c", ".DS_Store": "x",
    })
    sources, skipped = _found(tmp_path)
    assert [s.text.relative_to(tmp_path).as_posix() for s in sources] == ["z.txt", "sub/a.txt", "sub/b.txt"]
    assert skipped == []


def test_a_file_named_explicitly_is_tried_whatever_its_suffix(tmp_path):
    _tree(tmp_path, {"page.dump": "text", "page.html": "<p>x</p>"})
    (source,), _ = _found(tmp_path, tmp_path / "page.dump")
    assert source.text.name == "page.dump"
    (web,), _ = _found(tmp_path, tmp_path / "page.html")  # a saved web page, read as one
    assert isinstance(web, WebSource) and web.path.name == "page.html"


def test_a_missing_path_is_reported(tmp_path):
    sources, (skipped,) = _found(tmp_path, tmp_path / "nope")
    assert sources == [] and skipped.reason == "no such file or folder"


def test_symlinked_folders_are_not_followed(tmp_path):
    _tree(tmp_path, {"real/a.txt": "a"})
    (tmp_path / "real" / "loop").symlink_to(tmp_path / "real")
    sources, _ = _found(tmp_path)
    assert [s.text.name for s in sources] == ["a.txt"]


PAGE = (
    "Kremlin Sees No Sign of Talks Resuming\n\nPublished 23 September 2022\n\n"
    "The Kremlin said on Friday that it saw no prospect of peace talks in the near future, even as "
    "it insisted that it remained open to dialogue with the other side.\n\n"
    "Spokesman Dmitry Peskov told reporters that the negotiations broken off in the spring could not "
    "resume while the other side sought what he called a solution on the battlefield.\n"
)


def test_notes_beside_an_article_are_skipped_and_the_photo_stays_with_the_article(tmp_path):
    _tree(tmp_path, {
        "story/kremlin-talks.txt": PAGE,
        "story/notes.txt": "Saved from the outlet's site; check the date against the print edition.\n",
        "story/photo.jpg": JPEG,
        "story/article.yaml": "title: x",
    })
    (source,), (skipped,) = _found(tmp_path)
    assert source.text.name == "kremlin-talks.txt"
    assert [p.name for p in source.photos] == ["photo.jpg"]
    assert source.sidecar.name == "article.yaml"
    assert skipped.path.name == "notes.txt"
    assert "beside the article kremlin-talks.txt" in skipped.reason


def test_a_transcript_is_told_by_its_content_whatever_its_name(tmp_path):
    _tree(tmp_path, {
        "story/page.txt": PAGE,
        "story/extra.txt": "00:01 Peskov: We see no prospect.\n00:07 Reporter: None at all?\n"
        "00:09 Peskov: Not at the moment.\n",
        "story/photo.jpg": JPEG,
    })
    (source,), (skipped,) = _found(tmp_path)
    assert source.text.name == "page.txt" and [p.name for p in source.photos] == ["photo.jpg"]
    assert skipped.path.name == "extra.txt" and "transcript" in skipped.reason


def test_a_readme_is_told_by_its_name_even_when_it_has_prose(tmp_path):
    _tree(tmp_path, {"story/article.txt": PAGE, "story/README.txt": PAGE, "story/photo.png": JPEG})
    (source,), (skipped,) = _found(tmp_path)
    assert source.text.name == "article.txt" and len(source.photos) == 1
    assert skipped.path.name == "README.txt"


def test_two_saved_pages_in_one_folder_are_both_articles(tmp_path):
    _tree(tmp_path, {"a.txt": PAGE, "b.txt": PAGE.replace("Kremlin", "Ministry"), "b.jpg": JPEG})
    sources, skipped = _found(tmp_path)
    assert sorted(s.text.name for s in sources) == ["a.txt", "b.txt"]
    assert skipped == []


def test_only_notes_and_no_page_leaves_every_text_to_the_parser(tmp_path):
    _tree(tmp_path, {"notes.txt": "a note", "todo.txt": "- [ ] check"})
    sources, skipped = _found(tmp_path)
    assert sorted(s.text.name for s in sources) == ["notes.txt", "todo.txt"]
    assert skipped == []


def test_an_article_whose_name_holds_a_note_word_is_still_an_article(tmp_path):
    _tree(tmp_path, {
        "carbon-credits-deal.txt": PAGE, "story-notes.txt": "check the figures\n", "x.jpg": JPEG,
    })
    (source,), (skipped,) = _found(tmp_path)
    assert source.text.name == "carbon-credits-deal.txt" and [p.name for p in source.photos] == ["x.jpg"]
    assert skipped.path.name == "story-notes.txt"
