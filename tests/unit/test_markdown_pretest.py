"""Förtestet före Markdown-tolken (source/markdown_pretest.py): varje text som hoppas över ger noll fynd
när hela tolken ändå körs, både på riktiga texter ur innehållet och på slumpade texter."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml

from build_tools.source import markdown_check
from build_tools.source.content_safety import find_problems, split_front_matter
from build_tools.source.markdown_check import FIELD_EXTENSIONS, MAX_DEPTH, PAGE_EXTENSIONS, parse_findings
from build_tools.source.markdown_pretest import needs_parser

ROOT = Path(__file__).resolve().parents[2]

# Bitar som slumpas ihop: vanlig text, länkar med olika adresstyper och skrivsätt, bilder, attr_list,
# teckenreferenser, kodavsnitt, omvända snedstreck, listor, citat och kolon i vanlig text.
FRAGMENTS = (
    "Ring ",
    "socialtjänsten ",
    "Obs: ",
    "just nu: ",
    "kl. 8:00 ",
    "– se ”Vart vänder jag mig?” ",
    "[112](tel:112)",
    "[e-tjänsten](https://etjanster.stockholm.se/Orosanmalan/)",
    "[sida](../sida.md)",
    "[x](javascript:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](\njavascript:alert(1))",
    "[x](JavaScript:alert(1))",
    "[x](data:text/html,hej)",
    "[x](java\tscript:alert(1))",
    "[x](java\\.script:x)",
    "[x](`javascript`:x)",
    "[x](javascript&#58;alert(1))",
    "[x](javascript&colon;x)",
    "[x](mailto:a@b.se)",
    "[x](tel:javascript:1)",
    "[x][r]",
    "[r]",
    "\n[r]: javascript:alert(1)\n",
    "\n[r]:javascript:x\n",
    "\n[r]: https://exempel.se\n",
    "\n[r]:\n  vbscript:x\n",
    "![bild](bild.png)",
    "![bild](//exempel.se/b.png)",
    "![bild](https://exempel.se/b.png)",
    "![bild](tel:1)",
    "![bild][r]",
    "{: href=javascript:x }",
    '{: href="javascript:x" }',
    "{: src=https://exempel.se/b.png }",
    "{: src=//exempel.se/b.png }",
    "{: .klass }",
    "{{socialjour}}",
    "[x](https://a.se){: href='javascript:x' }",
    "**fet**",
    "_kursiv_",
    "`kod`",
    "\\[",
    "&amp;",
    "\n\n- punkt\n",
    "\n    - indrag\n",
    "\n> citat\n",
    "\n1. nummer\n",
    "\n- > - djup\n",
    "[",
    "]",
    "(",
    ")",
    ":",
    "\u00a0",
    "\x01",
    "\n",
    " ",
)


def _fuzzed(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 8))) for _ in range(count)]


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _real_texts() -> list[str]:
    texts: list[str] = []
    for folder in ("decision_trees", "data", "guides"):
        for path in sorted((ROOT / folder).rglob("*.yaml")):
            texts.extend(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    for folder in ("guides", "docs"):
        for path in sorted((ROOT / folder).rglob("*.md")):
            texts.append(split_front_matter(path.read_text(encoding="utf-8"))[1])
    return list(dict.fromkeys(texts))


def _assert_skipped_texts_have_no_findings(texts: list[str]) -> int:
    """Kör hela tolken på varje text som förtestet hoppar över. Ger antalet sådana texter med [ eller {."""
    skipped_with_links = 0
    for text in texts:
        if needs_parser(text, MAX_DEPTH):
            continue
        for extensions in (FIELD_EXTENSIONS, PAGE_EXTENSIONS):
            assert parse_findings(text, extensions) == [], (text, extensions)
        skipped_with_links += "[" in text or "{" in text
    return skipped_with_links


def test_real_texts_that_are_skipped_give_no_findings():
    texts = _real_texts()
    assert len(texts) > 500
    assert _assert_skipped_texts_have_no_findings(texts) > 20  # förtestet hoppar verkligen över länktexter


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fuzzed_texts_that_are_skipped_give_no_findings(seed):
    texts = _fuzzed(1500, seed)
    assert _assert_skipped_texts_have_no_findings(texts) > 50
    # Slumpen ger också texter där tolken hittar något (annars vore testet tomt).
    assert sum(bool(parse_findings(t, FIELD_EXTENSIONS)) for t in texts[:300]) > 30


@pytest.mark.parametrize(
    "text",
    [
        "Ring [112](tel:112) om någon är i fara.",
        "Gör en anmälan via [e-tjänsten](https://etjanster.stockholm.se/Orosanmalan/). Obs: ring vid fara.",
        "Med barnet just nu: stanna, och ring [112](tel:112). {{socialjour}}",
        "Läs [sidan](../stod/sida.md) och ![bilden](bilder/karta.png).",
    ],
)
def test_ordinary_link_texts_skip_the_parser(text):
    assert not needs_parser(text, MAX_DEPTH)


@pytest.mark.parametrize(
    "text, code",
    [
        ("![a](//exempel.se/x.png)", "farlig-lank"),  # bild från en annan webbplats, utan adresstyp
        ("[x](javascript&#58;alert(1))", "farlig-lank"),  # kolonet som teckenreferens
        ("[a](`javascript`:x)", "farlig-lank"),  # tolken sätter ihop adressen ur ett kodavsnitt
        ("Obs: [x]( vbscript:x)", "farlig-lank"),
    ],
)
def test_links_that_need_the_parser_are_found(text, code):
    assert needs_parser(text, MAX_DEPTH)
    assert [p.code for p in find_problems(text)] == [code]


def test_too_deep_at_agrees_with_the_line_by_line_count():
    rng = random.Random(7)
    deep = 0
    for _ in range(3000):
        text = "\n".join(_nested_line(rng) for _ in range(rng.randint(1, 4)))
        line = markdown_check.deep_line(text)
        expected = line if line is not None else _bracket_depth(text)
        assert markdown_check.too_deep_at(text) == expected, text
        deep += expected is not None
    assert 300 < deep < 2700  # både djupa och grunda texter


def _nested_line(rng: random.Random) -> str:
    """En rad med citat, indrag och listtecken först, som deep_line räknar dem, och ibland hakparenteser."""
    quotes = rng.choice((">", "> ", " >", "\u00a0>")) * rng.randint(0, 9)
    indent = "".join(rng.choice((" ", "    ", "\t", "\u2003")) for _ in range(rng.randint(0, 12)))
    markers = "".join(rng.choice(("- ", "* ", "+ ", "1. ", "12) ", "-\t")) for _ in range(rng.randint(0, 9)))
    brackets = "".join(rng.choice("[[[]a") for _ in range(rng.randint(0, 40)))
    return quotes + indent + markers + rng.choice(("text ", "", "a:b ")) + brackets


def _bracket_depth(text: str) -> int | None:
    depth = 0
    for index, char in enumerate(text):
        if char in "[]":
            depth = depth + 1 if char == "[" else max(0, depth - 1)
            if depth > MAX_DEPTH:
                return index
    return None
