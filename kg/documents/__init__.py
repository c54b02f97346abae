"""Stage 1: read articles from files and folders into ``Document`` records."""

from .reader import SUFFIXES, iter_documents, read_path

__all__ = ["SUFFIXES", "iter_documents", "read_path"]
