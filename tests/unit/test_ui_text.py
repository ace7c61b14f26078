"""Gränssnittets texter finns på ett ställe (build_tools/render/ui_text.json): varje nyckel som mallarna
och skripten använder finns där, och varje text där används någonstans."""

from __future__ import annotations

import re
from pathlib import Path

from build_tools.render.ui_text import UI_TEXT_FILE, ui_text

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "overrides" / "assets" / "samverkan"
TEMPLATES = ROOT / "build_tools" / "render" / "templates"
# T("nyckel" …), samverkan.text("nyckel" …), och nycklar som står som text i ett villkor (T(a ? "x" : "y")).
SCRIPT_KEY = re.compile(r'"((?:walker|fall|stadsdel|mall|guide)_[a-z_]+)"')
TEMPLATE_KEY = re.compile(r"\bui\.([a-z_]+)")
# Nycklar som skripten sätter ihop: "stadsdel_typ_" + sort.
COMPOSED = {"stadsdel_typ_": ("tidigare", "alias", "stadsdel", "forvaltning")}


def used_keys() -> set[str]:
    keys: set[str] = set()
    for path in SCRIPTS.glob("*.js"):
        keys |= set(SCRIPT_KEY.findall(path.read_text(encoding="utf-8")))
    for path in TEMPLATES.glob("*.j2"):
        keys |= set(TEMPLATE_KEY.findall(path.read_text(encoding="utf-8")))
    for prefix, parts in COMPOSED.items():
        keys.discard(prefix)
        keys |= {prefix + part for part in parts}
    return keys


def test_every_key_in_use_has_a_text():
    missing = used_keys() - set(ui_text())
    assert not missing, f"saknas i {UI_TEXT_FILE.name}: {sorted(missing)}"


def test_every_text_is_used():
    unused = set(ui_text()) - used_keys()
    assert not unused, f"används inte: {sorted(unused)}"


def test_texts_are_plain_swedish_without_markup():
    for key, value in ui_text().items():
        assert value and "<" not in value and ">" not in value, key
