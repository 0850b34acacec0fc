"""The pieces claims are made of: the Draft of a claim, the prepositions that introduce
its parties, and small readings of the parse shared by the extractor's constructions."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue, stance_lexicon
from claimcmp.pipeline.arguments import actors_of, hyphened_to
from claimcmp.pipeline.dep_labels import prep_objects
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.objects import named_by_what_it_called
from claimcmp.pipeline.pair_phrases import named_pair
from claimcmp.pipeline.subjects import small_clause_verb, subject_on_auxiliary, subject_token

# Which prepositions introduce WHOM depends on the kind of act: "cooperate with X",
# "strike on X"; but "talks on Syria" and "an alliance against ISIS" name a topic or a
# common enemy, not the other party.
_TARGET_PREP_CUES = {"cooperation": "cooperation_target_preps", "conflict": "conflict_target_preps",
                     "neutral": "neutral_target_preps"}
SIDE_WORDS = {"side", "behalf", "favor", "favour"}  # "on the side of X" is support, not a target
NOUN_AGENT_PREPS = {"by", "from"}
# Word lists of the rules below (cues.json): relational_nouns, backing_participles,
# movement_stances (acts of moving forces: the places they go to or leave are regions),
# abstract_foes (what one fights that is no party), amount_nouns, undergoing_predicates.


def verb_target_preps(family: str) -> frozenset[str]:
    """The prepositions that introduce WHOM of a verb of the family (cues.json)."""
    return cue(_TARGET_PREP_CUES[family])


def noun_target_preps(family: str) -> frozenset[str]:
    """... of an event noun: the verb's, and for a hostile one "of" ("the bombing of Gaza")."""
    preps = cue(_TARGET_PREP_CUES[family])
    return preps | {"of"} if family == "conflict" else preps


@dataclass
class Draft:
    """One claim before its circumstances are read."""

    word: Token  # the stance word the claim hangs on
    stance: str
    family: str
    polarity: str
    subjects: list[dict]
    targets: list[dict]
    symmetric: bool
    topic: str | None
    argument_tokens: set[int]
    confidence: float
    stated: bool = False  # the doer is the explicit subject of the verb that states the act
    destinations: set[int] = field(default_factory=set)  # place tokens forces move to or from
    completed: bool = False  # a party was filled from the sentence or the article, not the grammar
    in_line: bool = False  # read in line from a headline the parser missed: no parse tells where


class NounParties(NamedTuple):
    """The actors an event noun's own phrase names and the tokens naming them. A named
    conflict ("the Syrian war") names a place: the caller must not look for a doer elsewhere.
    Holders only ("American and Russian allies"): whose allies, not allies of each other."""
    own: list[dict]
    tokens: set[int]
    named_conflict: bool = False
    holders_only: bool = False
    patients: tuple = ()  # what the act befell, named before it: "Chinese steel tariffs"


def noun_parties(noun: Token, entry: StanceEntry, index: MentionIndex) -> NounParties:
    """Actors named inside the noun phrase: "Russia-US cooperation", "Iran's support", "strikes by X"."""
    own: list[dict] = []
    arg_tokens: set[int] = set()
    adjectival_only = _modifier_parties(noun, index, own, arg_tokens)
    patients = _modified_patients(noun, entry, index, own)
    if _agent_parties(noun, entry, index, own, arg_tokens):
        adjectival_only = False
    if not own and noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and noun.head.i < noun.i \
            and not any(c.dep_ == "poss" for c in noun.children):  # "X's statements and his support": his
        # "China's interception, boarding and inspection of ...": the first act's doer is all of theirs
        first = noun_parties(noun.head, entry, index)
        if not first.named_conflict and not first.holders_only:
            return first
    # "the Syrian war", "the Ukrainian crisis": one demonym on a war word names a place.
    if len(own) == 1 and adjectival_only and entry.symmetric and entry.family == "conflict":
        return NounParties([], set(), named_conflict=True)  # the caller must not look for a doer elsewhere
    # "American and Russian allies": whose allies, not allies of each other
    if entry.lemma in cue("relational_nouns") and noun.tag_ == "NNS" and len(own) >= 2:
        return NounParties(own, arg_tokens, holders_only=True)
    return NounParties(own, arg_tokens, patients=tuple(patients))


