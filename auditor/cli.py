"""The `auditor` command.

Exit status: 0 no finding at or above the failing severity (error, unless
--fail-on says otherwise); 1 such findings; 2 a usage or input error, told
on stderr in one line, never as a traceback; 3 an internal error (a bug of
ours), told in one line with a request to report it.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Optional

from auditor.errors import internal_message, shown
from auditor.output import formats

if TYPE_CHECKING:
    from auditor.ruleset.rules import RuleSet
    from _typeshed import SupportsWrite

EXIT_CLEAN, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
# What --help says of the formats it knows (a format registered elsewhere is listed by its name).
FORMAT_HELP = {"text": "text (default)", "json": "json (the documented contract)", "jsonl": "jsonl (one finding a line)",
               "sarif": "sarif (SARIF 2.1.0)", "github": "github (workflow annotations)",
               "html": "html (a self-contained page)"}


EXIT_CODES = """exit status:
  0  no finding at or above --fail-on (default: error)
  1  findings at or above --fail-on
  2  a usage or input error: one line on stderr, naming the file and line
  3  an internal error (a bug of auditor's): one line, please report it"""


def main(argv: Optional[Sequence[str]] = None) -> int:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        sys.stdout = _ClosedStdout()
    try:
        parser = _parser()
        try:
            args = parser.parse_args(argv)
        except SystemExit:  # --help, --version: a full disk shows only at the flush, as for a report
            sys.stdout.flush()
            raise
        if args.command == "check" and not args.files and not args.files_from:
            parser.error("check: name a PATH (a file or a directory) or --files-from LIST")
        status = args.run(args)
        sys.stdout.flush()  # (a full disk shows only here, for buffered output)
        return status
    except BrokenPipeError:  # `auditor check ... | head`: silent, as Unix tools are
        _silence_stdout()
        return EXIT_INPUT
    except OSError as exc:
        if exc.filename is None and exc.errno in _STDOUT_ERRORS:  # (files named on the command line say so)
            _silence_stdout()
            return _fail(f"cannot write the report to standard output: {exc.strerror or exc}")
        return _internal_failure(exc)
    except KeyboardInterrupt:
        return 130
    except RecursionError:
        return _fail("an input is nested too deeply to read")
    except Exception as exc:  # a bug of ours: one line, exit 3, never a traceback
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        return _internal_failure(exc)


class _ClosedStdout(io.TextIOBase):
    """Standard output the process was started without: writing a report
    there fails as a full disk does (one line, exit 2), not with an
    AttributeError; a run that writes no report to it (--output) is unharmed."""

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "it is closed")

    def fileno(self) -> int:
        raise OSError("standard output is closed")

    def isatty(self) -> bool:
        return False


def _stdout_errors() -> set:
    import errno

    return {getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EIO", "EFBIG", "EBADF", "EPIPE", "ECONNRESET")
            if hasattr(errno, name)}


_STDOUT_ERRORS = _stdout_errors()


def _silence_stdout() -> None:
    from auditor.output.files import silence_stdout

    silence_stdout()


def _internal_failure(exc: BaseException) -> int:
    sys.stderr.write(shown(f"auditor: {internal_message(exc, 'while running')}\n"))
    return EXIT_INTERNAL


