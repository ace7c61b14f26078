"""Offlinepaketet: gör en byggd sajt användbar från en mapp på datorn (file://) och packa den.

Utan webbserver gäller tre saker som en vanlig webbplats slipper:

1. En länk till en mapp (``../nod/``) visar mappens innehåll i stället för sidan. Alla relativa
   länkar i sidorna skrivs därför om till filen (``../nod/index.html``). Länkar som skripten bygger
   medan sidan visas hanteras av md-scope.js på samma sätt.
2. Skript får inte hämta filer med fetch. Datan som skripten annars hämtar (ordlistans förklaringar,
   stadsdelarnas kontaktvägar) läggs i ett skript, offline-data.js, som varje sida läser in.
3. Sökningen: Materials offlinetillägg lägger sökindexet i ett skript (se mkdocs-offline.yml).

Modulen känner inte till MkDocs: den arbetar på den färdiga mappen, oavsett vilken generator som
byggt den.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path
from urllib.parse import unquote

# Datan som skripten annars hämtar med fetch: sökväg i sajten → nyckel i window.SamverkansguidenData.
DATA_FILES = ("ordlista/termer.json", "stadsdelar/kontakter.json")
DATA_SCRIPT = "assets/samverkan/offline-data.js"
_ATTRIBUTE = re.compile(r"""(\s(?:href|src)=)(["'])([^"']*)\2""")
_SCOPE_SCRIPT = re.compile(r"""<script src="([^"]*)assets/samverkan/md-scope\.js"></script>""")


def _is_relative(url: str) -> bool:
    return bool(url) and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", url) and not url.startswith(("#", "//", "/"))


def file_link(url: str, page: Path) -> str:
    """Länken ``url`` från sidan ``page``, omskriven så att den pekar på en fil som finns."""
    if not _is_relative(url):
        return url
    path, hash_mark, fragment = url.partition("#")
    path, question, query = path.partition("?")
    target = (page.parent / unquote(path)) if path else page
    if path and target.is_dir():
        path = path.rstrip("/") + "/index.html" if path not in (".", "./") else "index.html"
    elif path and not target.exists() and Path(str(target).rstrip("/") + ".html").is_file():
        path = path.rstrip("/") + ".html"
    return path + (question + query if question else "") + (hash_mark + fragment if hash_mark else "")


def rewrite_page(html: str, page: Path, site_dir: Path) -> str:
    html = _ATTRIBUTE.sub(lambda m: m.group(1) + m.group(2) + file_link(m.group(3), page) + m.group(2), html)
    # Datan före md-scope.js, så att den finns innan något skript vill hämta den.
    prefix = os.path.relpath(site_dir, page.parent).replace(os.sep, "/")
    prefix = "" if prefix == "." else prefix + "/"
    return _SCOPE_SCRIPT.sub(
        lambda m: f'<script src="{prefix}{DATA_SCRIPT}"></script>' + m.group(0),
        html,
        count=1,
    )


def write_data_script(site_dir: Path) -> None:
    data = {}
    for relative in DATA_FILES:
        path = site_dir / relative
        if path.is_file():
            data[relative] = json.loads(path.read_text(encoding="utf-8"))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    (site_dir / DATA_SCRIPT).write_text(f"window.SamverkansguidenData = {text};\n", encoding="utf-8")


def make_offline(site_dir: Path) -> int:
    """Efterbehandla en byggd sajt för file://. Returnerar antalet sidor som skrevs om."""
    write_data_script(site_dir)
    pages = 0
    for page in sorted(site_dir.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        changed = rewrite_page(text, page, site_dir)
        if changed != text:
            page.write_text(changed, encoding="utf-8")
            pages += 1
    return pages


def pack(site_dir: Path, zip_path: Path, folder: str = "samverkansguiden") -> int:
    """Packa sajten i en zip-fil med en mapp överst. Returnerar antalet filer."""
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with zipfile.ZipFile(zip_path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                archive.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
                count += 1
        archive.writestr(
            f"{folder}/LÄS MIG.txt",
            "Samverkansguiden utan nätverk\n\n"
            "Packa upp hela mappen och öppna index.html i en webbläsare (dubbelklicka).\n"
            "Allt fungerar utan internet: guiderna, stadsdelarna, ordlistan och sökningen.\n"
            "Innehållet är en ögonblicksbild: hämta ett nytt paket när lagen eller guiderna ändras.\n",
        )
    return count


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Gör en byggd sajt användbar från file:// och packa den.")
    parser.add_argument("sajt", type=Path, help="mappen med den byggda sajten")
    parser.add_argument("zip", type=Path, help="zip-filen som ska skrivas")
    args = parser.parse_args(argv)
    pages = make_offline(args.sajt)
    files = pack(args.sajt, args.zip)
    print(f"Offlinepaketet: {pages} sidor anpassade för file://, {files} filer i {args.zip}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
