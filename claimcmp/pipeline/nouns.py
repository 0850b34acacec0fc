"""Claims of event nouns: "Russia-US cooperation", "talks between X and Y", "X's support
for Y", "held talks", "ruled out cooperation", "the hostility of X towards Y"."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge import stance_groups
from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue
from claimcmp.pipeline import brokering, constructions, context
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.objects import between_actors, between_tokens, object_tokens
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.discourse import implicit_parties, mention_tokens
from claimcmp.pipeline.drafts import (
    Draft, distinct, doer_named_unknown, governing_verb, left_agreement, noun_parties,
    noun_target_preps, owned, span_tokens, verb_phrase, verb_target_preps, weapon_means,
)
from claimcmp.pipeline.endings import ending_noun, ending_predicate
from claimcmp.pipeline.evaluations import evaluation_entry
from claimcmp.pipeline.entries import governed, verb_entry
from claimcmp.pipeline.noun_roles import (
    NounClaim, accused_of, adversary_target, behind_it, came_under, characterized, destinations, elicited, exchanged,
    exempted_from, held_together, holder_parties, joint_exercise, qualified_relations, regarded_as,
    pronoun_owner, responsibility_taken, toll_of_armed_act, victims)
from claimcmp.pipeline.noun_exclusions import answered_anothers, not_a_claim
from claimcmp.pipeline.noun_targets import sides_beside, unnamed_targets
from claimcmp.pipeline.quitting import quitting_entry, quitting_parties
from claimcmp.pipeline.subjects import passive_patient, subject_on_auxiliary, subject_token


def noun_draft(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex) -> list[Draft]:
    """The claim of an event noun: "talks between X and Y", "X's support for Y", "held talks"."""
    if not_a_claim(lex, noun, entry):
        return []
    entry = quitting_entry(noun, joint_exercise(noun, entry), index)
    parties = noun_parties(noun, entry, index)
    if parties.named_conflict:
        return []
    own, patients = quitting_parties(noun, entry, index, parties.own, list(parties.patients))
    s = NounClaim(own, parties.tokens, parties.holders_only, entry.family, entry.stance, targets=patients)
    _own_phrase(noun, entry, index, s)
    between = list(s.pair)  # a governing verb may take the pair as its own targets
    brokers = _brokers(lex, noun, index, between)
    s.own = [a for a in s.own if a not in brokers]
    _ended_act(lex, noun, entry, index, s)
    if not _parties_around(lex, noun, entry, index, s):
        return []
    _broken_down(lex, noun, entry, s)
    if entry.stance == "relations" and not qualified_relations(lex, noun, index, s):
        return []
    left = _left_together(lex, noun, s)
    _pair_parties(noun, entry, index, s, split=not left)
    holder_parties(lex, noun, entry, index, s)
    sides_beside(noun, index, s)  # "X, Y's main ally", "joined X in the strikes"
    _implicit_parties(lex, noun, entry, index, s)
    if s.holders_only and not s.targets:
        return []  # "American and Russian allies" are the allies of each, of someone unnamed
    if not s.own and not s.targets and not (entry.symmetric and (entry.family != "neutral" or _changed_state(noun, s))):
        return []  # a one-way act of no one named; a mutual one is the article's principals'
    _governed_polarity(lex, noun, entry, index, s)
    unnamed_targets(lex, noun, entry, index, s)
    adversary_target(noun, index, s, hostile=entry.family == "conflict")
    symmetric = held_together(entry, s) or entry.symmetric and not left or exchanged(lex, noun)
    confidence = 0.45 if s.implicit else 0.55 if s.inherited else 0.65
    others = _brokered(lex, noun, entry, s, brokers, between) + _role_in_anothers_act(lex, noun, index, s)
    return [Draft(noun, s.stance, s.family, s.polarity, s.own, s.targets, symmetric, None, s.arg_tokens,
                  confidence, stated=s.stated, destinations=s.destinations),
            *constructions.side_of(lex, noun, s.own, index), *others]


def _brokers(lex: StanceLexicon, noun: Token, index: MentionIndex, between: list[dict]) -> list[dict]:
    """Who brokered the act, no party to it: "the US-brokered truce between X and Y", "the
    UAE-mediated deal" (whoever its pair is), "Brazil secured a truce between X and Y"."""
    return brokering.hyphen_brokers(noun, index) + (
        brokering.securing_brokers(lex, noun, index, between) if len(between) >= 2 else [])