class _Parser(argparse.ArgumentParser):
    """argparse's, but --help and --version fail on a closed or full standard
    output as a report does (argparse drops such an error: exit 0, nothing
    written); its messages on stderr keep argparse's way."""

    def _print_message(self, message: str, file: Optional[SupportsWrite[str]] = None) -> None:
        if file is None or file is sys.stderr:
            super()._print_message(message, file)
        elif message:
            file.write(message)  # (subcommands' parsers are made of this class too)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="auditor",
        description="Check the arithmetic of SEC Schedule II (Valuation and Qualifying Accounts) exhibits.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, help="print auditor's version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help="check exhibits and report findings", epilog=EXIT_CODES,
                           formatter_class=argparse.RawDescriptionHelpFormatter)
    check.add_argument("files", nargs="*", metavar="PATH",
                       help="a filing, or a directory to search for filings (*.txt, *.htm, *.html, *.xml, "
                            "and the same gzipped); - reads standard input")
    _corpus_options(check)
    _rules_option(check)
    _input_format_option(check)
    _max_bytes_option(check)
    check.add_argument("--source", choices=("table", "xbrl", "both"), default="both",
                       help="what to check in inline XBRL documents: the printed tables, the tagged facts, "
                            "or both, each against the other (default: both)")
    check.add_argument("--format", choices=formats(), default=None,
                       help=", ".join(FORMAT_HELP.get(name, name) for name in formats()))
    check.add_argument("--output", type=_named, metavar="FILE",
                       help="write the report to FILE (atomically) instead of stdout; FILE must be a regular "
                            "file or a new path, never an input (a symbolic link is written through)")
    check.add_argument("--show-table", action=argparse.BooleanOptionalAction, default=None,
                       help="text: show each schedule with findings as a table (default: on for one file on a terminal)")
    check.add_argument("--summary", action="store_true",
                       help="text: counts per rule and per file status, and the files with the largest "
                            "differences, instead of each finding")
    known = check.add_mutually_exclusive_group()
    known.add_argument("--write-baseline", type=_named, metavar="FILE", help="record the current findings as accepted, in FILE")
    known.add_argument("--baseline", type=_named, metavar="FILE", help="report only findings FILE does not record as accepted")
    check.add_argument("--select", action="append", default=[], metavar="ID",
                       help="run only rules whose id or name starts with ID (repeatable, comma-separated)")
    check.add_argument("--ignore", action="append", default=[], metavar="ID",
                       help="skip rules whose id or name starts with ID (repeatable, comma-separated)")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                       help="lowest severity that makes the exit status 1 (default: error)")
    check.add_argument("--severity", action="append", default=[], metavar="RULE=LEVEL",
                       help="report rules whose id or name starts with RULE at LEVEL (error, warning, info; "
                            "repeatable, comma-separated)")
    check.set_defaults(run=_check)

    parse = sub.add_parser("parse", help="show the schedule as the rules see it")
    parse.add_argument("file", metavar="FILE", help="an exhibit or submission, text or HTML; - reads standard input")
    _rules_option(parse)
    _input_format_option(parse)
    _max_bytes_option(parse)
    parse.add_argument("--source", choices=("table", "xbrl", "both"), default="table",
                       help="the schedule as printed (default), as its inline XBRL facts tag it, or both")
    parse.add_argument("--format", choices=("text", "json"), default="text",
                       help="text (default): the schedule for people; json: for tools")
    parse.set_defaults(run=_parse)

    saved = sub.add_parser("report", help="render a saved --format json or jsonl result, without checking again")
    saved.add_argument("file", metavar="FILE", help="the output of `auditor check --format json` (or jsonl)")
    saved.add_argument("--format", choices=("html",), default="html", help="html (default): a self-contained page")
    saved.add_argument("--output", type=_named, metavar="FILE", help="write the report to FILE (atomically) instead of stdout")
    saved.set_defaults(run=_render_saved)

    rules = sub.add_parser("rules", help="list or validate rules files")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True, metavar="ACTION")
    listing = rules_sub.add_parser("list", help="the rules of a rules file")
    _rules_option(listing)
    listing.set_defaults(run=_rules_list)
    explain = rules_sub.add_parser("explain", help="what a rule checks, its formula and an example finding")
    explain.add_argument("rule_id", metavar="ID", help="a rule's id or name")
    _rules_option(explain)
    explain.set_defaults(run=_rules_explain)
    validate = rules_sub.add_parser("validate", help="validate a rules file: every problem, with line and column")
    validate.add_argument("rules_file", metavar="FILE", help="the rules file to validate")
    validate.set_defaults(run=_rules_validate)
    return parser


def _corpus_options(check: argparse.ArgumentParser) -> None:
    corpus = check.add_argument_group("many files")
    corpus.add_argument("--files-from", type=_named, metavar="LIST", help="check the paths LIST names, one a line (-: stdin)")
    corpus.add_argument("--include", action="append", default=[], metavar="GLOB",
                        help="in directories, check the files GLOB matches instead of the filing kinds (repeatable)")
    corpus.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                        help="in directories, skip files and directories GLOB matches (repeatable)")
    corpus.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                        help="worker processes (default: the number of CPUs; 1: in this process)")
    corpus.add_argument("--engine", choices=("pool", "dask"), default="pool",
                        help="pool (default): a process pool here; dask: Dask distributed (pip install 'auditor[dask]')")
    corpus.add_argument("--scheduler", metavar="ADDRESS",
                        help="--engine dask: a running Dask scheduler (default: start a local cluster of --jobs workers)")
    corpus.add_argument("--cache-dir", type=_named, metavar="DIR", help="result cache (default: .auditor_cache)")
    corpus.add_argument("--no-cache", action="store_true", help="neither read nor write the result cache")
    corpus.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def _named(text: str) -> str:
    """A path option's value: an empty one is a mistake (an unset variable in
    a script), never "not given" (the default rules, no baseline, stdout)."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path (an unset variable?)")
    return text


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return value


def _rules_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--rules", type=_named, metavar="FILE", help="rules file (default: the bundled rules/default.yaml)")


def _max_bytes_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-bytes", type=_byte_count, default=None, metavar="N",
                   help="read at most N bytes of an input (suffix K, M or G; default 512M): a larger input "
                        "is refused")


def _byte_count(text: str) -> int:
    units = {"k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}
    scale = units.get(text[-1:].lower(), 1)
    digits = text[:-1] if scale > 1 else text
    if not digits.isdigit() or len(digits) > 15:
        raise argparse.ArgumentTypeError(f"not a number of bytes: {text!r} (e.g. 512M)")
    return int(digits) * scale


class _Version(argparse.Action):
    """--version, looked up only when asked (importlib.metadata costs start-up time)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: Optional[str] = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: Optional[str] = None) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("auditor")
        except PackageNotFoundError:
            number = "unknown (not installed)"
        sys.stdout.write(f"auditor {number}\n")
        parser.exit()


