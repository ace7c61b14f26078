"""Bygger sajtens genererade sidor ur modellen. Varje sida blir en Markdown-fil med HTML i."""

from __future__ import annotations

import datetime as dt
import html
import json
from pathlib import Path

import jinja2

from ..addresses import urls
from ..addresses.urls import role_source, role_url
from ..base.url_rule import safe_url
from ..domain.case_roles import cases_for_role, roles_with_cases
from ..domain.model import AUDIENCES, OUTCOME_KINDS, URGENCIES, Outcome, Project, Question, Tree
from ..load.lagrum import STATUS_LABELS, citation_note, citation_text
from ..load.search_terms import SearchHint
from . import handbook, review
from .docx_files import district_value
from .html_guard import mark_content
from .markdown_text import to_html, to_inline_html, to_plain_text
from .page import Page
from .training import case_context, selection_page
from .ui_text import ui_text
from .upcoming import upcoming_page

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _sort_key(name: str) -> tuple:
    """Svensk sortering: å, ä, ö sist i alfabetet."""
    order = {"å": "{", "ä": "|", "ö": "}"}
    return tuple(order.get(ch, ch) for ch in name.casefold())


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.globals.update(
        md=to_html,
        inline=to_inline_html,
        node_url=urls.node_url,
        tree_url_of=urls.tree_url,
        lagrum_url=urls.LAGRUM_URL,
        cases_url=urls.CASES_URL,
        districts_url=urls.DISTRICTS_URL,
        district_url=urls.district_url,
        template_url=urls.TEMPLATE_URL,
        fill_url=urls.FILL_URL,
        followup_url=urls.FOLLOWUP_URL,
        docx_dir=urls.DOCX_DIR,
        case_url=urls.case_url,
        cite=citation_text,
        note=citation_note,
        status_label=lambda entry: STATUS_LABELS[entry.status],
        status_text=lambda status: STATUS_LABELS[status],
        ui=ui_text(),
    )
    env.filters["saker_lank"] = lambda value: safe_url(str(value)) or ""  # samma regel som check (url_rule.py)
    return env


