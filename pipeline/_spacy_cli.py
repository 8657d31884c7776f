"""spaCy without its command line until something asks for it.

`import spacy` runs `from .cli.info import info` (to offer `spacy.info`),
which imports the whole of spacy.cli: typer, weasel, requests, httpx and
every command, about a third of importing spaCy (0.3-0.4 s) in every run
and every spawned worker, for a function a run never calls. While spaCy's
own __init__ runs, the finder below answers for `spacy.cli` and
`spacy.cli.info` with stand-ins; the first use of either (`spacy.info()`,
`from spacy.cli import ...`, `python -m spacy`) puts the real modules in
their place. Any other import of spaCy's command line is left alone.
"""
from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types

STAND_INS = ("spacy.cli", "spacy.cli.info")


def _real(name: str) -> types.ModuleType:
    """Drop the stand-ins and import the real module."""
    for stand_in in STAND_INS:
        if isinstance(sys.modules.get(stand_in), _StandIn):
            del sys.modules[stand_in]
    spacy = sys.modules.get("spacy")
    if spacy is not None and isinstance(getattr(spacy, "cli", None), _StandIn):
        del spacy.cli
    return importlib.import_module(name)


class _StandIn(types.ModuleType):
    def __getattr__(self, attr: str):
        if attr.startswith("__"):  # what the import system looks up on its own
            raise AttributeError(attr)
        return getattr(_real(self.__name__), attr)


def info(*args, **kwargs):
    """spacy.info: spaCy's own, imported on first call."""
    return _real("spacy.cli.info").info(*args, **kwargs)


class _Loader(importlib.abc.Loader):
    def create_module(self, spec):
        return _StandIn(spec.name)

    def exec_module(self, module) -> None:
        if module.__name__ == "spacy.cli.info":
            module.info = info


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in STAND_INS:
            return None
        spacy = sys.modules.get("spacy")
        if spacy is None or not getattr(getattr(spacy, "__spec__", None), "_initializing", False):
            return None  # not from spaCy's __init__: the real module
        real = importlib.machinery.PathFinder.find_spec(name, path)
        if real is None:
            return None
        spec = importlib.util.spec_from_loader(name, _Loader(), is_package=real.submodule_search_locations is not None)
        if real.submodule_search_locations is not None:  # spacy.cli.download & co. still import as themselves
            spec.submodule_search_locations = list(real.submodule_search_locations)
        return spec


def defer() -> None:
    """Install the finder, unless spaCy is already imported."""
    if "spacy" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
