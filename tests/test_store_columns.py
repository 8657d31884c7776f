"""Chunk results build their Arrow columns without pa.array (which imports
pandas in every worker): the columns must be exactly what pa.array builds."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pyarrow as pa
import pytest

from pipeline.store import _column
from pipeline.tables import TABLES


@pytest.mark.parametrize("type_, values", [
    (pa.string(), ["区长", None, "", "王强"]),
    (pa.int64(), [3, None, 0, 2**40]),
    (pa.int64(), [1, 2]),
    (pa.bool_(), [True, None, False, True, True, False, False, False, True]),
    (pa.date32(), [dt.date(2024, 3, 5), None, dt.date(1969, 12, 31)]),
    (pa.list_(pa.string()), [["书记", "主任"], None, [], ["校长"]]),
    (pa.string(), []),
    (pa.list_(pa.string()), []),
])
def test_columns_are_what_pa_array_builds(type_, values):
    got = _column(values, type_)
    got.validate(full=True)
    assert got.type == type_ and got.equals(pa.array(values, type=type_))


def test_every_column_type_of_the_tables_is_built_directly():
    kinds = {f.type for schema in TABLES.values() for f in schema}
    for type_ in kinds:
        assert type_ in (pa.string(), pa.int64(), pa.bool_(), pa.date32()) or (
            pa.types.is_list(type_) and type_.value_type == pa.string()), type_


def test_a_chunk_result_imports_no_pandas():
    code = ("import sys; from pipeline.store import ChunkResult; from pipeline.tables import empty_rows; "
            "ChunkResult([('a.txt', 'h', empty_rows())]); print('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
