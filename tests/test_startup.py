"""What a run loads: not the other commands' libraries, not spaCy's command
line, not pandas; and spaCy's command line still works when asked for
(see pipeline/_spacy_cli.py). Timings are `make bench`'s business."""
from __future__ import annotations

import json
import subprocess
import sys

from .conftest import RAW, ROOT

NOT_FOR_A_RUN = ["plotly", "spacy.displacy", "pipeline.views", "pipeline.review", "pipeline.evaluate",
                 "spacy.cli._util", "spacy.cli.download", "weasel", "requests", "pandas", "jieba", "distributed"]


def _loaded(code: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", "import sys, json; " + code + "; print(json.dumps(sorted(sys.modules)))"],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_a_run_imports_nothing_it_does_not_use(tmp_path):
    code = ("import sys; from typer.testing import CliRunner; from pipeline.cli import app; "
            f"r = CliRunner().invoke(app, ['run', {str(RAW)!r}, '--out', {str(tmp_path / 'out')!r}, "
            "'--workers', '1', '--no-progress']); assert r.exit_code == 0, r.output")
    loaded = _loaded(code)
    assert "spacy" in loaded and "duckdb" in loaded
    assert not [m for m in NOT_FOR_A_RUN if m in loaded]


def test_spacy_command_line_is_there_when_asked_for():
    loaded = _loaded("import pipeline.nlp, spacy; from spacy.cli import download, setup_cli; "
                     "assert callable(setup_cli) and callable(download); "
                     "assert spacy.info(silent=True)['spacy_version'] == spacy.__version__")
    assert {"spacy.cli", "spacy.cli.info", "spacy.cli._util"} <= loaded


def test_spacy_is_spacy_when_imported_before_the_pipeline():
    _loaded("import spacy; import pipeline.nlp; assert 'spacy.cli._util' in sys.modules; "
            "from spacy.cli import setup_cli")
