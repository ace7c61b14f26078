"""Sidorna om stadsdelarna och de lokala samverkansöverenskommelserna: stadsdelslistan, en sida per
stadsdel (och en hänvisning per tidigare namn), mallen för överenskommelsen, ifyllnadssidan och
uppföljningen. Varje funktion får sidbyggaren (render/pages.py: PageBuilder), som de andra sidmodulerna."""

from __future__ import annotations

import datetime as dt
import json

from ..addresses import urls
from .docx_files import district_value
from .page import Page
from .page_data import sort_key


def former_names(district) -> str:
    names = [f.name for f in district.former_names]
    return " och ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


def district_pages(builder) -> list[Page]:
    districts = sorted(builder.project.districts, key=lambda d: d.name)
    areas = []
    for d in districts:
        areas.append({"name": d.name, "slug": d.slug, "district": d.name, "kind": "forvaltning"})
        areas.extend({"name": n, "slug": d.slug, "district": d.name, "kind": "stadsdel"} for n in d.neighbourhoods)
        areas.extend({"name": a, "slug": d.slug, "district": d.name, "kind": "alias"} for a in d.aliases)
        areas.extend({"name": f.name, "slug": d.slug, "district": d.name, "kind": "tidigare"} for f in d.former_names)
    unique = {(a["name"].casefold(), a["slug"]): a for a in areas}
    areas = sorted(unique.values(), key=lambda a: sort_key(a["name"]))
    lookup = [{"n": a["name"], "d": a["district"], "u": a["slug"] + "/", "k": a["kind"]} for a in areas]
    body = builder._render(
        "districts_index.html.j2",
        urls.DISTRICTS_URL,
        districts=districts,
        areas=areas,
        former=former_names,
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
        pages.append(district_page(builder, d))
        for old in d.former_names:
            since = (old.until + dt.timedelta(days=1)).isoformat()
            redirect = builder._render(
                "district_redirect.html.j2", urls.district_url(old.slug), d=d, old=old, since=since
            )
            pages.append(Page(urls.district_source(old.slug), f"{old.name} heter numera {d.name}", redirect))
    return pages


def district_page(builder, d) -> Page:
    sst = d.sst
    sst_text = {
        "ja": f"{d.name} har skolsociala team enligt våra uppgifter.",
        "nej": f"{d.name} hade inte skolsociala team enligt de senaste uppgifterna vi har.",
        "okant": f"Vi vet inte om {d.name} har skolsociala team i dag.",
    }[sst["finns"]]
    agreement = builder.project.agreements.get(d.slug)
    flags = list(builder.project.agreement_flags.get(d.slug, ()))
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
    body = builder._render(
        "district.html.j2",
        urls.district_url(d.slug),
        d=d,
        former=former_names,
        sst_text=sst_text,
        agreement_text=agreement_text,
    )
    return Page(urls.district_source(d.slug), d.name, body, description=f"Kontaktvägar till socialtjänsten i {d.name}.")


def template_page(builder) -> Page:
    districts = sorted(builder.project.districts, key=lambda d: d.name)
    body = builder._render("agreement_template.html.j2", urls.TEMPLATE_URL, mall=builder.template, districts=districts)
    return Page(
        urls.TEMPLATE_SOURCE, builder.template["titel"], body, description="Mall för lokal samverkansöverenskommelse."
    )


def fill_page(builder) -> Page:
    districts = sorted(builder.project.districts, key=lambda d: sort_key(d.name))
    prefill = {
        d.slug: {key: district_value(d, key) for key in ("namn", "stadsdelar", "webbsida", "sst", "tidigare_namn")}
        for d in districts
    }
    data = {"title": builder.template["titel"], "reviewed": str(builder.template["granskad"]), "districts": prefill}
    body = builder._render(
        "agreement_fill.html.j2",
        urls.FILL_URL,
        mall=builder.template,
        districts=districts,
        fill_json=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    )
    return Page(urls.FILL_SOURCE, "Fyll i en samverkansöverenskommelse", body, hide=("navigation", "toc"))


def followup_page(builder) -> Page:
    rows = []
    labels = {"finns": "Finns", "saknas": "Saknas", "okant": "Okänt"}
    yes_no = {"ja": "Ja", "nej": "Nej", "okant": "Okänt"}
    for d in sorted(builder.project.districts, key=lambda d: d.name):
        a = builder.project.agreements.get(d.slug)

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
                "flags": list(builder.project.agreement_flags.get(d.slug, ())),
            }
        )
    body = builder._render("followup.html.j2", urls.FOLLOWUP_URL, rows=rows, today=builder.today.isoformat())
    return Page(urls.FOLLOWUP_SOURCE, "Uppföljning av överenskommelser", body, hide=("navigation", "toc"))
