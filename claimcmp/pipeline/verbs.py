"""Claims of stance verbs: "Russia condemned the strikes", "Lavrov and Kerry discussed Syria",
"sent troops to Syria", "They agreed to work together"."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue
from claimcmp.pipeline import brokering, constructions, context, counterparts
from claimcmp.pipeline.allegations import own_act_claimed
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.objects import between_actors, named_by_what_it_called, object_tokens
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.discourse import implicit_parties, mention_tokens, usual_partner
from claimcmp.pipeline.drafts import (
    SIDE_WORDS, Draft, instrument, left_agreement, noun_target_preps, phrase, span_tokens,
    verb_target_preps,
)
from claimcmp.pipeline.places_hit import (
    BORDER_WORDS, attacked_places, border_targets, encircled_places, setting_of_object,
)
from claimcmp.pipeline.entries import counts_forces, governed
from claimcmp.pipeline.evaluations import naming_predicates
from claimcmp.pipeline.pair_phrases import is_pair_phrase
from claimcmp.pipeline.quitting import left_organizations, quitting_entry
from claimcmp.pipeline.reactions import reacted_to
from claimcmp.pipeline.subjects import subject_token
from claimcmp.pipeline.unsaid_doers import fired_weapon_pair
from claimcmp.pipeline.verb_subjects import reciprocal_object, verb_subjects
from claimcmp.pipeline.dep_labels import gerund_read_as_modifier, prep_objects

# Mutual acts whose direct object is what they are about, not a party
TOPIC_STANCES = {"discuss", "negotiate", "consult", "debate"}
# Plural heads that name the parties of a mutual act without naming them ("the leaders met"):
# party_nouns of cues.json


@dataclass
class _VerbClaim:
    """What verb_draft's stages settle in turn about one stance verb: "Putin discussed Ukraine
    with Macron" ends with subjects=[Russia], targets=[France], topic "Ukraine"."""
    subj_tok: Token | None
    subjects: list[dict]
    arg_tokens: set[int]
    objects: list[Token] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    topic: str | None = None
    movement: bool = False
    destinations: set[int] = field(default_factory=set)
    implicit: bool = False  # the parties are the ones the text is about


def verb_draft(lex: StanceLexicon, verb: Token, entry: StanceEntry, index: MentionIndex) -> list[Draft]:
    """The claim of a stance verb: "Russia condemned the strikes by Israel"."""
    if entry.family == "neutral" and entry.stance in cue("movement_stances") and left_agreement(lex, verb):
        return []  # "withdrew from the deal": the deal's end is the claim (nouns.py)
    entry = quitting_entry(verb, entry, index)  # "withdrew from ECOWAS": toward it, after "from"
    subj_tok, patient, subjects = verb_subjects(lex, verb, entry, index)
    reciprocal = reciprocal_object(verb, subj_tok)
    mutual = entry.symmetric or reciprocal is not None
    if reciprocal is not None and len(subjects) < 2:
        subjects = index.last_pair(verb, earlier_sentences=True) or subjects  # "each side accused the other"
    s = _VerbClaim(subj_tok, subjects, span_tokens(subj_tok))
    _verb_objects(lex, verb, entry, patient, index, s)
    s.objects = [o for o in s.objects if reciprocal is None or o.i != reciprocal.i]  # "each other" is whom, not what
    _moved_forces(verb, entry, index, s)
    _visited_places(entry, index, s)
    _discussed_topic(entry, index, s)
    _object_targets(lex, entry, index, s)
    if entry.stance == "quit" and not s.targets:
        s.targets = left_organizations(verb, index)  # "pulled out of NATO"
    if lex.verb_lemma(verb) in lex.cue("reaction_verbs") | lex.cue("judging_verbs"):
        reacted_to(lex, verb, index, s)  # "condemned the seizure", "called the expulsion a hostile act"
    if not s.targets and not s.movement:
        s.targets, extra = _indirect_targets(lex, verb, entry, index, s.objects, s.subjects)
        s.arg_tokens |= extra
    if not s.targets and not s.movement and entry.family == "conflict":
        s.targets = _coordinated_target(verb, index, s.subjects)
    _pair_parties(verb, index, s)
    if not s.targets and lex.verb_lemma(verb) in lex.cue("brokering_verbs"):
        s.targets = brokering.agreement_signatories(verb, index, s.subjects) or \
            brokering.mediated_without_object(verb, index, s.subjects)  # "China offered to mediate"
    _implicit_parties(verb, entry, index, s)
    if _no_claim(verb, entry, s):
        return []
    if entry.owner == "object":  # "the visit angered Beijing": Beijing's hostility toward the visitor
        s.subjects, s.targets = s.targets, s.subjects
    family, stance, polarity = _verb_stance(lex, verb, entry, index, s)
    confidence = 0.45 if s.implicit else 0.75 if subj_tok is not None and subj_tok.pos_ != "PRON" else 0.55
    return [Draft(verb, stance, family, polarity, s.subjects, s.targets, mutual, s.topic, s.arg_tokens,
                  confidence, destinations=s.destinations), *constructions.side_of(lex, verb, s.subjects, index)]


