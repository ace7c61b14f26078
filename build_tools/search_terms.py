"""Svensk sökning: extra sökord till sajtens sökindex.

Sökmotorn (lunr i Material for MkDocs) hittar bara hela ord. På svenska är många ord
sammansatta: "anmälan" ska hitta "orosanmälan" och "skyldighet" ska hitta
"anmälningsskyldighet". Här räknas för varje sida fram delarna i sidans sammansatta ord och
ordlistans synonymer (soc → socialtjänst, EHT ↔ elevhälsoteam). De läggs i ett eget fält
('ord') som söks men inte visas. Modulen känner inte till MkDocs; den arbetar på indexets JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Report
from .model import GlossaryTerm
from .schema_check import check_against_schema
from .yaml_source import load_yaml

WORD = re.compile(r"[a-zåäöéü]+", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
MIN_PART = 3
FIELD = "ord"
TITLE_FIELD = "titelord"


@dataclass
class SearchVocabulary:
    base_words: set[str] = field(default_factory=set)
    linking_forms: dict[str, str] = field(default_factory=dict)
    synonym_groups: list[set[str]] = field(default_factory=list)


def load_vocabulary(path: Path, glossary: list[GlossaryTerm], report: Report) -> SearchVocabulary:
    vocabulary = SearchVocabulary()
    if path.exists():
        doc = load_yaml(path, report)
        if doc is not None and check_against_schema(doc, "sokord.schema.json", report):
            vocabulary.base_words = {w.casefold() for w in doc.data["grundord"]}
            vocabulary.linking_forms = {k.casefold(): v.casefold() for k, v in doc.data["fogeformer"].items()}
    for term in glossary:
        words = {term.term.casefold(), *(f.casefold() for f in term.forms), *(s.casefold() for s in term.synonyms)}
        if term.expanded:
            words.add(term.expanded.casefold())
        vocabulary.synonym_groups.append(words)
    return vocabulary


def words_of(text: str) -> list[str]:
    return [w.casefold() for w in WORD.findall(TAG.sub(" ", text))]


def compound_parts(word: str, known: set[str], linking: dict[str, str]) -> set[str]:
    """Kända ord som ett sammansatt ord börjar eller slutar med (minst tre bokstäver kvar)."""
    parts: set[str] = set()
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail in known and len(tail) >= 4:
            parts.add(tail)
            if head in known:
                parts.add(head)
            elif head in linking:
                parts.add(linking[head])
            elif head.endswith("s") and head[:-1] in known:
                parts.add(head[:-1])
    parts.discard(word)
    return parts


def extra_terms(
    text: str, vocabulary: SearchVocabulary, corpus_words: set[str], title: str = "", synonyms: bool = True
) -> list[str]:
    """Delar av sammansatta ord i texten, och synonymer till ord som är centrala på sidan.

    Ett ord räknas som centralt när det står i rubriken eller minst tre gånger i texten. Annars skulle
    en vanlig synonym (soc) hamna på nästan varje sida och inte längre hjälpa till att hitta rätt."""
    all_words = words_of(text)
    words = set(all_words)
    known = corpus_words | vocabulary.base_words
    extra: set[str] = set()
    for word in words:
        if len(word) >= 7:
            extra |= compound_parts(word, known, vocabulary.linking_forms)
    if synonyms:
        title_words = set(words_of(title))
        title_text = " ".join(words_of(title))
        counts: dict[str, int] = {}
        for word in all_words:
            counts[word] = counts.get(word, 0) + 1
        for group in vocabulary.synonym_groups:
            central = any((" " in g and g in title_text) or g in title_words or counts.get(g, 0) >= 3 for g in group)
            if central:
                extra |= {g for g in group if g not in words}
    return sorted(extra)


def augment_index(index: dict, vocabulary: SearchVocabulary) -> dict:
    """Lägg till fältet 'ord' i varje dokument och i sökkonfigurationen."""
    docs = index.get("docs", [])
    corpus_words = {
        w for doc in docs for w in words_of(doc.get("title", "") + " " + doc.get("text", "")) if len(w) >= 4
    }
    for doc in docs:
        title = doc.get("title", "")
        terms = extra_terms(title + " " + doc.get("text", ""), vocabulary, corpus_words, title=title)
        if terms:
            doc[FIELD] = " ".join(terms)
        # Delar av ord i rubriken väger lika tungt som rubriken själv.
        title_terms = extra_terms(title, vocabulary, corpus_words, synonyms=False)
        if title_terms:
            doc[TITLE_FIELD] = " ".join(title_terms)
    fields = index.setdefault("config", {}).setdefault("fields", {})
    fields[FIELD] = {"boost": 1.0}
    fields[TITLE_FIELD] = {"boost": fields.get("title", {}).get("boost", 1000.0)}
    return index
