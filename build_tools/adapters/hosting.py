"""Webbservern: rubriker, cachning och omdirigeringar för den byggda sajten, ur en enda källa.

Samma regler blir
- nginx-konfigurationen (mallarna i deploy/nginx/, ``python -m build_tools.adapters.hosting nginx``),
- ``_headers`` och ``_redirects`` i site/, som Netlify, Cloudflare Pages och liknande läser
  (skrivs efter bygget av MkDocs-kroken, eller med ``python -m build_tools.adapters.hosting filer site/``).

Källorna: sajtens Content-Security-Policy i mkdocs.yml (``extra.csp``, samma som sidornas
``<meta>``) och de gamla stadsdelsnamnen i data/stadsdelar.yaml. Modulen känner inte till MkDocs.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
import yaml

from ..addresses.urls import district_url
from ..base.diagnostics import Report
from ..base.layout import Layout, default_root
from ..domain.model import District
from ..load.districts import load_districts

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
HSTS = "max-age=31536000"
# Materials filer med kontrollsumma i namnet: assets/javascripts/bundle.a5f9d56c.min.js,
# assets/javascripts/workers/search.a7633da7.min.js, assets/stylesheets/main.57a0d79d.min.css.
# Sajtens egna filer (assets/samverkan/) har ingen summa i namnet och ska därför frågas efter igen.
HASHED_ASSET = r"assets/(javascripts|stylesheets)/([a-z]+/)?[a-z]+\.[0-9a-f]{8}\.min\.(js|css)(\.map)?"
# Tecken som inte får stå i ett värde i nginx-konfigurationen (citattecken, variabler, block).
_UNSAFE_IN_HEADER = re.compile(r'["\\${}\n\r]')
_UNSAFE = re.compile(r'["\\${};\s]')
_SAFE_PATH = re.compile(r"^/[a-z0-9/._-]*$")
DEPLOY_DIR = default_root() / "deploy" / "nginx"


@dataclass(frozen=True)
class HostingRules:
    """Allt en webbserver behöver veta om sajten. ``base`` är sajtens sökväg ("/" eller "/guide/")."""

    base: str
    csp: str
    redirects: tuple[tuple[str, str], ...]
    immutable: str = IMMUTABLE
    revalidate: str = REVALIDATE
    hsts: str = HSTS

    @property
    def security_headers(self) -> tuple[tuple[str, str], ...]:
        return (
            ("Content-Security-Policy", self.csp),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        )

    @property
    def hashed_asset_pattern(self) -> str:
        return "^" + re.escape(self.base) + HASHED_ASSET + "$"


def header_policy(meta_policy: str) -> str:
    """Sidornas policy som HTTP-rubrik, med ``frame-ancestors 'none'`` (som en <meta>-policy inte kan bära):
    ingen annan webbplats får visa sajten i en ram."""
    directives = [d.strip() for d in " ".join(meta_policy.split()).split(";") if d.strip()]
    directives = [d for d in directives if not d.startswith("frame-ancestors")]
    policy = "; ".join([*directives, "frame-ancestors 'none'"])
    if _UNSAFE_IN_HEADER.search(policy):
        raise ValueError(f"extra.csp i mkdocs.yml har tecken som inte får stå i en rubrik: {meta_policy!r}")
    return policy


def base_path(site_url: str) -> str:
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def district_redirects(districts: list[District] | tuple[District, ...], base: str) -> tuple[tuple[str, str], ...]:
    """Varje gammalt stadsdelsnamns adress (med och utan snedstreck sist) → stadsdelens adress i dag."""
    pairs: list[tuple[str, str]] = []
    for district in districts:
        target = base + district_url(district.slug)
        for old in district.former_names:
            source = base + district_url(old.slug)
            pairs += [(source, target), (source.rstrip("/"), target)]
    for path in (p for pair in pairs for p in pair):
        if not _SAFE_PATH.match(path):
            raise ValueError(f"Adressen {path!r} går inte att använda i en omdirigering.")
    return tuple(pairs)


def hosting_rules(meta_policy: str, site_url: str, districts: list[District] | tuple[District, ...]) -> HostingRules:
    base = base_path(site_url)
    if not _SAFE_PATH.match(base):
        raise ValueError(f"Sajtens sökväg {base!r} (site_url) går inte att använda i webbserverns regler.")
    return HostingRules(base=base, csp=header_policy(meta_policy), redirects=district_redirects(districts, base))


# --- Netlify, Cloudflare Pages och liknande: _headers och _redirects -----------------------------


def hashed_assets(site_dir: Path, rules: HostingRules) -> list[str]:
    pattern = re.compile(rules.hashed_asset_pattern)
    found = (rules.base + p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    return sorted(url for url in found if pattern.match(url))


def headers_file(rules: HostingRules, site_dir: Path) -> str:
    """``_headers``: säkerhetsrubrikerna överallt, ett års cachning för Materials filer med kontrollsumma.

    Övriga filer får värdens eget standardvärde, som hos Netlify och Cloudflare Pages är att fråga
    efter filen igen (max-age=0, must-revalidate). Filerna med summa räknas upp en och en, eftersom
    värdarna slår ihop rubriker från flera mönster som passar."""
    lines = [
        "# Samverkansguiden: rubriker för statiska värdar. Skapad av build_tools/adapters/hosting.py.",
        "# HSTS när sajten bara nås över https: lägg till raden",
        f"#   Strict-Transport-Security: {rules.hsts}",
        "# under första mönstret.",
        f"{rules.base}*",
    ]
    lines += [f"  {name}: {value}" for name, value in rules.security_headers]
    for url in hashed_assets(site_dir, rules):
        lines += [url, f"  Cache-Control: {rules.immutable}"]
    return "\n".join(lines) + "\n"


def redirects_file(rules: HostingRules) -> str:
    lines = [
        "# Samverkansguiden: gamla stadsdelsnamn. Skapad av build_tools/adapters/hosting.py ur data/stadsdelar.yaml."
    ]
    lines += [f"{old} {new} 301" for old, new in rules.redirects]
    return "\n".join(lines) + "\n"


def write_static_host_files(site_dir: Path, rules: HostingRules) -> None:
    (site_dir / "_headers").write_text(headers_file(rules, site_dir), encoding="utf-8")
    (site_dir / "_redirects").write_text(redirects_file(rules), encoding="utf-8")


# --- nginx ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NginxSite:
    """Var nginx hittar sajten och var den lyssnar. I produktion ligger site/ i ``root`` + sökvägen."""

    root: str
    listen: str = "80"
    server_name: str = "_"
    hsts: bool = False


def _template(name: str) -> jinja2.Template:
    loader = jinja2.FileSystemLoader(str(DEPLOY_DIR))
    env = jinja2.Environment(
        loader=loader, autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined
    )
    return env.get_template(name)


def _check_values(*values: str) -> None:
    for value in values:
        if _UNSAFE.search(value) or not value:
            raise ValueError(f"Värdet {value!r} går inte att använda i nginx-konfigurationen.")


def nginx_server(rules: HostingRules, site: NginxSite) -> str:
    """Konfigurationen för en server i en vanlig nginx (t.ex. /etc/nginx/sites-available/)."""
    _check_values(site.root, site.listen, site.server_name)
    return _template("samverkansguiden.conf.j2").render(rules=rules, **vars(site))


@dataclass(frozen=True)
class LocalNginx:
    """nginx i förgrunden på loopback, med pid, loggar och temporära filer under ``prefix``."""

    site_dir: Path
    port: int
    prefix: Path
    mime_types: str = "/etc/nginx/mime.types"

    @property
    def config_file(self) -> Path:
        return self.prefix / "nginx.conf"


def write_local_nginx(rules: HostingRules, local: LocalNginx) -> Path:
    """Skriv en hel nginx.conf för ``nginx -p PREFIX -c PREFIX/nginx.conf`` (scripts/serve-prod.sh)."""
    # Sajten ligger i site_dir; med en sökväg (base) läggs en länk med sökvägens namn i prefix/rot/.
    root = local.site_dir.resolve()
    if rules.base != "/":
        root = local.prefix / "rot"
        link = root / rules.base.strip("/")
        link.parent.mkdir(parents=True, exist_ok=True)
        link.unlink(missing_ok=True)
        link.symlink_to(local.site_dir.resolve(), target_is_directory=True)
    server = nginx_server(rules, NginxSite(root=str(root), listen=f"127.0.0.1:{local.port}", server_name="localhost"))
    return write_main_config(server, local)


def write_main_config(server: str, local: LocalNginx) -> Path:
    """Serverns konfiguration i en egen nginx.conf, med pid, loggar och temporära filer under prefix."""
    for folder in ("logs", "temp"):
        (local.prefix / folder).mkdir(parents=True, exist_ok=True)
    _check_values(str(local.prefix.resolve()), local.mime_types)
    text = _template("lokal.conf.j2").render(
        server=server,
        prefix=str(local.prefix.resolve()),
        mime_types=local.mime_types,
        run_as="root" if os.geteuid() == 0 else "",  # som root: arbetsprocesserna som samma användare
    )
    local.config_file.write_text(text, encoding="utf-8")
    return local.config_file


# --- Reglerna för projektet, utan MkDocs ------------------------------------------------------------


def read_site_config(root: Path) -> tuple[str, str]:
    """(extra.csp, site_url) ur mkdocs.yml. ``site_url: !ENV [SITE_URL, "standard"]`` ger SITE_URL
    om den är satt, annars standardvärdet (samma regel som MkDocs)."""
    node = yaml.compose((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    top = {key.value: value for key, value in node.value}
    csp = next(v.value for k, v in top["extra"].value if k.value == "csp")
    url_node = top["site_url"]
    if isinstance(url_node, yaml.SequenceNode):
        env_name, default = url_node.value[0].value, url_node.value[-1].value
        return csp, os.environ.get(env_name) or default
    return csp, url_node.value


def project_rules(root: Path | None = None, site_url: str | None = None) -> HostingRules:
    """Reglerna för projektet i ``root``; ``site_url`` som i bygget (annars ur mkdocs.yml/SITE_URL)."""
    root = root or default_root()
    csp, configured_url = read_site_config(root)
    site_url = site_url or configured_url
    districts, _ = load_districts(Layout(root).districts_file, Report())
    return hosting_rules(csp, site_url, districts)


def main(argv: list[str] | None = None) -> int:
    from .compress import compress_site

    parser = argparse.ArgumentParser(prog="python -m build_tools.adapters.hosting", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="kommando", required=True)
    nginx = sub.add_parser("nginx", help="skriv ut nginx-konfigurationen för en server")
    nginx.add_argument(
        "--rot",
        default="/var/www/samverkansguiden",
        help="mappen som site/ kopieras till (med en sökväg i SITE_URL: mappen ovanför)",
    )
    nginx.add_argument("--lyssna", default="80", help="nginx listen, t.ex. 80 eller 127.0.0.1:8080")
    nginx.add_argument("--namn", default="_", help="nginx server_name, t.ex. samverkansguiden.stockholm.se")
    nginx.add_argument("--hsts", action="store_true", help="skicka Strict-Transport-Security (bara https)")
    lokal = sub.add_parser("lokal", help="skriv nginx.conf för scripts/serve-prod.sh")
    lokal.add_argument("--site", type=Path, default=Path("site"))
    lokal.add_argument("--port", type=int, default=8080)
    lokal.add_argument("--prefix", type=Path, default=Path("build/nginx"))
    files = sub.add_parser("filer", help="skriv _headers och _redirects i den byggda sajten")
    files.add_argument("site", type=Path)
    gz = sub.add_parser("komprimera", help="skriv .gz bredvid varje textfil i den byggda sajten")
    gz.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    rules = project_rules()
    if args.kommando == "nginx":
        sys.stdout.write(nginx_server(rules, NginxSite(args.rot.rstrip("/"), args.lyssna, args.namn, args.hsts)))
    elif args.kommando == "lokal":
        print(write_local_nginx(rules, LocalNginx(args.site, args.port, args.prefix)))
    elif args.kommando == "filer":
        write_static_host_files(args.site, rules)
    else:
        count, before, after = compress_site(args.site)
        print(f"Komprimerade {count} filer: {before / 1024:.0f} KB → {after / 1024:.0f} KB (gzip).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
