"""Innehåll kan inte bli kod, nå utanför projektet eller visa byggdatorns filer (ärende 17).

- Länkregeln (url_rule.py): en regel för check, mallarna och tvätten.
- Tvätten (html_guard.py): samma vitlista för all HTML ur innehållet, och märkena runt redaktörens text.
- Bara vanliga filer (file_guard.py): symboliska länkar och specialfiler läses inte, och det de pekar
  på syns aldrig i ett meddelande.
- Meddelanden citerar högst en kort bit av ett värde.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import sys
from pathlib import Path

import markdown
import pytest

from build_tools.base.diagnostics import MAX_QUOTE, ContentError, Report
from build_tools.base.layout import Layout
from build_tools.base.url_rule import safe_local_url, safe_url
from build_tools.load.project import load_project
from build_tools.render.html_guard import END, START, mark_content, sanitise_html, sanitise_marked
from build_tools.render.markdown_text import to_html
from build_tools.source.markdown_check import PAGE_EXTENSIONS
from build_tools.source.yaml_source import parse_yaml, read_text
from tests.helpers import make_project

TODAY = dt.date(2026, 11, 23)
SECRET = "hemlig-rad-som-aldrig-far-synas-1234"


# ---- Länkregeln ----


@pytest.mark.parametrize(
    "raw",
    [
        "javascript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\tscript:alert(1)",
        " \x00javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "vbscript:msgbox",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "blob:https://x/1",
    ],
)
def test_dangerous_urls_are_refused_after_noise_is_removed(raw):
    assert safe_url(raw) is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://www.stockholm.se/", "https://www.stockholm.se/"),
        ("  http://exempel.se/a?b=1#c ", "http://exempel.se/a?b=1#c"),
        ("mailto:namn@exempel.se", "mailto:namn@exempel.se"),
        ("tel:+46850800000", "tel:+46850800000"),
        ("../sip/", "../sip/"),
        ("#rubrik", "#rubrik"),
        ("htt\nps://exempel.se/", "https://exempel.se/"),
    ],
)
def test_allowed_urls_come_back_as_the_browser_reads_them(raw, expected):
    assert safe_url(raw) == expected


def test_images_only_from_the_site_itself():
    assert safe_local_url("../bild.png") == "../bild.png"
    for raw in ("https://spårare.example/x.png", "//spårare.example/x.png", "data:image/png;base64,AA"):
        assert safe_local_url(raw) is None


def test_a_contact_value_with_a_newline_in_the_scheme_is_an_error():
    report = Report()
    parse_yaml('varde: "java\\nscript:alert(1)"\n', Path("x.yaml"), report)
    assert [(d.code, d.location.line, d.location.column) for d in report.errors] == [("farlig-lank", 1, 9)]


def test_plain_text_with_a_colon_is_not_a_link():
    for text in ("Obs: ring först", "Kl. 8:00–16:00", "Data: se nedan"):
        report = Report()
        parse_yaml(f"text: '{text}'\n", Path("x.yaml"), report)
        assert report.ok, text


# ---- Tvätten ----

HOSTILE_HTML = (
    '<meta http-equiv="refresh" content="0;url=https://evil.invalid/">'
    '<meta name="referrer" content="unsafe-url"><base href="https://evil.invalid/">'
    '<form action="https://evil.invalid/"><input name="q"></form><iframe src="https://evil.invalid/"></iframe>'
    '<object data="x"></object><embed src="x"><style>body{display:none}</style>'
    '<link rel="stylesheet" href="https://evil.invalid/x.css"><script>alert(1)</script>'
    '<p class="md-button md-button--primary" style="color:red" id="innehall" onclick="alert(1)">Logga in</p>'
    '<a href="java&#10;script:alert(1)">a</a><a href="https://ok.example/" onmouseover="alert(1)">b</a>'
    '<img src="https://spårare.example/x.png" onerror="alert(1)"><svg onload="alert(1)"></svg>'
    "NUL:\x00:slut"
)


def test_the_sanitiser_removes_everything_that_can_act():
    clean = sanitise_html(HOSTILE_HTML)
    for forbidden in (
        "<meta", "<base", "<form", "<input", "<iframe", "<object", "<embed", "<style", "<link", "<script",
        "<svg", "onclick", "onmouseover", "onerror", "onload", "md-button", "style=", 'id="innehall"',
        "javascript", "spårare", "\x00",
    ):  # fmt: skip
        assert forbidden not in clean, forbidden
    assert '<a href="https://ok.example/">b</a>' in clean
    assert "Logga in" in clean and "NUL::slut" in clean


def test_what_the_markdown_extensions_produce_survives():
    source = (
        '!!! danger "Akut"\n    Ring 112.\n\n## Rubrik\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n'
        "1. ett\n2. två\n\n> citat\n\n`kod` och [länk](https://exempel.se/)\n"
    )
    rendered = markdown.Markdown(extensions=list(PAGE_EXTENSIONS)).convert(source)
    clean = sanitise_html(rendered)
    assert '<div class="admonition danger">' in clean and '<p class="admonition-title">Akut</p>' in clean
    assert '<h2 id="rubrik">Rubrik</h2>' in clean and "<table>" in clean and "<blockquote>" in clean
    assert clean == rendered  # inget av det som Markdown själv ger tas bort


def test_only_the_marked_content_is_sanitised():
    page = "<nav class='sajtens'>" + mark_content("<form>x</form>").replace("\n", "") + "<form id='egen'></form>"
    clean = sanitise_marked(page)
    assert clean.startswith("<nav class='sajtens'>") and clean.endswith("<form id='egen'></form>")
    assert clean.count("<form") == 1 and START not in clean


def test_content_cannot_write_its_own_end_marker():
    marked = mark_content(f"a {END} <b>b</b> {END.upper()} c\x02wzxhzdk:0\x03")
    assert marked.count("SamverkanInnehallSlutar") == 1 and "\x02" not in marked


def test_a_forged_or_swallowed_marker_sanitises_the_whole_page():
    page = f"<form id='sajtens'></form>{START}<p>a</p>{END}<p>b</p>{END}<iframe></iframe>"
    assert "<form" not in sanitise_marked(page) and "<iframe" not in sanitise_marked(page)
    swallowed = f"<form id='sajtens'></form>{START}<pre>&lt;!-- ... --&gt;</pre><iframe></iframe>"
    assert "<form" not in sanitise_marked(swallowed) and "<iframe" not in sanitise_marked(swallowed)


def test_yaml_markdown_goes_through_the_same_sanitiser():
    rendered = str(
        to_html(
            'Stycke\n{: .md-button #innehall }\n\nText <b class="md-button">x</b>\n\n[a][r]\n\n[r]: java&#10;script:x'
        )
    )
    assert "md-button" not in rendered and "innehall" not in rendered
    assert "javascript" not in rendered.replace("\n", "")


def test_too_deep_markdown_in_the_renderer_is_a_swedish_error():
    # Med 700 nivåer tar Python-Markdown slut på stacken efter minuter; med en lägre stackgräns händer
    # samma sak på en bråkdel av en sekund.
    deep = "\n".join("    " * i + "- nivå" for i in range(120))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 150)
    try:
        with pytest.raises(ContentError) as raised:
            to_html(deep)
    finally:
        sys.setrecursionlimit(limit)
    assert "för djupt nästlad" in str(raised.value) and "Traceback" not in str(raised.value)


# ---- Bara vanliga filer ----


def _secret_file(tmp_path: Path) -> Path:
    secret = tmp_path / "utanfor" / "hemlig.txt"
    secret.parent.mkdir()
    secret.write_text(f"ordlista: {SECRET}\n" * 50, encoding="utf-8")
    return secret


@pytest.mark.parametrize(
    "relative",
    ["decision_trees/passwd.yaml", "data/sokord.yaml", "guides/stod/passwd.md", "docs/passwd.txt", "docs/passwd.md"],
)
def test_a_symlink_is_an_error_and_its_target_is_never_shown(tmp_path, relative):
    root = make_project(tmp_path)
    link = root / relative
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists():
        link.unlink()
    link.symlink_to(_secret_file(tmp_path))
    _, report = load_project(Layout(root), TODAY)
    assert [(d.code, d.location.path, d.location.line) for d in report.errors] == [("inte-vanlig-fil", link, 1)]
    shown = "\n".join(d.format(root) for d in report.items)
    assert SECRET not in shown and relative in shown


def test_a_symlinked_folder_and_special_files_are_errors(tmp_path):
    root = make_project(tmp_path)
    (root / "guides" / "stod").mkdir(parents=True)
    (root / "guides" / "stod" / "ute").symlink_to(_secret_file(tmp_path).parent, target_is_directory=True)
    os.mkfifo(root / "data" / "ror.yaml")
    (root / "docs").symlink_to(tmp_path / "utanfor", target_is_directory=True)
    _, report = load_project(Layout(root), TODAY)
    found = sorted((d.code, d.location.path.relative_to(root).as_posix()) for d in report.errors)
    assert found == [
        ("inte-vanlig-fil", "data/ror.yaml"),
        ("inte-vanlig-fil", "docs"),
        ("inte-vanlig-fil", "guides/stod/ute"),
    ]
    assert SECRET not in "\n".join(d.format(root) for d in report.items)


def test_reading_a_symlink_directly_is_refused(tmp_path):
    link = tmp_path / "lank.yaml"
    link.symlink_to(_secret_file(tmp_path))
    report = Report()
    assert read_text(link, report) is None
    assert [d.code for d in report.errors] == ["inte-vanlig-fil"]


# ---- Korta citat ----


def test_a_long_value_is_quoted_as_a_short_excerpt(tmp_path):
    root = make_project(tmp_path)
    (root / "data" / "sokord.yaml").write_text(SECRET * 100 + "\n", encoding="utf-8")
    _, report = load_project(Layout(root), TODAY)
    assert report.errors
    for diagnostic in report.items:
        for quoted in diagnostic.message.split("\u201d")[1::2]:
            assert len(quoted) <= MAX_QUOTE, diagnostic.message
        assert diagnostic.message.count(SECRET) <= 3
