"""The storage layer: the library folder, its article store, its write lock and journal, the
user's own layer (the index is in `core.index`)."""
