"""auditor: arithmetic checks for SEC Schedule II exhibits.

    >>> import auditor
    >>> result = auditor.check_file("exhibit.txt")
    >>> [f.message for f in result.findings]

The code follows the data, one way (`pipeline` runs it):

- `source`: read and decode an input; `pipeline`: sniff its kind, split a
  submission into documents;
- `frontends/` (`text/`, `html/`, `xbrl/`): find the schedules and lay each
  out as located cells (text, value, position), headings and labels, the
  AST of `model`, with captions read through `labels`;
- `reading/`: what each column, row and sign means;
- `ruleset/`: the rules file (loading, schema messages, the formula
  language) and the engine that evaluates it;
- `diagnose`: which printed figure, corrected, makes the arithmetic hold;
- `output/`: one writer per format; `corpus/`: many files, in parallel,
  cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

from auditor.lazy_import import defer_unused

defer_unused()  # (before lark is imported: its optional `regex` loaded on first use, lazy_import)

from auditor.errors import InputError  # noqa: E402
from auditor.pipeline import check_file, check_source, schedules
from auditor.result import FileResult
from auditor.ruleset.rules import load as load_rules

if TYPE_CHECKING:  # the corpus machinery is imported only when many files are checked
    from auditor.corpus.work import Checked

__all__ = ["check_file", "check_source", "check_paths", "schedules", "FileResult", "InputError", "load_rules"]


def check_paths(paths: Union[str, Iterable[str]], rules: Optional[str] = None, jobs: Optional[int] = None,
                engine: Literal["pool", "dask"] = "pool", **options: Any) -> Iterator[Checked]:
    """Check many files; yield a `corpus.work.Checked` per file (its `index`
    among `paths`, its `result`, a FileResult carrying its `diagnosis`, and
    `cached`) as each finishes.

    `paths`: files (a directory is searched as the command line does;
    corpus.discover.expand); `rules`: a rules file's path (default: the
    bundled rules); `jobs`: worker processes (default: the CPUs; 1: in this
    process); `engine`: "pool" or "dask" (`scheduler=ADDRESS` for a running
    cluster).  Other keywords: `select`, `ignore`, `severity` (tuples of
    patterns, as the options of that name), `input_format`, `sources`, `cache_dir` (a
    result cache; default none), `ordered` (results in the paths' order),
    `on_done` (called with each result as it finishes).
    """
    from auditor.corpus import discover, engines
    from auditor.corpus.cache import fingerprint
    from auditor.corpus.work import Options, prepare

    scheduler = options.pop("scheduler", None)
    ordered = options.pop("ordered", False)
    on_done = options.pop("on_done", None)
    settings = Options.for_run(rules=rules, **options)
    if settings.cache_dir:
        ruleset, _ = prepare(settings)
        settings = settings._replace(fingerprint=fingerprint(ruleset, settings.select, settings.ignore,
                                                             settings.severity, settings.input_format,
                                                             settings.sources))
    files = list(discover.expand([paths] if isinstance(paths, str) else paths))
    return engines.run(files, settings, jobs, engine, scheduler, ordered=ordered, on_done=on_done)
