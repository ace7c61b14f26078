"""Bygger sajtens genererade sidor ur modellen. Varje sida blir en Markdown-fil med HTML i."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import jinja2

from ..addresses import urls
from ..addresses.urls import role_source, role_url
from ..base.url_rule import safe_url
from ..domain.case_roles import cases_for_role, roles_with_cases
from ..domain.model import AUDIENCES, OUTCOME_KINDS, URGENCIES, Outcome, Project, Tree
from ..load.lagrum import STATUS_LABELS, citation_note, citation_text
from . import district_pages, handbook, review
from .html_guard import mark_content
from .markdown_text import to_html, to_inline_html
from .page import Page
from .page_data import node_title, tree_json
from .review_nodes import SignedVersion, signed_version, signed_versions
from .training import case_context, selection_page
from .ui_text import ui_text
from .upcoming import upcoming_page

TEMPLATES = Path(__file__).resolve().parent / "templates"


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


class PageBuilder:
    def __init__(self, project: Project) -> None:
        if project.today is None:
            raise ValueError("Sidorna byggs av vyn för en dag (build_tools/load/dated_view.py), inte av modellen.")
        self.project = project
        self.template = project.agreement_template
        self.today: dt.date = project.today
        self.env = _environment()
        self._versions: dict[Path, SignedVersion] | None = None

    def signed_version(self, tree: Tree) -> SignedVersion:
        """Versionen av guiden som granskas (review_nodes.py), för alla guider med samma anrop till git."""
        if self._versions is None:
            self._versions = signed_versions([t.source for t in self.project.trees.values()])
        known = self._versions.get(tree.source)
        return known if known is not None else signed_version(tree.source)

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
            pages.extend(district_pages.district_pages(self))
        if self.template is not None:
            pages.append(district_pages.template_page(self))
            pages.append(district_pages.fill_page(self))
            pages.append(district_pages.followup_page(self))
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
