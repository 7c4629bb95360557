"""Search requests, queries, facets and snippets over the index."""
