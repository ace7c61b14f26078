"""Fuzzning av innehållet: slumpade fel i kopior av innehållet, räknar krascher och häng.

Samma som ``python -m build_tools.devtools.fuzz_content``, t.ex.
``.venv/bin/python scripts/fuzz_content.py --fall 10000``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.devtools.fuzz_content import main

if __name__ == "__main__":
    raise SystemExit(main())
