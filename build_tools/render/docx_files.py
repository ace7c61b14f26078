"""Samverkansöverenskommelsen som Word-filer: en tom mall och en förifylld per stadsdel.

Filerna görs likadana vid varje bygge (fasta datum i filen), så att de bara skrivs om när
innehållet ändras. Att bygga en fil tar tid (python-docx); med en BuildCache byggs den bara när
mallen, stadsdelen, lagrummen den hänvisar till eller koden har ändrats.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

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


def _styled(doc, text: str, style_id: str) -> None:
    """Ett stycke med ett format, som doc.add_paragraph(text, style=namn) men utan uppslaget på namnet."""
    paragraph = doc.add_paragraph(text)
    paragraph._p.get_or_add_pPr().style = style_id


def build_document(project: Project, district: District | None) -> bytes:
    """Mallen (district None) eller en förifylld fil för stadsdelen.

    Stadsdelarnas filer skiljer sig bara i rubriken och i fälten som hämtas från stadsdelen. De fylls
    därför i en förlaga som byggs en gång per bygge (``_pattern``), vilket ger samma bytes som att bygga
    varje fil för sig och är många gånger snabbare. Ett värde som förlagan inte kan ta (med blanksteg
    först eller sist, radbrytningar eller tabbar) byggs för sig."""
    if district is None:
        return _build(project, None, lambda field: field_value(field, None))
    values = {key: district_value(district, key) for key in _district_keys(project)}
    if not all(_fits(v) for v in [district.name, *values.values()]):
        return _build(project, district.name, lambda field: field_value(field, district))
    return _fill(_pattern(project), district.name, values)


_SLOT = "SVPLATS{}SVPLATS"  # platshållare i förlagan: rubriken och fälten från stadsdelen
_PATTERNS: dict[str, bytes] = {}


def _district_keys(project: Project) -> list[str]:
    sections = project.agreement_template["avsnitt"]
    return sorted({f["fran_stadsdel"] for s in sections for f in s["falt"] if f.get("fran_stadsdel")})


def _fits(value: str) -> bool:
    return value == value.strip() and not any(ch in value for ch in "\n\t\r")


def _pattern(project: Project) -> bytes:
    """Förlagan för stadsdelarnas filer, med platshållare. Byggs en gång för samma mall och lagrum."""
    key = document_key(project, None, code="förlaga")
    if key not in _PATTERNS:
        _PATTERNS.clear()
        _PATTERNS[key] = _build(
            project,
            _SLOT.format("namn"),
            lambda f: _SLOT.format("f-" + f["fran_stadsdel"]) if f.get("fran_stadsdel") else field_value(f, None),
        )
    return _PATTERNS[key]


def _fill(pattern: bytes, name: str, values: dict[str, str]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(pattern))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8").replace(_SLOT.format("namn"), escape(name))
                for key, value in values.items():
                    text = text.replace(_SLOT.format("f-" + key), escape(value or "_" * 60))
                data = text.encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def _build(project: Project, district_name: str | None, value_of) -> bytes:
    # python-docx (och lxml) läses in först när en fil verkligen byggs: i ett varmt bygge kommer alla ur cachen.
    from docx import Document
    from docx.shared import Pt

    mall = project.agreement_template
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(11)
    _set_properties(doc, mall)
    # Formaten sätts med sina id:n: att slå upp dem på namnet för varje stycke tar det mesta av tiden.
    styles = {name: doc.styles[name].style_id for name in ("Title", "Heading 1", "List Bullet")}
    _styled(doc, mall["titel"] + (f" – {district_name}" if district_name else ""), styles["Title"])
    doc.add_paragraph(to_plain_text(mall["inledning"]))
    meta = doc.add_paragraph()
    meta.add_run(f"Mallens version: granskad {mall['granskad']}. Ansvarig: {mall['agare']}.").italic = True
    if district_name is not None:
        doc.add_paragraph(
            "Förifylld med uppgifter om stadsdelen ur Samverkansguiden. Kontrollera uppgifterna innan ni skriver under."
        )
    for number, section in enumerate(mall["avsnitt"], start=1):
        _section(doc, project, styles, number, section, value_of)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _deterministic(buffer.getvalue())


def _set_properties(doc, mall: dict) -> None:
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


def _section(doc, project: Project, styles: dict[str, str], number: int, section: dict, value_of) -> None:
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
        value = value_of(field)
        doc.add_paragraph(value if value else "_" * 60)


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
