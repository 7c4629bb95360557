"""The storage layer: the library folder, its article store, its write lock and journal (the index is in `core.index`)."""
