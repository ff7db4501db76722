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

from auditor.errors import InputError
from auditor.output.files import check_target, mode_for
from auditor.output.document import json_text


class Output:
    def __init__(self, path: str = None, inputs=()):
        """`inputs`: the run's input files, which the report may never replace."""
        self.path = path
        self.inputs = tuple(inputs)
        self._handle = self._temporary = None
        if path is not None:
            # A regular file or a new path, never an input; a symbolic link is written through.
            directory = os.path.dirname(check_target(path, self.inputs))
            try:
                fd, self._temporary = tempfile.mkstemp(prefix=".auditor-", suffix=".tmp", dir=directory)
            except OSError as exc:
                raise InputError(f"cannot write the report: {exc.strerror}", path) from None
            self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    @property
    def stream(self):
        """A file for writers that need one (rich); standard output is looked
        up at each write, so a progress display can take it over meanwhile."""
        return self._handle if self._handle is not None else _Stdout()

    def write(self, text: str) -> None:
        if self._handle is not None:
            self._handle.write(text)
        else:
            sys.stdout.write(text)

    def commit(self) -> None:
        if self._handle is None:
            sys.stdout.flush()
            return
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            real = check_target(self.path, self.inputs)  # (it may have changed kind meanwhile)
            os.chmod(self._temporary, mode_for(real))
            os.replace(self._temporary, real)
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
                os.unlink(self._temporary)
            except OSError:
                pass
            self._handle = self._temporary = None


class _Stdout:
    def write(self, text):
        return sys.stdout.write(text)

    def flush(self):
        sys.stdout.flush()

    def isatty(self):
        return sys.stdout.isatty()

    def fileno(self):
        return sys.stdout.fileno()


class Spool:
    """A JSON document whose big arrays (`sections`) fill as files finish:
    their items wait in a temporary file, already indented as json.dumps
    (indent=2) would place them, and the document is written around them
    at the end, byte for byte what rendering it whole would give."""

    MARK = "\ue001"

    def __init__(self, skeleton: dict, sections):
        self._files, self._counts, self._indents = {}, {}, {}
        text = json_text(self._marked(skeleton, sections))
        for name in sections:
            match = re.search(rf'^( *)"{self.MARK}{name}"$', text, re.MULTILINE)
            self._indents[name] = match.group(1)
            self._files[name] = tempfile.TemporaryFile("w+", encoding="utf-8")
            self._counts[name] = 0

    def _marked(self, skeleton, sections):
        """The skeleton with each section array holding only its marker."""
        if isinstance(skeleton, dict):
            return {k: [self.MARK + k] if k in sections and isinstance(v, list)
                    else self._marked(v, sections) for k, v in skeleton.items()}
        if isinstance(skeleton, list):
            return [self._marked(v, sections) for v in skeleton]
        return skeleton

    def add(self, section: str, item) -> None:
        indent = self._indents[section]
        text = "\n".join(indent + line for line in json_text(item).split("\n"))
        spool = self._files[section]
        spool.write((",\n" if self._counts[section] else "") + text)
        self._counts[section] += 1

    def write(self, skeleton: dict, out) -> None:
        """The whole document, `skeleton` (the same shape as at the start,
        its final values) around the spooled sections."""
        text = json_text(self._marked(skeleton, self._files)) + "\n"
        pieces = re.split(rf'(\[\n *"{self.MARK}\w+"\n *\])', text)
        for piece in pieces:
            name = re.fullmatch(rf'\[\n *"{self.MARK}(\w+)"\n( *)\]', piece)
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
