"""WHO and WHOM: from dependency arcs to the actor mentions tagged by claimcmp_actors.

Works on any spaCy English parse (ClearNLP-style labels: nsubj, dobj, pobj, agent ...).
The doc's mention index and the parties' identity are in mentions.py, pronouns that refer
back in references.py, words for two parties ("the two sides", "the two Koreas") in
pair_phrases.py, the state a definite
noun naming no one stands for ("the ministry") in definite_states.py.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp.knowledge.gazetteer import country_actor
from claimcmp.knowledge.lexicons import cue, stance_lexicon
from claimcmp.pipeline.dep_labels import (  # noqa: F401 (imported from here by other modules)
    MODIFIER_DEPS, OWNER_DEPS, PASSIVE_SUBJECT_DEPS, PHRASE_INNER_DEPS, SUBJECT_DEPS,
)
from claimcmp.pipeline.mentions import (  # noqa: F401 (imported from here by other modules)
    MentionIndex, as_party, is_state_body, other_party, party_key,
)
from claimcmp.pipeline.definite_states import QUOTE_MARKS, definite_state  # noqa: F401 (QUOTE_MARKS imported from here)
from claimcmp.pipeline.subjects import subject_token
from claimcmp.pipeline.pair_phrases import is_pair_phrase, named_group, named_pair, recent_pair
from claimcmp.pipeline.references import (
    RELATIVE_PRONOUNS, collective_named_before, group_named_before, resolve_pronoun,
)

# Word lists of the rules below (cues.json): agent_nouns, heads that stand for the people or
# bodies of whatever modifies them ("Russian officials"); control_nouns, opponent_nouns,
# collective_nouns, quantity_nouns, pair_nouns and the prepositions of place phrases.
# Nouns naming the relationship itself: "Russo-US relations", "ties between X and Y"
RELATIONS_NOUNS = {"relation", "relationship", "tie"}


def actors_of(head: Token, index: MentionIndex, *, expand_conj: bool = True) -> list[dict]:
    """Actors named by the argument headed by `head` (and its conjuncts)."""
    # "Serbs from Kosovo, and not people from Serbia, revolted": a negated conjunct is no doer
    heads = [head] + ([c for c in [*head.conjuncts, *_listed_appositive(head, index)]
                       if not any(n.dep_ == "neg" for n in c.children)] if expand_conj else [])
    found: list[dict] = []
    for h in heads:
        for actor in _actors_at(h, index):
            if all(party_key(actor) != party_key(f) or actor["id"] != f["id"] for f in found):
                found.append(actor)
    return found


def _listed_appositive(head: Token, index: MentionIndex) -> list[Token]:
    """"Türkiye, the UN, Russia and Ukraine signed": the parser may take a list for an
    apposition with conjuncts of its own; an actor so placed, with actors as conjuncts, is
    listed (not "Türkiye, the host, ...")."""
    appos = next((c for c in head.children if c.dep_ == "appos" and c.i in index.actor_at), None)
    if appos is None or not any(c.i in index.actor_at for c in appos.conjuncts):
        return []
    return [appos, *appos.conjuncts]


def _actors_at(head: Token, index: MentionIndex) -> list[dict]:
    """The actors a noun phrase's head names: "Israeli and Hezbollah forces", "they", "the
    two sides", "the alliance", "tens of thousands of students", "protesters in Aleppo"."""
    span = index.actor_at.get(head.i)
    if span is not None:
        return _tagged_actors(head, span, index)
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        antecedent = head.head.head
        return _actors_at(antecedent, index) or _dispatched_by(antecedent, index)
    if lower in {"who", "which"} and head.dep_ in SUBJECT_DEPS and head.head.dep_ in {"ccomp", "advcl"}:
        named = _misattached_relative(head, index)
        return _actors_at(named, index) if named is not None else []
    if head.pos_ == "PRON" and head.lower_ in FIRST_PERSON_PLURAL:
        return _speakers_side(head, index)
    if head.pos_ == "PRON" and head.lemma_.lower() in cue("quantity_nouns"):
        return _of_phrase_actors(head, index)  # "any of its jets", "none of the Russian troops"
    if head.pos_ == "PRON":
        return resolve_pronoun(head, index)
    if head.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"} and not _nominal_gerund(head) or head.lower_ == "own":
        return []  # "military action of its own" names no other party
    return _noun_actors(head, index)


