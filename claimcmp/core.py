"""Plain functions behind the commands: extract claims, compare two documents.

No typer or rich here: the same functions serve the CLI, a notebook or a worker.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimcmp.chunking import CHUNK_CHARS, guard_long_runs, split_text  # noqa: F401 (split_text: API)
from claimcmp.errors import ExtractionError
from claimcmp.models import Claim, DiffDocument, ExtractDocument

BATCH_SIZE = 16


def extract_documents(items: Iterable, *, nlp=None, model: str | None = None,
                      batch_size: int = BATCH_SIZE, jobs: int = 1) -> Iterator:
    """Turn LoadedArticle items into ExtractDocuments, in input order.

    Errors in `items` (InputError instances) are passed through in place, so a caller
    can report them and keep going; the model is loaded only if an article needs it.
    An article the pipeline fails on comes out as an ExtractionError (an InputError)
    naming it, and the rest of its batch is still extracted.
    """
    from claimcmp.io import LoadedArticle

    if jobs != 1:
        # smaller batches keep every worker busy until the end of the run
        yield from _extract_parallel(items, model=model, batch_size=max(1, batch_size // 4), jobs=jobs)
        return
    buffer: list = []
    for item in items:
        if nlp is None and isinstance(item, LoadedArticle):
            from claimcmp.nlp import load_pipeline

            nlp = load_pipeline(model)
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


def _init_worker(model: str | None) -> None:
    global _WORKER_NLP
    import signal

    from claimcmp.nlp import load_pipeline

    # Ctrl-C reaches the whole process group: the parent stops the run and the workers;
    # a worker that took it too would print its own traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    _WORKER_NLP = load_pipeline(model)


def _work(batch: list, batch_size: int) -> list:
    return list(_run_batch(_WORKER_NLP, batch, batch_size))


def _extract_parallel(items: Iterable, *, model: str | None, batch_size: int, jobs: int) -> Iterator:
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
    load_pipeline(model)("Moscow and Washington agreed on Tuesday to talks in Geneva.")
    start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(start),
                             initializer=_init_worker, initargs=(model,)) as pool:
        pending: deque = deque()
        try:
            for batch in _batches(items, batch_size):
                pending.append(pool.submit(_work, batch, batch_size))
                if len(pending) >= 2 * workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BaseException:  # interrupted (or the consumer stopped): stop the workers now
            _stop_workers(pool)
            raise


def _stop_workers(pool) -> None:
    """Cancel what is queued and end the workers without waiting for their batches."""
    pool.shutdown(wait=False, cancel_futures=True)
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _run_batch(nlp, items: list, batch_size: int) -> Iterator:
    """Items in order, articles replaced by their documents. The batch is run through
    nlp.pipe at once (fast); if that raises, the articles are retried one by one so
    that only the one that fails is lost."""
    from claimcmp.io import LoadedArticle

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
    """Documents for the articles. A text longer than CHUNK_CHARS (or nlp.max_length) goes
    through the pipeline in sentence-aligned chunks, one at a time, whose claim offsets
    are shifted back onto the full text; chunks are made and dropped as the pipe goes, so
    memory holds one batch of chunks, never the whole text's Docs."""
    import itertools

    limit = min(CHUNK_CHARS, nlp.max_length)
    chunked = any(len(loaded.text) > limit for loaded in articles)

    def jobs():
        for n, loaded in enumerate(articles):
            for offset, chunk in split_text(loaded.text, limit):
                yield n, offset, chunk, guard_long_runs(chunk)

    def docs_with_context(pieces):
        for n, _offset, _chunk, tokenizable in pieces:
            loaded = articles[n]
            doc = nlp.make_doc(tokenizable)
            doc._.claimcmp_article_id = loaded.article.id
            published = loaded.article.published.date
            doc._.claimcmp_published = published.isoformat() if published else None
            yield doc

    claims: list[list[dict]] = [[] for _ in articles]
    # the pipe reads one batch ahead of the results: tee holds that batch's chunks only
    pieces, for_pipe = itertools.tee(jobs(), 2)
    docs = nlp.pipe(docs_with_context(for_pipe), batch_size=1 if chunked else batch_size)
    for (n, offset, chunk, tokenizable), doc in zip(pieces, docs, strict=True):
        found = doc._.claimcmp_claims or []
        if tokenizable is not chunk:  # long runs were broken up: quote sentences as written
            found = [{**claim, "sentence": chunk[claim["start"]:claim["end"]]} for claim in found]
        claims[n].extend(shift_claims(found, offset))
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


def compare(a: ExtractDocument, b: ExtractDocument, *, window_days: int = 30,
            all_pairs: bool = False) -> DiffDocument:
    from claimcmp.align import compare as align

    return align(a, b, window_days=window_days, all_pairs=all_pairs)