def _changed_state(noun: Token, s: NounClaim) -> bool:
    """"Relations have soured": a state the noun is subject of is told as changed (its family
    set by the predicate), not one cut by some unnamed doer ("the decision to sever ties")."""
    return s.family != "neutral" and noun.dep_ in {"nsubj", "nsubjpass"}


def _parties_around(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex,
                    s: NounClaim) -> bool:
    """The parties the clause around the noun gives (the accused, those it was drawn from, the
    governing verb's, else its pronoun's); False when the noun, what an act is called, names no doer."""
    if not responsibility_taken(lex, noun, index, s) and not behind_it(noun, index, s) and \
            not accused_of(lex, noun, index, s) and not elicited(lex, noun, index, s) and \
            not exempted_from(lex, noun, index, s):
        _through_governor(lex, noun, entry, index, s)
    pronoun_owner(noun, index, s)
    return characterized(noun, index, s)


def _brokered(lex: StanceLexicon, noun: Token, entry: StanceEntry, s: NounClaim, brokers: list[dict],
              between: list[dict]) -> list[Draft]:
    """The brokers' acts toward the parties, and the pair's act a governing verb brokered."""
    return brokering.broker_drafts(noun, brokers, s.own + s.targets, s.polarity, s.arg_tokens) + \
        brokering.brokered_pair_draft(lex, noun, entry, s.governor, between, s.polarity, s.arg_tokens)


def _role_in_anothers_act(lex: StanceLexicon, noun: Token, index: MentionIndex, s: NounClaim) -> list[Draft]:
    """"Rwanda denied its role in the M23 offensive": the role's holder backs the act's doers
    (denied, as the role is), and the act itself is told as done, toward no one the role names."""
    role = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in {"in", "for"} else None
    if not s.own or role is None or role.lemma_.lower() not in lex.cue("responsibility_nouns"):
        return []
    own = {party_key(a) for a in s.own}
    # the role's owner ("its role"), else who denies or admits it ("denied any role")
    owner = next((c for c in role.children if c.dep_ == "poss"), None) or \
        (subject_token(s.governor)[0] if s.governor is not None else None)
    holders = [a for a in (actors_of(owner, index) if owner is not None else []) if party_key(a) not in own]
    if not holders:
        return []
    keys = {party_key(a) for a in holders}
    backing = Draft(noun, "support", "cooperation", s.polarity, holders, s.own, False, None, s.arg_tokens, 0.55)
    s.polarity, s.targets = "positive", [t for t in s.targets if party_key(t) not in keys]
    return [backing]


def _own_phrase(noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim) -> None:
    """The parties the noun's own phrase names: victims ("no Turkish casualties"), where
    forces move, its objects and pair, and whose armed act a toll is."""
    if entry.owner == "target":
        victims(noun, index, s)
    destinations(noun, entry, index, s)
    _noun_objects(noun, entry, index, s)
    if entry.owner == "target" and not s.own:
        toll_of_armed_act(noun, index, s)


