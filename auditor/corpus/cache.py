"""The result cache: a second run over an unchanged corpus only reads it.

An entry is keyed by the file's content (SHA-256 of its bytes as stored,
compressed or not) and by everything else that decides the result: the
tool itself (a digest of its code, grammars and bundled rules, which changes
with every version and every edit), the rules file and every file it extends, and the
options that change findings (--select, --ignore, --severity,
--input-format).  A changed rule, option or tool version gives new keys, so
everything is checked again; old entries are simply no longer read.

Reading and hashing every file again would make a second run over a large
corpus cost as much as reading it: beside the entries, an index maps a
file's identity (device, inode, size, modification and change times, as git's
index does) to the digest of its content when it was last read.  A file
whose identity is unchanged is taken to hold the same bytes; its entry is
still found by that content digest.  The change time cannot be set back by
a user, and a file changed in the last two seconds before it was read is
not indexed (it could change again within one tick of its clock).

Entries are written whole or not at all (a temporary file in the same
directory, then a rename), so concurrent runs and runs stopped midway leave
only complete entries.  Each entry carries its key and a checksum of its
body: an entry that fails either (a damaged disk, an edit) is ignored,
the file checked again, and the entry rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from auditor.corpus import codec
from auditor.package_data import PACKAGE
from auditor.result import FileResult

if TYPE_CHECKING:
    from auditor.ruleset.rules import RuleSet

DEFAULT_DIR = ".auditor_cache"
LAYOUT = "v2"  # the directory under the cache dir: a new layout starts afresh
INDEX = "identity"  # under LAYOUT: a file's identity -> its content's digest
RACY_NS = 2_000_000_000  # a file changed this recently is not indexed
TEMPORARY = ".tmp"  # an entry being written: ".{pid}-{random}.tmp", renamed when whole


def fingerprint(ruleset: RuleSet, select: Iterable[str] = (), ignore: Iterable[str] = (),
                severity: Iterable[str] = (), input_format: Optional[str] = None,
                sources: Optional[str] = "both") -> str:
    """Everything besides a file's content that decides its result."""
    digest = hashlib.sha256()
    digest.update(code_digest())
    for path in ruleset.files or (ruleset.path,):
        digest.update(b"\0rules\0" + str(path).encode())
        try:
            digest.update(Path(path).read_bytes())
        except OSError:  # loaded a moment ago; gone now: never matches a stored key
            digest.update(os.urandom(16))
    options = json.dumps([list(select), list(ignore), list(severity), input_format, sources])
    digest.update(b"\0options\0" + options.encode())
    return digest.hexdigest()


def code_digest() -> bytes:
    """The tool's version, to the byte: its own source, grammars and bundled
    rules.  (A version number does not change with every edit of a checkout,
    and a stale result must never be read; importlib.metadata would also cost
    40 ms of start-up.)"""
    package = PACKAGE.resolve()
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".lark", ".yaml", ".json") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.digest()


class Cache:
    def __init__(self, directory: str, fingerprint: Optional[str]) -> None:
        self.directory = Path(directory) / LAYOUT
        self.fingerprint = fingerprint
        self.writable = True

    def content_key(self, content: str) -> str:
        """The entry's key for a content digest (`digest`)."""
        return hashlib.sha256(f"{self.fingerprint}:{content}".encode()).hexdigest()

    def known(self, path: str, status: os.stat_result) -> Optional[str]:
        """The content digest indexed for this file, if its identity is the same now."""
        try:
            entry = json.loads(self._index_path(path).read_text("utf-8"))
            if entry["path"] == os.path.abspath(path) and entry["identity"] == identity(status):
                content = entry["content"]
                if isinstance(content, str) and len(content) == 64 and all(c in HEX for c in content):
                    return content
        except Exception:  # absent, damaged, an older layout: read the file
            pass
        return None

    def remember(self, path: str, status: os.stat_result, content: str, now_ns: int) -> None:
        """Index the file's identity (taken before it was read at `now_ns`) and content digest."""
        if not self.writable or now_ns - max(status.st_mtime_ns, status.st_ctime_ns) < RACY_NS:
            return
        text = json.dumps({"path": os.path.abspath(path), "identity": identity(status), "content": content})
        self._write(self._index_path(path), text)

    def _index_path(self, path: str) -> Path:
        name = hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogateescape")).hexdigest()
        return self.directory / INDEX / name[:2] / f"{name}.json"

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str, path: str) -> Optional[FileResult]:
        """The FileResult (with its diagnosis) stored under `key`, or None (absent or damaged)."""
        try:
            text = self._path(key).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        header, newline, body = text.partition("\n")
        try:
            entry = json.loads(header)
            if not newline or entry["key"] != key or entry["sha256"] != _checksum(body):
                return None
            return codec.loads(body, path)
        except Exception:  # damaged in any way: check the file again, rewrite the entry
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Store a result; a cache that cannot be written is not an error
        (read-only directory, full disk): the run goes on without it."""
        if not self.writable:
            return
        body = codec.dumps(result)
        # A line of its own for the key and the checksum: the body is not decoded as a JSON string.
        header = json.dumps({"key": key, "sha256": _checksum(body)})
        self._write(self._path(key), f"{header}\n{body}")

    def _write(self, target: Path, text: str) -> None:
        try:
            self._prepare(target.parent)
            fd, temporary = tempfile.mkstemp(prefix=f".{os.getpid()}-", suffix=TEMPORARY, dir=target.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(temporary, target)
            except BaseException:
                _unlink(temporary)
                raise
        except OSError:
            self.writable = False

    def _prepare(self, directory: Path) -> None:
        if directory.is_dir():
            return
        top = self.directory.parent
        if not top.is_dir():
            top.mkdir(parents=True, exist_ok=True)
            # Keep the cache out of version control and backups, as other tools' caches do.
            (top / ".gitignore").write_text("# made by auditor\n*\n")
            (top / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# auditor's result cache: safe to delete\n")
        directory.mkdir(parents=True, exist_ok=True)


def sweep(directory: str, pids: set[int]) -> int:
    """Remove the half-written entries of worker processes that were stopped
    or died (killed in the middle of a write, they never renamed them): how many."""
    prefixes = tuple(f".{pid}-" for pid in pids)
    removed = 0
    for root, _, names in os.walk(Path(directory) / LAYOUT):
        for name in names:
            if name.endswith(TEMPORARY) and name.startswith(prefixes):
                _unlink(os.path.join(root, name))
                removed += 1
    return removed


def digest(data: bytes) -> str:
    """A file's content digest: SHA-256 of its bytes as stored."""
    return hashlib.sha256(data).hexdigest()


def identity(status: os.stat_result) -> list[int]:
    return [status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns]


HEX = frozenset("0123456789abcdef")


def _checksum(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass
