"""Whom an act is toward by the place it names: whose border it is near ("drills near
Russia's borders"), whose country the place hit is in ("struck Rafah", "strikes on a base
near Damascus"), or the de facto state that holds it ("an offensive against Nagorno-Karabakh"),
and which places an act noun's phrase names as hit ("strikes on Rafah"). Shared by the verb
and noun readings (pipeline/verbs.py, nouns.py, constructions.py)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceLexicon, cue
from claimcmp.pipeline.counterparts import other_parties
from claimcmp.pipeline.drafts import carrying_participles, noun_target_preps, verb_target_preps
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.objects import object_tokens

if TYPE_CHECKING:
    from claimcmp.pipeline.noun_roles import NounClaim

BORDER_WORDS = {"border", "frontier", "boundary", "doorstep", "borderline"}


def border_targets(word: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """'drills near Russia's borders', 'troops massed on Ukraine's frontier': whose border."""
    for tok in word.subtree:
        if tok.lemma_.lower() in BORDER_WORDS and tok.i != word.i and not _locates_a_thing(tok, word):
            found = other_parties(tok, index, doers)
            if found:
                return found
    return []


def _locates_a_thing(border: Token, word: Token) -> bool:
    """"strikes on rebel-held towns near the Chinese border": the border tells where the
    towns are, not whom the strikes are toward; forces placed by it still are ("massed
    troops near Russia's border", cue military_objects), and counted ones ("the number of NATO
    troops near Russian borders tripled", cue amount_nouns)."""
    transparent = cue("military_objects") | cue("amount_nouns") | BORDER_WORDS
    tok = border.head
    while tok.i != word.i and tok.head.i != tok.i:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() not in transparent:
            return True
        tok = tok.head
    return False


def attacked_places(objects: list[Token], index: MentionIndex,
                     doers: list[dict] = ()) -> tuple[list[dict], set[int]]:
    """'struck Rafah', 'strikes on a base near Damascus': the country of the place hit,
    unless it is the doer's own ("the Syrian army recaptured Palmyra")."""
    from claimcmp.gazetteer import country_actor

    own = {a.get("country") for a in doers}
    foes = cue("abstract_foes")
    for obj in objects:
        if obj.lemma_.lower() in foes:
            continue  # "tackle terrorism in Syria": Syria is where, not whom
        for tok in _outside_reasons(obj, index):
            span = index.place_at.get(tok.i)
            region = span._.claimcmp_region if span is not None else None
            if region and region.get("country") and region["country"] not in own:
                actor = country_actor(region["country"])
                if actor is not None:
                    return [{**actor, "mention": span.text}], set()  # the place is also where it happens
            polity = _held_by_polity(region, own)
            if polity is not None:
                return [{**polity, "mention": span.text}], set()
    return [], set()


def _outside_reasons(obj: Token, index: MentionIndex) -> list[Token]:
    """The object's tokens, less a reason's phrase: "vowed revenge for the killing of its
    general in Damascus" is not aimed at Damascus (cue reason_preps); a place named as what
    is fought for still is ("the battle for Aleppo")."""
    skipped = {t.i for prep in obj.children if prep.dep_ == "prep" and prep.lower_ in cue("reason_preps")
               and not any(p.i in index.place_at for p in prep.children if p.dep_ == "pobj")
               for t in prep.subtree}
    return [t for t in obj.subtree if t.i not in skipped]


def _held_by_polity(region: dict | None, own: set) -> dict | None:
    """"Azerbaijan's offensive against Nagorno-Karabakh": a place of the doer's own country
    held by a de facto state (places data, `polity`) is that state's."""
    from claimcmp.gazetteer import named_actor
    from claimcmp.knowledge.places_data import polity_of

    if not region or region.get("country") not in own:
        return None
    polity = polity_of(region["name"])
    return named_actor(polity) if polity is not None and polity not in own else None


def struck_places(lex: StanceLexicon, noun: Token, s: NounClaim) -> list[Token]:
    """The places a conflict act hits: "strikes on Rafah", "blockades in the West Bank", and
    "drills around Taiwan" (cue encircling_preps); not where a measure decided at a distance is
    imposed ("imposed sanctions in Brussels", cue remote_measures)."""
    remote, around = noun.lemma_.lower() in cue("remote_measures"), cue("encircling_preps")
    inside = set() if remote else {"in", "inside", "across", "throughout"}
    preps = noun_target_preps("conflict") | inside | around
    where = [o for w in [noun, *carrying_participles(noun)] for o in object_tokens(w, preps)]
    if s.carried and s.governor is not None:  # "launched strikes on Gaza"
        on_governor = object_tokens(s.governor, verb_target_preps("conflict") | around | inside)
        where += [o for o in on_governor if o != noun or not remote]
    elif noun.dep_ == "dobj" and lex.verb_lemma(noun.head) in lex.cue("reaction_verbs"):
        # "condemned the strikes on Gaza", the parser hanging "on Gaza" on the verb
        where += [o for o in object_tokens(noun.head, {"on", "against", "in"}) if o.dep_ == "pobj"]
    elif s.inherited and noun.dep_ == "pobj" and noun.head.lower_ == "with" and s.governor is not None:
        # "Israel responded with airstrikes on villages in southern Lebanon": the means of
        # the verb's subject, the parser hanging "on villages" on the verb
        where += [o for o in object_tokens(s.governor, {"on", "against"}) if o.dep_ == "pobj"]
    return where


def setting_of_object(verb: Token) -> list[Token]:
    """"bombed a market in Sanaa": the parser hangs the place on the verb, but it is where
    the thing hit stands, so whose the place is, the act is toward."""
    if not any(c.dep_ == "dobj" for c in verb.children):
        return []
    return [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"in", "inside"}
            for p in prep.children if p.dep_ == "pobj"]


def encircled_places(verb: Token) -> list[Token]:
    """"held drills around Taiwan", "massed warships off Hainan": the place hemmed in is whose
    it is (cue encircling_preps), like a place attacked."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]  # "held drills around Taiwan"
    return [p for head in heads for prep in head.children if prep.dep_ == "prep"
            and prep.lower_ in cue("encircling_preps") for p in prep.children if p.dep_ == "pobj"]
