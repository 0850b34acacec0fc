"""Plain functions behind the commands: extract claims, compare two documents.

No typer or rich here: the same functions serve the CLI, a notebook or a worker.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimcmp.models import Article, Claim, DiffDocument, ExtractDocument

BATCH_SIZE = 16


def extract_documents(items: Iterable, *, nlp=None, model: str | None = None,
                      batch_size: int = BATCH_SIZE) -> Iterator:
    """Turn LoadedArticle items into ExtractDocuments, in input order.

    Errors in `items` (InputError instances) are passed through in place, so a caller
    can report them and keep going; the model is loaded only if an article needs it.
    """
    from claimcmp.io import LoadedArticle

    def docs_with_context(pending):
        for loaded in pending:
            doc = nlp.make_doc(loaded.text)
            doc._.claimcmp_article_id = loaded.article.id
            published = loaded.article.published.date
            doc._.claimcmp_published = published.isoformat() if published else None
            yield doc

    buffer: list = []

    def flush():
        articles = [b for b in buffer if isinstance(b, LoadedArticle)]
        docs = iter(nlp.pipe(docs_with_context(articles), batch_size=batch_size)) if articles else iter(())
        for item in buffer:
            if isinstance(item, LoadedArticle):
                yield to_document(item.article, next(docs))
            else:
                yield item
        buffer.clear()

    for item in items:
        if nlp is None and isinstance(item, LoadedArticle):
            from claimcmp.nlp import load_pipeline

            nlp = load_pipeline(model)
        buffer.append(item)
        if len(buffer) >= batch_size:
            yield from flush()
    yield from flush()


def to_document(article: Article, doc) -> ExtractDocument:
    claims = [Claim.model_validate(c) for c in (doc._.claimcmp_claims or [])]
    return ExtractDocument(article=article, claims=claims)


def compare(a: ExtractDocument, b: ExtractDocument, *, window_days: int = 30,
            all_pairs: bool = False) -> DiffDocument:
    from claimcmp.align import compare as align

    return align(a, b, window_days=window_days, all_pairs=all_pairs)