def _noun_objects(noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim) -> None:
    """The noun's own objects and pair: "support for Kyiv", "talks between Israel and Hamas"."""
    # an owned act's "of" object is whom it is toward: "Norway's recognition of Palestine";
    # so is that of an act done to someone: "the release of four Americans by Iran"
    of_target = owned(noun) or noun.lemma_.lower() in cue("patient_of_nouns")
    taken_from = {"from"} if noun.lemma_.lower() in cue("taking_nouns") else set()  # "recapture of X from Y"
    for obj in object_tokens(noun, noun_target_preps(entry.family) | ({"of"} if of_target else set()) | taken_from):
        if weapon_means(obj):
            continue  # "attacks with Iranian drones": the means, not whom
        s.targets.extend(a for a in actors_of(obj, index) if a not in s.targets and a not in s.own)
        s.arg_tokens |= span_tokens(obj)
    s.pair = between_actors(noun, index)
    if not s.pair and not s.own and noun.dep_ in {"nsubj", "nsubjpass"}:
        # "if a rapprochement takes place between X and Y", "a truce was agreed between X and Y"
        pair = between_actors(noun.head, index)
        s.pair = pair if len(pair) >= 2 or noun.dep_ == "nsubj" else []
    if not s.pair and not s.own:
        s.pair = _mediated_pair(noun, index)
    for t in between_tokens(noun):
        s.arg_tokens |= span_tokens(t)


def _mediated_pair(noun: Token, index: MentionIndex) -> list[dict]:
    """"Egypt is mediating between Israel and Hamas on a truce": the truce is between the
    two the mediation is between (cue brokering_verbs)."""
    verb = noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in cue("brokering_verbs"):
        return []
    pair = between_actors(verb, index)
    return pair if len(pair) >= 2 else []


def _ended_act(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim) -> None:
    """An ended act flips family: "the cessation of hostilities" and "the war is over" are
    cooperation, "the termination of the deal" conflict."""
    ender = ending_noun(lex, noun) or ending_predicate(lex, noun)
    if ender is not None and entry.family != "neutral":
        s.family = "cooperation" if entry.family == "conflict" else "conflict"
        s.stance = f"{ender.lemma_.lower() if ender.pos_ in {'NOUN', 'VERB'} else 'end'} {entry.stance}"
        if not s.own:
            s.own = [a for c in ender.children if c.dep_ in {"poss", "amod", "compound"} for a in actors_of(c, index)]
        if not s.targets:  # "a pause in its offensive against the militia": the parser hangs it on the pause
            s.targets = [a for obj in object_tokens(ender, noun_target_preps(entry.family)) if obj.i != noun.i
                         for a in actors_of(obj, index) if a not in s.own]


def _through_governor(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex,
                      s: NounClaim) -> None:
    """The verb that governs the noun: "held talks", "ruled out cooperation", "considers Trump
    to be a natural ally" (the one who regards holds the stance)."""
    s.governor = governing_verb(noun)
    if came_under(noun, index, s):
        s.governor = None
        return
    regarded = regarded_as(lex, noun, s.governor, index) if not s.own else None
    if regarded is not None:
        s.own, s.targets, s.arg_tokens, s.governor = regarded[0], regarded[1], s.arg_tokens | regarded[2], None
    if s.governor is None:
        return
    g = lex.verb_lemma(s.governor)
    governing_entry = verb_entry(lex, s.governor)
    combining = bool({g, verb_phrase(s.governor)} & (lex.cue("light_verbs") | lex.cue("terminators")
                     | lex.cue("concessions") | lex.cue("denials") | lex.cue("intensifying_verbs")))
    # "the court will rule on the dispute between X and Y": the pair named is the act's (a
    # verb with a stance of its own acts toward it: "hosted talks between X and Y")
    if _governor_not_party(lex, noun, entry, s, g, governing_entry, combining) or \
            governing_entry is None and _outside_named_pair(noun, index, s):
        s.governor = None
    else:
        _governor_acts(lex, noun, entry, index, s, g, governing_entry, combining)


