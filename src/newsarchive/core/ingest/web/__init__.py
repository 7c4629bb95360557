"""Saved web pages (HTML, SingleFile, MHTML, WARC, WACZ, PDF) -> articles: the importer's entry points.

    for item in extract_documents(read_saved_file(path)):   # a process pool on every core
        SavedPage (page, photos, original bytes, url, captured_at) or PageFailure (reason)

`text_for_id(page)` is the text an article id is hashed from, for web pages and text dumps alike.
This package is the only one importing trafilatura, lxml, warcio and pypdf.
"""

from newsarchive.core.ingest.identity import text_for_id
from newsarchive.core.ingest.web.documents import read_saved_file
from newsarchive.core.ingest.web.pages import extract_document
from newsarchive.core.ingest.web.pool import extract_documents
from newsarchive.core.ingest.web.saved import PageFailure, Photo, SavedDocument, SavedPage
from newsarchive.core.ingest.web_files import WEB_SUFFIXES, is_saved_web_file, resource_folder

__all__ = [
    "WEB_SUFFIXES",
    "PageFailure",
    "Photo",
    "SavedDocument",
    "SavedPage",
    "extract_document",
    "extract_documents",
    "is_saved_web_file",
    "read_saved_file",
    "resource_folder",
    "text_for_id",
]
