"""Färdigkomprimerade filer: ``sida.html.gz`` bredvid ``sida.html`` i den byggda sajten.

En webbserver med ``gzip_static on`` (nginx) eller motsvarande skickar då den färdiga filen i stället
för att komprimera vid varje anrop, och en värd som bara lägger ut filerna som de är kan peka på
dem. Körs med ``python -m build_tools.adapters.hosting komprimera site/`` efter bygget (scripts/serve-prod.sh
gör det). Filerna blir likadana varje gång: ingen tidsstämpel i gzip-huvudet.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

# Textfiler som blir mindre av gzip. Bilder och .docx är redan komprimerade.
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".md"}
MIN_SIZE = 256


def _compressible(path: Path) -> bool:
    return path.is_file() and path.suffix in COMPRESSIBLE and path.stat().st_size >= MIN_SIZE


def compress_file(path: Path) -> int:
    """Skriv ``path.gz`` (om den blir mindre) med samma ändringstid som originalet. Ger storleken."""
    data = path.read_bytes()
    packed = gzip.compress(data, compresslevel=9, mtime=0)
    target = path.with_name(path.name + ".gz")
    if len(packed) >= len(data):
        target.unlink(missing_ok=True)
        return len(data)
    target.write_bytes(packed)
    stat = path.stat()
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return len(packed)


def remove_stale(site_dir: Path) -> None:
    """Ta bort .gz-filer vars original inte längre finns (MkDocs egen sitemap.xml.gz får vara kvar)."""
    for packed in site_dir.rglob("*.gz"):
        if not packed.with_suffix("").exists():
            packed.unlink()


def compress_site(site_dir: Path) -> tuple[int, int, int]:
    """Komprimera varje textfil i sajten. Ger (antal filer, byte före, byte efter)."""
    if not (site_dir / "index.html").is_file():
        raise SystemExit(f"Hittar ingen byggd sajt i {site_dir}/ (index.html saknas). Bygg först.")
    remove_stale(site_dir)
    count = before = after = 0
    for path in sorted(site_dir.rglob("*")):
        if _compressible(path):
            count += 1
            before += path.stat().st_size
            after += compress_file(path)
    return count, before, after
