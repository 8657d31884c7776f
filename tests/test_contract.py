"""meetings.duckdb as a contract: the column descriptions, the data
dictionary, the keys, comments and views, and the analyst questions."""
from __future__ import annotations

import re

import duckdb
import pytest

from pipeline.contract import (DICTIONARY, QUESTIONS_HEADING, described, question_blocks, tables_markdown,
                               write_dictionary)
from pipeline.executors import run_corpus
from pipeline.tables import TABLES

from .conftest import RAW


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory):
    out = tmp_path_factory.mktemp("contract") / "out"
    run_corpus(RAW, out, workers=1, progress=False)
    con = duckdb.connect(str(out / "meetings.duckdb"), read_only=True)
    yield out, con
    con.close()


def test_every_column_is_described_once():
    spec = described()["tables"]
    assert set(spec) == set(TABLES)
    for table, schema in TABLES.items():
        assert list(spec[table]["columns"]) == schema.names, table
        for column, parent in spec[table].get("foreign_keys", {}).items():
            assert column in schema.names and spec[parent]["primary_key"], (table, column)


def test_the_data_dictionary_shows_the_described_tables():
    """docs/data-dictionary.md is generated from pipeline/columns.json: `python -m pipeline.contract`."""
    assert tables_markdown() in DICTIONARY.read_text(encoding="utf-8")


def test_rewriting_the_dictionary_keeps_what_is_written_by_hand(tmp_path):
    copy = tmp_path / "dd.md"
    original = DICTIONARY.read_text(encoding="utf-8")
    copy.write_text(original.replace("| doc_id | string | the page |", "| doc_id | string | stale |", 1), encoding="utf-8")
    write_dictionary(None, copy)
    assert copy.read_text(encoding="utf-8") == original


def test_keys_and_comments_in_the_database(samples_db):
    _, con = samples_db
    keys = {(t, tuple(c)) for t, c in con.execute(
        "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    ).fetchall()}
    assert ("meetings", ("meeting_id",)) in keys and ("participants", ("meeting_id", "person_id", "role")) in keys
    foreign = con.execute("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'").fetchone()[0]
    assert foreign == sum(len(s.get("foreign_keys", {})) for s in described()["tables"].values())
    comments = dict(((t, c), text) for t, c, text in con.execute(
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE schema_name = 'main'").fetchall())
    for table, spec in described()["tables"].items():
        for column, meaning in spec["columns"].items():
            assert comments[(table, column)] == meaning, (table, column)
    # a foreign key holds: no participant of a meeting that does not exist
    assert con.execute("SELECT count(*) FROM participants WHERE meeting_id NOT IN (SELECT meeting_id FROM meetings)"
                       ).fetchone()[0] == 0


def test_meeting_overview_has_one_row_per_meeting(samples_db):
    _, con = samples_db
    n = con.execute("SELECT count(*) FROM meetings").fetchone()[0]
    assert n > 0 and con.execute("SELECT count(DISTINCT meeting_id), count(*) FROM meeting_overview").fetchone() == (n, n)
    counted = con.execute("SELECT sum(n_decisions), sum(n_directives) FROM meeting_overview").fetchone()
    assert counted == (con.execute("SELECT count(*) FROM decisions").fetchone()[0],
                       con.execute("SELECT count(*) FROM directives").fetchone()[0])


QUESTIONS = question_blocks(DICTIONARY.read_text(encoding="utf-8"))


def test_the_dictionary_asks_ten_questions():
    assert len(QUESTIONS) == 10


@pytest.mark.parametrize("title, sql", QUESTIONS, ids=[t for t, _ in QUESTIONS])
def test_analyst_question_runs_and_shows_its_columns(samples_db, title, sql):
    _, con = samples_db
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    cur.fetchall()
    section = DICTIONARY.read_text(encoding="utf-8").split(QUESTIONS_HEADING, 1)[1]
    shown = re.search(re.escape(sql) + r"\s*```\s*\n\n(\|[^\n]*\|)", section)
    assert shown, f"{title}: no output under the query (python -m pipeline.contract data/processed)"
    assert [c.strip() for c in shown.group(1).strip("|").split("|")] == names


def test_text_offsets_show_values_in_their_sentence(samples_db):
    _, con = samples_db
    rows = con.execute("SELECT m.chair, substr(t.text, m.chair_start + 1, m.chair_end - m.chair_start) "
                       "FROM meetings m JOIN texts t USING (doc_id) WHERE m.chair_start IS NOT NULL").fetchall()
    assert rows and all(chair.startswith(found) or found in chair or chair in found for chair, found in rows)


def test_a_repeated_key_is_kept_once_and_the_run_goes_on(tmp_path):
    import json

    src = tmp_path / "in"
    src.mkdir()
    page = {"id": "a1", "title": "镇政府召开安全会议", "text": "3月5日,镇政府召开安全会议,镇长王海主持。"}
    (src / "export.jsonl").write_text("\n".join(json.dumps(page, ensure_ascii=False) for _ in range(2)) + "\n",
                                      encoding="utf-8")
    out = tmp_path / "out"
    run_corpus(src, out, workers=1, progress=False)
    con = duckdb.connect(str(out / "meetings.duckdb"), read_only=True)
    assert con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone() == (1, 1)
    assert con.execute("SELECT count(*) FROM meetings").fetchone()[0] == 1
    con.close()
