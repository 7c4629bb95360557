"""newsarchive: an offline desktop archive for saved news articles."""

__version__ = "0.1.0"
