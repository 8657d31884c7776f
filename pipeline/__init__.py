"""Scraped Chinese meeting reports in, normalized tables out."""
__version__ = "0.1.0"
