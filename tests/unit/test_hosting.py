"""Webbserverns regler (build_tools/adapters/hosting.py) och de färdigkomprimerade filerna (compress.py)."""

from __future__ import annotations

import datetime as dt
import gzip
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.adapters.compress import compress_site
from build_tools.adapters.hosting import (
    HostingRules,
    LocalNginx,
    NginxSite,
    header_policy,
    headers_file,
    hosting_rules,
    nginx_server,
    read_site_config,
    redirects_file,
    write_main_config,
)
from build_tools.domain.model import District, FormerName

ROOT = Path(__file__).resolve().parent.parent.parent


def district(slug: str, *old: str) -> District:
    former = tuple(FormerName(o.title(), o, dt.date(2023, 6, 30)) for o in old)
    return District(
        name=slug.title(),
        slug=slug,
        area="ytterstad",
        formed=None,
        neighbourhoods=(),
        aliases=(),
        former_names=former,
        website="https://example.invalid/",
        sst={},
        contacts=(),
        missing=(),
    )


def test_header_policy_is_the_meta_policy_with_frame_ancestors():
    policy = header_policy("default-src 'self';\n  script-src 'self'; frame-ancestors *")
    assert policy == "default-src 'self'; script-src 'self'; frame-ancestors 'none'"


@pytest.mark.parametrize("bad", ['script-src "self"', "script-src $x", "script-src {a}"])
def test_header_policy_refuses_what_would_break_the_nginx_config(bad):
    with pytest.raises(ValueError, match=r"extra\.csp"):
        header_policy(bad)


def test_redirects_come_from_the_former_names_and_follow_the_subpath():
    rules = hosting_rules("default-src 'self'", "https://example.invalid/guide", [district("jarva", "rinkeby-kista")])
    assert rules.base == "/guide/"
    assert ("/guide/stadsdelar/rinkeby-kista/", "/guide/stadsdelar/jarva/") in rules.redirects
    assert ("/guide/stadsdelar/rinkeby-kista", "/guide/stadsdelar/jarva/") in rules.redirects
    assert redirects_file(rules).splitlines()[1:] == [f"{old} {new} 301" for old, new in rules.redirects]


def test_a_district_without_former_names_gives_no_redirect():
    assert hosting_rules("default-src 'self'", "https://example.invalid/", [district("bromma")]).redirects == ()


def test_headers_file_marks_only_materials_hashed_files_immutable(tmp_path):
    for name in ("assets/javascripts/bundle.a5f9d56c.min.js", "assets/samverkan/walker.js", "index.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    rules = HostingRules(base="/", csp="default-src 'self'; frame-ancestors 'none'", redirects=())
    text = headers_file(rules, tmp_path)
    assert "/assets/javascripts/bundle.a5f9d56c.min.js\n  Cache-Control: public, max-age=31536000, immutable" in text
    assert "walker.js" not in text and "index.html" not in text
    assert "  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'" in text


def test_nginx_config_for_a_subpath(tmp_path):
    rules = hosting_rules("default-src 'self'", "https://example.invalid/guide/", [district("jarva", "spanga-tensta")])
    text = nginx_server(rules, NginxSite(root="/var/www/html"))
    assert "location /guide/ {" in text
    assert "error_page 404 /guide/404.html;" in text
    assert "/guide/stadsdelar/spanga-tensta/ /guide/stadsdelar/jarva/;" in text
    assert re.search(r'"~\^/guide/assets/', text)
    assert "# add_header Strict-Transport-Security" in text  # HSTS finns, avstängd tills ägaren slår på den


@pytest.mark.skipif(shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists(), reason="nginx saknas")
@pytest.mark.parametrize("site_url", ["https://example.invalid/", "https://example.invalid/guide/"])
def test_the_production_config_is_valid_nginx(tmp_path, site_url):
    """Konfigurationen som ägaren lägger i /etc/nginx/sites-available/ (med HSTS påslaget), prövad med nginx -t."""
    rules = hosting_rules("default-src 'self'", site_url, [district("jarva", "rinkeby-kista")])
    server = nginx_server(rules, NginxSite(root="/var/www/samverkansguiden", hsts=True))
    assert 'add_header Strict-Transport-Security "max-age=31536000" always;' in server
    config = write_main_config(server, LocalNginx(tmp_path / "site", 0, tmp_path / "nginx"))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    errors = tmp_path / "nginx" / "logs" / "error.log"
    result = subprocess.run(
        [nginx, "-t", "-q", "-p", str(tmp_path / "nginx"), "-c", str(config), "-e", str(errors)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_nginx_config_refuses_values_that_would_change_its_meaning():
    rules = hosting_rules("default-src 'self'", "https://example.invalid/", [])
    with pytest.raises(ValueError):
        nginx_server(rules, NginxSite(root="/var/www; include /etc/passwd"))


def test_site_config_is_read_without_mkdocs(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    csp, url = read_site_config(ROOT)
    assert "script-src 'self'" in csp and url.startswith("https://")
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9999/")
    assert read_site_config(ROOT)[1] == "http://127.0.0.1:9999/"


def test_compressed_copies_unpack_to_the_original_and_are_the_same_every_time(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("<p>Samverkansguiden</p>\n" * 200, encoding="utf-8")
    (tmp_path / "liten.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG" + bytes(1000))
    (tmp_path / "borttagen.js.gz").write_bytes(b"gammal")
    compress_site(tmp_path)
    first = (tmp_path / "index.html.gz").read_bytes()
    assert gzip.decompress(first) == page.read_bytes()
    assert (tmp_path / "index.html.gz").stat().st_mtime_ns == page.stat().st_mtime_ns
    assert not (tmp_path / "liten.css.gz").exists() and not (tmp_path / "bild.png.gz").exists()
    assert not (tmp_path / "borttagen.js.gz").exists()
    compress_site(tmp_path)
    assert (tmp_path / "index.html.gz").read_bytes() == first
