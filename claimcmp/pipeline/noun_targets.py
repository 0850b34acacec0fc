"""Whom an event noun with no target named is toward: the act told before that it names
again ("the operation"), the place it hit, a border it was near, its undergoer, or whoever
it answers; and the sides a noun's phrase sets beside it: the party a relation noun
describes ("X, Y's main ally"), the party joined in an act ("joined X in the strikes").
nouns.noun_draft runs these once its parties are known."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.counterparts import counterpart, provoker
from claimcmp.pipeline.discourse import agreement_told_before
from claimcmp.pipeline.drafts import instrument, undergoer
from claimcmp.pipeline.dep_labels import names_one_told
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.noun_roles import NounClaim, toll_victims
from claimcmp.pipeline.places_hit import attacked_places, border_targets, struck_places


def unnamed_targets(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex,
                    s: NounClaim) -> None:
    """Whom an act with no named target is toward: the country of the place hit ("strikes on
    Rafah"), of a border ("drills near Russia's borders"), or the undergoer ("Syria remains
    subject to sanctions by the UN"; "recaptured with support from Russia"), or the doer of
    what it or its carrying verb answers ("lodged a protest after a Chinese ship entered its
    waters", "announced export controls in response to US tariffs")."""
    told = index.same_act_told(noun, s.own[0]) if len(s.own) == 1 and names_one_told(noun) else None
    if not s.targets and entry.family == "conflict" and told is not None:
        s.targets = [told.pair[1]]  # "Turkey launched an operation against the YPG ... will end the operation"
    if not s.targets and entry.family == "conflict":
        s.targets = attacked_places(struck_places(lex, noun, s), index, s.own)[0]
    if not s.targets and entry.family == "conflict":
        s.targets = border_targets(noun.head if noun.dep_ == "compound" else noun, index, s.own) or \
            toll_victims(lex, noun, index, s.own)  # "The strike resulted in the deaths of Ukrainian civilians"
        if not s.targets and s.carried and s.governor is not None:
            s.targets = border_targets(s.governor, index, s.own)  # "doubled its drills near Russia's borders"
    if not s.targets and not s.inherited and (entry.family == "conflict" or instrument(lex, noun)):
        s.targets = undergoer(noun, s.own, index, any_verb=instrument(lex, noun))
    if not s.targets and entry.family == "conflict" and s.carried and s.governor is not None:
        # "lodged a protest after a Chinese ship entered ...", "announced curbs in response to US tariffs"
        s.targets = provoker(s.governor, index, s.own) or counterpart(lex, s.governor, index, s.own)
    if not s.targets and noun.dep_ == "nsubjpass" and lex.verb_lemma(noun.head) in lex.cue("brokering_verbs") \
            and agreement_told_before(lex, noun, index):
        s.targets = index.last_agreement_pair(noun)  # "X and Y agreed ... The agreement was brokered by Z"


def sides_beside(noun: Token, index: MentionIndex, s: NounClaim) -> None:
    """The sides a noun's phrase sets beside it: the party a relation noun describes, the
    party joined in an act."""
    described_party(noun, index, s)
    joined_in(noun, index, s)


def described_party(noun: Token, index: MentionIndex, s: NounClaim) -> None:
    """"The United States, Japan's main ally, ...", "Saudi Arabia, a close US ally, ...": a
    relation noun set beside a party describes that party's relation to the noun's owner."""
    if noun.dep_ != "appos" or not s.own or s.targets:
        return
    own = {party_key(a) for a in s.own}
    described = [a for a in actors_of(noun.head, index, expand_conj=False) if party_key(a) not in own]
    if described:  # the party described is the one who stands in the relation ("backs Syria")
        s.own, s.targets, s.stated = described, s.own, True


def joined_in(noun: Token, index: MentionIndex, s: NounClaim) -> None:
    """"Britain joined the United States in the strikes": whom a party joins in an act does
    the act with it, and is no one it is done to (a hostile act is toward the one the joined
    party was last told at odds with)."""
    path = [noun, *noun.ancestors]
    verb = next((t for t in path if t.pos_ in {"VERB", "AUX"}), None)
    opener = path[path.index(verb) - 1] if verb is not None else None  # "in" of "joined X in a round of strikes"
    if verb is None or verb.lemma_.lower() != "join" or opener.lower_ != "in" or not s.own:
        return
    joined = [a for c in verb.children if c.dep_ == "dobj" for a in actors_of(c, index)]
    keys = {party_key(a) for a in joined}
    s.targets = [a for a in s.targets if party_key(a) not in keys]
    s.own = s.own + [a for a in joined if a not in s.own]
    if not s.targets and joined and s.family == "conflict":
        s.targets = index.adversary(noun, joined[0])  # in strikes on whom the joined one struck
