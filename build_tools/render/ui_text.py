"""Gränssnittets texter (ui_text.json): en plats för mallarna och skripten.

Mallarna i build_tools/render/templates når dem som ``ui.<nyckel>``. Sajtens tema skriver dem i varje
sida (overrides/main.html, elementet #sv-ui-text), där skripten läser dem med window.samverkan.text.
Modellen är Materials partials/languages: en nyckel per text, texten på ett ställe."""

from __future__ import annotations

import functools
import json
from pathlib import Path

UI_TEXT_FILE = Path(__file__).resolve().with_name("ui_text.json")


@functools.cache
def ui_text() -> dict[str, str]:
    data = json.loads(UI_TEXT_FILE.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}
