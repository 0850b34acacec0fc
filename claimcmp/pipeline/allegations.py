"""Allegations made by a noun or an asserting verb: "Peru's allegations that the Chilean
navy fired on its trawlers", "Chile asserts that Peruvian boats fired on a patrol". Whoever
alleges a hostile act of another party accuses that party, whether or not the act happened;
the act itself is a claim of its own (reported), read by the verb and noun rules. (The
allegation verbs, "Chile claims that ...", are accusation entries of their own:
entries.verb_entry.)
"""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceLexicon
from claimcmp.pipeline import context
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.mentions import MentionIndex, as_party, party_key
from claimcmp.pipeline.dep_labels import OWNER_DEPS
from claimcmp.pipeline.drafts import Draft, span_tokens
from claimcmp.pipeline.entries import verb_entry
from claimcmp.pipeline.subjects import subject_token


def allegation_draft(lex: StanceLexicon, word: Token, index: MentionIndex) -> Draft | None:
    """The accusation an alleging noun or asserting verb makes: "X's claims that Y attacked ..."."""
    if word.pos_ == "VERB" and lex.verb_lemma(word) in lex.cue("claiming_verbs"):
        speaker_tok, _ = subject_token(word)
        speakers = actors_of(speaker_tok, index) if speaker_tok is not None else []
        complement = next((c for c in word.children if c.dep_ == "ccomp"), None)
    elif word.pos_ == "NOUN" and word.lemma_.lower() in lex.cue("allegation_nouns"):
        speakers = [a for c in word.children if c.dep_ in OWNER_DEPS for a in actors_of(c, index)]
        complement = next((c for c in word.children if c.dep_ in {"acl", "ccomp"} and _has_that(c)), None)
    else:
        return None
    if complement is None or not _hostile(lex, complement):
        return None
    accused = _accused(complement, speakers, index)
    if not accused:
        return None
    polarity = "negative" if context.is_negated(word, lex) else "positive"
    return Draft(word, "accuse", "conflict", polarity, speakers, accused, False, None,
                 span_tokens(complement), 0.55)


def _has_that(clause: Token) -> bool:
    """A content clause ("claims that X fired"), not a relative one ("claims that X made")."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _hostile(lex: StanceLexicon, clause: Token) -> bool:
    """The alleged act, or one joined to it or wanted in it, is hostile: "fired on", "tried to
    rob"."""
    for verb in [clause, *(c for c in clause.children if c.dep_ in {"xcomp", "conj"})]:
        entry = verb_entry(lex, verb) if verb.pos_ in {"VERB", "AUX"} else None
        if entry is not None and entry.family == "conflict":
            return True
    return False


def _accused(clause: Token, speakers: list[dict], index: MentionIndex) -> list[dict]:
    """The doer of the alleged act, when it is not the speaker's own side."""
    doer_tok, _ = subject_token(clause)
    if doer_tok is None or doer_tok.pos_ == "PRON":
        return []
    own = {party_key(as_party(a) or a) for a in speakers}
    return [a for a in actors_of(doer_tok, index) if party_key(as_party(a) or a) not in own]


def own_act_claimed(verb: Token, subjects: list[dict], targets: list[dict]) -> bool:
    """"Moscow claims its air defences downed 30 drones": the claimed act's doer is the
    speaker's own ("its", "their", "our" forces) and no other party is named, no one accused
    (an allegation verb with a clause is an accuse entry: entries.verb_entry)."""
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    doer = subject_token(complement)[0] if complement is not None else None
    return doer is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in doer.children) and \
        {party_key(t) for t in targets} <= {party_key(a) for a in subjects}
