"""Samverkansöverenskommelsen som Word-filer: en tom mall och en förifylld per stadsdel.

Filerna görs likadana vid varje bygge (fasta datum i filen), så att de bara skrivs om när
innehållet ändras. Att bygga en fil tar tid (python-docx); med en BuildCache byggs den bara när
mallen, stadsdelen, lagrummen den hänvisar till eller koden har ändrats.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.shared import Pt

from ..addresses import urls
from ..base.build_cache import BuildCache, code_fingerprint, digest
from ..domain.model import District, Project
from ..load.lagrum import citation_note, citation_text
from .markdown_text import to_plain_text

FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)
CACHE_KIND = "docx"


def district_value(district: District, key: str) -> str:
    if key == "namn":
        return f"Stadsdelsförvaltningen {district.name}"
    if key == "stadsdelar":
        return ", ".join(district.neighbourhoods)
    if key == "webbsida":
        return district.website
    if key == "tidigare_namn":
        return ", ".join(f.name for f in district.former_names) or "–"
    if key == "sst":
        return {
            "ja": "Stadsdelen har skolsociala team (uppgiften ska bekräftas).",
            "nej": "Stadsdelen hade inte skolsociala team enligt de senaste uppgifterna (ska bekräftas).",
            "okant": "Okänt om stadsdelen har skolsociala team.",
        }[district.sst["finns"]]
    return ""


def field_value(field: dict, district: District | None) -> str:
    if district is not None and field.get("fran_stadsdel"):
        return district_value(district, field["fran_stadsdel"])
    return field.get("forslag", "").strip()


def _deterministic(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def _set_default_language(doc, language: str) -> None:
    """Språket i dokumentets standardformat (docDefaults), som Word och skärmläsare använder.

    python-docx mall har en-US där; core_properties.language räcker inte."""
    from docx.oxml.ns import qn

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    run_properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = run_properties.makeelement(qn("w:lang"), {})
        run_properties.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        if attribute != "w:val" and lang.get(qn(attribute)) is None:
            continue
        lang.set(qn(attribute), language)


def build_document(project: Project, district: District | None) -> bytes:
    mall = project.agreement_template
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    reviewed = dt.datetime.fromisoformat(str(mall["granskad"]))
    props = doc.core_properties
    props.title = mall["titel"]
    props.author = mall["agare"]
    props.created = reviewed
    props.modified = reviewed
    props.last_modified_by = mall["agare"]
    props.revision = 1
    props.language = "sv-SE"
    _set_default_language(doc, "sv-SE")

    title = mall["titel"] + (f" – {district.name}" if district else "")
    doc.add_heading(title, level=0)
    doc.add_paragraph(to_plain_text(mall["inledning"]))
    meta = doc.add_paragraph()
    meta.add_run(f"Mallens version: granskad {mall['granskad']}. Ansvarig: {mall['agare']}.").italic = True
    if district is not None:
        doc.add_paragraph(
            "Förifylld med uppgifter om stadsdelen ur Samverkansguiden. Kontrollera uppgifterna innan ni skriver under."
        )
    for number, section in enumerate(mall["avsnitt"], start=1):
        doc.add_heading(f"{number}. {section['rubrik']}", level=1)
        guidance = doc.add_paragraph()
        guidance.add_run("Vägledning: ").bold = True
        guidance.add_run(to_plain_text(section["vagledning"])).italic = True
        for ref in section.get("lagrum", []):
            entry = project.lagrum[ref]
            note = citation_note(entry)
            doc.add_paragraph(
                f"{entry.heading}: {citation_text(entry)}" + (f" ({note})" if note else ""), style="List Bullet"
            )
        for field in section["falt"]:
            label = doc.add_paragraph()
            label.add_run(field["etikett"]).bold = True
            value = field_value(field, district)
            doc.add_paragraph(value if value else "_" * 60)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic(buffer.getvalue())


def document_key(project: Project, district: District | None) -> str:
    """Hash av allt ett dokument byggs av: mallen, stadsdelen, lagrummen mallen hänvisar till och koden."""
    mall = project.agreement_template
    refs = sorted({ref for section in mall["avsnitt"] for ref in section.get("lagrum", [])})
    return digest(
        code_fingerprint(),
        repr(mall),
        repr(district),
        repr([project.lagrum.get(ref) for ref in refs]),
    )


def agreement_documents(project: Project, cache: BuildCache | None = None) -> dict[str, bytes]:
    """Mallen och en förifylld fil per stadsdel. Med en cache byggs en fil bara om när det den byggs av ändrats."""
    files: dict[str, bytes] = {}
    for district in [None, *project.districts]:
        name = "mall" if district is None else district.slug
        files[f"{urls.DOCX_DIR}samverkansoverenskommelse-{name}.docx"] = _document(project, district, cache)
    return files


def _document(project: Project, district: District | None, cache: BuildCache | None) -> bytes:
    if cache is None:
        return build_document(project, district)
    key = document_key(project, district)
    data = cache.get(CACHE_KIND, key)
    if data is None:
        data = build_document(project, district)
        cache.put(CACHE_KIND, key, data)
    return data
