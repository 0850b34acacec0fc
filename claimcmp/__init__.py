"""claimcmp: extract dated, normalized claims from news and compare two accounts.

`claimcmp.extract(texts_or_records, ...)` and `claimcmp.compare(a, b, ...)` (claimcmp/api.py)
are imported on first use, so `import claimcmp` and `claimcmp --help` stay fast.
"""
__version__ = "0.1.0"
__all__ = ["compare", "extract", "__version__"]


def __getattr__(name: str):
    if name in ("extract", "compare"):
        from claimcmp import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimcmp' has no attribute {name!r}")