def tree_json(tree: Tree) -> str:
    """Trädets struktur för skriptet: id, texter och vart varje svar leder.

    Texten läggs i ett data-attribut (som mallen HTML-kodar), inte i ett <script>-element: Materials
    snabbnavigering kör om skriptelement i innehållet och skulle då köra datan som JavaScript."""
    nodes: dict[str, dict] = {}
    for node in tree.nodes.values():
        if isinstance(node, Question):
            nodes[node.id] = {
                "t": "q",
                "text": to_plain_text(node.text),
                "answers": [{"id": a.id, "label": to_plain_text(a.label), "next": a.next_id} for a in node.answers],
            }
        else:
            nodes[node.id] = {"t": "o", "text": to_plain_text(node.title)}
    data = {
        "id": tree.id,
        "title": tree.title,
        "start": tree.start,
        "reviewed": tree.reviewed.isoformat(),
        "nodes": nodes,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def node_title(node) -> str:
    """Nodens egen rubrik som ren text: frågan, eller resultatets rubrik."""
    return to_plain_text(node.title if isinstance(node, Outcome) else node.text)


# Vikter i sökningen. Material ger en hel sida ungefär 2,5 gånger så hög poäng som ett avsnitt i en
# sida. Varje steg i en guide och varje övningsfall är en egen sida, fast de i praktiken är delar av
# något större; med vikten 0,4 väger de som avsnitt. Lagrumsregistrets avsnitt (ett per lagrum) får
# samma vikt, annars slår de stödmaterialet på vardagsord; sidan Lagrum själv väger som vanligt.
PART_WEIGHT = 0.4


def search_hints(project: Project) -> dict[str, SearchHint]:
    """Rubrik och vikt i sökningen per sida (adress → SearchHint).

    Ett steg i en guide visas utan guidens namn i rubriken; guidens namn står redan i texten under."""
    hints = {
        urls.node_url(tree.id, node.id): SearchHint(title=html.escape(node_title(node)), weight=PART_WEIGHT)
        for tree in project.trees.values()
        for node in tree.nodes.values()
    }
    hints.update({urls.case_url(case.id): SearchHint(weight=PART_WEIGHT) for case in project.cases})
    hints[urls.LAGRUM_URL] = SearchHint(section_weight=PART_WEIGHT)
    return hints


def glossary_json(project: Project) -> str:
    """Ordlistan för tipsen: term, böjningsformer, utskrivning och förklaring."""
    data = [
        {"t": t.term, "f": list(t.forms), "e": t.expanded, "x": t.explanation, "a": t.anchor} for t in project.glossary
    ]
    return json.dumps(data, ensure_ascii=False)


def districts_json(project: Project) -> str:
    """Kontaktvägar per stadsdel för valet av barnets stadsdel i guidernas resultat."""
    data = []
    for d in sorted(project.districts, key=lambda d: _sort_key(d.name)):
        data.append(
            {
                "name": d.name,
                "slug": d.slug,
                "former": [f.name for f in d.former_names],
                "website": safe_url(d.website) or "",  # länkarna går genom samma regel som check (url_rule.py)
                "contacts": [
                    {"description": c.description, "value": c.text, "href": safe_url(c.href) or "", "status": c.status}
                    for c in d.contacts
                ],
                "missing": not any(c.function == "mottagning" and c.value for c in d.contacts),
            }
        )
    return json.dumps(data, ensure_ascii=False)


class PageBuilder:
    def __init__(self, project: Project) -> None:
        if project.today is None:
            raise ValueError("Sidorna byggs av vyn för en dag (build_tools/load/dated_view.py), inte av modellen.")
        self.project = project
        self.template = project.agreement_template
        self.today: dt.date = project.today
        self.env = _environment()

    def _render(self, template: str, page_url: str, **context) -> str:
        def rel(target: str) -> str:
            return urls.relative(page_url, target)

        return self.env.get_template(template).render(
            rel=rel,
            # Markdown i texterna: länkar från sajtens rot blir relativa till just den här sidan.
            md=lambda text, shift_headings=1: to_html(text, shift_headings, page_url),
            inline=lambda text: to_inline_html(text, page_url),
            lagrum=self.project.lagrum,
            city_contacts=self.project.city_contacts,
            **context,
        )

    def all_pages(self) -> list[Page]:
        pages = [self.guides_index(), self.lagrum_page(), upcoming_page(self)]
        for tree in self.project.trees.values():
            pages.extend(self.tree_pages(tree))
        pages.extend(self.chapter_pages())
        if self.project.districts:
            pages.extend(self.district_pages())
        if self.template is not None:
            pages.append(self.template_page())
            pages.append(self.fill_page())
            pages.append(self.followup_page())
        if self.project.glossary:
            pages.append(self.glossary_page())
        if self.project.cases:
            pages.append(self.cases_index())
            pages.extend(self.case_page(case) for case in self.project.cases)
            pages.extend(self.role_collections())
            pages.append(selection_page(self))
        pages.extend(self.review_page(tree) for tree in self.project.trees.values())
        pages.extend(handbook.handbook_pages(self))
        return pages

    def review_page(self, tree: Tree) -> Page:
        """Granskningsvyn för en guide (render/review.py). En egen metod, så att site.py kan cacha den per guide."""
        return review.review_page(self, tree)

    def chapter_pages(self) -> list[Page]:
        pages = []
        groups = (
            (
                "kapitel",
                urls.CHAPTERS_SOURCE,
                urls.CHAPTERS_URL,
                "Stödmaterial",
                "Kapitel om ansvar, lagar och rutiner i samarbetet mellan skola och socialtjänst.",
                "stodmaterial",
            ),
            (
                "roll",
                urls.ROLES_SOURCE,
                urls.ROLES_URL,
                "Din roll",
                "Börja här: det viktigaste för just din yrkesroll.",
                "din-roll",
            ),
        )
        for kind, source, url, title, lead, anchor in groups:
            chapters = [c for c in self.project.chapters if c.kind == kind]
            if not chapters:
                continue
            body = self._render(
                "chapters_index.html.j2",
                url,
                chapters=chapters,
                title=title,
                lead=lead,
                anchor=anchor,
                chapter_url=urls.chapter_url,
            )
            pages.append(Page(source, title, body, description=lead))
            pages.extend(self.chapter_page(chapter) for chapter in chapters)
        return pages

    def chapter_page(self, chapter) -> Page:
        url = urls.chapter_url(chapter)
        guides = [self.project.trees[g] for g in chapter.guides if g in self.project.trees]
        head = self._render("chapter_head.html.j2", url, chapter=chapter, audience=self._audience(chapter))
        foot = self._render("chapter_foot.html.j2", url, chapter=chapter, guides=guides)
        # Sidan ligger en nivå djupare än källfilen (stod/sip/index.md från guides/stod/sip.md).
        text = urls.rebase_markdown_links(chapter.body, url.split("/")[0])
        # Redaktörens text märks ut, så att kroken tvättar den efter renderingen (html_guard.py).
        body = f"# {html.escape(chapter.title)}\n\n{head}\n\n{mark_content(text)}\n\n{foot}\n"
        return Page(urls.chapter_source(chapter), chapter.title, body, description=chapter.description)

    def glossary_page(self) -> Page:
        body = self._render("glossary.html.j2", urls.GLOSSARY_URL, terms=self.project.glossary)
        return Page(urls.GLOSSARY_SOURCE, "Ordlista", body, description="Ord och förkortningar förklarade.")

    def _former(self, district) -> str:
        names = [f.name for f in district.former_names]
        return " och ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)

    def district_pages(self) -> list[Page]:
        districts = sorted(self.project.districts, key=lambda d: d.name)
        areas = []
        for d in districts:
            areas.append({"name": d.name, "slug": d.slug, "district": d.name, "kind": "forvaltning"})
            areas.extend({"name": n, "slug": d.slug, "district": d.name, "kind": "stadsdel"} for n in d.neighbourhoods)
            areas.extend({"name": a, "slug": d.slug, "district": d.name, "kind": "alias"} for a in d.aliases)
            areas.extend(
                {"name": f.name, "slug": d.slug, "district": d.name, "kind": "tidigare"} for f in d.former_names
            )
        unique = {(a["name"].casefold(), a["slug"]): a for a in areas}
        areas = sorted(unique.values(), key=lambda a: _sort_key(a["name"]))
        lookup = [{"n": a["name"], "d": a["district"], "u": a["slug"] + "/", "k": a["kind"]} for a in areas]
        body = self._render(
            "districts_index.html.j2",
            urls.DISTRICTS_URL,
            districts=districts,
            areas=areas,
            former=self._former,
            lookup_json=json.dumps(lookup, ensure_ascii=False, separators=(",", ":")),
        )
        pages = [
            Page(
                urls.DISTRICTS_SOURCE,
                "Stadsdelar",
                body,
                description="Vilken stadsdel? Kontaktvägar till socialtjänsten.",
            )
        ]
        for d in districts:
            pages.append(self.district_page(d))
            for old in d.former_names:
                since = (old.until + dt.timedelta(days=1)).isoformat()
                redirect = self._render(
                    "district_redirect.html.j2", urls.district_url(old.slug), d=d, old=old, since=since
                )
                pages.append(Page(urls.district_source(old.slug), f"{old.name} heter numera {d.name}", redirect))
        return pages

    def district_page(self, d) -> Page:
        sst = d.sst
        sst_text = {
            "ja": f"{d.name} har skolsociala team enligt våra uppgifter.",
            "nej": f"{d.name} hade inte skolsociala team enligt de senaste uppgifterna vi har.",
            "okant": f"Vi vet inte om {d.name} har skolsociala team i dag.",
        }[sst["finns"]]
        agreement = self.project.agreements.get(d.slug)
        flags = list(self.project.agreement_flags.get(d.slug, ()))
        if agreement is None or agreement.status == "okant":
            agreement_text = "Vi har inga uppgifter om stadsdelens lokala samverkansöverenskommelse."
        elif agreement.status == "saknas":
            agreement_text = "Det finns ingen gällande lokal samverkansöverenskommelse."
        else:
            signed = agreement.signed.isoformat() if agreement.signed else "okänt datum"
            agreement_text = f"Överenskommelsen undertecknades {signed}."
        if flags and agreement is not None and agreement.status == "finns":
            agreement_text += " Att åtgärda: " + "; ".join(flags) + "."
        if agreement is not None and agreement.comment:
            agreement_text += " " + agreement.comment
        body = self._render(
            "district.html.j2",
            urls.district_url(d.slug),
            d=d,
            former=self._former,
            sst_text=sst_text,
            agreement_text=agreement_text,
        )
        return Page(
            urls.district_source(d.slug), d.name, body, description=f"Kontaktvägar till socialtjänsten i {d.name}."
        )

    def template_page(self) -> Page:
        districts = sorted(self.project.districts, key=lambda d: d.name)
        body = self._render("agreement_template.html.j2", urls.TEMPLATE_URL, mall=self.template, districts=districts)
        return Page(
            urls.TEMPLATE_SOURCE, self.template["titel"], body, description="Mall för lokal samverkansöverenskommelse."
        )

    def fill_page(self) -> Page:
        districts = sorted(self.project.districts, key=lambda d: _sort_key(d.name))
        prefill = {
            d.slug: {key: district_value(d, key) for key in ("namn", "stadsdelar", "webbsida", "sst", "tidigare_namn")}
            for d in districts
        }
        data = {"title": self.template["titel"], "reviewed": str(self.template["granskad"]), "districts": prefill}
        body = self._render(
            "agreement_fill.html.j2",
            urls.FILL_URL,
            mall=self.template,
            districts=districts,
            fill_json=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        )
        return Page(urls.FILL_SOURCE, "Fyll i en samverkansöverenskommelse", body, hide=("navigation", "toc"))

    def followup_page(self) -> Page:
        rows = []
        labels = {"finns": "Finns", "saknas": "Saknas", "okant": "Okänt"}
        yes_no = {"ja": "Ja", "nej": "Nej", "okant": "Okänt"}
        for d in sorted(self.project.districts, key=lambda d: d.name):
            a = self.project.agreements.get(d.slug)

            def show(value):
                return value.isoformat() if value else "Okänt"

            rows.append(
                {
                    "district": d,
                    "status": labels[a.status] if a else "Okänt",
                    "signed": show(a.signed) if a else "Okänt",
                    "parties": ", ".join(a.parties) if a and a.parties else "Okänt",
                    "independent": yes_no[a.independent_schools] if a else "Okänt",
                    "next_revision": show(a.next_revision) if a else "Okänt",
                    "last_follow_up": show(a.last_follow_up) if a else "Okänt",
                    "flags": list(self.project.agreement_flags.get(d.slug, ())),
                }
            )
        body = self._render("followup.html.j2", urls.FOLLOWUP_URL, rows=rows, today=self.today.isoformat())
        return Page(urls.FOLLOWUP_SOURCE, "Uppföljning av överenskommelser", body, hide=("navigation", "toc"))

    def _audience(self, item) -> str:
        return ", ".join(AUDIENCES[a] for a in item.audience)

    def cases_index(self) -> Page:
        groups = []
        for tree in sorted(self.project.trees.values(), key=lambda t: t.title):
            cases = [c for c in self.project.cases if c.guide_id == tree.id]
            if cases:
                groups.append({"tree": tree, "cases": cases})
        roles = [
            {"id": r, "name": name, "count": n, "url": role_url(r), "facit_url": role_url(r, True)}
            for r, name, n in roles_with_cases(self.project.cases)
        ]
        body = self._render(
            "cases_index.html.j2",
            urls.CASES_URL,
            groups=groups,
            roles=roles,
            audience=self._audience,
            selection_url=urls.SELECTION_URL,
        )
        return Page(urls.CASES_SOURCE, "Övningsfall", body, description="Fall att öva på i introduktionsutbildningen.")

    def case_page(self, case) -> Page:
        tree = self.project.trees[case.guide_id]
        body = self._render(
            "case.html.j2",
            urls.case_url(case.id),
            tree_json=tree_json(tree),
            audience=self._audience,
            nested=False,
            open=False,
            show_note=False,
            **case_context(self.project, case),
        )
        return Page(urls.case_source(case.id), f"{case.title} – övningsfall", body, hide=("navigation",))

    def role_collections(self) -> list[Page]:
        """Alla fall för en roll på en sida: en utskrift för deltagare och en med facit för utbildaren."""
        pages = []
        for role, name, _count in roles_with_cases(self.project.cases):
            cases = [case_context(self.project, c) for c in cases_for_role(self.project.cases, role)]
            for facit in (False, True):
                body = self._render(
                    "cases_role.html.j2",
                    role_url(role, facit),
                    role_name=name,
                    facit=facit,
                    cases=cases,
                    other_url=role_url(role, not facit),
                    audience=self._audience,
                )
                title = f"Övningsfall för {name.lower()}" + (" – med facit" if facit else "")
                # Utskrifterna per roll upprepar övningsfallen: inte i sökningen, där fallen själva finns.
                pages.append(Page(role_source(role, facit), title, body, hide=("navigation",), searchable=False))
        return pages

    def guides_index(self) -> Page:
        trees = sorted(self.project.trees.values(), key=lambda t: t.title)
        body = self._render("guides_index.html.j2", urls.GUIDES_URL, trees=trees)
        return Page(urls.GUIDES_SOURCE, "Beslutsstöd", body, description="Guider som leder dig fråga för fråga.")

    def lagrum_page(self) -> Page:
        entries = sorted(self.project.lagrum.values(), key=lambda e: (e.kind != "lag", e.law, e.heading))
        body = self._render("lagrum.html.j2", urls.LAGRUM_URL, entries=entries)
        return Page(urls.LAGRUM_SOURCE, "Lagrum", body, description="Lagrum som guiderna hänvisar till.")

    def tree_pages(self, tree: Tree) -> list[Page]:
        data = tree_json(tree)
        audience = ", ".join(AUDIENCES[a] for a in tree.audience)
        pages = [
            Page(
                urls.tree_source(tree.id),
                tree.title,
                self._render("tree_start.html.j2", urls.tree_url(tree.id), tree=tree, audience=audience),
                hide=("navigation",),
                description=tree.description,
            )
        ]
        for node in tree.nodes.values():
            page_url = urls.node_url(tree.id, node.id)
            common = dict(tree=tree, node=node, tree_json=data, tree_url=urls.tree_url(tree.id))
            if isinstance(node, Outcome):
                body = self._render(
                    "outcome.html.j2",
                    page_url,
                    kind_label=OUTCOME_KINDS[node.kind],
                    urgency_label=URGENCIES[node.urgency],
                    **common,
                )
            else:
                body = self._render("question.html.j2", page_url, **common)
            title = f"{node_title(node)} – {tree.title}"
            pages.append(Page(urls.node_source(tree.id, node.id), title, body, hide=("navigation", "toc")))
        return pages