def _modifier_parties(noun: Token, index: MentionIndex, own: list[dict], arg_tokens: set[int]) -> bool:
    """Add the actors before the noun ("Iran's support", "inter-Korean talks") to own and their
    tokens to arg_tokens. Are they all adjectives ("the Syrian war")?"""
    adjectival_only = True
    # "the Syria peace talks", "Afghanistan, Libya and Yemen peace talks": where, not who
    topical = any(c.lower_ == "peace" for c in noun.children if c.dep_ in {"compound", "amod"})
    for i in range(noun.left_edge.i, noun.i):
        both, last = named_pair(noun.doc[i])
        if both and last < noun.i:  # "inter-Korean talks"
            own.extend(a for a in both if a not in own)
            adjectival_only = False
        span = index.actor_at.get(i)
        if topical and span is not None and span.root.pos_ == "PROPN" and \
                span._.claimcmp_actor.get("kind") == "country":
            continue
        if span is not None and i == span.start and span.end <= noun.i:
            actor = index.actor_dict(span)
            if actor not in own:
                own.append(actor)
                adjectival_only &= span.root.pos_ == "ADJ" or span.root.dep_ == "amod"
            arg_tokens |= set(range(span.start, span.end))
    return adjectival_only


def _modified_patients(noun: Token, entry: StanceEntry, index: MentionIndex, own: list[dict]) -> list[dict]:
    """Actors that modify a thing named before a one-way act, not the act: "Chinese steel
    tariffs", "the Saudi oil attack" befell China's steel, Saudi oil. They leave `own`; a
    thing that acts ("Russian drone strikes", "US troop withdrawal": cue agent_nouns), a manner
    ("Chilean air strikes": cue manner_nouns) or an act ("US tariff pressure") keeps its owner
    as the doer."""
    if entry.symmetric:
        return []  # "US-China trade talks": the parties, whatever the talks are about
    agents = cue("agent_nouns") | cue("manner_nouns")  # "Chilean air strikes" are Chile's
    patients = []
    joined = hyphened_to(noun)
    for actor_token in range(noun.left_edge.i, noun.i):
        span = index.actor_at.get(actor_token)
        if span is None or actor_token != span.start:
            continue
        thing = noun.doc[span.end] if span.end < noun.i else None  # the parser may hang the actor on the act
        if thing is not None and (joined is not None and joined.i == thing.i or thing.lower_ == entry.lemma.split()[0]):
            continue  # "build" of "Russia's build-up", "arms" of "US arms sales": the act itself
        chain = _compound_chain(thing, noun) if thing is not None else []
        if chain and all(t.pos_ == "NOUN" and t.i not in index.actor_at and t.lemma_.lower() not in agents
                         and stance_lexicon().noun(t.lemma_) is None for t in chain):  # "US tariff pressure": the US's
            actor = index.actor_dict(span)
            if actor in own:
                own.remove(actor)
                patients.append(actor)
    return patients


def _compound_chain(thing: Token, noun: Token) -> list[Token]:
    """The nouns from `thing` up a run of compounds to the act `noun` ("gas plant" of "the
    Peruvian gas plant attack"), or none when `thing` is no compound on the act."""
    chain = [thing]
    while chain[-1].dep_ == "compound" and chain[-1].head.i != noun.i and len(chain) < len(noun.doc):
        chain.append(chain[-1].head)
    return chain if chain[-1].dep_ == "compound" and chain[-1].head.i == noun.i else []


