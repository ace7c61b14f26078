"""scripts/release_tag.py: taggen kommer ur pyproject.toml och kräver ett avsnitt i CHANGELOG.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "release_tag.py"


def _git(root: Path, *args: str) -> str:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
    }
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env).stdout


def _project(root: Path, version: str, changelog: str) -> None:
    _git(root, "init", "-q")
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\nversion = "{version}"\n', encoding="utf-8")
    (root / "CHANGELOG.md").write_text(changelog, encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-qm", "start")


def _run(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(root),
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--rot", str(root), *args], capture_output=True, text=True, env=env
    )


def test_no_changelog_section_means_no_tag(tmp_path):
    _project(tmp_path, "1.2.0", "# Ändringslogg\n\n## [Ej utgiven]\n")
    result = _run(tmp_path)
    assert result.returncode == 1
    assert "CHANGELOG.md" in result.stderr
    assert _git(tmp_path, "tag", "--list").strip() == ""


def test_tag_is_set_once_from_the_version(tmp_path):
    _project(tmp_path, "1.2.0", "# Ändringslogg\n\n## [1.2.0] – 2026-12-07\n")
    assert _run(tmp_path, "--kontroll").returncode == 0
    assert _git(tmp_path, "tag", "--list").strip() == ""
    assert _run(tmp_path).returncode == 0
    assert _git(tmp_path, "tag", "--list").split() == ["v1.2.0"]
    assert _git(tmp_path, "cat-file", "-t", "v1.2.0").strip() == "tag"  # annoterad
    again = _run(tmp_path)
    assert again.returncode == 1
    assert "finns redan" in again.stderr


def test_uncommitted_changes_stop_the_tag(tmp_path):
    _project(tmp_path, "1.2.0", "# Ändringslogg\n\n## [1.2.0] – 2026-12-07\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "1.2.0"\n# ändrad\n', encoding="utf-8")
    assert _run(tmp_path).returncode == 1
    assert _git(tmp_path, "tag", "--list").strip() == ""
