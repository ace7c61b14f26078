"""Samverkansöverenskommelsen som Word-filer: en tom mall och en förifylld per stadsdel.

Filerna görs likadana vid varje bygge (fasta datum i filen), så att de bara skrivs om när
innehållet ändras. Att bygga en fil tar tid (python-docx); med en BuildCache byggs den bara när
mallen, stadsdelen, lagrummen den hänvisar till eller koden har ändrats.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from ..build_cache import BuildCache, code_fingerprint, digest
from ..lagrum import citation_note, citation_text
from ..model import District, Project
from . import urls
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


def _styled(doc, text: str, style_id: str) -> None:
    """Ett stycke med ett format, som doc.add_paragraph(text, style=namn) men utan uppslaget på namnet."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = style_id


def build_document(project: Project, district: District | None) -> bytes:
    # python-docx (och lxml) läses in först när en fil verkligen byggs: i ett varmt bygge kommer alla ur cachen.
    from docx import Document
    from docx.shared import Pt

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

    # Formaten sätts med sina id:n: att slå upp dem på namnet för varje stycke tar det mesta av tiden.
    styles = {name: doc.styles[name].style_id for name in ("Title", "Heading 1", "List Bullet")}
    title = mall["titel"] + (f" – {district.name}" if district else "")
    _styled(doc, title, styles["Title"])
    doc.add_paragraph(to_plain_text(mall["inledning"]))
    meta = doc.add_paragraph()
    meta.add_run(f"Mallens version: granskad {mall['granskad']}. Ansvarig: {mall['agare']}.").italic = True
    if district is not None:
        doc.add_paragraph(
            "Förifylld med uppgifter om stadsdelen ur Samverkansguiden. Kontrollera uppgifterna innan ni skriver under."
        )
    for number, section in enumerate(mall["avsnitt"], start=1):
        _styled(doc, f"{number}. {section['rubrik']}", styles["Heading 1"])
        guidance = doc.add_paragraph()
        guidance.add_run("Vägledning: ").bold = True
        guidance.add_run(to_plain_text(section["vagledning"])).italic = True
        for ref in section.get("lagrum", []):
            entry = project.lagrum[ref]
            note = citation_note(entry)
            text = f"{entry.heading}: {citation_text(entry)}" + (f" ({note})" if note else "")
            _styled(doc, text, styles["List Bullet"])
        for field in section["falt"]:
            label = doc.add_paragraph()
            label.add_run(field["etikett"]).bold = True
            value = field_value(field, district)
            doc.add_paragraph(value if value else "_" * 60)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic(buffer.getvalue())


def document_key(project: Project, district: District | None, code: str | None = None) -> str:
    """Hash av allt ett dokument byggs av: mallen, stadsdelen, lagrummen mallen hänvisar till och koden."""
    mall = project.agreement_template
    refs = sorted({ref for section in mall["avsnitt"] for ref in section.get("lagrum", [])})
    return digest(
        code or code_fingerprint(),
        repr(mall),
        repr(district),
        repr([project.lagrum.get(ref) for ref in refs]),
    )


def agreement_documents(project: Project, cache: BuildCache | None = None) -> dict[str, bytes]:
    """Mallen och en förifylld fil per stadsdel. Med en cache byggs en fil bara om när det den byggs av ändrats."""
    files: dict[str, bytes] = {}
    code = code_fingerprint()  # en gång för alla filer i bygget
    for district in [None, *project.districts]:
        name = "mall" if district is None else district.slug
        files[f"{urls.DOCX_DIR}samverkansoverenskommelse-{name}.docx"] = _document(project, district, cache, code)
    return files


def _document(project: Project, district: District | None, cache: BuildCache | None, code: str) -> bytes:
    if cache is None:
        return build_document(project, district)
    key = document_key(project, district, code)
    data = cache.get(CACHE_KIND, key)
    if data is None:
        data = build_document(project, district)
        cache.put(CACHE_KIND, key, data)
    return data
