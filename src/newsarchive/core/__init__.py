"""The archive's core: parsing, the library, the index, search and export. It never imports Qt."""
