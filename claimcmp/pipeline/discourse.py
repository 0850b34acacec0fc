"""Parties a sentence leaves unsaid: a mutual act stated without anyone ("the cooperation
may become a basis ...", "joining forces will help"), or done "jointly" by one party, is
taken to involve the parties the text is about."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp.knowledge import stance_groups
from claimcmp.knowledge.lexicons import StanceLexicon, cue
from claimcmp.pipeline.arguments import RELATIONS_NOUNS, actors_of
from claimcmp.pipeline.objects import between_actors
from claimcmp.pipeline.mentions import MentionIndex, other_party, party_key
from claimcmp.pipeline.claim_regions import is_topic
from claimcmp.pipeline.dep_labels import clause_verb, referred_back
from claimcmp.pipeline.subjects import subject_token


# sentences back a ceasefire named with no parties may look for the fighting it ends
TRUCE_WINDOW = 10


def implicit_parties(word: Token, index: MentionIndex, window: int = 2, truce: bool = False) -> list[dict]:
    """The parties of a mutual act stated without any: "Cooperation has been the hallmark of
    Russo-US relations" (the pair of the sentence's relations noun), "Joining forces will be a
    big stride" (the pair of the latest two-party claim, at most `window` sentences back); a
    truce the sentence names no parties of is between the sides of the latest armed act
    ("Mali and Niger exchanged fire. The UN condemned Niger. The truce collapsed")."""
    found = _relations_pair(word, index)
    if found:
        return found
    many = cue("many_party_words")
    if any(c.lower_ in many for c in word.children):
        return []  # "international cooperation" is not the pair's
    found = _conjoined_subject(word, index)
    if found:
        return found
    fought = index.last_armed_pair(word, window=TRUCE_WINDOW) if truce else []
    return fought or _latest_pair(word, index, window)


def agreement_told_before(lex: StanceLexicon, noun: Token, index: MentionIndex) -> bool:
    """"Ethiopia signed a deal with Somaliland. Somalia said the deal violated its
    sovereignty": an agreement named by no one, referred back to ("the deal", "this
    accord"), acts for the parties of the latest one told."""
    entry = lex.noun(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return entry is not None and stance_groups.is_agreement(entry.stance) and \
        referred_back(noun) and \
        not index.names_actor(noun.left_edge.i, noun.right_edge.i)


def _relations_pair(word: Token, index: MentionIndex) -> list[dict]:
    """"Cooperation has been the hallmark of Russo-US relations": the relations noun's pair."""
    for tok in index.sentence_of(word):
        if tok.i == word.i or tok.lemma_.lower() not in RELATIONS_NOUNS or tok.pos_ != "NOUN":
            continue
        found: list[dict] = []
        for i in range(tok.left_edge.i, tok.i):
            span = index.actor_at.get(i)
            if span is not None and span.start == i:
                actor = index.actor_dict(span)
                if all(party_key(actor) != party_key(f) for f in found):
                    found.append(actor)
        found = found if len(found) >= 2 else between_actors(tok, index)
        if len(found) >= 2:
            return found[:2]
    return []


def _conjoined_subject(word: Token, index: MentionIndex) -> list[dict]:
    """"In Syria the USA and Russia seem to be working in tandem" (the parser lost the subject)."""
    for tok in index.sentence_of(word):
        if tok.i in index.actor_at and tok.dep_ in {"nsubj", "appos", "ROOT"}:
            found = actors_of(tok, index)
            if len(found) == 2 and any(c.dep_ == "conj" for c in tok.children) and \
                    not _done_by_others(word, tok, index):
                return found
    return []


def _done_by_others(word: Token, conjoined: Token, index: MentionIndex) -> bool:
    """Whether the clause of `word` has doers of its own, named by no actor, other than the
    conjoined subject: "Egypt and Qatar urged both sides to honour the truce" (the sides
    would hold the truce, not the two who urge it)."""
    verb = clause_verb(word)
    subj = subject_token(verb)[0] if verb.pos_ in {"VERB", "AUX"} and verb.i != word.i else None
    return subj is not None and subj.pos_ == "NOUN" and \
        not conjoined.left_edge.i <= subj.i <= conjoined.right_edge.i and \
        not index.names_actor(subj.left_edge.i, subj.right_edge.i)


def _latest_pair(word: Token, index: MentionIndex, window: int) -> list[dict]:
    """"Joining forces will be a big stride": the pair of the latest two-party claim, unless
    the sentence names anyone else."""
    if not index.recent_pairs or index.sentence_number(word) - index.pair_sentences[-1] > window:
        return []
    pair = list(index.recent_pairs[-1])
    # A sentence that names anyone else is about someone else.
    keys = {party_key(p) for p in pair}
    sent = index.sentence_of(word)
    for i in range(sent.start, sent.end):
        span = index.actor_at.get(i)
        if span is not None and span.root.dep_ in {"amod", "compound"} and \
                span._.claimcmp_actor.get("kind") == "group":
            continue  # "the global terrorist threat" names no one
        if i in index.actor_at and party_key(index.actor_dict(index.actor_at[i])) not in keys:
            place = index.place_at.get(i)
            region = place._.claimcmp_region if place is not None else None
            # "cooperation in Syria", "agreements over Syria" name a place, not a party
            if not (region and (region.get("locative") or is_topic(place))):
                return []
    return pair


def usual_partner(word: Token, party: dict, index: MentionIndex, window: int = 3) -> list[dict]:
    """The other party of a mutual act one party does "jointly" ("Russia is ready to send
    experts to coordinate mutual operations"): its partner in the latest pair it belongs to."""
    joint = cue("joint_words")
    if not any(t.lower_ in joint for t in word.subtree if t.i != word.i) and \
            not any(c.lower_ in joint for c in word.children):
        return []
    here = index.sentence_number(word)
    for pair, number in zip(reversed(index.recent_pairs), reversed(index.pair_sentences)):
        if here - number > window:
            break
        other = other_party(list(pair), party)
        if other is not None:
            return [other]
    return []


def mention_tokens(parties: list[dict], sent: Span, index: MentionIndex) -> set[int]:
    """Tokens of the sentence's mentions of these parties (so they are not read as places)."""
    keys = {party_key(p) for p in parties}
    return {i for i in range(sent.start, sent.end)
            if i in index.actor_at and party_key(index.actor_dict(index.actor_at[i])) in keys}
