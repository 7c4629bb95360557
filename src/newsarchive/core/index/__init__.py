"""The Whoosh index: derived from the library, rebuilt from it at will."""
