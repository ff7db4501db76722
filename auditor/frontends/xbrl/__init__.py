"""The inline XBRL front end: a document's tagged Schedule II facts, laid out
as a schedule whose columns the facts' concepts name (`schedule`), and the
checks of the facts beside the printed table (`front`)."""

from __future__ import annotations

from auditor.frontends import Read, Vocabulary
from auditor.frontends.xbrl import front
from auditor.model import Schedule
from auditor.source import Source


def tables(src: Source, vocabulary: Vocabulary, read: Read) -> list[Schedule]:
    """The facts' schedule, or none; its columns are the concepts' roles, so
    the reading stage has nothing to weigh."""
    found = front.read(src, vocabulary)
    return [found.schedule] if found is not None else []
