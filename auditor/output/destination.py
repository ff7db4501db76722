"""Where a report goes: standard output, or --output written atomically, and
the spools that let one-document formats (json, sarif) be written while
holding none of the files' results.

--output is written to a temporary file beside it and renamed over it only
when the run ends well: a run stopped midway (Ctrl-C, a crash) leaves the
old file, or none, never half a report.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterable
from typing import IO, Any, Optional, Protocol, cast

from auditor.errors import InputError
from auditor.output.files import Inputs, check_target, mode_for
from auditor.output.document import json_text


class Sink(Protocol):
    """Where text goes: an Output, or any file."""

    def write(self, text: str, /) -> object: ...


class Output:
    def __init__(self, path: Optional[str] = None, inputs: Inputs = ()) -> None:
        """`inputs`: the run's input files, which the report may never replace."""
        self.path = path
        self.inputs = tuple(inputs)
        self._handle: Optional[IO[str]] = None
        self._temporary: Optional[str] = None
        if path is not None:
            # A regular file or a new path, never an input; a symbolic link is written through.
            directory = os.path.dirname(check_target(path, self.inputs))
            try:
                fd, self._temporary = tempfile.mkstemp(prefix=".auditor-", suffix=".tmp", dir=directory)
            except OSError as exc:
                raise InputError(f"cannot write the report: {exc.strerror}", path) from None
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    @property
    def stream(self) -> IO[str]:
        """A file for writers that need one (rich); standard output is looked
        up at each write, so a progress display can take it over meanwhile."""
        # (_Stdout has every method rich and the text report call on a stream)
        return self._handle if self._handle is not None else cast(IO[str], _Stdout())

    def write(self, text: str) -> None:
        if self._handle is not None:
            self._handle.write(text)
        else:
            sys.stdout.write(text)

    def commit(self) -> None:
        handle, temporary = self._handle, self._temporary
        if handle is None or temporary is None or self.path is None:
            sys.stdout.flush()
            return
        try:
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            real = check_target(self.path, self.inputs)  # (it may have changed kind meanwhile)
            os.chmod(temporary, mode_for(real))
            os.replace(temporary, real)
        except InputError as exc:
            self.discard()
            raise InputError(f"cannot write the report: {exc.message.removeprefix('cannot write there: ')}",
                             self.path) from None
        except OSError as exc:
            self.discard()
            raise InputError(f"cannot write the report: {exc.strerror}", self.path) from None
        self._handle = self._temporary = None

    def discard(self) -> None:
        if self._handle is not None:
            self._handle.close()
            try:
                os.unlink(self._temporary or "")
            except OSError:
                pass
            self._handle = self._temporary = None


class _Stdout:
    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    def fileno(self) -> int:
        return sys.stdout.fileno()


class Spool:
    """A JSON document whose big arrays (`sections`) fill as files finish:
    their items wait in a temporary file, already indented as json.dumps
    (indent=2) would place them, and the document is written around them
    at the end, byte for byte what rendering it whole would give."""

    MARK = "\ue001"
    _WRITTEN = re.escape("\\ue001")  # the marker as json_text writes it (errors.json_shown: private use, escaped)

    def __init__(self, skeleton: dict[str, Any], sections: Iterable[str]) -> None:
        self._files: dict[str, IO[str]] = {}
        self._counts: dict[str, int] = {}
        self._indents: dict[str, str] = {}
        sections = list(sections)
        text = json_text(self._marked(skeleton, sections))
        for name in sections:
            match = re.search(rf'^( *)"{self._WRITTEN}{name}"$', text, re.MULTILINE)
            assert match is not None, name  # (a section the skeleton has no array for)
            self._indents[name] = match.group(1)
            self._files[name] = tempfile.TemporaryFile("w+", encoding="utf-8")
            self._counts[name] = 0

    def _marked(self, skeleton: object, sections: Iterable[str]) -> object:
        """The skeleton with each section array holding only its marker."""
        sections = set(sections)
        if isinstance(skeleton, dict):
            return {k: [self.MARK + k] if k in sections and isinstance(v, list)
                    else self._marked(v, sections) for k, v in skeleton.items()}
        if isinstance(skeleton, list):
            return [self._marked(v, sections) for v in skeleton]
        return skeleton

    def add(self, section: str, item: object) -> None:
        indent = self._indents[section]
        text = "\n".join(indent + line for line in json_text(item).split("\n"))
        spool = self._files[section]
        spool.write((",\n" if self._counts[section] else "") + text)
        self._counts[section] += 1

    def write(self, skeleton: dict[str, Any], out: Sink) -> None:
        """The whole document, `skeleton` (the same shape as at the start,
        its final values) around the spooled sections."""
        text = json_text(self._marked(skeleton, self._files)) + "\n"
        pieces = re.split(rf'(\[\n *"{self._WRITTEN}\w+"\n *\])', text)
        for piece in pieces:
            name = re.fullmatch(rf'\[\n *"{self._WRITTEN}(\w+)"\n( *)\]', piece)
            if name is None:
                out.write(piece)
                continue
            section, closing = name.group(1), name.group(2)
            if not self._counts[section]:
                out.write("[]")
                continue
            out.write("[\n")
            spool = self._files[section]
            spool.seek(0)
            shutil.copyfileobj(spool, out)
            out.write("\n" + closing + "]")

    def close(self) -> None:
        for spool in self._files.values():
            spool.close()
