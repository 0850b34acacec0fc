"""How a sentence opens: the actors a headline lists before its verb ("Chile, UN, Peru sign
deal"), whether a sentence is a headline, and whether it asks a question."""
from __future__ import annotations

from spacy.tokens import Span

from claimcmp.pipeline.mentions import MentionIndex


def leading_doers(sent: Span, index: MentionIndex) -> list[dict]:
    """The actors a headline lists before its verb, "Chile, Peru to hold talks", "Chile, UN,
    Peru sign deal": doers together (the parser makes the first name a modifier or the
    root); [] unless two or more names joined by commas (and "and") open the sentence and
    a verb or "to" follows them."""
    doers, i, on_name = opening_actors(sent, index)
    if on_name and i < sent.end and (sent.doc[i].pos_ in {"VERB", "AUX"} or sent.doc[i].lower_ == "to"):
        return doers if len(doers) >= 2 and "," in sent[: i - sent.start].text else []
    return []


# what joins the names a headline opens with: "Chile, Peru and Bolivia", "India & Pakistan"
_LIST_WORDS = frozenset({",", "and", "&"})


def opening_actors(sent: Span, index: MentionIndex) -> tuple[list[dict], int, bool]:
    """The actors a sentence opens with, listed ("Chile, UN, Peru"); the position after the
    list; whether it ends on a name rather than on a comma or "and"."""
    doers: list[dict] = []
    i, doc = sent.start, sent.doc
    while i < sent.end:
        span = index.actor_at.get(i)
        if span is None or span.start != i:
            return doers, i, False
        doers.append(index.actor_dict(span))
        i = span.end
        if i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ == "and":
            i += 1
        if i < sent.end and doc[i].text in _LIST_WORDS:
            i += 1
        else:
            return doers, i, True
    return doers, i, False


def is_headline(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.7


def ends_with_question_mark(sent: Span) -> bool:
    """sent.text.rstrip().endswith("?"), read from its last token that is not whitespace
    (whitespace is a token of its own) rather than from the text of the whole sentence."""
    last = next((tok for tok in reversed(sent) if not tok.is_space), None)
    return last is not None and last.text.rstrip().endswith("?")