def _no_claim(verb: Token, entry: StanceEntry, s: _VerbClaim) -> bool:
    """No party to tell of, an act the accuser claims as its own, or a means ("the boarders
    were armed with knives": no act toward anyone)."""
    return not s.subjects and not (s.targets and entry.family != "neutral") \
        or entry.stance == "accuse" and own_act_claimed(verb, s.subjects, s.targets) \
        or verb.tag_ == "VBN" and not s.targets and verb.lemma_.lower() in cue("means_participles")


def _verb_objects(lex: StanceLexicon, verb: Token, entry: StanceEntry, patient: Token | None,
                  index: MentionIndex, s: _VerbClaim) -> None:
    """The verb's objects, less its means ("with support from Russia" is not where) and the
    object a phrasal entry is made of ("join forces", "exchange fire")."""
    # the particle of a phrasal entry leads to its object: "called on Russia"
    preps = verb_target_preps(entry.family) | set(entry.lemma.split()[1:])
    # "expelled the opponents to the United States": where they go, not whom the act is toward
    preps = preps - {"to", "into"} if entry.stance in cue("sending_away_stances") else preps
    objects = ([patient] if patient is not None else []) + object_tokens(verb, preps) + \
        ([verb.head] if gerund_read_as_modifier(verb) else [])  # "accused Peru of supporting rebels"
    if lex.verb_lemma(verb) in lex.cue("judging_verbs"):  # "calling them terrorists": a label
        labels = {t.i for t in naming_predicates(verb)}
        objects = [o for o in objects if o.i not in labels]
    means = [o for o in objects if instrument(lex, o) or o.lemma_.lower() in SIDE_WORDS and not is_pair_phrase(o)]
    objects = [o for o in objects if o not in means]
    s.arg_tokens |= {t.i for o in means for t in o.subtree}  # "with support from Russia" is not where
    # the object a phrasal entry is made of is no party: "join forces", "exchange fire"
    made_of = set(entry.lemma.split()[1:])
    made = [o for o in objects if o.dep_ == "dobj" and {o.lower_, o.lemma_.lower()} & made_of]
    # ... unless an actor owns it: "boarded Filipino boats" is toward the Philippines, "entered
    # its waters" toward whoever "its" is
    s.objects = [o for o in objects if o not in made or any(
        t.i in index.actor_at or t.dep_ == "poss" and t.pos_ == "PRON" for t in o.lefts)]
    # ... whose own "against" phrase names whom: "filed a case against Israel at the ICJ"; a
    # hostile feeling's "at" or "over" too: "voiced dismay at Tokyo's decision", not an
    # envoy's ("recalled its envoy to Peru over the deal with Chile" is toward Peru)
    feelings = cue("feeling_object_preps") if entry.family == "conflict" else set()
    against = [t for o in made for t in object_tokens(o, {"against"} | (
        set() if o.lemma_.lower() in cue("agent_nouns") | cue("envoy_nouns") else feelings))]
    if against:
        s.objects = against + [o for o in s.objects if o.dep_ != "pobj" or o.head.lower_ != "at"]


def _moved_forces(verb: Token, entry: StanceEntry, index: MentionIndex, s: _VerbClaim) -> None:
    """"Sent hundreds of US troops to Syria": the troops are the sender's, Syria is where."""
    s.movement = entry.family == "neutral" and entry.stance in cue("movement_stances")
    if s.movement:
        places = cue("place_nouns")
        s.destinations = {t.i for o in s.objects + [c for c in verb.children if c.dep_ == "prep"]
                          for t in o.subtree if t.dep_ in {"dobj", "pobj", "conj"}
                          and (t.i in index.place_at or t.pos_ == "NOUN" and t.lemma_.lower() in places)}
        senders = {a.get("country") or a["id"] for a in s.subjects}
        s.objects = [o for o in s.objects if o.i not in s.destinations and not (
            {a.get("country") or a["id"] for a in actors_of(o, index)} & senders)]


