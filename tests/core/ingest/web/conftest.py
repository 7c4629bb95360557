"""Fixtures of the saved-web-page tests."""

from __future__ import annotations

import pytest

from tests.core.ingest.web.eval_build import Story
from tests.core.ingest.web.saved_files import stories


@pytest.fixture(scope="session")
def all_stories() -> list[Story]:
    return stories()


@pytest.fixture(scope="session")
def story(all_stories: list[Story]) -> Story:
    return all_stories[0]
