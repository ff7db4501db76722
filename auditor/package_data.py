"""Where the package's own data files are: grammars, bundled rules, schemas,
report assets, beside its modules (importlib.resources costs a few ms of
start-up for the same answer)."""

from pathlib import Path

PACKAGE = Path(__file__).parent