def _governor_not_party(lex: StanceLexicon, noun: Token, entry: StanceEntry, s: NounClaim, g: str,
                        governing_entry: StanceEntry | None, combining: bool) -> bool:
    """The governing verb's subject is no party to the act: "said the talks ...", "condemned
    the strikes by X", "Egypt called for talks between Israel and Hamas" (wanted, not held),
    a one-way act told as the time or setting of another ("Chile recalled its envoy after the
    attack"; a mutual one may be theirs: "Despite tensions, Chile and Peru signed a deal")."""
    if g in lex.cue("reporting_verbs") - lex.cue("light_verbs") or g in lex.cue("reaction_verbs") \
            or g in lex.cue("suffering_verbs") or context.warned_against(noun):
        return True  # ... nor does the one who suffers it: "endured Lima's terror"
    if noun.dep_ == "dobj" and evaluation_entry(lex, s.governor) is not None:
        return True  # nor the one who judges it: "called the American strikes illegal"
    if s.pair and noun.dep_ == "pobj" and (noun.head.lower_ == "for" or g in lex.cue("brokering_verbs")):
        return True  # wanted, or the pair's act a broker works in: "mediate in their dispute"
    phrase = noun.head if noun.dep_ == "compound" else noun  # "despite an arrest warrant"
    if phrase.dep_ == "pobj" and phrase.head.lower_ in cue("circumstance_preps"):
        return not entry.symmetric
    if noun.dep_ == "pobj" and noun.head.lower_ in cue("topic_preps"):
        return True  # what is spoken of: "a statement made by X regarding the sentencing of Y"
    if answered_anothers(lex, noun, g):
        return True  # a measure turned down, a proposal accepted: "rejected the sanctions"
    if noun.dep_ == "pobj" and any(c.dep_ == "dobj" for c in s.governor.children) and (
            noun.head.lower_ == "over" or g in lex.cue("compelling_verbs") | lex.cue("eliciting_verbs")):
        return True  # an act's reason ("cut ties with X over its support"); one prompted acts ("prompting X to ...")
    # "condemned the attack": the verb's own claim covers its subject
    return governing_entry is not None and not combining and entry.family != "neutral" \
        and governing_entry.family not in {entry.family, "neutral"}


def _governor_acts(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim,
                   g: str, governing_entry: StanceEntry | None, combining: bool) -> None:
    """The verb performs the act the noun names ("held talks", "ruled out cooperation") or wants
    or sees it: "not looking for a confrontation", "didn't detect any cooperation" deny it."""
    s.carried = combining or (governing_entry is not None and governing_entry.family == entry.family) or \
        g in lex.cue("desire_verbs") | lex.cue("commitment_verbs") | lex.cue("perception_verbs") \
        | lex.cue("participation_verbs") or noun.head.head.lower_ in lex.cue("openness_adjectives")
    if s.carried and g in lex.cue("participation_verbs") and _anothers_act(index, s):
        s.carried = False  # "Russia is not involved in the hostility of Washington": Washington's stands
    if not s.own and (combining and noun.dep_ != "pobj" or not doer_named_unknown(noun, index)):
        _inherited_doers(lex, index, s, combining)
    if s.inherited and len(s.own) >= 2 and entry.symmetric and _pressed_for(governing_entry):
        s.own, s.inherited, s.pressed = [], False, True  # "Egypt and Qatar called for a ceasefire": others
    if not s.targets:
        for obj in object_tokens(s.governor, verb_target_preps(entry.family)):
            if obj.i != noun.i:
                s.targets.extend(a for a in actors_of(obj, index) if a not in s.targets and a not in s.own)
                s.arg_tokens |= span_tokens(obj)
    # "launched strikes"; not "retaliate against tariffs", nor another's act ("blocked EU sanctions")
    if governing_entry is not None and governing_entry.family == entry.family and g not in {"agree", "accept"} \
            and not {g, verb_phrase(s.governor)} & (lex.cue("denials") | lex.cue("negating_verbs")
                                                    | lex.cue("exchange_verbs")) \
            and noun.dep_ != "pobj" and not _anothers_act(index, s):
        s.stance = f"{g} {noun.lemma_.lower()}"