def _visited_places(entry: StanceEntry, index: MentionIndex, s: _VerbClaim) -> None:
    """"Travelled to Havana", "visited Algeria": the named place visited stays whom the
    visit is toward, and is where it happens too."""
    if entry.stance in cue("visiting_stances"):
        s.destinations |= {t.i for o in s.objects for t in o.subtree
                           if t.dep_ in {"dobj", "pobj", "conj"} and t.i in index.place_at}


def _discussed_topic(entry: StanceEntry, index: MentionIndex, s: _VerbClaim) -> None:
    """"Lavrov and Kerry discussed Syria", "Putin discussed Ukraine with Macron": the parties
    are the doers and whoever they discuss with; the object is what about."""
    if entry.stance in TOPIC_STANCES and (len(s.subjects) >= 2 or any(
            o.dep_ == "pobj" and o.head.lower_ == "with" for o in s.objects)):
        for obj in [o for o in s.objects if o.dep_ == "dobj"]:
            s.topic = phrase(obj)
            s.destinations |= {t.i for t in obj.subtree if t.i in index.place_at}
            s.objects.remove(obj)


def _object_targets(lex: StanceLexicon, entry: StanceEntry, index: MentionIndex, s: _VerbClaim) -> None:
    """The actors the objects name ("condemned Israel"); else the first object is the topic.
    The doers' own are no target: "recalled its ambassador from Montenegro" is toward
    Montenegro, found after "from" (_indirect_targets)."""
    own = {a["id"] for a in s.subjects}  # by id: "rebels fighting the Assad regime" fight their state
    for obj in s.objects:
        found = [] if _weapon_used(lex, obj) or _handed_over(lex, obj, index) else \
            [a for a in _doers_after_by(obj, index) or actors_of(obj, index) if a["id"] not in own]
        if found:
            s.targets.extend(f for f in found if f not in s.targets)
            s.arg_tokens |= span_tokens(obj)
        elif s.topic is None and obj.dep_ in {"dobj", "pobj"} and obj.lower_ not in entry.lemma.split()[1:] \
                and not _when_or_where(obj, index) and not _setting(lex, obj):
            s.topic = phrase(obj)
            if entry.stance not in TOPIC_STANCES:  # "discussed terrorism" is what about
                s.targets.extend(a for a in _movement_of(obj) + _movers(lex, obj, entry, index) if a not in s.targets)


def _handed_over(lex: StanceLexicon, obj: Token, index: MentionIndex) -> bool:
    """"Turkey extradited a Syrian opposition figure to Damascus": who is handed over (cue
    handing_verbs) is no party the act is toward when the one they are handed to is named."""
    verb = obj.head
    return obj.dep_ == "dobj" and lex.verb_lemma(verb) in lex.cue("handing_verbs") and any(
        actors_of(p, index) or p.i in index.place_at for p in prep_objects(verb, {"to"}))


def _weapon_used(lex: StanceLexicon, obj: Token) -> bool:
    """"Fired North Korean missiles at Kyiv": a weapon aimed at someone else names its maker,
    not whom the act is toward ("shot down Iranian drones" is toward Iran: nothing else is
    aimed at; one used "with" is a means, left out of the objects: drafts.instrument)."""
    if obj.lemma_.lower() not in lex.cue("weapon_nouns"):
        return False
    verb = obj.head.head if obj.dep_ == "pobj" else obj.head
    return any(c.dep_ == "prep" and c.lower_ in lex.cue("aiming_preps") for c in [*verb.children, *obj.children])


def _doers_after_by(obj: Token, index: MentionIndex) -> list[dict]:
    """"condemned the remarks by Smirnov": the act or words condemned are toward whoever made
    them, named after "by" as a possessive would name them ("Smirnov's remarks"), before any
    party the act was done to ("protested the designation of cartels as terrorists by
    Washington"); so is "what it called an act of aggression by X"."""
    if obj.pos_ != "NOUN" or obj.dep_ != "dobj" and not named_by_what_it_called(obj):
        return []
    return [a for p in prep_objects(obj, {"by"}) for a in actors_of(p, index)]