def _noun_actors(head: Token, index: MentionIndex) -> list[dict]:
    """The parties a noun no tagger named stands for: a pair word or phrase ("the two
    sides"), a counted group ("the three countries"), a collective ("the alliance"), what
    an amount, an opponent or a counterpart is of, a possessor's country, an official."""
    pair, _ = named_pair(head)
    if pair:
        return pair
    if is_pair_phrase(head):
        return recent_pair(head, index)
    group = named_group(head, index)  # "the three countries"
    if group:
        return group
    collective = collective_named_before(head, index)
    if collective is not None:
        return collective
    if head.lemma_.lower() in cue("quantity_nouns") | cue("trade_nouns") | cue("holding_nouns") or head.pos_ == "NUM":
        found = _of_phrase_actors(head, index)
        if found:
            return found
    if head.lemma_.lower() in cue("opponent_nouns") | cue("dissent_nouns"):  # "a Russian dissident": not Russia
        opponent = head.lemma_.lower() in cue("opponent_nouns")
        return _named_partners(head, index) or _possessors_counterpart(head, index) if opponent else []
    if head.lemma_.lower() in cue("counterpart_nouns") and any(c.dep_ == "poss" for c in head.children):
        return _named_partners(head, index) or _possessors_counterpart(head, index)  # not the possessor
    return _possessors_country(head, index) or _whose_official(head, index) or _modifier_actors(head, index) \
        or definite_state(head, index) or group_named_before(head, index)


def _whose_official(head: Token, index: MentionIndex) -> list[dict]:
    """"the United States, whose president has praised Milei": an official (cue title_words)
    whose owner is the relative clause's antecedent speaks for it."""
    if head.lemma_.lower() not in cue("title_words") or not any(
            c.dep_ == "poss" and c.lower_ == "whose" for c in head.children):
        return []
    clause = next((a for a in head.ancestors if a.dep_ == "relcl"), None)
    return actors_of(clause.head, index) if clause is not None else []


def _dispatched_by(forces: Token, index: MentionIndex) -> list[dict]:
    """"Chile deployed troops who fired at smugglers", "Israel launched drones that struck a
    post": forces or weapons (cues military_objects, weapon_nouns) no one is named with, that
    a party sent or launched (cues deploying_verbs, launching_verbs), are that party's."""
    if forces.dep_ != "dobj" or forces.lemma_.lower() not in cue("military_objects") | cue("weapon_nouns") \
            or forces.head.lemma_.lower() not in cue("deploying_verbs") | cue("launching_verbs"):
        return []
    sender, _ = subject_token(forces.head)
    return _actors_at(sender, index) if sender is not None else []


def _nominal_gerund(head: Token) -> bool:
    """A gerund the tagger took for a verb, read as a noun by its adjective or possessive:
    "Russian shelling kills five" (the shelling is Russia's)."""
    return head.tag_ == "VBG" and any(c.dep_ in {"amod", "poss"} for c in head.children)


