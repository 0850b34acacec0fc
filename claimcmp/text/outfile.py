"""Writing --out: never half a file, never a file that is not ours to replace.

A regular file (or a new one) is written to a temporary file beside it and renamed over
it only once complete, with the mode the old file had (a new one gets the umask's); a
symbolic link is followed, so the file it points to is replaced and the link kept; a
file with several hard links is rewritten in place once complete, so every link sees it.
Anything else (a device such as /dev/null, a FIFO, /dev/fd/N, /dev/stdout) is written
directly: renaming over it would put a regular file in its place.
"""
from __future__ import annotations

import os
import shutil
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from claimcmp.errors import UsageError


class KeepOld(Exception):
    """Raised inside open_output when nothing worth writing was made (every input failed):
    the old --out file is left as it was."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an exception so that the temporary file is removed."""


@contextmanager
def open_output(path: str | None, *, inputs: Sequence[str] = ()) -> Iterator[IO[str]]:
    """stdout, or the --out file at path (see the module's docstring). Refuses a path
    that is one of `inputs` (or a file inside an input folder) before any work is done."""
    if path is None or path == "-":
        try:
            yield sys.stdout
        except KeepOld:
            pass
        sys.stdout.flush()
        return
    existing = _stat(path or ".")  # through symbolic links, /dev/fd/N included
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise UsageError("cannot write --out file (it is a folder)", path)
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        yield from _write_directly(path)
        return
    target = Path(os.path.realpath(path))  # a symbolic link is followed, not replaced
    refuse_an_input(path, inputs)
    yield from _write_by_rename(path, target, existing)


def _write_directly(path: str) -> Iterator[IO[str]]:
    try:
        handle = open(path, "w", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write --out file ({_reason(error)})", path) from None
    with handle:
        try:
            yield handle
        except KeepOld:
            pass


def _write_by_rename(path: str, target: Path, existing: os.stat_result | None) -> Iterator[IO[str]]:
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:  # checked before any work is done: a bad --out is a usage error
        raise UsageError(f"cannot write --out file ({_reason(error)})", path) from None
    previous = _on_sigterm_raise()
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            try:
                yield handle
            except KeepOld:
                return
        if existing is not None and existing.st_nlink > 1:
            with open(tmp, "rb") as source, open(target, "wb") as kept_inode:
                shutil.copyfileobj(source, kept_inode)
            return
        os.chmod(tmp, stat.S_IMODE(existing.st_mode) if existing is not None else _new_file_mode())
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def refuse_an_input(path: str | None, inputs: Sequence[str]) -> None:
    """`extract in.jsonl -o in.jsonl` would lose the input: refuse, as cp does (a usage
    error, raised before any work when called first)."""
    if path is None or path == "-":
        return
    target = Path(os.path.realpath(path))
    for given in inputs:
        if given == "-" or not os.path.exists(given):
            continue
        if os.path.isdir(given):
            from claimcmp.text.io import ARTICLE_SUFFIXES

            inside = target.is_relative_to(os.path.realpath(given))
            if inside and target.suffix.lower() in ARTICLE_SUFFIXES and target.exists():
                raise UsageError(f"--out and an input are the same file ({path} is in {given})")
        elif target.exists() and os.path.samefile(given, target):
            raise UsageError(f"--out and an input are the same file ({given})")


def _stat(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _on_sigterm_raise():
    """Make SIGTERM raise Terminated (so `finally` removes the temporary file); returns
    the previous handler, or None when handlers cannot be set (not the main thread)."""
    def raise_terminated(signum, frame):
        raise Terminated()

    try:
        return signal.signal(signal.SIGTERM, raise_terminated)
    except ValueError:
        return None


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()
