"""The library folder: its articles, its import runs, its integrity."""