def _possessors_counterpart(head: Token, index: MentionIndex) -> list[dict]:
    """"its neighbour", "its rival" (cue counterpart_nouns): the other party of the latest claim
    between the possessor and another ("Algeria cut ties with Morocco, accusing its neighbour")."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or head.tag_ == "NNS" or head.lemma_.lower() not in cue("counterpart_nouns"):
        return []
    return next((found for a in _actors_at(owner, index) if (found := index.counterpart_of(head, a))), [])


def _named_partners(head: Token, index: MentionIndex) -> list[dict]:
    """"Iran's enemies (Saudi Arabia)": whoever the appositive names, never the possessor;
    with a possessor, a modifier names the allies themselves ("our Albanian allies"),
    without one it may name whose they are ("American allies")."""
    owned_by = any(c.dep_ == "poss" for c in head.children)
    return [a for c in head.children if c.dep_ == "appos" or owned_by and c.dep_ in {"amod", "compound"}
            for a in _actors_at(c, index)]


def _possessors_country(head: Token, index: MentionIndex) -> list[dict]:
    """"his country", "our nation": the country of whoever the possessive pronoun names
    (a minister is not his country)."""
    if head.lemma_.lower() not in cue("country_nouns"):
        return []
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    if owner is None:
        return []
    found = []
    for actor in _actors_at(owner, index):
        country = country_actor(actor["country"]) if actor.get("country") else None
        if country is not None and country not in found:
            found.append({**country, "mention": f"{owner.text} {head.text}"})
    return found


def _tagged_actors(head: Token, span: Span, index: MentionIndex) -> list[dict]:
    """The actor tagged at the head, with its country if a group's ("rebels in the Ivory
    Coast", "Iraqi Kurds"), and a modifier coordinated into it: "Israeli and Hezbollah forces"."""
    actor = index.actor_dict(span)
    # a people named for the land they live in (KOSOVO_SERBS for "Serbs") is no side of its state
    if actor["kind"] == "group" and not actor.get("country") and not actor["id"].endswith(f"_{head.text.upper()}"):
        country = _located_in(head, span, index) or _national(head, span, index)
        if country:
            actor["country"] = country  # "rebels in the Ivory Coast", "Iraqi Kurds"
    found = [actor]
    # "Israeli and Hezbollah forces": a modifier coordinated into the span names a party too
    for child in head.children:
        if child.dep_ in {"amod", "compound", "nmod"} and not span.start <= child.i < span.end and \
                any(span.start <= c.i < span.end for c in child.conjuncts):
            other = index.actor_at.get(child.i)
            if other is not None and other._.claimcmp_actor["id"] != actor["id"]:
                found.insert(0, index.actor_dict(other))
    partner = _hyphen_partner(span, index)
    if partner is not None and partner["id"] != actor["id"]:
        found.insert(0, partner)  # "Russia-US revive cooperation": both are parties
    return found


def _hyphen_partner(span: Span, index: MentionIndex) -> dict | None:
    """The actor joined to the span by a hyphen without spaces ("Russia-US",
    "India-Pakistan"): a headline's way of writing "Russia and the US"."""
    before = hyphened_to(span.doc[span.start])
    other = index.actor_at.get(before.i) if before is not None else None
    return index.actor_dict(other) if other is not None else None


HYPHENS = frozenset({"-", "‐", "–"})  # hyphen-minus, hyphen, en dash


def hyphened_to(tok: Token) -> Token | None:
    """The word a token is joined to by a hyphen written without spaces, one word the
    tokenizer split: "Russia" of "Russia-US", "build" of "build-up"."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text not in HYPHENS or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return None
    return doc[tok.i - 2]


def _of_phrase_actors(head: Token, index: MentionIndex) -> list[dict]:
    """"Tens of thousands of students throughout Indonesia": the people counted; "imports of
    Chilean fruit" (cue trade_nouns): the goods' country."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = _actors_at(pobj, index)
            if found:
                return found
    return []


