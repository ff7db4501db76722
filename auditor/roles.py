"""Kept for the front ends that call `roles.assign`: the reading stage
(`auditor.reading`) is where columns get their roles and signs."""

from .reading import assign, conventions, normalized  # noqa: F401

__all__ = ["assign", "conventions", "normalized"]
