"""Who the parties of an event noun are where its phrase leaves them unsaid or mixed:
victims ("no Turkish casualties"), the one who comes under an act ("troops came under
fire"), the doer of a toll ("The strike caused no casualties"), forces that move ("the
withdrawal of its troops from Syria"), the one accused of it ("blamed Armenia for the
attack"), the adversary of its only party ("provocations by the Armenian side"), drills held
together ("joint drills", "French and Egyptian warships launched war games"), acts traded
("traded accusations"), a stance regarded ("X sees Y as a threat"), an act characterized
("condemned Iran's launch as a violation"), the one who claims responsibility for it ("ISIS
claimed responsibility for the attack"), the holder an act hangs on ("the US attitude of
animosity towards Iran") and the stance of "relations" ("warmer relations").
nouns.noun_draft runs these stages."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.objects import object_tokens
from claimcmp.pipeline.dep_labels import OWNER_DEPS, referred_back
from claimcmp.pipeline.drafts import noun_parties, noun_target_preps, span_tokens
from claimcmp.pipeline.mentions import MentionIndex, as_party, other_party, party_key
from claimcmp.pipeline.references import SINGULAR_POSSESSIVES, resolve_pronoun
from claimcmp.pipeline.subjects import subject_token
from claimcmp.pipeline.unsaid_doers import reactors


@dataclass
class NounClaim:
    """What noun_draft's stages settle in turn about one event noun, from its parties to its
    polarity: "Washington ruled out cooperation between the two" ends with own=[Washington]."""
    own: list[dict]
    arg_tokens: set[int]
    holders_only: bool  # "American and Russian allies": the allies of each, of someone unnamed
    family: str
    stance: str
    polarity: str = "positive"
    targets: list[dict] = field(default_factory=list)
    pair: list[dict] = field(default_factory=list)
    governor: Token | None = None
    inherited: bool = False  # the parties are the governing verb's subject's
    governed_relations: bool = False  # the governing verb made "relations" a stance ("suspended relations")
    stated: bool = False
    carried: bool = False  # the governing verb performs, wants or sees the act
    implicit: bool = False  # the parties are the ones the text is about
    pressed: bool = False  # several doers call for the act between others ("X and Y urged a truce")
    destinations: set[int] = field(default_factory=set)  # where forces move, for a movement noun


def adversary_target(noun: Token, index: MentionIndex, s: NounClaim, hostile: bool) -> None:
    """"Provocations by the Armenian side": a `hostile` act (ended or not: "Turkey will end
    the operation") is toward the one its doer was just told at odds with, not
    the one reacting to them ("Israel struck Gaza. Brazil condemned the Israeli strikes"). A
    group's rebellion is against the state it fights within (actors.jsonl "home"), whoever
    else the sentence names: "Rwanda and Congo are at odds over the M23 rebellion"."""
    home = _home_state(s) if s.stance == "rebel" and len(s.own) == 1 else None
    if home is not None:
        s.targets = [home]
        return
    if len(s.own) == 1 and not s.targets and (hostile or s.family == "conflict"):
        s.targets = index.adversary(noun, s.own[0], exclude=reactors(noun, index, spoken=True))
        s.implicit = s.implicit or bool(s.targets)


def _home_state(s: NounClaim) -> dict | None:
    from claimcmp.knowledge.gazetteer import country_actor, homes

    home = homes().get(s.own[0]["id"])
    state = country_actor(home) if home else None
    return {**state, "mention": ""} if state else None  # named by no word of the sentence


def held_together(entry: StanceEntry, s: NounClaim) -> bool:
    """"French and Egyptian warships launched war games": drills held by the forces of two
    countries and aimed at no one are held together, cooperation between them; True then."""
    countries = {a.get("country") or a["id"] for a in s.own}
    if entry.stance != "military drills" or s.family != "conflict" or s.targets or len(countries) < 2:
        return False
    s.family, s.stance = "cooperation", "joint exercise"
    return True


def destinations(noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim) -> None:
    """Where the act goes: the place forces move to or from, or the place visited."""
    if entry.stance in cue("visiting_stances"):
        visited_places(noun, index, s)
    else:
        moved_forces(noun, entry, index, s)


def visited_places(noun: Token, index: MentionIndex, s: NounClaim) -> None:
    """"Her visit to Moscow": the named place visited is whom (the target, as it is) and
    where it happens."""
    s.destinations = {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "in"}
                      for t in c.subtree if t.dep_ in {"pobj", "conj"} and t.i in index.place_at}


def moved_forces(noun: Token, entry: StanceEntry, index: MentionIndex, s: NounClaim) -> None:
    """A movement noun: where forces move ("the withdrawal of its troops from Syria": a named
    place or a place noun) is no party, and the forces' owner moves them."""
    if entry.family != "neutral" or entry.stance not in cue("movement_stances"):
        return
    places = cue("place_nouns")
    # the place may hang on the forces: "the withdrawal of invasion forces from Panama"
    s.destinations = {t.i for c in noun.subtree if c.dep_ == "prep" and c.lower_ != "of" for t in c.subtree
                      if t.dep_ in {"pobj", "conj"}
                      and (t.i in index.place_at or t.pos_ == "NOUN" and t.lemma_.lower() in places)}
    where = {a.get("country") or a["id"] for i in s.destinations if i in index.actor_at
             for a in [index.actor_dict(index.actor_at[i])]}
    s.own = [a for a in s.own if (a.get("country") or a["id"]) not in where]
    if not s.own:
        s.own = [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj" for a in actors_of(p, index)
                 if (a.get("country") or a["id"]) not in where]  # "forces from Panama" leave it


def victims(noun: Token, index: MentionIndex, s: NounClaim) -> None:
    """A noun naming those an act befell: its modifiers are the target, actors further in its
    phrase the doer ("no American casualties from the Syrian shelling")."""
    victims = [a for c in noun.children if c.dep_ in {"poss", "amod", "compound"} for a in actors_of(c, index)]
    s.own, s.targets = [a for a in s.own if a not in victims], victims


def toll_of_armed_act(noun: Token, index: MentionIndex, s: NounClaim) -> None:
    """A toll with no doer is that of the latest armed act told just before: "Iran fired
    missiles at the base. The strike caused no casualties" (Iran killed no one of the US);
    "no American casualties" after it only when the Americans were its target."""
    pair = index.last_armed_pair(noun)
    if not pair:
        return
    doer, target = pair
    named = s.targets or s.pair  # "no casualties among American troops": a between-word's
    if named and party_key(target) not in {party_key(as_party(a) or a) for a in named}:
        return
    s.own, s.targets, s.pair, s.implicit = [doer], named or [target], [], True


def accused_of(lex: StanceLexicon, noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """"Azerbaijan blamed Armenia for the attack on its soldiers", "Iran was blamed for the
    attack": the one blamed did the act, toward the accuser unless the noun names another;
    False if the noun is no such act."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"of", "for"} or s.own:
        return False
    verb = noun.head.head
    if verb.pos_ != "VERB" or lex.verb_lemma(verb) not in lex.cue("accusing_verbs"):
        return False
    accused = next((c for c in verb.children if c.dep_ == "dobj"), None) or \
        next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    doers = actors_of(accused, index) if accused is not None else []
    if not doers:
        return False
    s.own, s.arg_tokens = doers, s.arg_tokens | span_tokens(accused)
    if not s.targets:
        accuser = subject_token(verb)[0]
        keys = {party_key(as_party(a) or a) for a in doers}
        s.targets = [a for a in (actors_of(accuser, index) if accuser is not None else [])
                     if party_key(as_party(a) or a) not in keys]
    return True


def joint_exercise(noun: Token, entry: StanceEntry) -> StanceEntry:
    """Joint drills, patrols or exercises are cooperation between those who hold them
    ("Japan and Australia held joint naval drills"), whatever the drills are against."""
    if entry.family == "conflict" and any(c.lower_ in JOINT_MODIFIERS for c in noun.children):
        return StanceEntry(entry.lemma, entry.pos, f"joint {noun.lemma_.lower()}", "cooperation", True)
    return entry


# "joint drills", "combined exercises", "bilateral patrols": held together
JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral"})


def regarded_as(lex: StanceLexicon, noun: Token, governor: Token | None,
                index: MentionIndex) -> tuple[list[dict], list[dict], set[int]] | None:
    """'X considers Y to be an ally' / 'X sees Y as a threat': (X's actors, Y's actors, tokens)."""
    if governor is None or noun.dep_ != "attr" or governor.lemma_ != "be" or \
            governor.dep_ not in {"ccomp", "xcomp"} or \
            lex.verb_lemma(governor.head) not in lex.cue("regarding_verbs"):
        return None
    seen = next((c for c in governor.children if c.dep_ == "nsubj"), None)
    holder, _ = subject_token(governor.head)
    if seen is None or holder is None:
        return None
    doers, whom = actors_of(holder, index), actors_of(seen, index)
    if not doers or not whom:
        return None
    return doers, whom, span_tokens(holder) | span_tokens(seen)


def exchanged(lex: StanceLexicon, noun: Token) -> bool:
    """Acts traded between the doers are mutual: "Peru and Chile traded accusations"."""
    return noun.dep_ == "dobj" and lex.verb_lemma(noun.head) in lex.cue("exchange_verbs")


def elicited(lex: StanceLexicon, noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """A reaction an act drew from someone: "The Peruvian strike drew condemnation from
    Bolivia" is Bolivia's, toward whoever struck; from no one named ("drew condemnation
    across Latin America") it is still toward the drawer, never the drawer's own. True when
    read so."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ != "VERB" or lex.verb_lemma(verb) not in lex.cue("eliciting_verbs"):
        return False
    givers = [a for o in object_tokens(noun, {"from"}) + object_tokens(verb, {"from"}) for a in actors_of(o, index)]
    subj, _ = subject_token(verb)
    if subj is None:
        return False
    drawn_by = lex.noun(subj.lemma_)  # "The Peruvian attack drew ...": the attack's own doer
    drawer = actors_of(subj, index) or (noun_parties(subj, drawn_by, index).own if drawn_by is not None else [])
    if not drawer and drawn_by is not None and drawn_by.family == "conflict" and referred_back(subj):
        # "Peru struck Arica. The strike drew criticism from Bolivia": the strike told before
        drawer = index.doer_of(subj, drawn_by.stance, armed=drawn_by.stance in lex.cue("armed_stances"))
    s.own = givers or s.own  # its own phrase may name them: "condemnation by the EU"
    s.targets = [a for a in drawer if a not in s.own]
    return True


def qualified_relations(lex: StanceLexicon, noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """'relations' carry a stance only when qualified ("warmer relations"); False if not.
    "Moscow is likely to explore ways of improving relations": with its usual partner."""
    family = _relations_family(lex, noun, s.governor)
    if family is None:
        return False
    s.family = family
    s.governed_relations = family != _relations_family(lex, noun, None)
    if len(s.own) == 1 and not s.targets and not s.pair:
        partner = other_party(index.last_pair(noun, earlier_sentences=True), s.own[0])
        s.targets = [partner] if partner is not None else []
    return True


def holder_parties(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex,
                   s: NounClaim) -> None:
    """"The US attitude of animosity towards Iran": the holder's phrase names whom. A holder
    naming those an act befell names its target: "American casualties from the strikes"
    (the strikes were on the Americans; by whom, toll_of_armed_act's rule tells)."""
    if s.own:
        return
    s.own, holder = _holder(noun, index)
    if holder is not None and holder.lemma_.lower() in lex.cue("report_nouns") | lex.cue("allegation_nouns"):
        s.own = []  # "US reports of casualties": the reporter is no party to what is reported
        return
    if s.own and _names_victims(lex, holder):
        if not s.targets:
            s.targets = s.own
        s.own = []
        if entry.family == "conflict":
            toll_of_armed_act(noun, index, s)
        return
    if s.own and not s.targets and holder is not None:
        s.targets = [a for o in object_tokens(holder, noun_target_preps(entry.family) - {"of"})
                     for a in actors_of(o, index) if a not in s.own]


def _names_victims(lex: StanceLexicon, holder: Token | None) -> bool:
    entry = lex.noun(holder.lemma_) if holder is not None else None
    return entry is not None and entry.owner == "target"


def _holder(noun: Token, index: MentionIndex) -> tuple[list[dict], Token | None]:
    """'Russian experts at the talks with the Americans': the actor noun the act hangs on."""
    tok = noun
    for _ in range(2):
        if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
            return [], None
        tok = tok.head.head
        if tok.pos_ in {"NOUN", "PROPN"}:
            found = actors_of(tok, index, expand_conj=False)
            for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                found += [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, index)]
            if found:
                return found, tok  # "the position of the Russian experts at the talks"
    return [], None


def _relations_family(lex: StanceLexicon, noun: Token, governor: Token | None) -> str | None:
    """'relations'/'ties' carry a stance only through what qualifies them:
    "warmer relations", "relations deteriorated", "ties are strained", "sever ties"."""
    words = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        head = noun.head
        words |= {c.lower_ for c in head.children if c.dep_ in {"acomp", "attr", "oprd"}}
        if lex.verb_lemma(head) in lex.cue("worsening_verbs"):
            return "conflict"
        if lex.verb_lemma(head) in lex.cue("improving_verbs"):
            return "cooperation"
    if governor is not None:
        g = lex.verb_lemma(governor)
        if g in lex.cue("terminators") or g in lex.cue("worsening_verbs"):
            return "conflict"
        if g in lex.cue("improving_verbs"):
            return "cooperation"
        verb = lex.verb(g)
        if verb is not None and verb.family != "neutral":
            return verb.family
    absent = any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)  # "no diplomatic relations"
    if words & (lex.cue("warm_words") | lex.cue("partnership_kinds")) or absent and words & lex.cue("formal_ties"):
        return "cooperation"  # "warmer relations", "military ties"
    if words & lex.cue("cold_words"):
        return "conflict"
    return None


def came_under(noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """"Israeli troops came under fire near Jenin", "the convoy was under attack": the
    clause's subject undergoes the act (its doer is named after "from" or "by", or not at
    all), it does not do it."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head.lemma_.lower() not in cue("undergoing_predicates"):
        return False
    if not s.own:  # "came under fire from Pakistan", the parser hanging "from" on the verb
        doers = object_tokens(prep.head, {"from", "by"})
        s.own = [a for o in doers for a in actors_of(o, index)]
        s.arg_tokens |= {t for o in doers for t in span_tokens(o)} if s.own else set()
    subj = subject_token(prep.head)[0]
    s.targets = [a for a in (actors_of(subj, index) if subj is not None else []) if a not in s.own] or s.targets
    return True


def characterized(noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """"Seoul condemned North Korea's launch as a violation of UN resolutions": what an act
    is called is its doer's act (the launch's owner), not the caller's. False when the act
    named so has no doer named (the call is the claim then: "condemned the launch as ...")."""
    if s.own or noun.dep_ != "pobj" or noun.head.lower_ != "as" or noun.head.head.pos_ != "VERB":
        return True
    obj = next((c for c in noun.head.head.children if c.dep_ == "dobj"), None)
    if obj is None:
        return True
    s.own = [a for c in obj.children if c.dep_ in OWNER_DEPS for a in actors_of(c, index)] or actors_of(obj, index)
    s.targets = [a for a in s.targets if a not in s.own]
    return bool(s.own)


def pronoun_owner(noun: Token, index: MentionIndex, s: NounClaim) -> None:
    """An act with no doer around it is the one its singular possessive names: "Iran said its
    strike on the bases was a success"; not an act that is the means of another ("challenges
    Washington through its diplomacy"), nor "their", maybe a pair ("mediate in their dispute")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in SINGULAR_POSSESSIVES), None)
    means = noun.dep_ == "pobj" and noun.head.lower_ in cue("means_preps")
    if not s.own and not means and owner is not None:
        s.own = [a for a in resolve_pronoun(owner, index)[:1] if a not in s.targets]


def responsibility_taken(lex: StanceLexicon, noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """"The Houthis claimed responsibility for the attack": who takes responsibility for an
    act did it ("denied responsibility": says it did not; the verb's reading settles that).
    True when read so."""
    if s.own or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return False
    holder = noun.head.head
    if holder.pos_ == "VERB":  # "claimed responsibility for", the parser hanging "for" on the verb
        holder = next((c for c in holder.children if c.dep_ == "dobj"), holder)
    verb = holder.head
    if holder.lemma_.lower() not in lex.cue("responsibility_nouns") or verb.pos_ != "VERB":
        return False
    taker = subject_token(verb)[0]
    s.own = actors_of(taker, index) if taker is not None else []
    s.governor = verb if s.own else None
    return bool(s.own)


def behind_it(noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """"Washington believes Iran was behind the attack": who is behind an act did it, as the
    verb "be" states it (negated with it: "Iran was not behind the attack"). True when read so."""
    if s.own or noun.dep_ != "pobj" or noun.head.lower_ != "behind" or noun.head.head.lemma_ != "be":
        return False
    doer = subject_token(noun.head.head)[0]
    s.own = actors_of(doer, index) if doer is not None else []
    if s.own:
        s.governor, s.carried, s.stated = noun.head.head, True, doer.pos_ != "PRON"
    return bool(s.own)


def exempted_from(lex: StanceLexicon, noun: Token, index: MentionIndex, s: NounClaim) -> bool:
    """"Washington granted Hungary an exemption from sanctions on Russian energy": the measure
    one is exempted from (cue exemption_nouns) is the granter's, toward whom its own phrase
    names; the exempted party is neither its doer nor, unnamed, its target ("a waiver from
    the steel tariffs" names none: no claim). True when read so."""
    holder = noun.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ != "from" or holder.lemma_.lower() not in lex.cue("exemption_nouns"):
        return False
    granting = holder.dep_ == "dobj" and lex.verb_lemma(holder.head) in lex.cue("giving_verbs")
    granter = subject_token(holder.head)[0] if granting and not s.own else None
    s.own = s.own or (actors_of(granter, index) if granter is not None else [])
    if not s.own or not s.targets:
        s.own, s.targets = [], []  # "won an exemption from EU sanctions": on whom, unsaid
    return True


def toll_victims(lex: StanceLexicon, noun: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"The Russian strike resulted in the deaths of 12 Ukrainian civilians", "Chilean shelling
    caused the deaths of Peruvian soldiers": an act that caused a toll (cue causing_verbs, cue
    toll_nouns) is toward the victims' side."""
    verb = noun.head
    if noun.dep_ != "nsubj" or lex.verb_lemma(verb) not in lex.cue("causing_verbs"):
        return []
    tolls = [o for o in object_tokens(verb, {"to", "in"}) if o.lemma_.lower() in lex.cue("toll_nouns")]
    keys = {party_key(a) for a in doers}
    return [a for t in tolls for o in object_tokens(t, {"of", "among"}) for a in actors_of(o, index)
            if party_key(as_party(a) or a) not in keys]