def _modifier_actors(head: Token, index: MentionIndex) -> list[dict]:
    """The actors a head's modifiers name ("Russian forces", "the army's troops"), and an
    agent noun's "of"/"from"/"in" phrase: "protesters in Aleppo", "diplomats from Iran"; a
    spokesman's "for": "a spokesman for Hamas"."""
    found: list[dict] = []
    agentive = head.lemma_.lower() in cue("agent_nouns")
    # "a spokesman for the Ethiopian government": who speaks for whom
    speaking_for = {"for"} if head.lemma_.lower() in cue("speaking_for_nouns") else set()
    preps = {"of", "from", "in", "throughout"} | speaking_for
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS or (agentive and child.dep_ == "prep" and child.lower_ in preps):
            targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            for t in targets:
                for tok in [t, *t.conjuncts]:
                    found.extend(_modifier_actor(tok, child, index))
    return found


def _modifier_actor(tok: Token, child: Token, index: MentionIndex) -> list[dict]:
    """One modifier's actors: tagged ("Russian"), nested ("Iran's army's"), or the country of
    a place for people in it: "protesters in Aleppo"."""
    span = index.actor_at.get(tok.i)
    if span is not None:
        return [index.actor_dict(span)]
    if tok.lemma_.lower() in cue("owning_participles") or tok.lower_ in cue("owning_participles"):
        # "a Greek-owned tanker", "a British-flagged ship": the state before the hyphen
        return [index.actor_dict(index.actor_at[c.i]) for c in tok.children
                if c.dep_ in {"npadvmod", "amod", "compound"} and c.i in index.actor_at]
    if tok.dep_ in {"compound", "amod", "poss"}:
        return _actors_at(tok, index)
    if child.dep_ == "prep" and tok.i in index.place_at:
        # "protesters in Aleppo": people of the country the place is in
        region = index.place_at[tok.i]._.claimcmp_region or {}
        actor = country_actor(region["country"]) if region.get("country") else None
        if actor is not None:
            return [{**actor, "mention": index.place_at[tok.i].text}]
    return []


def _misattached_relative(pronoun: Token, index: MentionIndex) -> Token | None:
    """Whom "who" or "which" names when the parser hangs its relative clause on a verb: after
    a comma, the party just before it ("a drone crashed in Poland, which called it a
    provocation"), else the verb's subject ("jets were scrambled who chased them away")."""
    before = pronoun.doc[pronoun.i - 2] if pronoun.i >= 2 and pronoun.nbor(-1).text == "," else None
    if before is not None and before.pos_ in {"PROPN", "NOUN"} and before.i in index.actor_at:
        return before
    return next((c for c in pronoun.head.head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), None)


def _located_in(head: Token, span: Span, index: MentionIndex) -> str | None:
    """The country of a place phrase on a group noun: 'rebels in Darfur', 'students throughout
    Indonesia' (not one inside the group's own name: "Serbs in Kosovo" are not Kosovo's)."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in cue("group_place_preps") and not span.start <= child.i < span.end:
            for pobj in child.children:
                place = index.place_at.get(pobj.i)
                region = place._.claimcmp_region if place is not None else None
                if region and region.get("country"):
                    return region["country"]
    return None


def _national(head: Token, span: Span, index: MentionIndex) -> str | None:
    """'Iraqi Kurds', 'Afghan guerrillas': a country adjective right before a group names
    whose group it is."""
    if span.start == 0:
        return None
    before = index.actor_at.get(span.start - 1)
    actor = before._.claimcmp_actor if before is not None else None
    if actor and actor.get("kind") == "country" and before.root.pos_ in {"ADJ", "PROPN"} and \
            before.root.head.i == head.i:
        return actor["id"]
    return None


FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours"})


def _speakers_side(pron: Token, index: MentionIndex) -> list[dict]:
    """'"We fought back," the Peruvian army chief said': "we" is the speaker's side, the
    country a speaker of the sentence serves."""
    reporting = stance_lexicon().cue("reporting_verbs")
    for tok in pron.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting or tok.i == pron.head.i:
            continue
        for subj in (c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in FIRST_PERSON_PLURAL):
            for actor in actors_of(subj, index, expand_conj=False):
                party = as_party(actor)
                if party is not None and party.get("kind") == "country":
                    return [party]
    return []