def _outside_named_pair(noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """Whether the noun names its own pair ("the dispute between X and Y") and the governing
    verb's subject is none of it: a court ruling on it, not "Russia saw no cooperation between
    Moscow and Washington" (Russia's own, denied)."""
    if len(s.pair) < 2 or not any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children):
        return False
    subj_tok = subject_token(s.governor)[0]
    doers = {party_key(a) for a in actors_of(subj_tok, index)} if subj_tok is not None else set()
    return bool(doers) and not doers & {party_key(a) for a in s.pair}


def _pressed_for(governing_entry: StanceEntry | None) -> bool:
    """Whether the governing verb appeals for or demands the act of others ("called for",
    "urged", "demanded"): its doers want the act; they do not do it together."""
    group = stance_groups.read(governing_entry.stance).group if governing_entry is not None else None
    return group is not None and group.name in {"appeal", "demand"}


def _anothers_act(index: MentionIndex, s: NounClaim) -> bool:
    """Whether the noun's own phrase names doers none of whom is the governing verb's subject
    (or passive subject: "Russia is involved in")."""
    subj_tok = next((c for c in s.governor.children if c.dep_ == "nsubjpass"), None) or subject_token(s.governor)[0]
    joining = {a["id"] for a in actors_of(subj_tok, index)} if subj_tok is not None else set()
    return bool(s.own) and bool(joining) and not joining & {a["id"] for a in s.own}


def _inherited_doers(lex: StanceLexicon, index: MentionIndex, s: NounClaim, combining: bool) -> None:
    """"Washington ruled out cooperation between the two": Washington acts, the other member
    of the pair is whom it acts toward."""
    subj_tok = _participant(lex, s.governor) or subject_token(s.governor)[0]
    doers = actors_of(subj_tok, index) if subj_tok is not None else []
    if not doers or (s.pair and not combining):
        return
    s.stated = combining and subj_tok.pos_ != "PRON"
    s.own, s.inherited = doers, True
    s.arg_tokens |= span_tokens(subj_tok)
    if s.pair:
        keys = {party_key(a) for a in s.own}
        s.targets.extend(a for a in s.pair if party_key(a) not in keys)
        s.pair = []


def _broken_down(lex: StanceLexicon, noun: Token, entry: StanceEntry, s: NounClaim) -> None:
    """"Talks between Armenia and Azerbaijan broke down": a cooperation that ends."""
    if entry.family == "cooperation" and noun.dep_ in {"nsubj", "nsubjpass"} and \
            lex.verb_lemma(noun.head) in lex.cue("breakdown_verbs"):
        s.family, s.stance = "conflict", f"{noun.lemma_.lower()} {lex.verb_lemma(noun.head)}"


def _pair_parties(noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim, split: bool = True) -> None:
    """The pair's first member acts toward the rest ("talks between X and Y"); a symmetric
    act's parties split likewise (unless `split` is False), or meet its appositive: "Moscow's
    ally, Tehran"."""
    if s.pair:
        if not s.own and len(s.pair) >= 2:
            s.own, s.targets = s.pair[:1], s.pair[1:] + [t for t in s.targets if t not in s.pair]
        else:
            s.targets.extend(a for a in s.pair if a not in s.targets and a not in s.own)
    s.own = distinct(s.own)
    if len(s.own) >= 2 and entry.symmetric and not s.targets and not s.holders_only and split:
        s.own, s.targets = s.own[:1], s.own[1:]  # the parties; "on Syria" is then the topic
    if entry.symmetric and s.own and not s.targets:
        for child in noun.children:
            if child.dep_ == "appos":
                s.targets = [a for a in actors_of(child, index) if a not in s.own]


