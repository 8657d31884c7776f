"""Views over a finished run: `show`, `report`, `diff` and `query`.

They only read what a run wrote (the table files or `meetings.duckdb`), one
module per command, through `outputs.RunOutput`, which tolerates tables and
columns a run of another version did not write.
"""
