"""Stadsdelsdata, uppföljningens flaggor och de genererade Word-filerna."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document

from build_tools.domain.model import Agreement
from build_tools.load.districts import agreement_flags
from build_tools.render.docx_files import agreement_documents

RETIRED = {
    "Rinkeby-Kista": "jarva",
    "Spånga-Tensta": "jarva",
    "Norrmalm": "norra-innerstaden",
    "Östermalm": "norra-innerstaden",
    "Hägersten-Liljeholmen": "hagersten-alvsjo",
    "Älvsjö": "hagersten-alvsjo",
}


def test_eleven_districts_with_the_retired_names(project):
    assert len(project.districts) == 11
    former = {f.name: d.slug for d in project.districts for f in d.former_names}
    for name, slug in RETIRED.items():
        assert former.get(name) == slug or (name == "Älvsjö" and "Älvsjö" in former), name


def test_no_unverified_contact_value_is_marked_verified(project):
    for district in project.districts:
        for contact in district.contacts:
            if contact.status == "verifierad":
                assert contact.source.startswith("http"), contact


def _agreement(**changes) -> Agreement:
    values = dict(
        district="x",
        status="finns",
        signed=dt.date(2024, 1, 1),
        parties=("Skola",),
        independent_schools="ja",
        next_revision=dt.date(2026, 1, 1),
        last_follow_up=dt.date(2025, 6, 1),
        source="test",
        comment="",
    )
    values.update(changes)
    return Agreement(**values)


def test_followup_flags_overdue_revision_and_missing_data():
    today = dt.date(2026, 11, 23)
    assert any("försenad" in f for f in agreement_flags(_agreement(), today))
    assert agreement_flags(_agreement(next_revision=dt.date(2027, 1, 1)), today) == []
    flags = agreement_flags(_agreement(next_revision=None, independent_schools="okant"), today)
    assert "Datum för nästa revidering saknas" in flags
    assert any("Fristående skolor" in f for f in flags)
    assert agreement_flags(None, today) == ["Inga uppgifter om överenskommelsen"]


def test_docx_files_contain_every_section_and_district_facts(project):
    files = agreement_documents(project)
    assert len(files) == 1 + len(project.districts)
    sections = [s["rubrik"] for s in project.agreement_template["avsnitt"]]
    blank = Document(io.BytesIO(files["samverkan/filer/samverkansoverenskommelse-mall.docx"]))
    headings = [p.text for p in blank.paragraphs if p.style.name.startswith("Heading")]
    for number, title in enumerate(sections, start=1):
        assert f"{number}. {title}" in headings
    assert "Stadsdelsförvaltningen Järva" not in "\n".join(p.text for p in blank.paragraphs)

    jarva = next(d for d in project.districts if d.slug == "jarva")
    filled = Document(io.BytesIO(files["samverkan/filer/samverkansoverenskommelse-jarva.docx"]))
    text = "\n".join(p.text for p in filled.paragraphs)
    assert "Stadsdelsförvaltningen Järva" in text
    assert "Rinkeby-Kista" in text  # tidigare namn fylls i
    assert jarva.neighbourhoods[0] in text


def test_docx_output_is_deterministic(project):
    assert agreement_documents(project) == agreement_documents(project)


def test_word_files_are_tagged_as_swedish(project):
    """WCAG 3.1.1 för dokument: språket i dokumentets standardformat, inte bara i egenskaperna."""
    import io
    import re
    import zipfile

    from build_tools.render.docx_files import agreement_documents

    files = agreement_documents(project)
    assert files
    for name, data in files.items():
        styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")
        defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S).group()
        assert 'w:lang w:val="sv-SE"' in defaults, name
        assert "en-US" not in defaults, name