def _movers(lex: StanceLexicon, obj: Token, entry: StanceEntry, index: MentionIndex) -> list[dict]:
    """"Demanded the withdrawal of Chilean troops": a demand is toward whoever is to move."""
    moving = lex.noun(obj.lemma_)
    if entry.family != "conflict" or obj.dep_ != "dobj" or moving is None or \
            moving.stance not in cue("movement_stances"):
        return []
    return [a for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
            for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, index)]


def _setting(lex: StanceLexicon, obj: Token) -> bool:
    """"exchanged fire at several points": a locative phrase beside the verb's own object tells
    where, not what about ("protested at the settlements" keeps what about)."""
    verb = obj.head.head
    return obj.dep_ == "pobj" and obj.head.lower_ in lex.cue("locative_preps") and \
        any(c.dep_ == "dobj" for c in verb.children)


def _when_or_where(obj: Token, index: MentionIndex) -> bool:
    """"clashed on Monday", "clashed on the border", "clashed near the enclave of X": a time or
    place, not what the act is about ("at" may be either: "protested at the settlements")."""
    if obj.dep_ != "pobj":
        return False
    return obj.ent_type_ in {"DATE", "TIME"} or obj.i in index.place_at or obj.lemma_.lower() in BORDER_WORDS \
        or obj.head.lower_ in cue("locative_preps") - {"at"}


def _movement_of(obj: Token) -> list[dict]:
    """"supports terrorism", "combat extremism": terrorism as the object of a stance verb
    stands for those who wage it, the generic TERRORISTS (cue terrorism_nouns)."""
    from claimcmp.knowledge.gazetteer import named_actor

    actor = named_actor("TERRORISTS") if obj.tag_ in {"NN", "NNP"} and obj.lemma_.lower() in cue("terrorism_nouns") else None
    return [{**actor, "mention": obj.text}] if actor else []


