"""Plain functions behind the commands: extract claims, compare two documents.

No typer or rich here: the same functions serve the CLI, a notebook or a worker.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from claimcmp.text.chunking import CHUNK_CHARS, guard_long_runs, split_text  # noqa: F401 (split_text: API)
from claimcmp.text.truecasing import lemma_vocabulary, truecase_headlines
from claimcmp.errors import ExtractionError
from claimcmp.models import Claim, DiffDocument, ExtractDocument

BATCH_SIZE = 16


@dataclass(frozen=True)
class DocumentPart:
    """The claims of one chunk of an article too long for one Doc (see extract_documents'
    in_parts): its document holds the article and those claims only."""

    document: ExtractDocument
    first: bool
    last: bool


def extract_documents(items: Iterable, *, nlp=None, model: str | None = None,
                      batch_size: int = BATCH_SIZE, jobs: int = 1, resources: str | None = None,
                      in_parts: bool = False, settle: bool = False) -> Iterator:
    """Turn LoadedArticle items into ExtractDocuments, in input order.

    Without `nlp`, the pipeline of `model` is loaded with the resources overlay folder
    `resources`, else the one in force (resource_loader.active_overlay()).

    Errors in `items` (InputError instances) are passed through in place, so a caller
    can report them and keep going; the model is loaded only if an article needs it.
    An article the pipeline fails on comes out as an ExtractionError (an InputError)
    naming it, and the rest of its batch is still extracted.
    An article longer than CHUNK_CHARS goes through the pipeline a chunk at a time; with
    in_parts it comes out as DocumentParts as they are made, so that memory does not grow
    with its claims (a writer of JSON lines needs no more).
    With `settle` (a command's own process) the pipeline it loads is settled (_load).
    """
    from claimcmp.knowledge.resource_loader import active_overlay, normalize
    from claimcmp.text.io import LoadedArticle

    resources = normalize(resources) or active_overlay()
    if jobs != 1:
        # smaller batches keep every worker busy until the end of the run
        yield from _extract_parallel(items, model=model, batch_size=max(1, batch_size // 4), jobs=jobs,
                                     resources=resources, in_parts=in_parts, settle=settle)
        return
    buffer: list = []
    for item in items:
        if nlp is None and isinstance(item, LoadedArticle):
            nlp = _load(model, resources, settle)
        if _is_long(nlp, item):
            yield from _run_batch(nlp, buffer, batch_size)
            buffer = []
            yield from _long_article(nlp, item, in_parts)
            continue
        buffer.append(item)
        if len(buffer) >= batch_size:
            yield from _run_batch(nlp, buffer, batch_size)
            buffer = []
    yield from _run_batch(nlp, buffer, batch_size)


_WARM_UP = "Moscow and Washington agreed on Tuesday to talks in Geneva."
_settled = False


def _load(model: str | None, resources: str | None, settle: bool):
    """The pipeline of `model`, its components' data read too (by a short sentence).
    Settled (once a process): the garbage collector off while it all loads (its full passes
    would walk the model again and again), then the loaded objects frozen out of its reach
    (gc.freeze): 60 articles spend 0.12 s instead of 0.49 s collecting. Not for a library
    caller's process, whose collector is its own business."""
    global _settled
    import gc

    from claimcmp.nlp import load_pipeline

    if not settle or _settled:
        return load_pipeline(model, resources)
    _settled = True
    gc.disable()
    try:
        nlp = load_pipeline(model, resources)
        gc.disable()  # spacy.load's msgpack reader (srsly) turns it back on
        nlp(_WARM_UP)
    finally:
        gc.freeze()
        gc.enable()
    return nlp


def _batches(items: Iterable, size: int, alone=lambda item: False) -> Iterator[list]:
    """Lists of up to `size` items; an item for which alone(item) is true is a list of its own."""
    batch: list = []
    for item in items:
        if alone(item):
            if batch:
                yield batch
            yield [item]
            batch = []
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER_NLP = None


def _init_worker(model: str | None, resources: str | None) -> None:
    global _WORKER_NLP
    import signal

    from claimcmp.nlp import load_pipeline

    # Ctrl-C reaches the whole process group: the parent stops the run and the workers;
    # a worker that took it too would print its own traceback
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # and SIGTERM ends a worker (the parent's --out handler, inherited by fork, would raise)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    _WORKER_NLP = load_pipeline(model, resources)


def _work(batch: list, batch_size: int) -> list:
    return list(_run_batch(_WORKER_NLP, batch, batch_size))


def _extract_parallel(items: Iterable, *, model: str | None, batch_size: int, jobs: int,
                      resources: str | None, in_parts: bool, settle: bool = False) -> Iterator:
    """The same documents, in the same order, from `jobs` worker processes (0 = all cores).

    Each worker loads the pipeline once; batches go out a few at a time, so memory stays
    bounded and results stream back in input order whatever order workers finish in."""
    import os
    from collections import deque
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    # Load the model and the components' data once, here: forked workers then share those
    # pages instead of each building the gazetteers again (a missing model also fails here).
    nlp = _load(model, resources, settle)
    nlp(_WARM_UP)
    start = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(start),
                             initializer=_init_worker, initargs=(model, resources)) as pool:
        pending: deque = deque()
        try:
            for batch in _batches(items, batch_size, lambda item: _is_long(nlp, item)):
                if _is_long(nlp, batch[0]):
                    # streamed from here, in input order: what came before goes out first
                    while pending:
                        yield from pending.popleft().result()
                    yield from _long_article(nlp, batch[0], in_parts)
                    continue
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
    """Documents for the articles, each of which fits in one chunk (see _is_long)."""
    def docs_with_context():
        for loaded in articles:
            yield _doc_for(nlp, loaded, loaded.text)

    documents = []
    for loaded, doc in zip(articles, nlp.pipe(docs_with_context(), batch_size=batch_size), strict=True):
        claims = _claims_of(doc, loaded.text, 0)
        documents.append(ExtractDocument(article=loaded.article, claims=claims))
    return documents


