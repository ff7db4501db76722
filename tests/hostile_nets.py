"""Bounded generators of hostile rules files and report destinations (issue 16
parts 1, 3 and 7), shared by tests/test_hostile_nets.py and the script form:

    cd tests && PYTHONPATH=..:. python hostile_nets.py [rules|output]

Each case runs the command line in process (it is the same `main` the console
script calls) and must end as the tool promises (SECURITY.md): exit 0, 1 or
2; on 2 exactly one line on stderr, starting "auditor:"; no traceback, no
internal error (exit 3); nothing but printable text on stderr (a rules
file's or a path's control characters are escaped); within a time bound; and
nothing destroyed: a refused destination keeps what it held, no temporary
file is left beside it, a written one holds the whole report."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple, Optional

HERE = Path(__file__).resolve().parent
SEED = HERE / "fixtures" / "lantronix-2003.txt"  # 2 errors: exit 1
CLEAN = HERE / "fixtures" / "acme-tool-1996-clean.txt"  # exit 0
DEFAULT_RULES = HERE.parent / "rules" / "default.yaml"
SECONDS = 10.0  # per case (each takes well under a second alone; generous for a loaded machine)


class Outcome(NamedTuple):
    code: int
    stdout: str
    stderr: str
    seconds: float


def run_cli(*args: object) -> Outcome:
    """The command line in process, its standard streams captured."""
    from auditor import cli

    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main([str(a) for a in args])
        except SystemExit as exc:  # (argparse: a usage error)
            code = exc.code if isinstance(exc.code, int) else 2
    return Outcome(code, out.getvalue(), err.getvalue(), time.perf_counter() - start)


def broken_promises(outcome: Outcome, listing: bool = False) -> list[str]:
    """What in a run's ending breaks SECURITY.md's promises (empty: none).
    `listing`: `rules validate`, which lists every problem of a rules file."""
    problems = []
    if outcome.code not in (0, 1, 2):
        problems.append(f"exit {outcome.code}")
    lines = outcome.stderr.splitlines()
    if "Traceback" in outcome.stderr or "internal error" in outcome.stderr:
        problems.append("a traceback or an internal error")
    if outcome.code == 2 and not _one_message(lines, listing):
        problems.append(f"{len(lines)} lines on stderr, not one 'auditor:' message: {outcome.stderr[:300]!r}")
    odd = [c for c in outcome.stderr if (not c.isprintable() and c != "\n") or c in "\u202e\u2066\u200b"]
    if odd:
        problems.append(f"unescaped characters on stderr: {odd[:3]!r}")
    if outcome.seconds > SECONDS:
        problems.append(f"took {outcome.seconds:.1f} s")
    return problems


def _one_message(lines: list[str], listing: bool) -> bool:
    """One 'auditor:' line, which a formula's problem follows with the formula
    and a caret under the place (indented); `rules validate` lists each problem
    (the file's name first) and ends with the count on the 'auditor:' line."""
    if lines and lines[0].startswith("usage: auditor") and lines[-1].startswith("auditor "):
        return ": error: " in lines[-1]  # (argparse's usage error: the usage, then the one line)
    if not lines or not lines[-1 if listing else 0].startswith("auditor: "):
        return False
    rest = lines[:-1] if listing else lines[1:]
    return all(line.startswith((" ", "(")) or (listing and not line.startswith("auditor")) for line in rest)


# --- rules files ---------------------------------------------------------------------------------

# Each a pattern a rules file may carry: regular expressions that backtrack
# catastrophically, that Python's engine and a linear one read differently,
# that are not patterns at all, or that are merely odd.
PATTERNS = [
    r"^(a+)+$", r"(a|aa)+$", r"(.*a){25}", r"(?:a*)*b", r"(x+x+)+y", r"(a)\1", r"(?<=a)b", r"(?=a)a",
    r"(?P<n>a)(?P=n)", "[", "(", ")", "*", "+a", "a{99999}", r"a{1,}{1,}", r"\p{L}", r"(?i)x", r"x(?i)",
    "\\", "", "a" * 20000, r"[^\x00-\uffff]", r"\N{LATIN SMALL LETTER A}", "(?#open", "(?<name>a)",
    "\U0001f4a9+", "\u202e\u0627", r"\x00", ".{0,99999}", r"(?s).*" * 50, r"\b\B", "a|" * 5000 + "b",
    "(" * 300 + ")" * 300, "(?:" * 1000 + ")" * 1000, r"[[:alpha:]]", r"\Z\z", r"(?u)\w", "\t\r",
]

# Odd values for a rule's id, name, severity and message (YAML double-quoted
# scalars, escapes spelled out): control characters, bidirectional overrides,
# surrogates, long runs, format braces.
ODD_STRINGS = [
    r"\0", r"\x1b[31mred\x1b[0m", r"\u202eDI", r"\ud800", r"a\nb", r"\t", "x" * 20000, "\U0001f4a9",
    "", r"\u200b", "{", "}", "{row.__class__}", "{difference:>1000000000}", "{0}", "%s%s%n", r"\r\n",
    "VQ001", r"\uffff", r"\x85",
]

# Odd numbers where a rules file takes one.
NUMBERS = ["1e999999", "-1", ".inf", "-.inf", ".nan", "0x10", "1_000", "9" * 5000, "1e-400", "true", "[]",
           "{}", "null", "-0", "0.1" + "0" * 5000 + "1", "'1'", "1.5", "2", "99999999999999999999"]


def _default_rule(**fields: str) -> str:
    base = {"id": "X1", "name": "odd", "check": "row_identity", "severity": "error",
            "formula": "ending == beginning + additions - deductions", "message": "m"}
    base.update(fields)
    body = "".join(f"    {k}: {v}\n" for k, v in base.items())
    return "extends: default\nrules:\n  - " + body.lstrip()


def _laughs(depth: int, width: int) -> str:
    lines = ["a0: &a0 [lol]"]
    for d in range(1, depth):
        lines.append(f"a{d}: &a{d} [" + ", ".join([f"*a{d - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def rules_texts() -> Iterator[tuple[str, str]]:
    """(name, text) of hostile rules files that need no other file."""
    for depth, width in itertools.product((3, 6, 9, 12), (2, 9, 30)):
        laughs = _laughs(depth, width)
        yield f"laughs-{depth}x{width}-top", "extends: default\nrules: []\n" + laughs
        yield f"laughs-{depth}x{width}-roles", laughs + f"extends: default\nroles: *a{depth - 1}\nrules: []\n"
    yield "merge-key-loop", "extends: default\nx: &x {<<: *x}\nrules: []\n"
    yield "alias-undefined", "extends: default\nroles: *nowhere\nrules: []\n"
    yield "anchor-everywhere", "extends: default\nrules: &r [&s {id: &t X1}]\n"
    for depth in (10, 200, 1000, 20000):
        yield f"nested-list-{depth}", "rules: " + "[" * depth + "]" * depth + "\n"
        yield f"nested-map-{depth}", "rules: " + "{a: " * depth + "1" + "}" * depth + "\n"
        yield f"nested-block-{min(depth, 2000)}", "rules:\n" + "".join(
            " " * i + "- \n" for i in range(min(depth, 2000)))
        yield f"formula-parens-{depth}", _default_rule(formula="ending == " + "(" * depth + "beginning" + ")" * depth)
        yield f"formula-minus-{depth}", _default_rule(formula="ending == " + "-" * depth + "beginning")
        yield f"formula-chain-{depth}", _default_rule(formula="ending == " + " * ".join(["beginning"] * depth))
    for i, pattern in enumerate(PATTERNS):
        quoted = json.dumps(pattern)  # (a JSON string is a YAML double-quoted scalar)
        yield f"role-pattern-{i}", ("extends: default\nroles:\n  - role: odd\n    effect: add\n"
                                    f"    patterns: [{quoted}]\nrules: []\n")
        yield f"family-pattern-{i}", f"extends: default\nxbrl:\n  family: {quoted}\nrules: []\n"
        yield f"axis-pattern-{i}", f"extends: default\nxbrl:\n  on_axis: {quoted}\nrules: []\n"
    for i, odd in enumerate(ODD_STRINGS):
        value = f'"{odd}"'
        for field in ("id", "name", "severity", "message", "check", "formula"):
            yield f"odd-{field}-{i}", _default_rule(**{field: value})
    for i, number in enumerate(NUMBERS):
        yield f"tolerance-{i}", f"extends: default\ntolerance: {number}\nrules: []\n"
        yield f"version-{i}", f"version: {number}\nextends: default\nrules: []\n"
        yield f"rule-tolerance-{i}", _default_rule(tolerance=number)
        yield f"formula-number-{i}", _default_rule(formula=f"ending == beginning + {number.strip(chr(39))}")
    for i, formula in enumerate(["ending / 0 == 1", "beginning ** 99999 == 1", "ending == 1e999999",
                                 "ending == " + "9" * 5000, "ending", "beginning == beginning == beginning",
                                 "nope == 1", "ending == prev.prev.prev.ending", "sum(sum(sum(ending))) == 1",
                                 "ending == abs()", "ending = 1", "__import__('os')", "ending.__class__ == 1",
                                 "lambda: 1", "ending == beginning if 1 else 2", "ending @ 1"]):
        yield f"formula-odd-{i}", _default_rule(formula=json.dumps(formula))
    for name, text in [("empty", ""), ("null", "null\n"), ("list", "[]\n"), ("number", "42\n"),
                       ("python-tag", "!!python/object/apply:os.system ['true']\n"),
                       ("bom", "\ufeffextends: default\nrules: []\n"), ("tabs", "rules:\n\t- id: X\n"),
                       ("duplicate-keys", "extends: default\nrules: []\nrules: []\n"),
                       ("rules-a-string", "extends: default\nrules: VQ001\n"),
                       ("rules-a-map", "extends: default\nrules: {id: X1}\n"),
                       ("roles-null", "extends: default\nroles: null\nrules: []\n"),
                       ("many-rules", "extends: default\nrules:\n" + "".join(
                           f"  - {{id: X{i}, name: n{i}, check: row_identity, severity: info, "
                           f"formula: 'ending == ending', message: m}}\n" for i in range(3000))),
                       ("long-line", "extends: default\nrules: []\n# " + "x" * 2_000_000 + "\n"),
                       ("nul", "extends: default\x00\nrules: []\n"),
                       ("lone-surrogate-escape", 'extends: default\nrules: []\nx: "\\ud800"\n'),
                       ("document-stream", "extends: default\nrules: []\n---\nrules: []\n"),
                       ("extends-number", "extends: 123\nrules: []\n"),
                       ("extends-list", "extends: [default, default]\nrules: []\n"),
                       ("extends-empty", "extends: ''\nrules: []\n"),
                       ("extends-url", "extends: 'http://example.com/r.yaml'\nrules: []\n"),
                       ("extends-nul", 'extends: "a\\0b"\nrules: []\n'),
                       ("extends-long-name", "extends: '" + "n" * 5000 + "'\nrules: []\n"),
                       ("extends-control", 'extends: "\\x1b[2J"\nrules: []\n')]:
        yield name, text


def rules_bytes() -> Iterator[tuple[str, bytes]]:
    """Rules files that are not text."""
    yield "binary", bytes(range(256)) * 4
    yield "latin-1", "extends: default\nrules: []\n# caf\xe9\n".encode("latin-1")
    yield "utf-16", "extends: default\nrules: []\n".encode("utf-16")


def extends_targets(directory: Path) -> Iterator[tuple[str, str]]:
    """(name, rules text) whose `extends` names a file of an odd kind, made in `directory`."""
    fifo = directory / "fifo"
    os.mkfifo(fifo)
    (directory / "sub").mkdir()
    (directory / "loop-a").symlink_to(directory / "loop-b")
    (directory / "loop-b").symlink_to(directory / "loop-a")
    (directory / "dangling").symlink_to(directory / "nowhere")
    (directory / "binary.yaml").write_bytes(bytes(range(256)))
    (directory / "cycle-a.yaml").write_text("extends: cycle-b.yaml\nrules: []\n")
    (directory / "cycle-b.yaml").write_text("extends: cycle-a.yaml\nrules: []\n")
    (directory / "self.yaml").write_text("extends: self.yaml\nrules: []\n")
    chain = 60
    for i in range(chain):
        target = f"chain-{i + 1}.yaml" if i + 1 < chain else "default"
        (directory / f"chain-{i}.yaml").write_text(f"extends: {target}\nrules: []\n")
    for name, target in [("dev-zero", "/dev/zero"), ("dev-null", "/dev/null"), ("dev-full", "/dev/full"),
                         ("fifo", str(fifo)), ("directory", str(directory / "sub")), ("proc", "/proc/self/mem"),
                         ("loop", str(directory / "loop-a")), ("dangling", str(directory / "dangling")),
                         ("binary", "binary.yaml"), ("cycle", "cycle-a.yaml"), ("self", "self.yaml"),
                         ("chain", "chain-0.yaml"), ("parent", "../" * 40 + "etc/passwd"),
                         ("relative-missing", "missing.yaml")]:
        yield f"extends-{name}", f"extends: {json.dumps(target)}\nrules: []\n"


def rules_cases(directory: Path) -> Iterator[tuple[str, Path]]:
    """Every hostile rules file, written into `directory`."""
    for i, (name, text) in enumerate(itertools.chain(rules_texts(), extends_targets(directory))):
        path = directory / f"r{i:03d}.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        yield name, path
    for name, data in rules_bytes():
        path = directory / f"{name}.yaml"
        path.write_bytes(data)
        yield name, path


def check_rules(name: str, path: Path) -> list[str]:
    """The promises broken by checking the seed with, and validating, one rules file."""
    problems = []
    for args in (("check", "--no-cache", "--rules", path, SEED), ("rules", "validate", path)):
        outcome = run_cli(*args)
        problems += [f"{name} ({args[0]}): {p}" for p in broken_promises(outcome, listing=args[0] == "rules")]
    return problems


# --- report destinations ------------------------------------------------------------------------


class Target(NamedTuple):
    path: str
    allowed: bool  # a report may be written there
    written: str  # the real file that holds the report once written ("" where refused)


def _snapshot(path: str) -> object:
    """What is at `path`, to compare before and after a refused run."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        return ("missing", exc.errno)
    content = None
    if os.path.isfile(path) and not path.startswith(("/proc", "/sys")):
        content = Path(path).read_bytes()
    return (st.st_mode, st.st_ino, st.st_size, os.path.islink(path) and os.readlink(path), content)


def targets(directory: Path, inputs: dict[str, Path]) -> Iterator[tuple[str, Target]]:
    """(name, Target) of every kind of place a report may be sent, made in `directory`."""
    d = directory
    (d / "old.txt").write_text("old report\n")
    (d / "sub").mkdir()
    os.mkfifo(d / "fifo")
    (d / "real.txt").write_text("old\n")
    (d / "link").symlink_to(d / "real.txt")
    (d / "link-new").symlink_to(d / "fresh.txt")
    (d / "link-dir").symlink_to(d / "sub")
    (d / "link-fifo").symlink_to(d / "fifo")
    (d / "loop-a").symlink_to(d / "loop-b")
    (d / "loop-b").symlink_to(d / "loop-a")
    (d / "link-input").symlink_to(inputs["filing"])
    os.link(inputs["filing"], d / "hard-input")
    (d / "link-missing-dir").symlink_to(d / "nowhere" / "x.txt")
    yield "new", Target(str(d / "new.txt"), True, str(d / "new.txt"))
    yield "existing", Target(str(d / "old.txt"), True, str(d / "old.txt"))
    yield "symlink", Target(str(d / "link"), True, str(d / "real.txt"))
    yield "dangling-symlink", Target(str(d / "link-new"), True, str(d / "fresh.txt"))
    odd = str(d / "\x1b[2J\u202e.txt")
    yield "control-characters", Target(odd, True, odd)
    for name, path in [("directory", d / "sub"), ("directory-slash", f"{d / 'sub'}/"), ("fifo", d / "fifo"),
                       ("symlink-to-directory", d / "link-dir"), ("symlink-to-fifo", d / "link-fifo"),
                       ("symlink-loop", d / "loop-a"), ("dev-null", "/dev/null"), ("dev-full", "/dev/full"),
                       ("dev-zero", "/dev/zero"), ("proc", "/proc/version"), ("missing-directory", d / "no" / "x"),
                       ("symlink-into-missing-directory", d / "link-missing-dir"),
                       ("under-a-file", d / "old.txt" / "x"), ("trailing-slash-file", f"{d / 'old.txt'}/"),
                       ("long-name", d / ("n" * 300)), ("empty", ""), ("dot", "."),
                       ("input", inputs["filing"]), ("symlink-to-input", d / "link-input"),
                       ("hard-link-to-input", d / "hard-input"), ("rules", inputs["rules"]),
                       ("extended-rules", inputs["base"]), ("files-from", inputs["list"]),
                       ("found-in-directory", inputs["found"]), ("baseline", inputs["baseline"])]:
        yield name, Target(str(path), False, "")


def output_runs(directory: Path) -> Iterator[tuple[str, list[object], Target, str]]:
    """(name, arguments, target, report format) for each destination, option and format."""
    inputs = {"filing": directory / "in" / "filing.txt", "rules": directory / "in" / "rules.yaml",
              "base": directory / "in" / "base.yaml", "list": directory / "in" / "list",
              "found": directory / "in" / "dir" / "found.txt", "baseline": directory / "in" / "baseline.json"}
    (directory / "in" / "dir").mkdir(parents=True)
    inputs["filing"].write_bytes(SEED.read_bytes())
    inputs["found"].write_bytes(CLEAN.read_bytes())
    inputs["base"].write_text("extends: default\nrules: []\n")
    inputs["rules"].write_text("extends: base.yaml\nrules: []\n")
    inputs["list"].write_text(f"{inputs['filing']}\n")
    inputs["baseline"].write_text('{"version": 1, "tool": "auditor", "findings": []}\n')
    ready = directory / "out"
    ready.mkdir()
    every = ["--rules", inputs["rules"], "--files-from", inputs["list"], inputs["found"].parent]
    for (name, target), form in itertools.product(list(targets(ready, inputs)), ("text", "json", "sarif",
                                                                                    "jsonl", "github", "html")):
        yield f"{name} ({form})", ["check", "--no-cache", "--format", form, *every, "--baseline", inputs["baseline"],
                                   "--output", target.path], target, form
    for name, target in targets(directory / "baseline-targets", inputs) if _mkdir(directory / "baseline-targets") \
            else ():
        if name == "baseline":  # (--baseline and --write-baseline go apart)
            continue
        yield f"{name} (baseline)", ["check", "--no-cache", *every, "--write-baseline", target.path], target, ""


def _mkdir(path: Path) -> bool:
    path.mkdir()
    return True


def check_output(name: str, args: list[object], target: Target, form: str) -> list[str]:
    """The promises broken by one run sending its report to one destination."""
    watched = {p: _snapshot(p) for p in (target.path, target.written) if p} if not target.allowed else {}
    around = [target.path, target.written, os.path.dirname(target.path) or "."]
    before_temps = _temporaries(around)
    outcome = run_cli(*args)
    problems = [f"{name}: {p}" for p in broken_promises(outcome)]
    if target.allowed:
        if outcome.code != (0 if form == "" else 1) or outcome.stdout:
            problems.append(f"{name}: exit {outcome.code}, {len(outcome.stdout)} characters on stdout: "
                            f"{outcome.stderr.strip()[:200]}")
        else:
            problems += [f"{name}: {p}" for p in _whole_report(Path(target.written), form)]
            if os.path.islink(target.path) is False and target.path != target.written:
                problems.append(f"{name}: the symbolic link was replaced")
    else:
        if outcome.code != 2:
            problems.append(f"{name}: exit {outcome.code}, not refused")
        for path, before in watched.items():
            if _snapshot(path) != before:
                problems.append(f"{name}: {path!r} changed")
    if _temporaries(around) != before_temps:
        problems.append(f"{name}: a temporary file was left")
    return problems


def _temporaries(paths: list[str]) -> set[str]:
    found = set()
    for path in paths:
        directory = path if os.path.isdir(path) else os.path.dirname(path)
        with contextlib.suppress(OSError):
            found |= {os.path.join(directory, n) for n in os.listdir(directory or ".") if n.startswith(".auditor-")}
    return found


def _whole_report(path: Path, form: str) -> list[str]:
    if form == "":  # a baseline
        form = "json"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        return [f"no report at {path}: {exc.strerror}"]
    if form in ("json", "sarif"):
        try:
            json.loads(text)
        except ValueError:
            return ["the report is not whole JSON"]
    elif form == "jsonl":
        if not all(json.loads(line) is not None for line in text.splitlines()):
            return ["a line is not JSON"]
    elif form == "html" and not text.rstrip().endswith("</html>"):
        return ["the page is not whole"]
    elif not text.strip():
        return ["the report is empty"]
    return []


def streams_cases() -> Iterator[tuple[str, list[str], str]]:
    """(name, shell command, what stderr must be) for a full and a closed standard output,
    through the console script (a subprocess: the streams are the process's own)."""
    script = Path(sys.executable).parent / "auditor"
    for form in ("text", "json", "sarif", "jsonl", "github", "html"):
        base = f"{script} check --no-cache --format {form} {SEED}"
        yield f"full ({form})", [f"{base} > /dev/full"], \
            "auditor: cannot write the report to standard output: No space left on device\n"
        yield f"closed ({form})", [f"{base} >&-"], "one line"
        yield f"broken pipe ({form})", [f"{base} | head -c 1 > /dev/null; exit ${{PIPESTATUS[0]}}"], ""
    for asked in ("--help", "--version", "check --help", "rules --help", "rules validate --help"):
        # (argparse drops a failed write: these said nothing and exited 0 until s35)
        yield f"full ({asked})", [f"{script} {asked} > /dev/full"], \
            "auditor: cannot write the report to standard output: No space left on device\n"
        yield f"closed ({asked})", [f"{script} {asked} >&-"], "one line"


def main(argv: list[str]) -> int:
    which = argv[1:] or ["rules", "output"]
    problems: list[str] = []
    count = 0
    with tempfile.TemporaryDirectory() as temporary:
        os.chdir(temporary)  # (no stray cache beside the sources)
        if "rules" in which:
            directory = Path(temporary, "rules")
            directory.mkdir()
            for name, path in rules_cases(directory):
                count += 1
                problems += check_rules(name, path)
        if "output" in which:
            directory = Path(temporary, "output")
            directory.mkdir()
            for name, args, target, form in output_runs(directory):
                count += 1
                problems += check_output(name, args, target, form)
    print("\n".join(problems))
    print(f"{count} cases, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
