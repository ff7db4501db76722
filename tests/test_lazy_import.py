"""auditor.lazy_import: lark's optional `regex` module, registered at `import auditor` and run at
its first use, is the module an import makes, for lark and every other user in the process.
Each case runs in a fresh interpreter (a module is imported once a process)."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytest.importorskip("regex")


def _run(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_auditor_and_checking_the_seed_does_not_run_regex():
    out = _run("""
        import sys, auditor
        auditor.check_file("tests/fixtures/lantronix-2003.txt", auditor.load_rules())
        print("regex._main" in sys.modules, type(sys.modules["regex"]).__name__)
    """)
    assert out == "False _OnFirstUse"


def test_lark_still_finds_regex_and_serves_regex_true_at_its_first_use():
    out = _run(r"""
        import auditor, lark, lark.lark, lark.utils
        assert lark.lark._has_regex and lark.utils._has_regex
        parser = lark.Lark(r'start: /\p{L}+/', regex=True)
        print(parser.parse("h\u00e9llo").children[0])
    """)
    assert out == "h\u00e9llo"


def test_every_user_gets_the_one_module_executed_whole():
    out = _run("""
        import sys, auditor, lark.utils
        from regex import compile, Pattern
        import regex
        print(regex is lark.utils.regex is sys.modules["regex"], type(regex).__name__,
              isinstance(compile("a+"), Pattern), regex.__all__ == regex._main.__all__)
    """)
    assert out == "True module True True"


def test_threads_asking_first_together_each_get_the_module_whole():
    out = _run("""
        import threading, auditor, lark.utils
        found = []
        def use():
            found.append(bool(lark.utils.regex.fullmatch(r"\\p{Lu}+", "ABC")))
        threads = [threading.Thread(target=use) for _ in range(8)]
        for t in threads: t.start()
        for t in threads: t.join()
        print(found.count(True))
    """)
    assert out == "8"


def test_a_module_imported_before_auditor_is_left_as_it_is():
    out = _run("""
        import regex, sys, auditor
        print(type(sys.modules["regex"]).__name__, "regex._main" in sys.modules)
    """)
    assert out == "module True"
