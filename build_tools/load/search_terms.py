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

from ..base.diagnostics import Report
from ..check.schema_check import check_against_schema
from ..domain.model import GlossaryTerm
from ..source.yaml_source import load_yaml

WORD = re.compile(r"[a-zåäöéü]+", re.IGNORECASE)
TAG = re.compile(r"<[^>]+>")
URL = re.compile(r"https?://\S+")
MIN_PART = 3
# En slutdel får räknas som eget ord utan att förleden är känd bara om den är minst så här lång.
# Kortare slutdelar blir för ofta brus (elever → lever).
MIN_LONE_TAIL = 6
# Böjda former vars grundform inte börjar likadant (skolor → skola). Sökningen lägger själv till *
# efter det användaren skriver, så insatser hittas redan av insats. Grundformen läggs bara till när
# den finns som ord någon annanstans i innehållet eller i sokord.yaml.
INFLECTIONS = (("ornas", "a"), ("orna", "a"), ("or", "a"), ("arnas", "e"), ("arna", "e"), ("ar", "e"), ("ler", "el"))
FIELD = "ord"
# Ett ord som står i minst så här stor andel av dokumenten räknas som vanligt i sökfrågan.
COMMON_SHARE = 0.12
TITLE_FIELD = "titelord"
QUERY_CONFIG = "samverkan"  # ordförrådet för search-query.js i sökindexets config


@dataclass
class SearchVocabulary:
    base_words: set[str] = field(default_factory=set)
    linking_forms: dict[str, str] = field(default_factory=dict)
    synonym_groups: list[set[str]] = field(default_factory=list)
    stopwords: list[str] = field(default_factory=list)
    not_parts: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class SearchHint:
    """Hur en sida ska synas i sökningen: en annan rubrik än sidans titel, och/eller en vikt.

    Vikten multipliceras med träffens poäng (1 = som vanligt). section_weight gäller sidans avsnitt
    (adresser med #), om den är satt."""

    title: str | None = None
    weight: float | None = None
    section_weight: float | None = None


def load_vocabulary(path: Path, glossary: list[GlossaryTerm], report: Report) -> SearchVocabulary:
    vocabulary = SearchVocabulary()
    if path.exists():
        doc = load_yaml(path, report)
        if doc is not None and check_against_schema(doc, "sokord.schema.json", report):
            vocabulary.base_words = {w.casefold() for w in doc.data["grundord"]}
            vocabulary.linking_forms = {k.casefold(): v.casefold() for k, v in doc.data["fogeformer"].items()}
            vocabulary.stopwords = [w.casefold() for w in doc.data.get("smaord", [])]
            vocabulary.not_parts = {w.casefold() for w in doc.data.get("inte_delord", [])}
            for group in doc.data.get("synonymer", []):
                vocabulary.synonym_groups.append({w.casefold() for w in group})
    for term in glossary:
        words = {term.term.casefold(), *(f.casefold() for f in term.forms), *(s.casefold() for s in term.synonyms)}
        if term.expanded:
            words.add(term.expanded.casefold())
        vocabulary.synonym_groups.append(words)
    return vocabulary


def words_of(text: str) -> list[str]:
    """Orden i en text, utan HTML-taggar och webbadresser (en adress är inte innehåll)."""
    return [w.casefold() for w in WORD.findall(URL.sub(" ", TAG.sub(" ", text)))]


def first_part(head: str, known: set[str], linking: dict[str, str]) -> str | None:
    """Grundformen för förleden i ett sammansatt ord: anmälnings → anmälan, skol → skola, oros → oro."""
    if head in linking:
        return linking[head]
    if head.endswith("s") and head[:-1] in known:
        return head[:-1]
    if head in known:
        return head
    if head + "a" in known:
        return head + "a"
    return None


def compound_parts(word: str, known: set[str], linking: dict[str, str]) -> set[str]:
    """Kända ord som ett sammansatt ord består av (minst tre bokstäver i varje del).

    En slutdel räknas när förleden också är ett känt ord (i grundform eller som fogeform), eller när
    slutdelen är så lång att den knappast är en slump."""
    parts: set[str] = set()
    for cut in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if tail not in known or len(tail) < 4:
            continue
        base = first_part(head, known, linking)
        if base is not None:
            parts.update((base, tail))
        elif len(tail) >= MIN_LONE_TAIL:
            parts.add(tail)
    parts.discard(word)
    return parts


def base_forms(word: str, known: set[str]) -> set[str]:
    """Grundformer som inte är början på det böjda ordet: skolor → skola, regler → regel."""
    forms: set[str] = set()
    for ending, replacement in INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_PART:
            candidate = word[: -len(ending)] + replacement
            if candidate in known and not word.startswith(candidate):
                forms.add(candidate)
    return forms


