"""One page end to end: a cleaned Page -> the rows it adds to every table.

What both executors call for each page they read (executors.process_file),
and what the warm-up and the probe page of a run go through. The analysis
runs on the Simplified text (offsets shared with page.text); the rows are
built by tables.doc_rows. A page that fails here keeps its place in the
tables: its documents row with the reason, its texts row so that the failure
can be read, and its traceback for the run's log.
"""
from __future__ import annotations

import traceback

from spacy.language import Language
from spacy.tokens import Doc

from .ingest import Page
from .normalize.script import to_simplified
from .tables import doc_rows, document_row, empty_rows


def analyze(page: Page, nlp: Language) -> Doc:
    """Run the pipeline on a page: Simplified text in, offsets shared with page.text."""
    text = to_simplified(page.text)
    doc = nlp.make_doc(text)
    doc.user_data["meeting_text"] = text  # see components.extensions.text_of
    doc._.doc_id = page.doc_id
    doc._.source_text = page.text
    doc._.body_start = page.body_start
    doc._.body_end = page.body_end
    doc._.published = page.published
    doc._.title = page.title
    return nlp(doc)


def process_page(page: Page, nlp: Language) -> dict[str, list[dict]]:
    """All rows one page contributes. A page that could not be read or
    cleaned (status other than ok) gets its documents row alone; one whose
    analysis raises gets its documents row as an error and its texts row."""
    if page.status != "ok":
        return failed_page_rows(page)
    try:
        return doc_rows(page, analyze(page, nlp))
    except Exception as exc:  # noqa: BLE001  one bad page must not stop a corpus run
        page.status, page.error = "error", f"extraction failed: {type(exc).__name__}: {exc}"
        page.traceback = traceback.format_exc()
        rows = failed_page_rows(page)
        rows["texts"].append({"doc_id": page.doc_id, "text": page.text})  # so the failure can be read
        return rows


def failed_page_rows(page: Page) -> dict[str, list[dict]]:
    """The rows of a page that was not processed: its documents row, which says why."""
    rows = empty_rows()
    rows["documents"].append(document_row(page))
    return rows


def failure_record(page: Page, path: str) -> dict:
    """What the run's log says of a failed page."""
    return {"doc_id": page.doc_id, "path": path, "error": page.error, "traceback": page.traceback}
