"""Utfallens sidor: akuta utfall börjar med en stor ringknapp och vad man gör med barnet just nu, och
ingen tvekan syns för den som har bråttom. Redaktionens obekräftade uppgifter (obekraftat) blir på
andra sidor en enda lugn mening."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from build_tools.addresses import urls
from build_tools.domain.model import Outcome
from build_tools.load.project import Layout, load_project
from build_tools.render.pages import PageBuilder

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 12, 7)


def _outcome_pages():
    project, report = load_project(Layout(ROOT), TODAY)
    assert report.ok
    builder = PageBuilder(project)
    for tree in project.trees.values():
        bodies = {page.source: page.body for page in builder.tree_pages(tree)}
        for node in tree.outcomes:
            yield tree, node, bodies[urls.node_source(tree.id, node.id)]


def _hurried(node: Outcome) -> bool:
    return node.kind == "akut" or node.urgency in ("omedelbart", "idag")


def test_no_doubt_on_urgent_outcomes_and_one_calm_sentence_elsewhere():
    seen = {"bråttom med obekräftat": 0, "andra med obekräftat": 0}
    for _tree, node, body in _outcome_pages():
        for note in node.unverified:
            assert escape(note, quote=False) not in body  # listan är redaktionens, inte läsarens
        assert "Uppgifter som ska bekräftas" not in body
        assert "inte utrett i underlaget" not in body
        if not node.unverified:
            assert "sv-unverified-note" not in body
        elif _hurried(node):
            seen["bråttom med obekräftat"] += 1
            assert "sv-unverified-note" not in body
        else:
            seen["andra med obekräftat"] += 1
            assert body.count("sv-unverified-note") == 1
    assert all(seen.values()), seen  # båda fallen finns i innehållet, annars prövar testet inget


def test_acute_outcomes_lead_with_the_call_and_what_to_do_with_the_child():
    acute = [(t, n, b) for t, n, b in _outcome_pages() if n.kind == "akut"]
    assert acute
    for tree, node, body in acute:
        call = body.index('class="sv-call"')
        steps = body.index('id="gor-sa-har"')
        assert call < steps
        lead = body[call:steps]
        assert 'href="tel:112"' in lead
        assert "Med barnet just nu" in lead or "Med eleven just nu" in lead, (tree.id, node.id)


def test_after_hours_is_named_wherever_you_are_told_to_call_socialtjansten_now():
    for tree, node, body in _outcome_pages():
        visible = body.split("data-sv-json", 1)[0]  # utan guidens data (alla rubriker) längst ned
        if "ring socialtjänsten nu" in visible.lower():
            assert "socialjouren" in visible and "Efter kontorstid" in visible, (tree.id, node.id)