def _agent_parties(noun: Token, entry: StanceEntry, index: MentionIndex, own: list[dict],
                   arg_tokens: set[int]) -> bool:
    """Add the actors of the noun's agent prepositions ("strikes by X") to own and their tokens
    to arg_tokens. Was there an object of one?"""
    # "of X" names the doer of a cooperative act ("at the invitation of X"), of an
    # attitude aimed elsewhere ("the hostility of X towards Y"), of a going or of an act the
    # verb's subject suffers; else it is the patient.
    aimed = any(c.dep_ == "prep" and c.lower_ in {"towards", "toward", "against", "to"} for c in noun.children)
    # ... unless an owner holds the act: "Norway's recognition of Palestine" is toward Palestine
    # "the incursion of Chilean boats into ...", "the provocative acts of North Korea" (cue conduct_nouns)
    goes = noun.lemma_.lower() in cue("going_nouns") | cue("conduct_nouns")
    done_to = noun.lemma_.lower() in cue("patient_of_nouns")  # "the release of four Americans"
    of_agent = (entry.family == "cooperation" and not done_to or aimed or goes or suffered(noun)) and not owned(noun)
    taking = noun.lemma_.lower() in cue("taking_nouns")  # "recapture of Kherson from Russia": a target
    agent_preps = NOUN_AGENT_PREPS - ({"from"} if taking else set()) | ({"of"} if of_agent else set())
    found = False
    carriers = [*carrying_participles(noun)] + ([noun.head] if named_by_what_it_called(noun) else [])
    for child in [*noun.children, *(a for c in carriers for a in c.children if a.dep_ in {"agent", "prep"}
                                     and a.lower_ == "by" and a.i > noun.i), *_proposed_by(noun)]:
        if child.dep_ in {"prep", "agent"} and child.lower_ in agent_preps:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                own.extend(a for a in actors_of(pobj, index) if a not in own)
                arg_tokens |= span_tokens(pobj)
                found = True
    for blamed in _blamed_on(noun):
        own.extend(a for a in actors_of(blamed, index) if a not in own)
        arg_tokens |= span_tokens(blamed)
        found = True
    return found


def _blamed_on(noun: Token) -> list[Token]:
    """"A bombing blamed on Hamas", "attacks the army blamed on the RSF", "strikes attributed
    to Russia": whom an act is laid on is its doer (cue attributing_verbs)."""
    laying = [v for v in noun.children if v.dep_ in {"acl", "relcl"} and v.lemma_.lower() in cue("attributing_verbs")]
    return [p for verb in laying for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"on", "to"}
            for p in prep.children if p.dep_ == "pobj"]


def _proposed_by(noun: Token) -> list[Token]:
    """"An offer of talks from Japan": the parser hangs the proposer's "from" or "by" on what
    is proposed; it names who proposes (cue proposal_nouns)."""
    if noun.lemma_.lower() not in cue("proposal_nouns"):
        return []
    return [a for of in noun.children if of.dep_ == "prep" and of.lower_ == "of" for p in of.children
            if p.dep_ == "pobj" for a in p.children if a.dep_ == "prep" and a.lower_ in {"from", "by"}]


def carrying_participles(noun: Token) -> list[Token]:
    """A light verb's participle on the noun, whose "by" names the doer and "in" or "on" the
    place hit: "the sanctions imposed by Washington", "strikes carried out by Israel in
    Syria" (not "strikes condemned by Turkey", nor "talks mediated by the US": a broker)."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
            and c.lemma_.lower() in cue("light_verbs") - cue("brokering_verbs")]


def suffered(noun: Token) -> bool:
    """The object of a verb of suffering (cue suffering_verbs): "endured the repression of X"."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in cue("suffering_verbs")


def owned(noun: Token) -> bool:
    """The act has an owner before it: "its recognition", "Norway's support"."""
    return any(c.dep_ == "poss" for c in noun.children)


def instrument(lex: StanceLexicon, obj: Token) -> bool:
    """'recaptured with Russian help', 'clashed with sticks and stones': the help or the
    weapon (cue weapon_nouns) is a means, not whom the act is toward."""
    if obj.head.lower_ != "with":
        return False
    if weapon_means(obj):
        return True
    entry = lex.noun(obj.lemma_)
    return entry is not None and entry.family == "cooperation"


