"""Scraped Chinese meeting reports in, normalized tables out."""
__version__ = "0.1.0"

from . import _spacy_cli

_spacy_cli.defer()  # spaCy's command line is imported when used, not by `import spacy`
