"""Svenska sökord i sökindexet: delar av sammansatta ord, grundformer, synonymer och vikter."""

from __future__ import annotations

from build_tools.load.search_terms import (
    FIELD,
    QUERY_CONFIG,
    TITLE_FIELD,
    SearchHint,
    SearchVocabulary,
    augment_index,
    base_forms,
    common_words,
    compound_parts,
    words_of,
)

KNOWN = {"anmälan", "skyldighet", "oro", "frånvaro", "skola", "lever", "elever", "grundskole", "plikt"}
LINKING = {"anmälnings": "anmälan"}


def test_compound_is_split_into_its_parts_with_linking_forms():
    assert compound_parts("anmälningsskyldighet", KNOWN, LINKING) == {"anmälan", "skyldighet"}
    assert compound_parts("orosanmälan", KNOWN, LINKING) == {"oro", "anmälan"}
    # skol- är fogeformen av skola (ett -a faller bort).
    assert compound_parts("skolfrånvaro", KNOWN, LINKING) == {"skola", "frånvaro"}


def test_short_tail_with_unknown_head_is_not_a_part():
    # "elever" ska inte ge "lever": förleden "e" är inget ord och slutdelen är kort.
    assert "lever" not in compound_parts("grundskoleelever", KNOWN, LINKING) - {"elever"}
    assert compound_parts("tänker", KNOWN, LINKING) == set()


def test_base_form_is_added_only_when_it_is_a_known_word():
    assert base_forms("skolor", KNOWN) == {"skola"}
    assert base_forms("skolorna", KNOWN) == {"skola"}
    assert base_forms("flickor", KNOWN) == set()  # flicka finns inte i innehållet
    # anmälan börjar redan som anmälans; sökningen hittar den ändå.
    assert base_forms("anmälans", KNOWN) == set()


def test_web_addresses_are_not_words():
    assert words_of("Se https://example.se/behovspr%C3%B6vning-16-arig och <b>samtycke</b>") == [
        "se",
        "och",
        "samtycke",
    ]


def _index(*docs):
    return {"config": {"fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}}, "docs": list(docs)}


def test_index_gets_parts_synonyms_and_title_parts():
    vocabulary = SearchVocabulary(
        base_words={"anmälan", "skyldighet"},
        linking_forms=LINKING,
        synonym_groups=[{"socialtjänst", "soc"}],
        stopwords=["och"],
    )
    index = _index(
        {
            "location": "stod/a/",
            "title": "Anmälningsskyldighet",
            "text": "<p>Socialtjänst, socialtjänst, socialtjänst.</p>",
        },
        {"location": "stod/b/", "title": "Annat", "text": "<p>En rad om socialtjänst.</p>"},
    )
    augment_index(index, vocabulary)
    first, second = index["docs"]
    assert set(first[FIELD].split()) >= {"anmälan", "skyldighet", "soc"}
    assert set(first[TITLE_FIELD].split()) == {"anmälan", "skyldighet"}
    # soc läggs bara där socialtjänst är centralt (i rubriken eller minst tre gånger).
    assert "soc" not in second.get(FIELD, "")
    assert index["config"]["fields"][TITLE_FIELD] == {"boost": 1000.0}
    query = index["config"][QUERY_CONFIG]
    assert "anmälningsskyldighet" in query["ord"] and query["stoppord"] == ["och"]
    assert query["fogeformer"] == LINKING


def test_words_listed_as_not_parts_are_never_added():
    vocabulary = SearchVocabulary(not_parts={"delar"})
    index = _index({"location": "stadsdelar/", "title": "Stadsdelar", "text": "<p>stads delar</p>"})
    augment_index(index, vocabulary)
    assert "delar" not in index["docs"][0].get(TITLE_FIELD, "")


def test_hints_set_title_on_the_page_and_weights_on_page_and_sections():
    index = _index(
        {"location": "beslutsstod/g/n/", "title": "Fråga? – Guiden", "text": "<p>Guiden</p>"},
        {"location": "beslutsstod/g/n/#fraga", "title": "Fråga?", "text": ""},
        {"location": "lagrum/", "title": "Lagrum", "text": ""},
        {"location": "lagrum/#sol", "title": "Socialtjänstlagen", "text": ""},
        {"location": "stod/x/", "title": "Kapitel", "text": ""},
    )
    hints = {
        "beslutsstod/g/n/": SearchHint(title="Fråga?", weight=0.4),
        "lagrum/": SearchHint(section_weight=0.4),
    }
    augment_index(index, SearchVocabulary(), hints)
    node, node_section, lagrum, lagrum_section, chapter = index["docs"]
    assert node["title"] == "Fråga?" and node["boost"] == 0.4
    assert node_section["title"] == "Fråga?" and node_section["boost"] == 0.4
    assert "boost" not in lagrum and lagrum_section["boost"] == 0.4
    assert "boost" not in chapter


def test_common_words_are_those_in_a_large_share_of_the_documents():
    texts = [["skolan", "pappa"], ["skolan", "slår"], ["skolan"], ["barn", "skolan"]]
    # skolan står i alla fyra; barn, pappa och slår i ett var (en fjärdedel).
    assert common_words(texts, share=0.5) == ["skolan"]
    assert common_words(texts, share=0.25) == ["barn", "pappa", "skolan", "slår"]


def test_index_config_lists_the_common_words_for_the_query():
    index = _index(
        {"location": "a/", "title": "Skolan", "text": "<p>Skolan och pappa.</p>"},
        {"location": "b/", "title": "Frånvaro", "text": "<p>Skolan och frånvaro.</p>"},
    )
    augment_index(index, SearchVocabulary())
    assert "skolan" in index["config"][QUERY_CONFIG]["vanliga"]
