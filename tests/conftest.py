"""Gemensamma fixturer: projektet läses in en gång, sajten byggs en gång och visas på sin site_url."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from build_tools.base.build_day import ENV as BUILD_DAY_ENV
from build_tools.devtools.site_server import ServedSite, build_and_serve, project_copy
from build_tools.domain.model import Project
from build_tools.load.project import Layout, load_project
from tests.content import TEST_DAY, real_project

ROOT = Path(__file__).resolve().parent.parent

# Byggen och kommandon som testerna startar (mkdocs build, python -m build_tools) visar innehållet
# för testernas egen dag, aldrig för dagens datum.
os.environ[BUILD_DAY_ENV] = TEST_DAY.isoformat()


@pytest.fixture(scope="session")
def project() -> Project:
    loaded = real_project()
    if not loaded.trees:
        _, report = load_project(Layout(ROOT), TEST_DAY)
        pytest.fail("Innehållet har fel:\n" + "\n".join(d.format(ROOT) for d in report.errors))
    return loaded


@pytest.fixture(scope="session")
def served_site(tmp_path_factory) -> ServedSite:
    """Hela sajten byggd med den riktiga konfigurationen och visad på sin site_url (snabbnavigering på)."""
    work = tmp_path_factory.mktemp("site")
    site = build_and_serve(project_copy(work) / "mkdocs.yml", work / "site")
    yield site
    site.stop()


@pytest.fixture(scope="session")
def site_dir(served_site: ServedSite) -> Path:
    return served_site.directory


@pytest.fixture(scope="session")
def base_url(served_site: ServedSite) -> str:
    return served_site.base_url