@dataclass
class TermFinder:
    """Räknar fram extra sökord för många texter med samma ordförråd (se ``terms``).

    Samma ord står på många sidor, så delarna och grundformerna för varje ord räknas bara en gång,
    och synonymgrupperna slås upp per ord i stället för att gås igenom för varje sida."""

    vocabulary: SearchVocabulary
    known: set[str]
    parts: dict[str, set[str]] = field(default_factory=dict)
    bases: dict[str, set[str]] = field(default_factory=dict)
    groups_by_word: dict[str, list[int]] = field(default_factory=dict)
    phrases: list[tuple[str, int]] = field(default_factory=list)  # synonymer med mellanslag, och deras grupp

    @classmethod
    def create(cls, vocabulary: SearchVocabulary, corpus_words: set[str]) -> TermFinder:
        finder = cls(vocabulary, corpus_words | vocabulary.base_words)
        for index, group in enumerate(vocabulary.synonym_groups):
            for entry in group:
                if " " in entry:
                    finder.phrases.append((entry, index))
                else:
                    finder.groups_by_word.setdefault(entry, []).append(index)
        return finder

    def terms(self, text: str, title: str = "", synonyms: bool = True) -> list[str]:
        """Delar av sammansatta ord i texten, och synonymer till ord som är centrala på sidan.

        Ett ord räknas som centralt när det står i rubriken eller minst tre gånger i texten. Annars
        skulle en vanlig synonym (soc) hamna på nästan varje sida och inte längre hjälpa till att hitta
        rätt. En synonym med mellanslag räknas som central när den står i rubriken."""
        return self.terms_of_words(words_of(text), title, synonyms)

    def terms_of_words(self, all_words: list[str], title: str = "", synonyms: bool = True) -> list[str]:
        """Som ``terms``, för en text som redan är uppdelad i ord (``words_of``)."""
        words = set(all_words)
        extra: set[str] = set()
        for word in words:
            if len(word) >= 7:
                extra |= self._parts(word)
        for word in words | extra:
            extra |= self._bases(word)
        if synonyms:
            title_list = words_of(title)
            title_text = " ".join(title_list)
            counts: dict[str, int] = {}
            for word in all_words:
                counts[word] = counts.get(word, 0) + 1
            central = set(title_list) | {word for word, count in counts.items() if count >= 3}
            groups = {index for word in central for index in self.groups_by_word.get(word, ())}
            groups |= {index for phrase, index in self.phrases if phrase in title_text}
            for index in groups:
                extra |= {g for g in self.vocabulary.synonym_groups[index] if g not in words}
        return sorted(extra)

    def _parts(self, word: str) -> set[str]:
        if word not in self.parts:
            found = compound_parts(word, self.known, self.vocabulary.linking_forms)
            self.parts[word] = found - self.vocabulary.not_parts
        return self.parts[word]

    def _bases(self, word: str) -> set[str]:
        if word not in self.bases:
            self.bases[word] = base_forms(word, self.known)
        return self.bases[word]


def apply_hints(docs: list[dict], hints: dict[str, SearchHint]) -> None:
    """Sätt rubrik och vikt enligt hints (adress utan # → SearchHint) på sidornas dokument."""
    for doc in docs:
        location = doc.get("location", "")
        hint = hints.get(location.split("#")[0])
        if hint is None:
            continue
        if hint.title and "#" not in location:
            doc["title"] = hint.title
        weight = hint.section_weight if "#" in location and hint.section_weight is not None else hint.weight
        if weight is not None:
            doc["boost"] = weight


def augment_index(index: dict, vocabulary: SearchVocabulary, hints: dict[str, SearchHint] | None = None) -> dict:
    """Gör sökindexet svenskt: sökord i egna fält, rubriker och vikter per sida, och ordförrådet som
    sökfrågan behöver (search-query.js delar upp sammansatta ord i frågan med samma ord).

    hints gäller hela sidan (adress utan #); en ny rubrik gäller bara sidans första del."""
    docs = index.get("docs", [])
    apply_hints(docs, hints or {})
    texts = [words_of(doc.get("title", "") + " " + doc.get("text", "")) for doc in docs]
    all_words = {w for words in texts for w in words}
    corpus_words = {w for w in all_words if len(w) >= 4}
    finder = TermFinder.create(vocabulary, corpus_words)
    for doc, words in zip(docs, texts, strict=True):
        title = doc.get("title", "")
        terms = finder.terms_of_words(words, title=title)
        if terms:
            doc[FIELD] = " ".join(terms)
        # Delar av ord i rubriken väger lika tungt som rubriken själv.
        title_terms = finder.terms(title, synonyms=False)
        if title_terms:
            doc[TITLE_FIELD] = " ".join(title_terms)
    config = index.setdefault("config", {})
    fields = config.setdefault("fields", {})
    fields[FIELD] = {"boost": 1.0}
    fields[TITLE_FIELD] = {"boost": fields.get("title", {}).get("boost", 1000.0)}
    config[QUERY_CONFIG] = {
        "ord": sorted({w for w in all_words if len(w) >= MIN_PART} | vocabulary.base_words),
        "fogeformer": dict(sorted(vocabulary.linking_forms.items())),
        "stoppord": sorted(set(vocabulary.stopwords)),
        "vanliga": common_words(texts),
    }
    return index


def common_words(texts: list[list[str]], share: float = COMMON_SHARE) -> list[str]:
    """Ord som står i minst ``share`` av indexets dokument (skolan, barn, socialtjänsten).

    Sökfrågan väger dem lätt när frågan har andra ord, så att de ovanliga orden avgör ordningen."""
    counts: dict[str, int] = {}
    for words in texts:
        for word in set(words):
            counts[word] = counts.get(word, 0) + 1
    limit = max(1, share * len(texts))
    return sorted(w for w, n in counts.items() if n >= limit and len(w) >= MIN_PART)