def _input_format_option(p: argparse.ArgumentParser) -> None:
    from auditor.frontends import printed_kinds  # (the registry: no front end is imported by it)

    p.add_argument("--input-format", choices=printed_kinds(), default=None,
                   help="read the input as EDGAR text or as HTML (default: by its content)")


def _fail(message: str) -> int:
    sys.stderr.write(shown(f"auditor: {message}\n"))
    return EXIT_INPUT


def _load_rules(path: Optional[str]) -> RuleSet:
    from auditor.ruleset import rules

    return rules.load(path)


def _check(args: argparse.Namespace) -> int:
    problem = _check_usage(args)
    if problem is not None:
        return _fail(problem)
    args.format = args.format or "text"
    from auditor.corpus import run

    return run.check(args)


def _check_usage(args: argparse.Namespace) -> Optional[str]:
    """What is wrong with the flags of `check` taken together (a flag the run
    would ignore is a mistake to tell, not to pass over), before any file is read."""
    text = args.format in (None, "text")
    if args.summary and not text:
        return "--summary goes with --format text"
    if args.show_table is not None and not text:
        option = "--show-table" if args.show_table else "--no-show-table"
        return f"{option} goes with --format text"
    if args.write_baseline:
        ignored = [option for option, given in (("--output", args.output), ("--format", args.format),
                                                ("--summary", args.summary),
                                                ("--show-table", args.show_table is not None)) if given]
        if ignored:
            return f"--write-baseline writes no report: {ignored[0]} has nothing to do"
    if args.scheduler and args.engine != "dask":
        return "--scheduler goes with --engine dask"
    if args.cache_dir and args.no_cache:
        return "--cache-dir and --no-cache: one or the other"
    return None


def _render_saved(args: argparse.Namespace) -> int:
    """`auditor report FILE.json`: exit 0 once the page is written, 2 if the
    file is not a saved result (one line naming the file and line)."""
    from auditor.output import html as html_report, saved
    from auditor.output.files import write_file
    from auditor.errors import InputError

    if args.output and os.path.exists(args.output) and os.path.exists(args.file) and os.path.samefile(args.file, args.output):
        return _fail(f"{args.output}: --output is the saved result itself; it is left as it is")
    try:
        page = html_report.render(saved.load(args.file), shown_in="saved")
        if args.output is None:
            sys.stdout.write(page)
        else:
            write_file(args.output, page)  # atomically, as `check --output`
    except InputError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{args.output}: cannot write the report: {exc.strerror}")
    return EXIT_CLEAN


def _parse(args: argparse.Namespace) -> int:
    import auditor
    from auditor.output import describe
    from auditor import source
    from auditor.errors import InputError

    try:
        ruleset = _load_rules(args.rules)
        schedules = auditor.schedules(source.read(args.file, args.max_bytes), ruleset, args.input_format, args.source)
    except InputError as exc:
        return _fail(str(exc.located(args.file)))
    except RecursionError:
        return _fail(f"{args.file}: input too deeply nested to read")
    except Exception as exc:  # a bug of ours: one line, exit 3
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        _fail(f"{args.file}: {internal_message(exc)}")
        return EXIT_INTERNAL
    if args.format == "json":
        sys.stdout.write(describe.dumps(schedules) + "\n")
    else:
        sys.stdout.write(shown(describe.text(schedules)))  # (a filing's labels: no escape sequence reaches the terminal)
    return EXIT_CLEAN


def _rules_list(args: argparse.Namespace) -> int:
    def show(ruleset: RuleSet) -> int:
        from auditor.ruleset.authoring import listing

        listing(ruleset, sys.stdout, width=None if sys.stdout.isatty() else 160)
        return EXIT_CLEAN

    return _with_rules(args.rules, show)


def _rules_explain(args: argparse.Namespace) -> int:
    def show(ruleset: RuleSet) -> int:
        from auditor.ruleset.authoring import explain

        rule = ruleset.rule(args.rule_id)
        if rule is None:
            return _fail(f"no rule {args.rule_id!r} in {ruleset.path} (rules: {', '.join(r.id for r in ruleset.rules)})")
        sys.stdout.write(explain(ruleset, rule))
        return EXIT_CLEAN

    return _with_rules(args.rules, show)


def _with_rules(path: Optional[str], command: Callable[[RuleSet], int]) -> int:
    """A `rules` command run on the rules file at `path` (None: the bundled one); where that
    cannot be loaded, its input error said and exit 2, as every command's."""
    from auditor.errors import InputError

    try:
        ruleset = _load_rules(path)
    except InputError as exc:
        return _fail(str(exc))
    return command(ruleset)


def _rules_validate(args: argparse.Namespace) -> int:
    from auditor.ruleset.authoring import validate

    problems = validate(args.rules_file, sys.stdout)
    for problem in problems:
        sys.stderr.write(shown(f"{problem}\n"))
    if problems:
        return _fail(f"{args.rules_file}: {len(problems)} problem{'s' * (len(problems) > 1)}")
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
