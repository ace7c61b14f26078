"""Tunt lager mot MkDocs: genererar build/docs/ före varje bygge.

Det här är den enda modulen som känner till MkDocs. Byts MkDocs ut (t.ex. mot Zensical),
kör ``python -m build_tools build`` först och låt den nya generatorn läsa build/docs/.

Under förhandsvisningen (``mkdocs serve``, scripts/serve.sh) stoppar ett innehållsfel inte servern:
sidorna visar felen i en svensk ruta, byggda från den senaste versionen som fungerade
(build_tools/adapters/preview.py). ``mkdocs build`` stannar däremot med felen, som förut.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs läser in krokfilen som en lös modul. Se till att paketet build_tools går att importera
# även när det inte är installerat, t.ex. direkt efter en ny klon.
_PROJECT_ROOT = str(Path(__file__).resolve().parents[2])
if _PROJECT_ROOT not in sys.path:
    sys.path.insert(0, _PROJECT_ROOT)

from build_tools.adapters import preview  # noqa: E402
from build_tools.adapters.hosting import hosting_rules, write_static_host_files  # noqa: E402
from build_tools.adapters.node_data import write_node_data  # noqa: E402
from build_tools.adapters.search_index import augment_site_search  # noqa: E402
from build_tools.addresses.site_map import HANDBOOK_DIR, REVIEW_PAGE, source_file  # noqa: E402
from build_tools.base.build_cache import python_changed_on_disk  # noqa: E402
from build_tools.base.build_day import BuildDayError, build_day  # noqa: E402
from build_tools.base.diagnostics import ContentError  # noqa: E402
from build_tools.load.project import Layout, load_project  # noqa: E402
from build_tools.render.html_guard import mark_content, sanitise_marked  # noqa: E402
from build_tools.render.site import cache_for, write_site  # noqa: E402
from build_tools.render.ui_text import ui_text  # noqa: E402
from build_tools.source.markdown_check import too_deep_at  # noqa: E402

# Projektet som lästes in i on_config, så att det inte behöver läsas in en gång till efter bygget.
# (MkDocs läser in den här filen på nytt vid varje ombyggnad; det som ska leva längre står i preview.STATE.)
_LOADED: dict = {}


def on_startup(command, dirty, **kwargs):
    preview.STATE.serving = command == "serve"


def on_serve(server, config, builder, **kwargs):
    """Bevaka inte build/docs/: kroken skriver där själv, och då skulle varje sparning ge två byggen.
    Källorna (decision_trees/, data/, guides/, docs/ …) bevakas genom watch i mkdocs.yml."""
    with contextlib.suppress(KeyError, ValueError, RuntimeError):
        server.unwatch(config["docs_dir"])
    return server


def on_post_build(config, **kwargs):
    """Skriv _headers och _redirects för statiska värdar, och lägg till svenska sökord (delar av
    sammansatta ord, synonymer) i sökindexet.

    Båda stegen finns i kärnan (build_tools/adapters/hosting.py, search_index.py) och går att köra utan
    MkDocs. Med ``extra: svensk_sokning: false`` byggs sajten med Materials vanliga sökindex (för jämförelsen i
    scripts/search_benchmark.py)."""
    project = _LOADED.get("project")
    if project is None:
        return
    # Guidens noder som data, för svar på plats (build_tools/adapters/node_data.py).
    write_node_data(Path(config["site_dir"]), project)
    if not any(name.endswith("offline") for name in config["plugins"]):  # "material/offline": file://
        # _headers och _redirects för statiska värdar (build_tools/adapters/hosting.py), ur samma CSP som sidorna.
        rules = hosting_rules(config["extra"]["csp"], config["site_url"] or "/", project.districts)
        write_static_host_files(Path(config["site_dir"]), rules)
    if config["extra"].get("svensk_sokning", True) is not False:
        cache = cache_for(Layout(Path(config["config_file_path"]).absolute().parent))
        augment_site_search(Path(config["site_dir"]), project, cache)


def on_config(config, **kwargs):
    # Gränssnittets texter till temat (overrides/main.html skriver dem i sidan åt skripten).
    config["extra"]["sv_ui"] = ui_text()
    root = Path(config["config_file_path"]).absolute().parent
    if preview.STATE.serving and python_changed_on_disk():
        # Mallar läses om vid varje bygge, men Python-moduler läses bara in när servern startar.
        print(
            "Byggverktygets Python-kod har ändrats sedan förhandsvisningen startade och körs inte förrän du "
            "startar om den (Ctrl+C och scripts/serve.sh).",
            file=sys.stderr,
            flush=True,
        )
    layout = Layout(root)
    try:
        day = build_day()  # SAMVERKAN_IDAG, annars dagens datum: sajten visar det som gäller den dagen
    except BuildDayError as error:
        raise PluginError(str(error)) from None
    project, report = load_project(layout, day)
    if not report.ok:
        if preview.STATE.serving:
            # Förhandsvisning: visa felen på sidorna i stället för att stoppa servern.
            preview.STATE.report, preview.STATE.root = report, root
            preview.print_errors(report, root)
            if not (layout.output_dir / "index.md").exists():
                preview.write_error_site(layout.output_dir, config.get("nav"), report, root)
            return config
        raise PluginError(
            "Innehållet har fel. Kör 'python -m build_tools check' för detaljer.\n\n" + str(ContentError(report, root))
        )
    if preview.STATE.report is not None:
        print("Innehållet är utan fel igen.", file=sys.stderr, flush=True)
    preview.STATE.report = None
    try:
        write_site(project, layout)
    except ContentError as exc:  # t.ex. en text som är för djupt nästlad: ett svenskt fel, ingen traceback
        raise PluginError(str(exc)) from None
    _LOADED["project"] = project  # samma inläsning används igen efter bygget (sökorden)
    return config


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Källfilen till sidfotens länk "Föreslå en ändring", sökningen och felrutan i förhandsvisningen."""
    src = page.file.src_uri
    page.meta["kallfil"] = source_file(src)
    if too_deep_at(markdown) is not None:  # Python-Markdown skulle ta slut på stacken eller tiden
        raise PluginError(f"Sidan {page.meta['kallfil']} har för många nivåer i varandra. Kör check.")
    if src.endswith(f"/{REVIEW_PAGE}/index.md") or src.startswith(HANDBOOK_DIR):
        # Granskningsvyn upprepar guidernas text och handboken är för redaktörer: inte i sökningen.
        page.meta["search"] = {"exclude": True}
    if _is_handwritten(page.meta["kallfil"], config):
        markdown = mark_content(markdown)  # redaktörens text: tvättas i on_page_content
    if preview.STATE.report is not None and preview.STATE.root is not None:
        return preview.error_box(preview.STATE.report, preview.STATE.root) + markdown
    return markdown


def _is_handwritten(source: str, config) -> bool:
    """En sida i docs/ (hela brödtexten är redaktörens). Kapitlen märks ut av kärnan själv."""
    return source.startswith("docs/") and (Path(config["config_file_path"]).parent / source).is_file()


def on_page_content(html, page, config, files, **kwargs):
    """Tvätta redaktörens text i den renderade sidan med samma vitlista som all annan HTML ur innehållet
    (build_tools/html_guard.py): inga skript, formulär, ramar, meta-taggar, egna klasser eller farliga länkar."""
    return sanitise_marked(html)
