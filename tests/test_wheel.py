"""`pip install .` gives a tool that runs: the wheel carries the lexicons
(package data of pipeline.lexicons, mapped onto models/lexicons), and the
installed console script processes a sample in a fresh virtual environment,
generating the user dictionary from those lexicons on first use."""
from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pandas as pd

from pipeline.userdict import render_user_dict

from .conftest import CORPUS, ROOT


def build_wheel(tmp_path: Path) -> Path:
    """Built from a copy of the sources, so the checkout gets no build/ folder."""
    src = tmp_path / "src"
    shutil.copytree(ROOT / "pipeline", src / "pipeline", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "models" / "lexicons", src / "models" / "lexicons")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(tmp_path / "dist")], check=True, capture_output=True, text=True)
    (wheel,) = (tmp_path / "dist").glob("meeting_pipeline-*.whl")
    return wheel


def test_the_wheel_carries_every_lexicon_and_module(tmp_path):
    names = set(zipfile.ZipFile(build_wheel(tmp_path)).namelist())
    lexicons = {f"pipeline/lexicons/{p.name}" for p in (ROOT / "models" / "lexicons").iterdir() if p.is_file()}
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "pipeline").rglob("*.py")}
    assert lexicons and lexicons <= names
    assert modules <= names, modules - names  # a new subpackage must be listed in pyproject.toml


def test_the_installed_wheel_runs_on_a_sample(tmp_path):
    wheel = build_wheel(tmp_path)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet",
                    str(wheel)], check=True, capture_output=True, text=True)
    # the dependencies come from the test environment; a path in a .pth file
    # adds them, not the editable install of this checkout (its .pth is not read)
    (site_dir,) = (env_dir / "lib").glob("python*/site-packages")
    (site_dir / "test-dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import pipeline.resources as r; print(r.__file__); print(r.LEXICON_DIR)"],
                           capture_output=True, text=True, cwd=tmp_path, check=True).stdout.split()
    assert all(Path(p).is_relative_to(env_dir) for p in where), where
    out = tmp_path / "out"
    # the wheel has no models/ folder: the user dictionary is generated on first use, in the user's cache
    cache = tmp_path / "cache"
    proc = subprocess.run([str(env_dir / "bin" / "meeting-pipeline"), "run", str(CORPUS), "--out", str(out),
                           "--workers", "1", "--no-progress"], capture_output=True, text=True, cwd=tmp_path,
                          env={**os.environ, "XDG_CACHE_HOME": str(cache)})
    assert proc.returncode == 0, proc.stderr
    assert (cache / "meeting-pipeline" / "userdict.txt").read_text(encoding="utf-8") == render_user_dict()
    docs = pd.read_parquet(out / "documents.parquet")
    assert len(docs) == 8 and set(docs.status) == {"ok"}
    assert len(pd.read_parquet(out / "people.parquet")) > 0
