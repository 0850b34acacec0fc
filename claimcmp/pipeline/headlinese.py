"""Headlines the tagger reads as noun phrases: "Pakistan summons Afghan envoy over attack",
"Armenia denounces Azerbaijan's offensive", "Chile, UN, Peru sign deal". Without articles
the small model often takes the verb for a plural noun ("summons", "denounces") or the
object for the verb, and the parse has no clause to read. Such a headline is read in
line instead: the actors that open it do the act its first lexicon verb names, toward the
first actor after that verb.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp.knowledge.gazetteer import country_actor
from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, verb_stems
from claimcmp.pipeline.dep_labels import SUBJECT_DEPS
from claimcmp.pipeline.drafts import Draft
from claimcmp.pipeline.openings import opening_actors
from claimcmp.pipeline.mentions import MentionIndex

# a headline is short and ends without a full stop (nor "?" or "!")
MAX_HEADLINE_TOKENS = 20


def headline_drafts(lex: StanceLexicon, sent: Span, index: MentionIndex) -> list[Draft]:
    """The draft of an unpunctuated headline whose verb the tagger missed, or none."""
    if not _unpunctuated_headline(sent):
        return []
    missions = _missions_headline(lex, sent, index)
    if missions:
        return missions
    listed, i, _ = opening_actors(sent, index)
    doers = [a for n, a in enumerate(listed) if a not in listed[:n]]
    verb = sent.doc[i] if i < sent.end and doers else None
    if not doers or verb is None or verb.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []  # a verb the parser found with its subject is read as any clause is
    entry = _headline_entry(lex, verb) or _ordered_to_leave(lex, verb, sent)
    if entry is None:
        return []
    target = next((span for span in index.actors if span.start > verb.i and span.end <= sent.end), None)
    targets = [index.actor_dict(target)] if target is not None else []
    keys = {a["id"] for a in doers}
    targets = [a for a in targets if a["id"] not in keys]
    if not targets:
        return []  # only a headline naming whom the act is toward is read without its parse
    named = [span for span in index.actors if sent.start <= span.start < verb.i] + [target]
    tokens = {t for span in named for t in range(span.start, span.end)}
    return [Draft(verb, entry.stance, entry.family, "positive", doers, targets, entry.symmetric, None, tokens, 0.55,
                  in_line=True)]


def _missions_headline(lex: StanceLexicon, sent: Span, index: MentionIndex) -> list[Draft]:
    """"Embassies reopen in Caracas, Bogota for first time since 2019": missions in the plural
    opened or closed in the capitals of two states (cue mission_nouns) are those states' act
    toward each other, as "Chile and Peru reopened their embassies" is (constructions.py)."""
    first = sent[0]
    if first.lemma_.lower() not in lex.cue("mission_nouns") or first.tag_ != "NNS" or len(sent) < 4:
        return []
    word = first.nbor(1)
    stems = {word.lower_, *verb_stems(word.lower_)}
    opening = bool(stems & lex.cue("opening_verbs"))
    if not opening and not stems & lex.cue("closing_verbs"):
        return []
    states, places = _place_states(sent[2:], index)
    if len(states) < 2:
        return []
    stance, family = ("open access", "cooperation") if opening else ("close access", "conflict")
    # the capitals are where the act happens (in_line drafts are placed nowhere)
    return [Draft(word, stance, family, "positive", states[:1], states[1:2], True, None, set(), 0.55,
                  destinations=places)]


def _place_states(words: Span, index: MentionIndex) -> tuple[list[dict], set[int]]:
    """The states of the places named in `words`, each once, in order, and the places' tokens."""
    found: list[dict] = []
    places: set[int] = set()
    for tok in words:
        span = index.place_at.get(tok.i)
        country = (span._.claimcmp_region or {}).get("country") if span is not None else None
        actor = country_actor(country) if country else None
        if actor is not None:
            places.add(tok.i)
        if actor is not None and all(a["id"] != actor["id"] for a in found):
            found.append({**actor, "mention": span.text})
    return found, places


def _unpunctuated_headline(sent: Span) -> bool:
    last = next((t for t in reversed(sent) if not t.is_space), None)
    return last is not None and len(sent) <= MAX_HEADLINE_TOKENS and last.text not in {".", "?", "!"} \
        and not last.text.endswith((".", "?", "!")) and sent.start == _first_line_start(sent)


def _first_line_start(sent: Span) -> int:
    """Where the text's first sentence starts: a headline is the opening line."""
    return next(iter(sent.doc.sents)).start if sent.doc.has_annotation("SENT_START") else 0


def _headline_entry(lex: StanceLexicon, word: Token) -> StanceEntry | None:
    """The verb entry of a headline's verb as written ("summons", "sign"), phrasal with the
    next word if the lexicon has it ("sign deal")."""
    following = word.nbor(1).lower_ if word.i + 1 < len(word.doc) else ""
    for stem in [word.lower_, *verb_stems(word.lower_)]:
        entry = lex.verb(f"{stem} {following}") or lex.verb(stem)
        if entry is not None:
            return entry
    return None


def _ordered_to_leave(lex: StanceLexicon, word: Token, sent: Span) -> StanceEntry | None:
    """"Mali's junta orders French ambassador to leave": an order to leave is an expulsion
    (as constructions.expulsion_draft reads a parsed one), "to" and a verb of cue
    departing_verbs after the ordering verb."""
    if not {word.lower_, *verb_stems(word.lower_)} & lex.cue("ordering_verbs"):
        return None
    doc = sent.doc
    leaves = any(doc[k].lower_ == "to" and doc[k + 1].lower_ in lex.cue("departing_verbs")
                 for k in range(word.i + 1, sent.end - 1))
    return StanceEntry(word.lower_, "VERB", "expel", "conflict", False) if leaves else None
