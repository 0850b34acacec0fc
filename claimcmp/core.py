"""Plain functions behind the commands: extract claims, compare two documents.

No typer or rich here: the same functions serve the CLI, a notebook or a worker.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claimcmp.errors import ExtractionError
from claimcmp.models import Claim, DiffDocument, ExtractDocument

BATCH_SIZE = 16
# Where a long text may be cut, best first. Each pattern ends after the whitespace that
# follows the break, so every chunk starts on a word and no sentence is split in two.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")


def extract_documents(items: Iterable, *, nlp=None, model: str | None = None,
                      batch_size: int = BATCH_SIZE, jobs: int = 1, resources: str | None = None) -> Iterator:
    """Turn LoadedArticle items into ExtractDocuments, in input order.

    Without `nlp`, the pipeline of `model` is loaded with the resources overlay folder
    `resources`, else the one in force (resource_loader.active_overlay()).

    Errors in `items` (InputError instances) are passed through in place, so a caller
    can report them and keep going; the model is loaded only if an article needs it.
    An article the pipeline fails on comes out as an ExtractionError (an InputError)
    naming it, and the rest of its batch is still extracted.
    """
    from claimcmp.knowledge.resource_loader import active_overlay, normalize
    from claimcmp.text.io import LoadedArticle

    resources = normalize(resources) or active_overlay()
    if jobs != 1:
        # smaller batches keep every worker busy until the end of the run
        yield from _extract_parallel(items, model=model, batch_size=max(1, batch_size // 4), jobs=jobs,
                                     resources=resources)
        return
    buffer: list = []
    for item in items:
        if nlp is None and isinstance(item, LoadedArticle):
            from claimcmp.nlp import load_pipeline

            nlp = load_pipeline(model, resources)
        buffer.append(item)
        if len(buffer) >= batch_size:
            yield from _run_batch(nlp, buffer, batch_size)
            buffer = []
    yield from _run_batch(nlp, buffer, batch_size)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER_NLP = None


def _init_worker(model: str | None, resources: str | None) -> None:
    global _WORKER_NLP
    from claimcmp.nlp import load_pipeline

    _WORKER_NLP = load_pipeline(model, resources)


def _work(batch: list, batch_size: int) -> list:
    return list(_run_batch(_WORKER_NLP, batch, batch_size))


def _extract_parallel(items: Iterable, *, model: str | None, batch_size: int, jobs: int,
                      resources: str | None) -> Iterator:
    """The same documents, in the same order, from `jobs` worker processes (0 = all cores).

    Each worker loads the pipeline once; batches go out a few at a time, so memory stays
    bounded and results stream back in input order whatever order workers finish in."""
    import os
    from collections import deque
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from claimcmp.nlp import load_pipeline

    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    # Load the model and the components' data once, here: forked workers then share those
    # pages instead of each building the gazetteers again (a missing model also fails here).
    load_pipeline(model, resources)("Moscow and Washington agreed on Tuesday to talks in Geneva.")
    start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(start),
                             initializer=_init_worker, initargs=(model, resources)) as pool:
        pending: deque = deque()
        for batch in _batches(items, batch_size):
            pending.append(pool.submit(_work, batch, batch_size))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _run_batch(nlp, items: list, batch_size: int) -> Iterator:
    """Items in order, articles replaced by their documents. The batch is run through
    nlp.pipe at once (fast); if that raises, the articles are retried one by one so
    that only the one that fails is lost."""
    from claimcmp.text.io import LoadedArticle

    positions = [n for n, item in enumerate(items) if isinstance(item, LoadedArticle)]
    results: dict[int, object] = {}
    if positions:
        try:
            documents = _extract_many(nlp, [items[n] for n in positions], batch_size)
            results = dict(zip(positions, documents))
        except Exception:  # noqa: BLE001 (which article failed is found below)
            for n in positions:
                try:
                    results[n] = _extract_many(nlp, [items[n]], 1)[0]
                except Exception as err:  # noqa: BLE001 (reported per article, never a traceback)
                    results[n] = ExtractionError(
                        f"internal error while extracting: {type(err).__name__}: {err}",
                        items[n].article.id)
    for n, item in enumerate(items):
        yield results.get(n, item)


def _extract_many(nlp, articles: list, batch_size: int) -> list[ExtractDocument]:
    """Documents for the articles; a text longer than nlp.max_length goes through the
    pipeline in sentence-aligned chunks whose claim offsets are shifted back onto the
    full text."""
    jobs = [(n, offset, chunk) for n, loaded in enumerate(articles)
            for offset, chunk in split_text(loaded.text, nlp.max_length)]

    def docs_with_context():
        for n, _offset, chunk in jobs:
            loaded = articles[n]
            doc = nlp.make_doc(chunk)
            doc._.claimcmp_article_id = loaded.article.id
            published = loaded.article.published.date
            doc._.claimcmp_published = published.isoformat() if published else None
            yield doc

    claims: list[list[dict]] = [[] for _ in articles]
    for (n, offset, _chunk), doc in zip(jobs, nlp.pipe(docs_with_context(), batch_size=batch_size),
                                        strict=True):
        claims[n].extend(shift_claims(doc._.claimcmp_claims or [], offset))
    return [ExtractDocument(article=loaded.article, claims=[Claim.model_validate(c) for c in found])
            for loaded, found in zip(articles, claims)]


def shift_claims(claims: list[dict], offset: int) -> list[dict]:
    """Claims of a chunk starting at `offset`, with offsets (and so ids, which hash them)
    made relative to the full text: the same ids a run on the whole text gives."""
    if offset == 0:
        return list(claims)
    from claimcmp.pipeline.claims import claim_id

    shifted = []
    for claim in claims:
        moved = {**claim, "start": claim["start"] + offset, "end": claim["end"] + offset}
        moved["id"] = claim_id(moved)
        shifted.append(moved)
    return shifted


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, chunk) pairs covering text, each chunk at most `limit` characters, cut at
    a paragraph break, else a sentence end, else whitespace (a hard cut only for a run
    of `limit` characters without any). One pair when the text fits."""
    if limit <= 0 or len(text) <= limit:
        return [(0, text)]
    chunks = []
    start = 0
    while len(text) - start > limit:
        end = start + _cut(text[start:start + limit])
        chunks.append((start, text[start:end]))
        start = end
    if start < len(text):
        chunks.append((start, text[start:]))
    return chunks


def _cut(window: str) -> int:
    """Where to end a chunk in window (a position > 0). A paragraph break in the first
    half of the window would make needlessly small chunks: a sentence end later on is
    preferred to it."""
    for least in (len(window) // 2, 0):
        for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END):
            ends = [m.end() for m in pattern.finditer(window) if m.end() > least]
            if ends:
                return ends[-1]
    spaces = [m.end() for m in _WHITESPACE.finditer(window)]
    return spaces[-1] if spaces else len(window)


def compare(a: ExtractDocument, b: ExtractDocument, *, window_days: int = 30,
            all_pairs: bool = False, resources: str | None = None) -> DiffDocument:
    """Line up two documents' claims; stance labels are read in the synonym groups of the
    overlay folder `resources`, else of the one in force."""
    from claimcmp.comparison.align import compare as align
    from claimcmp.knowledge.resource_loader import using

    with using(resources):
        return align(a, b, window_days=window_days, all_pairs=all_pairs)