def _left_together(lex: StanceLexicon, noun: Token, s: NounClaim) -> bool:
    """"Chile, Peru and Bolivia withdrew from the treaty": doers who leave an agreement
    together leave it as one side, not toward each other (as "X and Y suspended talks" do)."""
    governor = s.governor
    if not s.inherited or governor is None or len(s.own) < 2:
        return False
    verb = lex.verb_lemma(governor)
    if verb in lex.cue("leaving_verbs") and noun.dep_ == "dobj":
        return True  # "quit the alliance"
    return verb in lex.cue("terminators") and noun.dep_ == "pobj" and noun.head.lower_ in {"from", "of"} \
        and left_agreement(lex, governor)  # "withdrew from", "pulled out of"


def _implicit_parties(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex,
                      s: NounClaim) -> None:
    """"In turn, the cooperation may become a basis ...": the parties the text is about."""
    if not s.own and not s.targets and entry.symmetric and entry.family != "neutral" and \
            noun.lemma_.lower() not in lex.cue("unanchored_nouns") and \
            not owned(noun) and not s.pressed:  # "its soft diplomacy": someone's own
        parties = implicit_parties(noun, index, truce=stance_groups.is_truce(s.stance))
        s.own, s.targets, s.implicit = parties[:1], parties[1:], bool(parties)
        s.arg_tokens |= mention_tokens(parties, index.sentence_of(noun), index)


def _governed_polarity(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex,
                       s: NounClaim) -> None:
    """The governing verb and negation settle stance and polarity: "Petro rejected the
    accusation" (whoever last accused him), "there were no talks"."""
    if s.governor is not None:
        told = (s.family, s.stance, s.polarity)
        s.family, s.stance, s.polarity = governed(lex, noun, s.family, s.stance, s.polarity, s.governor)
        if s.governed_relations:
            # "suspended relations": the verb already made the relations a conflict (not twice)
            s.family, s.stance = told[:2]
        if s.stance == "reject" and told[1] != "reject" and s.own and not s.inherited:
            # "Peruvian demands were rejected by Chile": Peru's demands stand as made; the
            # rejection is Chile's (constructions.response_draft)
            s.family, s.stance, s.polarity = told
        if s.governor.dep_ == "xcomp" and (s.governor.lemma_.lower() in lex.cue("light_verbs") or s.governed_relations):
            # "failed to reach an agreement", "refused to restore ties": the verb above negates the act
            s.family, s.stance, s.polarity = governed(lex, s.governor, s.family, s.stance, s.polarity)
        if s.stance == "reject" and entry.stance == "accuse" and not s.targets and len(s.own) == 1:
            s.targets = index.accusers_of(s.own[0])
        _anothers_act_ended(noun, entry, index, s)
    if context.is_negated(noun, lex, local=not (s.carried or s.governed_relations)):  # "did not restore ties"
        s.polarity = "negative" if s.polarity == "positive" else "positive"


def _anothers_act_ended(noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim) -> None:
    """"Peru rejected Chilean mediation": a cooperation of one party that another rejects,
    opposes or ends is the other's act toward it (Peru rejects Chile's mediation, not Chile
    Peru's); "Chile suspended its cooperation with Peru" stays Chile's."""
    if s.governor is None or entry.family != "cooperation" or s.family != "conflict" or not s.own:
        return
    doer, _ = subject_token(s.governor)
    if doer is None and s.governor.lemma_.lower() in cue("stative_participles"):
        # "Israel is opposed to": a state of its own (the parser may hang "Peru" on "is")
        doer = passive_patient(s.governor) or subject_on_auxiliary(s.governor)
    doers = actors_of(doer, index) if doer is not None else []
    keys = {party_key(a) for a in s.own}
    if doers and not any(party_key(d) in keys for d in doers):
        s.own, s.targets = doers, s.own


def _participant(lex: StanceLexicon, governor: Token) -> Token | None:
    """"Troops are not involved in the clashes": the passive subject takes part in the act."""
    if lex.verb_lemma(governor) not in lex.cue("participation_verbs"):
        return None
    return next((c for c in governor.children if c.dep_ == "nsubjpass"), None)