def weapon_means(obj: Token) -> bool:
    """A weapon named after "with" (cue weapon_nouns): the means of an act, not whom it is
    toward, nor its maker a party of it: "attacks with Iranian drones"."""
    return obj.dep_ == "pobj" and obj.head.lower_ == "with" and obj.lemma_.lower() in cue("weapon_nouns")


def span_tokens(tok: Token | None) -> set[int]:
    """The tokens naming an argument: its phrase without attached clauses and
    prepositional phrases ("Russia in Syria" names Russia; Syria is where)."""
    if tok is None:
        return set()
    out: set[int] = set()
    stack = [tok, *tok.conjuncts]
    while stack:
        t = stack.pop()
        if t.i in out:
            continue
        out.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in {"prep", "relcl", "acl", "advcl", "ccomp"})
    return out


def phrase(tok: Token) -> str:
    words = list(tok.subtree)
    text = tok.doc[words[0].i: words[-1].i + 1].text
    return text if len(text) <= 80 else text[:77] + "..."


def governing_verb(noun: Token) -> Token | None:
    """The verb a stance noun is the object of: 'held talks', 'ruled out cooperation', 'engaged in talks'."""
    head = noun.head
    if noun.dep_ == "compound" and head.pos_ in {"NOUN", "PROPN"}:
        return governing_verb(head)  # "intensified their surveillance operations"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in cue("amount_nouns"):
        return governing_verb(head.head)  # "doubled the number of its military drills"
    # "denied responsibility for the attack", "Rwanda denied its role in" (or "any role in" with
    # "in" hung on the verb); not "was indicted by the court for his role in atrocities", whose
    # doer is the role's owner, not the agent
    holder = next((c for c in head.head.children if c.dep_ == "dobj"), head.head) if head.head.pos_ == "VERB" \
        else head.head
    if noun.dep_ == "pobj" and head.lower_ in {"for", "in"} and holder.lemma_.lower() in cue("responsibility_nouns"):
        verb = governing_verb(holder)
        passive = verb is not None and any(c.dep_ == "auxpass" for c in verb.children)
        return None if passive and any(c.dep_ == "poss" for c in holder.children) else verb
    if named_by_what_it_called(noun):
        return head.head  # "condemned what it called aggression": what is condemned
    if noun.dep_ in {"dobj", "attr", "nsubjpass", "oprd", "conj"} and head.pos_ in {"VERB", "AUX"}:
        return head if noun.dep_ != "conj" else governing_verb(head)
    if small_clause_verb(noun) is not None:
        return head  # "wants the sanctions lifted": what is done to the noun
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        return None if is_circumstance(noun) else head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "acomp" and \
            head.head.lower_ in cue("openness_adjectives") and head.head.head.pos_ in {"VERB", "AUX"}:
        return head.head.head  # "it is open to talks": whoever is open
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ in {"prep", "advmod", "prt"} and \
            head.head.lower_ in {"out", "away", "back"} and head.head.head.pos_ == "VERB":
        return head.head.head  # "pulled out of the deal", "walked away from the talks"
    return None


def left_agreement(lex: StanceLexicon, word: Token, preps: set[str] | None = None) -> bool:
    """"withdrew from the nuclear deal", "pulled out of the talks", "the withdrawal from the
    deal": what is left (an object of the word's prepositions, all or `preps`) is a
    cooperation, so no forces move: the agreement's end is the claim."""
    for prep in word.children:
        if prep.dep_ in {"prep", "prt"} and (preps is None or prep.lower_ in preps):
            for obj in prep.subtree:
                entry = lex.noun(obj.lemma_) if obj.dep_ == "pobj" else None
                if entry is not None and entry.family == "cooperation":
                    return True
    return False