def _coordinated_target(verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """A hostile act joined to one with a named object shares it: "Peru accused Chile of
    spying and demanded an apology" (from Chile); a participle's noun is set against the
    noun it is coordinated with: "between the attacking Chilean troops and the rebels"."""
    if verb.dep_ == "amod":
        found = [a for c in verb.head.conjuncts for a in actors_of(c, index, expand_conj=False)]
        return [a for a in found if a not in doers]
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB":
        return []
    found = [a for o in verb.head.children if o.dep_ == "dobj" for a in actors_of(o, index)]
    return [a for a in found if a not in doers]


def _pair_parties(verb: Token, index: MentionIndex, s: _VerbClaim) -> None:
    """"Talks were held between X and Y": the pair's first member acts toward the rest."""
    pair = between_actors(verb, index)
    if pair:
        if not s.subjects and len(pair) >= 2:
            s.subjects, s.targets = pair[:1], pair[1:]
        elif s.subjects:
            s.targets.extend(a for a in pair if a not in s.targets)


def _implicit_parties(verb: Token, entry: StanceEntry, index: MentionIndex, s: _VerbClaim) -> None:
    """"Joining forces in Syria will be a big stride", "The foreign ministers will meet again":
    the parties the text is about; "to coordinate mutual operations": with the usual partner."""
    subj_tok = s.subj_tok
    if not s.subjects and not s.targets and entry.symmetric and entry.family != "neutral" and (
            subj_tok is None and verb.tag_ == "VBG" and verb.dep_ in {"csubj", "csubjpass", "nsubj"}
            or subj_tok is not None and subj_tok.tag_ == "NNS" and subj_tok.lemma_.lower() in cue("party_nouns")):
        parties = implicit_parties(verb, index)
        s.subjects, s.targets, s.implicit = parties[:1], parties[1:], bool(parties)
        s.arg_tokens |= mention_tokens(parties, index.sentence_of(verb), index)
    if len(s.subjects) == 1 and not s.targets and entry.symmetric and entry.family != "neutral":
        s.targets = usual_partner(verb, s.subjects[0], index)  # "to coordinate mutual operations"
        s.implicit = bool(s.targets)
    if len(s.subjects) == 1 and not s.targets and entry.family == "conflict" and s.topic is None:
        # "It threatened retaliation": toward the one it was just told at odds with
        s.targets = index.adversary(verb, s.subjects[0])
        s.implicit = bool(s.targets)
    if not s.subjects and not s.targets:
        # "Rockets hit the airport": the sides of the armed act just told
        pair = fired_weapon_pair(verb, entry.stance, subj_tok, index)
        s.subjects, s.targets, s.implicit = pair[:1], pair[1:], bool(pair)


def _verb_stance(lex: StanceLexicon, verb: Token, entry: StanceEntry, index: MentionIndex,
                 s: _VerbClaim) -> tuple[str, str, str]:
    """(family, stance, polarity): "Israel strengthened its forces in Lebanon" is a build-up."""
    polarity = "negative" if context.is_negated(verb, lex) else "positive"
    family, stance = entry.family, entry.stance
    if lex.verb_lemma(verb) in lex.cue("buildup_verbs") and (any(
            o.dep_ == "dobj" and o.lemma_.lower() in lex.cue("military_objects") for o in s.objects)
            or counts_forces(s.subj_tok, lex)):
        family, stance = "conflict", "build up troops"  # "Israel strengthened its forces in Lebanon"
        if _anothers_forces(index, s):
            family, stance = "cooperation", "aid"  # "Turkey will help rebuild the Syrian army"
        elif not s.targets:
            s.targets = attacked_places([c for c in verb.children if c.dep_ == "prep"]
                                        + [o for o in s.objects if o.dep_ == "dobj"], index, s.subjects)[0]
    if stance == "hold drills" and s.targets and _drilled_with(verb, index, s):
        family, stance = "cooperation", "joint exercise"  # "Guyana held drills with US forces"
    if _not_allowed(lex, verb):
        polarity = "negative" if polarity == "positive" else "positive"
    return governed(lex, verb, family, stance, polarity)


def _anothers_forces(index: MentionIndex, s: _VerbClaim) -> bool:
    """Forces built up that the object names another party's than the doer's."""
    owners = {party_key(a) for o in s.objects if o.dep_ == "dobj" for a in actors_of(o, index)}
    return bool(owners) and not owners & {party_key(a) for a in s.subjects}


def _not_allowed(lex: StanceLexicon, verb: Token) -> bool:
    """"Egypt will not allow Ethiopia to attack Sudan": an act not permitted is not done."""
    return verb.dep_ in {"xcomp", "ccomp"} and lex.verb_lemma(verb.head) in lex.cue("permission_verbs") \
        and context.is_negated(verb.head, lex)


def _drilled_with(verb: Token, index: MentionIndex, s: _VerbClaim) -> bool:
    """Whether a target of the drills is named after "with" (of the verb or of its object)."""
    partners = object_tokens(verb, {"with"}) + [o for o in s.objects if o.dep_ == "pobj" and o.head.lower_ == "with"]
    return bool({party_key(a) for a in s.targets} & {party_key(a) for w in partners for a in actors_of(w, index)})


def _indirect_targets(lex: StanceLexicon, verb: Token, entry: StanceEntry, index: MentionIndex,
                      objects: list[Token], doers: list[dict]) -> tuple[list[dict], set[int]]:
    """WHOM when no argument names an actor directly:
    "allowed Damascus to fire" (the embedded subject), "fired a missile at Israel" (the
    object's preposition), "shelled Kharkiv" (the country of the place attacked)."""
    for child in verb.children if not entry.symmetric else ():  # "both sides concur X should leave"
        if child.dep_ in {"ccomp", "xcomp"}:
            subj = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if entry.stance == "accuse" and subj is not None and subj.dep_ == "nsubjpass":
                subj = subject_token(child)[0]  # "claimed the drone was downed by X" accuses X, its agent
            if subj is not None and subj.pos_ != "PRON":
                found = actors_of(subj, index)
                if found:
                    return found, span_tokens(subj)
    preps = noun_target_preps(entry.family) - {"of"}
    for obj in objects:
        for inner in object_tokens(obj, preps) if obj.pos_ in {"NOUN", "PROPN"} else []:
            found = actors_of(inner, index)
            if found:
                return found, span_tokens(inner)
    if entry.family == "conflict":
        found = border_targets(verb, index, doers) or counterparts.counterpart(lex, verb, index, doers)
        if found or lex.verb_lemma(verb) in lex.cue("embedding_stances") | lex.cue("reaction_verbs") \
                | lex.cue("denials"):
            # "warned against an offensive in Rafah" is said, not done there; "dismissed reports
            # that US troops would leave Iraq" is no act on Iraq
            return found or counterparts.provoker(verb, index, doers), set()
        places = attacked_places(objects + encircled_places(verb) + setting_of_object(verb), index, doers)
        return places if places[0] else (counterparts.provoker(verb, index, doers), set())
    return [], set()
