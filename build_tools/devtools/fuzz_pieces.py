"""Bitarna som scripts/fuzz_content.py för in i innehållet: YAML-konstruktioner, tecken, värden och
granskningens exempel (tillförlitlighetsgranskningen 2026-12-06). Används också av tests/test_fuzz_content.py."""

from __future__ import annotations

# Bitar som redaktörer (och olyckor) kan föra in: YAML-konstruktioner, tecken och värden.
TOKENS = [
    "&a ",
    "*a",
    "&a [*a]",
    "!!binary aGVq",
    "!!python/object:os.system",
    "!!bool hej",
    "!!timestamp x",
    "? ",
    "- ",
    ": ",
    ":",
    "\t",
    "#",
    "'",
    '"',
    "|",
    ">",
    "{",
    "}",
    "[",
    "]",
    "---\n",
    "...\n",
    "\x00",
    "\x01",
    "\\0",
    "\\v",
    "\u202e",
    "\ufeff",
    "\u200b",
    "e\u0301",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "javascript:alert(1)",
    "index",
    "assets",
    "2026-13-45",
    "123",
    "-1",
    "null",
    "~",
    "yes",
    "   ",
    "\n",
    "\r\n",
    "{{ x }}",
    "{% x %}",
    "§ 5",
    "x" * 5000,
    # Granskningen 2026-12-06: vägar förbi den gamla kontrollen och tecken som inte syntes.
    '\\`<meta http-equiv="refresh" content="0;url=https://evil.invalid/">\\`',
    "\n    ```\n\n<img src=x onerror=alert(1)>\n",
    "[x][r]\n\n[r]: javascript:alert(1)\n",
    '<meta name="referrer" content="unsafe-url">',
    '<b class="md-button md-button--primary">Logga in</b>',
    "java\nscript:alert(1)",
    "\u2066",
    "\u202e211\u202c",
]

# Hela stycken som läggs till i en Markdown-sida eller ett textfält (en per fall med den sortens ändring).
REPRODUCERS = [
    '\n\\`<meta http-equiv="refresh" content="0;url=https://evil.invalid/">\\`\n\n'
    '\\`<img src=x onerror="alert(1)">\\`\n',
    "\n    ```\n\n<img src=x onerror=alert(1)>\n",
    "\n[länk][r]\n\n[r]: javascript:alert(1)\n",
    "\n[länk][r]\n\n[r]: java&#10;script:alert(1)\n",
    '\n<meta name="referrer" content="unsafe-url">\n',
    '\n<a class="md-button md-button--primary" href="https://evil.invalid/">Logga in med BankID</a>\n',
    "\na\x00b\n",
    "\nRing \u202e211 etni\u202c nu.\n",
    "\n" + "\n".join("    " * i + "- nivå" for i in range(700)) + "\n",
    "\n" + "> " * 3000 + "citat\n",
]
SECRET = "hemlig-rad-som-aldrig-far-synas"


def alias_bomb(levels: int) -> str:
    lines = ["b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "\n" + "\n".join(lines) + "\n"


def deep_nesting(depth: int, flow: bool) -> str:
    if flow:
        return "\ndjup: " + "[" * depth + "]" * depth + "\n"
    return "\n" + "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "x: 1\n"