def _chunk_limit(nlp) -> int:
    return min(CHUNK_CHARS, nlp.max_length)


def _is_long(nlp, item) -> bool:
    from claimcmp.io import LoadedArticle

    return isinstance(item, LoadedArticle) and len(item.text) > _chunk_limit(nlp)


def _long_article(nlp, loaded, in_parts: bool) -> Iterator:
    """A long article's document (or DocumentParts), its text piped in sentence-aligned
    chunks one at a time, claim offsets shifted back onto the full text; a failure is an
    ExtractionError after the parts already made."""
    chunks = split_text(loaded.text, _chunk_limit(nlp))
    docs = nlp.pipe((_doc_for(nlp, loaded, chunk) for _, chunk in chunks), batch_size=1)
    claims: list[Claim] = []
    try:
        for n, ((offset, chunk), doc) in enumerate(zip(chunks, docs, strict=True)):
            found = _claims_of(doc, chunk, offset)
            if in_parts:
                yield DocumentPart(ExtractDocument(article=loaded.article, claims=found),
                                   first=n == 0, last=n == len(chunks) - 1)
            else:
                claims.extend(found)
    except Exception as err:  # noqa: BLE001 (reported per article, never a traceback)
        yield ExtractionError(f"internal error while extracting: {type(err).__name__}: {err}",
                              loaded.article.id)
        return
    if not in_parts:
        yield ExtractDocument(article=loaded.article, claims=claims)


def _doc_for(nlp, loaded, chunk: str):
    """The Doc to run the pipeline on for chunk, made from parsed_text(chunk)."""
    text = parsed_text(chunk, lemma_vocabulary(nlp))
    doc = nlp.make_doc(text)
    doc.user_data[_REWRITTEN] = text is not chunk
    doc._.claimcmp_article_id = loaded.article.id
    published = loaded.article.published.date
    doc._.claimcmp_published = published.isoformat() if published else None
    return doc


_REWRITTEN = "claimcmp_rewritten"  # Doc.user_data: its text is not the chunk's own


def parsed_text(chunk: str, vocabulary: Collection[str] = frozenset()) -> str:
    """The text the pipeline parses for chunk, of the same length: long runs broken
    (guard_long_runs), headlines in title case lowered (truecase_headlines, `vocabulary`
    its English words); chunk itself when neither is found."""
    return truecase_headlines(guard_long_runs(chunk), vocabulary)


def _claims_of(doc, chunk: str, offset: int) -> list[Claim]:
    """The claims of a Doc made from parsed_text(chunk), sentences quoted from chunk,
    offsets moved by offset."""
    found = doc._.claimcmp_claims or []
    if doc.user_data.get(_REWRITTEN):  # quote sentences as written
        found = [{**claim, "sentence": chunk[claim["start"]:claim["end"]]} for claim in found]
    return [Claim.model_validate(claim) for claim in shift_claims(found, offset)]


def shift_claims(claims: list[dict], offset: int) -> list[dict]:
    """Claims of a chunk starting at `offset`, with offsets (and so ids, which hash them)
    made relative to the full text: the same ids a run on the whole text gives."""
    if offset == 0:
        return list(claims)
    from claimcmp.pipeline.claim_records import claim_id

    shifted = []
    for claim in claims:
        moved = {**claim, "start": claim["start"] + offset, "end": claim["end"] + offset}
        moved["id"] = claim_id(moved)
        shifted.append(moved)
    return shifted


def compare(a: ExtractDocument, b: ExtractDocument, *, window_days: int = 30,
            all_pairs: bool = False, resources: str | None = None) -> DiffDocument:
    """Line up two documents' claims; stance labels are read in the synonym groups of the
    overlay folder `resources`, else of the one in force."""
    from claimcmp.comparison.align import compare as align
    from claimcmp.knowledge.resource_loader import using

    with using(resources):
        return align(a, b, window_days=window_days, all_pairs=all_pairs)
