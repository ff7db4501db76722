"""The bundled default rules, pre-read into JSON, so that a plain
`auditor check` starts without importing PyYAML (about a third of its
start-up on a small exhibit).

`rules/default.yaml` stays the source of truth.  The snapshot records the
size and CRC-32 of the YAML it was made from and is used only while they
match; tests/test_bundled_rules.py fails when it is stale.  Regenerate it
with:

    python -m auditor.ruleset.snapshot
"""

from __future__ import annotations

import json
import zlib
from typing import Any, Optional

from auditor.package_data import PACKAGE

NAME = "rules/default.snapshot.json"


def _fingerprint(text: str) -> dict[str, int]:
    raw = text.encode("utf-8")
    return {"size": len(raw), "crc32": zlib.crc32(raw)}


def read(yaml_text: str) -> Optional[tuple[dict[str, Any], list[int]]]:
    """(data, id_lines) for the bundled rules if the snapshot was made from
    `yaml_text`, else None.  id_lines: the 1-based line of each rule's id."""
    try:
        snap = json.loads((PACKAGE / NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if snap.get("source") != _fingerprint(yaml_text):
        return None
    return snap["data"], snap["id_lines"]


def make(yaml_text: str) -> dict[str, Any]:
    import yaml

    loader = yaml.SafeLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    rules_node = next(v for k, v in node.value if k.value == "rules")
    id_lines = [next(v for k, v in item.value if k.value == "id").start_mark.line + 1 for item in rules_node.value]
    return {"source": _fingerprint(yaml_text), "data": data, "id_lines": id_lines}


def main() -> None:
    text = (PACKAGE / "rules" / "default.yaml").read_text("utf-8")
    out = PACKAGE / NAME
    with open(str(out), "w", encoding="utf-8") as handle:
        json.dump(make(text), handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
