"""What a query means in articles of one language: the words the index leaves out there removed.

A stop word (`the`, `and`, `de`, `que`) is not in the index, so a query cannot ask for it. As in
Whoosh's own query normalisation, such a word is dropped from the query instead of matching
nothing: `the war` is `war`, `drought and grain` is `drought grain`, `war OR the` is `war`, and a
group or a NOT left empty goes too. A query is read in each article's own language: in a Spanish
article `de` and `la` are stop words, in an English one `of` and `the`; English stop words are
dropped in every language (`and` is no Spanish word, but `the war` should not need a Spanish
article to hold "the"). Inside a phrase only the words the index skipped in that language are
skipped, so the phrase keeps its positions (`"war of the worlds"` is `war` next to `worlds` in
English, four words in Spanish). Name fields (`person:`, `tag:`) have no stop words when named.
"""

from __future__ import annotations

from newsarchive.core.errors import QueryError
from newsarchive.core.index.analysis import index_term, words
from newsarchive.core.index.schema import NAME_FIELDS, STEMMED_FIELDS
from newsarchive.core.search.query import And, Node, Not, Or, Phrase, Word


def is_left_out(word: str, lang: str) -> bool:
    """Whether a word typed in a query is dropped in articles of `lang`: a stop word there or in
    English, or too short or too long to be indexed."""
    return index_term(word, lang) is None or (lang != "en" and index_term(word, "en") is None)


def for_language(node: Node, lang: str) -> Node | None:
    """`node` as it applies to articles in `lang`; None when nothing of it is left there."""
    # Iterative over the tree's groups would buy nothing: the parser bounds nesting (MAX_DEPTH).
    if isinstance(node, And | Or):
        kept = [k for k in (for_language(item, lang) for item in node.items) if k is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else type(node)(tuple(kept))
    if isinstance(node, Not):
        inner = for_language(node.item, lang)
        return None if inner is None else Not(inner)
    if isinstance(node, Word | Phrase):
        return node if _has_searchable_word(node, lang) else None
    return node


def _has_searchable_word(node: Word | Phrase, lang: str) -> bool:
    tokens = [m.group() for m in words(node.text)]
    if node.field is not None and node.field not in STEMMED_FIELDS:
        # Named name fields keep every word; section, language and id take the value whole.
        return bool(tokens) or node.field not in NAME_FIELDS
    return any(not is_left_out(token, lang) for token in tokens)


def require_something(node: Node, languages: tuple[str, ...]) -> None:
    """Raise `QueryError` when `node` is left with nothing to search for in every language."""
    if any(for_language(node, lang) is not None for lang in languages):
        return
    typed = _typed(node)
    listed = ", ".join(f'"{t}"' for t in typed[:5]) or "it"
    raise QueryError(
        f"Nothing to search for: {listed} {'is' if len(typed) == 1 else 'are'} left out of "
        "searches (stop words such as “the”, “and”, “de”, and signs without letters). Add a "
        "word that says what you are looking for.", None)


def _typed(node: Node) -> list[str]:
    out: list[str] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, And | Or):
            stack.extend(reversed(item.items))
        elif isinstance(item, Not):
            stack.append(item.item)
        elif isinstance(item, Word | Phrase) and item.text not in out:
            out.append(item.text)
    return out
