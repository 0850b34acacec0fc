"""What every claimcmp component that reads resources shares: the `resources` option.

A component whose spaCy config names an overlay folder (`resources`, see
claimcmp/knowledge/resource_loader.py) runs with that overlay in force, whatever the process's
default; `nlp.to_disk` copies the overlay's files beside the component, and `spacy.load`
points the component at that copy, so a saved pipeline carries the data it was built with.
"""
from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path

from claimcmp.knowledge import resource_loader

_CFG = "cfg.json"
_FOLDER = "resources"


def with_overlay(call):
    """Decorate a component's __call__: run it with the component's overlay in force."""

    @functools.wraps(call)
    def run(self, doc):
        if not self.resources:
            with resource_loader.pinned():
                return call(self, doc)
        with resource_loader.using(self.resources):
            return call(self, doc)

    return run


class ComponentData:
    """Mixin: the `resources` option, initialize(resources=...), to_disk and from_disk."""

    resources: str | None = None

    def _set_resources(self, resources: str | None) -> None:
        # no check that the folder exists here: spacy.load builds the component from its
        # config before from_disk points it at the saved copy
        self.resources = resource_loader.normalize(resources)

    def _reset_data(self) -> None:
        """Forget data built from the previous overlay (overridden where something is cached)."""

    def _use_resources(self, resources: str | None) -> None:
        if resource_loader.normalize(resources) != self.resources:
            self._set_resources(resources)
            self._reset_data()

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        copied = []
        if self.resources:
            resource_loader.require_folder(self.resources)
            (path / _FOLDER).mkdir(exist_ok=True)
            for name in resource_loader.RESOURCES:
                source = Path(self.resources) / name
                if source.is_file():
                    shutil.copyfile(source, path / _FOLDER / name)
                    copied.append(name)
        cfg = {"resources": bool(self.resources), "files": copied}
        (path / _CFG).write_text(json.dumps(cfg, indent=2) + "\n", encoding="utf-8")

    def from_disk(self, path, *, exclude=()):
        path = Path(path)
        cfg = json.loads((path / _CFG).read_text(encoding="utf-8"))
        self._use_resources(str(path / _FOLDER) if cfg["resources"] else None)
        return self