def is_circumstance(noun: Token) -> bool:
    """"Severed ties in a row over ...": a noun after "in" or "amid" on a verb that has an
    object of its own (not a light verb: "took part in hostilities") is the circumstance of
    that act, neither what it acts on nor an act of its own."""
    return circumstance_verb(noun) is not None


def circumstance_verb(noun: Token) -> Token | None:
    """The verb whose act is_circumstance finds the noun the circumstance of, or None."""
    head = noun.head
    if noun.dep_ != "pobj" or head.lower_ not in {"in", "amid"}:
        return None
    verb = head.head.head if head.head.dep_ == "dobj" else head.head  # "severed [ties in a row]"
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    return verb if has_object and verb.lemma_.lower() not in cue("light_verbs") else None


def undergoer(noun: Token, doers: list[dict], index: MentionIndex, any_verb: bool = False) -> list[dict]:
    """'Syria remains subject to sanctions by the UN', 'Iran faces sanctions from the US':
    the subject of the clause undergoes an act whose doer the noun phrase names; with
    `any_verb`, a means of any act ("recaptured the town with support from Russia")."""
    tok = noun
    for _ in range(5):
        # audit: code (dependency labels of the parser)
        if tok.dep_ in {"pobj", "dobj", "attr", "acomp", "prep", "conj"}:
            tok = tok.head
        else:
            break
        if tok.pos_ in {"VERB", "AUX"}:
            if not any_verb and tok.lemma_.lower() not in cue("undergoing_predicates"):
                return []  # "Turkey condemned the strikes by Israel": Turkey was not struck
            keys = {a.get("country") or a["id"] for a in doers}
            subject = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None) or \
                subject_on_auxiliary(tok)  # the small parser's "Syria remains cut off"
            if subject is None and tok.dep_ == "xcomp":
                subject = subject_token(tok)[0]  # "refuse to endure Lima's terror": who refuses
            return [a for a in actors_of(subject, index) if (a.get("country") or a["id"]) not in keys] \
                if subject is not None else []
    return []


def verb_phrase(verb: Token) -> str:
    """'rule out', 'break off', 'pull back', 'walk away': the lemma with its particle (the
    parser makes "away" and "out" before a preposition an adverb or a preposition)."""
    prt = next((c.lower_ for c in verb.children if c.dep_ == "prt" or (
        c.dep_ in {"advmod", "prep"} and c.lower_ in {"away", "out"} and c.i == verb.i + 1
        and any(g.dep_ == "prep" for g in c.children))), None)
    return f"{verb.lemma_.lower()} {prt}" if prt else verb.lemma_.lower()


def distinct(actors: list[dict]) -> list[dict]:
    """One actor per country or organization: 'the White House resident, Donald Trump'."""
    out, keys = [], set()
    for actor in actors:
        key = actor.get("country") or actor["id"]
        if key not in keys:
            keys.add(key)
            out.append(actor)
    return out


def doer_named_unknown(noun: Token, index: MentionIndex) -> bool:
    """"Germany sent tanks under pressure from its allies": the noun names its doers after
    "from" or "by", though no party can be read there (allies are someone's); the governing
    verb's subject is not them, unless the verb makes an act of its own of its object
    ("rejected an offer from X"). A place after "from" names no doer ("withdrawal from Syria")."""
    return any(p.i not in index.place_at and p.pos_ in {"NOUN", "PROPN"} and not actors_of(p, index)
               for p in prep_objects(noun, {"from", "by"}))


def has_modifier(word: Token, modifiers: tuple[str, ...]) -> bool:
    """Whether a modifier of `word` is one of `modifiers`, hyphenated ones whole: the parser
    splits "anti-terrorist operation" into three modifiers."""
    mods = [c for c in word.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < word.i]
    if any(c.lower_ in modifiers for c in mods):
        return True
    joined = word.doc[mods[0].i:word.i].text.lower().split() if mods else []
    return any(w.strip("\"'“”") in modifiers for w in joined)
