"""Which stance a word carries: the lexicon entry of a verb (with the constructions that
make a stance of a neutral verb: "stop X from V-ing", "charged that ...", "leave Syria"),
whether an event-noun object carries the claim instead, and how a governing verb that
ends, refuses or denies an act changes it."""
from __future__ import annotations

import contextlib
import contextvars
from dataclasses import replace

from spacy.tokens import Token

from claimcmp import extensions as ext
from claimcmp.knowledge import stance_groups
from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon
from claimcmp.pipeline.evaluations import evaluation_entry
from claimcmp.pipeline.subjects import subject_token
from claimcmp.pipeline.arguments import hyphened_to
from claimcmp.pipeline.drafts import has_modifier, verb_phrase
from claimcmp.pipeline.dep_labels import OWNER_DEPS, counted


# (doc, lexicon, token index -> entry) of the doc whose claims are being read (reading_doc):
# the claims ask for one verb's entry up to five times; the answer depends on the doc alone.
_READING: contextvars.ContextVar[tuple | None] = contextvars.ContextVar("claimcmp_verb_entries", default=None)


@contextlib.contextmanager
def reading_doc(doc, lex: StanceLexicon):
    """verb_entry answers each of doc's tokens once in the block (the claim extractor's call
    on it: the doc is not changed meanwhile); the answers go when the block ends."""
    token = _READING.set((doc, lex, {}))
    try:
        yield
    finally:
        _READING.reset(token)


def verb_entry(lex: StanceLexicon, verb: Token) -> StanceEntry | None:
    reading = _READING.get()
    if reading is None or reading[0] is not verb.doc or reading[1] is not lex:
        return _verb_entry(lex, verb)
    known = reading[2]
    i = verb.i
    if i not in known:
        known[i] = _verb_entry(lex, verb)
    return known[i]


def _verb_entry(lex: StanceLexicon, verb: Token) -> StanceEntry | None:
    lemma = lex.verb_lemma(verb) if verb.pos_ != "PROPN" else verb.lower_
    if _deployed_to_border(verb, lemma, lex):
        return StanceEntry(lemma, "VERB", "build up troops", "conflict", False)
    # "called the strikes illegal" judges them (not "call strike"); "joined forces" is phrasal
    fixed = evaluation_entry(lex, verb) or _hyphened_entry(lex, verb, lemma) or _phrasal_entry(lex, verb, lemma) \
        or _incursion_entry(lex, verb, lemma) or _answering_entry(lex, verb, lemma)
    if fixed is not None:
        return fixed
    entry = lex.verb(lemma)
    if entry is not None and entry.unless and _acts_on(verb) & set(entry.unless):
        return None  # "released a statement", "without compromising its sovereignty"
    if entry is not None and lemma in lex.cue("commitment_verbs") | lex.cue("helping_verbs") and \
            any(c.dep_ == "xcomp" for c in verb.children) and not _helps_someone(lex, verb, lemma):
        return None  # "pledged not to attack", "helped mediate a truce": the act pledged or helped is the claim
    if entry is None and lemma in lex.cue("buildup_verbs") and verb.pos_ == "VERB":
        # "doubled its forces", "NATO troops near the border tripled": a build-up
        dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if counts_forces(dobj, lex) or counts_forces(subject_token(verb)[0], lex):
            return StanceEntry(lemma, "VERB", "build up troops", "conflict", False)
    if lemma in lex.cue("hindering_verbs") and verb.pos_ == "VERB" and \
            any(c.dep_ == "dobj" for c in verb.children) and \
            any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children)
                for c in verb.children):
        return StanceEntry(lemma, "VERB", "block", "conflict", False)  # "stop Iran from entrenching"
    if entry is None and lemma in lex.cue("allegation_verbs") and verb.pos_ == "VERB" and \
            any(c.dep_ == "ccomp" for c in verb.children):
        return StanceEntry(lemma, "VERB", "accuse", "conflict", False)  # "charged that Washington ..."
    if entry is None and lemma in lex.cue("leaving_verbs") and verb.pos_ == "VERB":
        # "no plan to leave Syria": leaving a country is a withdrawal from it
        places = verb.doc.spans[ext.PLACES] if ext.PLACES in verb.doc.spans else []
        if any(c.dep_ == "dobj" and any(p.start <= c.i < p.end and (p._.claimcmp_region or {}).get("kind")
                                        == "country" for p in places) for c in verb.children):
            return StanceEntry(lemma, "VERB", "withdraw", "neutral", False)
    return entry


def _phrasal_entry(lex: StanceLexicon, verb: Token, lemma: str) -> StanceEntry | None:
    """The entry of the verb with a particle, object or preposition: "joining forces", "called
    for", "take the island by force", "no targets were engaged" (passive subject)."""
    for child in verb.children:
        if child.dep_ in {"prt", "dobj", "advmod", "prep", "nsubjpass"} and not _opens_connective(lex, child) \
                and not _idle_by(child):
            if child.lemma_.lower() in lex.cue("quantity_nouns") and child.dep_ != "prep":
                child = counted(child)  # "swap hundreds of prisoners": the prisoners are swapped
            phrasal = lex.verb(f"{lemma} {child.lower_}") or lex.verb(f"{lemma} {child.lemma_.lower()}")
            if phrasal is not None:
                return _appeal(lex, child, phrasal)
            if child.dep_ == "prep":
                phrasal = next((lex.verb(f"{lemma} {child.lower_} {p.lemma_.lower()}") for p in child.children
                                if p.dep_ == "pobj" and lex.verb(f"{lemma} {child.lower_} {p.lemma_.lower()}")), None)
                if phrasal is not None:
                    return phrasal
    return None


def _helps_someone(lex: StanceLexicon, verb: Token, lemma: str) -> bool:
    """"Russia helped Syria defeat the rebels": help given to a party named as its object."""
    if lemma not in lex.cue("helping_verbs"):
        return False
    helped = [c for c in verb.children if c.dep_ == "xcomp"]
    # ... or to an act the lexicon does not tell: "pledged to help rebuild Syria"
    return any(c.dep_ in {"dobj", "dative"} for c in verb.children) or not any(
        lex.verb(lex.verb_lemma(h)) for h in helped) or any(  # "helped Chile defeat": Chile its subject
        c.dep_ == "nsubj" for h in helped for c in h.children)


def _hyphened_entry(lex: StanceLexicon, verb: Token, lemma: str) -> StanceEntry | None:
    """"North Korea test-fired a missile": the verb with the word the tokenizer split off
    before its hyphen ("test-fire" is a test, not an attack)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != "-" or doc[verb.i - 2].head.i != verb.i:
        return None
    return lex.verb(f"{doc[verb.i - 2].lower_}-{lemma}")


def _idle_by(prep: Token) -> bool:
    """"Rwanda will not stand by while ...": a "by" that governs nothing tells of standing
    idle, not of standing by someone."""
    return prep.dep_ == "prep" and prep.lower_ == "by" and not any(c.dep_ in {"pobj", "pcomp"} for c in prep.children)


def _opens_connective(lex: StanceLexicon, prep: Token) -> bool:
    """"closed the border in response to Peru's moves": a preposition that opens a fixed
    phrase (cue connective_phrases) is no particle of the verb ("close in" attacks)."""
    return prep.dep_ == "prep" and any(
        f"{prep.lower_} {noun.lemma_.lower()} {after.lower_}" in lex.cue("connective_phrases")
        for noun in prep.children if noun.dep_ == "pobj" for after in noun.children if after.dep_ == "prep")


def _incursion_entry(lex: StanceLexicon, verb: Token, lemma: str) -> StanceEntry | None:
    """"Russian jets strayed into Estonian airspace", "sent warplanes into Taiwan's airspace",
    "drones crossed Moldovan airspace": moving into, over or across a state's own space (its
    adjective, possessive or name on the noun) is entering it, as the lexicon's "enter
    airspace" reads (cue incursion_verbs)."""
    if lemma not in lex.cue("incursion_verbs") or verb.pos_ != "VERB":
        return None
    spaces = [(c, "") for c in verb.children if c.dep_ == "dobj"] + \
        [(p, f" {c.lower_}") for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.cue("incursion_preps")
         for p in c.children if p.dep_ == "pobj"]
    if _forces_moved(lex, verb) and any(space.ent_type_ == "GPE" for space, _ in spaces):
        return replace(lex.verb("enter territory"), lemma=f"{lemma} territory")  # "troops crossed into Sudan"
    for space, prep in spaces:
        entered = lex.verb(f"enter {space.lemma_.lower()}")
        owned = any(c.dep_ in OWNER_DEPS and c.pos_ in {"PROPN", "ADJ", "PRON"} for c in space.children)
        if entered is not None and owned:
            return replace(entered, lemma=f"{lemma}{prep} {space.lemma_.lower()}")
    return None


def _forces_moved(lex: StanceLexicon, verb: Token) -> bool:
    """Whether the verb's subject is armed forces ("Ethiopian troops", cue military_objects)."""
    subject = subject_token(verb)[0]
    return subject is not None and subject.lemma_.lower() in lex.cue("military_objects")


def _anothers_named_act(verb: Token, noun: Token) -> bool:
    """Whether a name before the act noun ("EU sanctions", "Russia's offensive") names a party
    the verb's subject does not."""
    owners = [c for c in noun.children if c.dep_ in OWNER_DEPS and c.ent_type_ in {"GPE", "NORP", "ORG"}]
    subject = subject_token(verb)[0]
    if not owners or subject is None or subject.pos_ != "PROPN":
        return False
    return not any(o.lower_ in {t.lower_ for t in subject.subtree} for o in owners)


def _answering_entry(lex: StanceLexicon, verb: Token, lemma: str) -> StanceEntry | None:
    """"Israel vowed to respond to the Iranian attack", "China will respond to the new
    tariffs": answering a material hostile act (cues response_verbs, answered_act_groups) is
    retaliating against its doer; answering accusations, a demand or an offer is replying."""
    if lemma not in lex.cue("response_verbs") or verb.pos_ != "VERB":
        return None
    answered = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "for"}
                for p in c.children if p.dep_ == "pobj"]
    if not any(_material_hostile_act(lex, noun) for noun in answered):
        return None
    return StanceEntry(lemma, "VERB", "retaliate", "conflict", False)


def _material_hostile_act(lex: StanceLexicon, noun: Token) -> bool:
    """A noun the lexicon reads as an attack, a killing, fighting, sanctions or a show of force."""
    entry = lex.noun(noun.lemma_)
    if entry is None or entry.family != "conflict" or entry.requires and not has_modifier(noun, entry.requires):
        return False
    return stance_groups.group_name(entry.stance) in lex.cue("answered_act_groups")


def _appeal(lex: StanceLexicon, particle: Token, entry: StanceEntry) -> StanceEntry:
    """"Called for restraint", "called for talks" appeal (cooperation, as the annotation guide
    reads appeals) where "called for the withdrawal" demands."""
    calm = any(p.dep_ == "pobj" and (p.lemma_.lower() in lex.cue("restraint_nouns") or _cooperative(lex, p))
               for p in particle.children)
    return StanceEntry(entry.lemma, entry.pos, "appeal", "cooperation", False) \
        if entry.stance == "demand" and calm else entry


def _cooperative(lex: StanceLexicon, noun: Token) -> bool:
    """A cooperation noun of the lexicon that needs no qualifier: "talks", "dialogue"."""
    entry = lex.noun(noun.lemma_)
    return entry is not None and entry.family == "cooperation" and not entry.requires


def _acts_on(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on: its object, passive subject, "on" object, or the noun a
    participle qualifies ("a statement released by her office")."""
    found = {c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}}
    found |= {p.lemma_.lower() for c in verb.children if c.dep_ == "prep" and c.lower_ == "on"
              for p in c.children if p.dep_ == "pobj"}  # "without compromising on its sovereignty"
    found |= {c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp"
              and any(g.dep_ == "auxpass" for g in c.children)}  # "asked not to be named"
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN":
        found.add(verb.head.lemma_.lower())
    return found


def covered_by_noun(lex: StanceLexicon, verb: Token, entry: StanceEntry) -> bool:
    """True when an event-noun object carries the claim ("suspend cooperation")."""
    lemma = lex.verb_lemma(verb)
    # "expanded sanctions", "stepped up its drills": the act intensified is the claim
    combining = lex.cue("light_verbs") | lex.cue("terminators") | lex.cue("concessions") | lex.cue("denials") \
        | lex.cue("intensifying_verbs")
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in lex.cue("responsibility_nouns"):
            # "denied responsibility for the attack": the attack claim carries the denial
            if any(lex.noun(p.lemma_) for prep in child.children if prep.dep_ == "prep"
                   for p in prep.children if p.dep_ == "pobj"):
                return True
        if child.dep_ in {"dobj", "attr", "nsubjpass"}:
            noun = lex.noun(child.lemma_)
            if noun is None and lemma in combining:
                noun = _compound_act(lex, child)  # "suspend propaganda broadcasts" (not "ban opposition candidates")
            if noun is None or (noun.requires and not has_modifier(child, noun.requires)):
                continue
            if lemma in lex.cue("reaction_verbs") or evaluation_entry(lex, verb) is not None:
                continue  # "condemned the drills", "called the drills illegal": a claim of its own
            if lemma in lex.cue("pressing_verbs") and noun.family == "neutral":
                continue  # "demanded the withdrawal of the troops": so is the demand
            if entry.family == "conflict" and _anothers_named_act(verb, child):
                continue  # "Hungary blocked EU sanctions": the EU's act, Hungary's block of it
            if lemma in combining or noun.family in {entry.family, "neutral"}:
                return True
    return False


def _compound_act(lex: StanceLexicon, noun: Token):
    """The stance noun a compound before the object names: the act of "propaganda broadcasts"."""
    return next((entry for c in noun.children if c.dep_ == "compound"
                 for entry in [lex.noun(c.lemma_)] if entry is not None and not entry.requires), None)


def governed(lex: StanceLexicon, word: Token, family: str, stance: str, polarity: str,
                           governor: Token | None = None) -> tuple[str, str, str]:
    """A stance word under a verb that ends, refuses or denies it ("refused to cooperate");
    `governor`, when given, is that verb as the noun reading found it."""
    if word.dep_ == "pobj" and word.head.lower_ in lex.cue("circumstance_preps"):
        return family, stance, polarity  # "halted the drills after the talks": the talks go on
    if governor is None:
        governor = word.head
        if word.dep_ == "acl" and governor.pos_ == "NOUN" and governor.lemma_.lower() in lex.cue("negating_nouns"):
            return _refused_by_noun(family, stance, polarity)
        if word.dep_ not in {"xcomp", "pcomp", "dobj", "pobj"} or governor.i == word.i:
            return family, stance, polarity
        if word.dep_ == "pobj" or word.dep_ == "pcomp" and governor.pos_ == "ADP":
            governor = governor.head  # "refrained from attacking": the verb above "from"
    g, phrase = lex.verb_lemma(governor), verb_phrase(governor)
    names = {g, phrase}  # "halt", or "call off": a cue may list either
    if governor.pos_ == "ADV" and governor.dep_ == "advmod" and governor.head.pos_ == "VERB":
        # "stopped short of blaming": the verb with the adverb, a cue may list the pair
        g = phrase = f"{lex.verb_lemma(governor.head)} {governor.lower_}"
        names = {phrase}
    flipped = f"{phrase} {word.lemma_.lower()}"
    ends = bool(names & lex.cue("terminators"))
    if family == "neutral" and ends and word.dep_ in {"xcomp", "dobj"}:
        return "conflict", flipped, polarity  # "refused to deploy", "called off the visit"
    if family == "cooperation" and ends:  # "walked away from the talks"
        return "conflict", flipped, polarity
    if family == "conflict" and g in lex.cue("denials") and \
            stance in lex.cue("rejectable_stances"):
        return "conflict", "reject", polarity  # "rejected the accusations"
    if family == "conflict" and names & lex.cue("hostility_enders"):
        # "halted the offensive"; "refused to halt the offensive": the halt refused
        return _governed_again(lex, governor, "cooperation", flipped, polarity)
    if names & lex.cue("negating_verbs") and (family == "conflict" or g in lex.cue("any_act_negators")):
        # "stopped fighting", "denied attacking", "did not hesitate to warn", "were unable to
        # agree", "ruled out military action"
        return family, stance, "negative" if polarity == "positive" else "positive"
    if family == "conflict" and names & lex.cue("concessions"):
        # "lifted the sanctions"; "refused to lift the curfew": the lifting refused
        return _governed_again(lex, governor, "cooperation", flipped, polarity)
    return family, stance, polarity


def _governed_again(lex: StanceLexicon, verb: Token, family: str, stance: str, polarity: str) -> tuple[str, str, str]:
    """An act a verb ended or conceded, read once more under what governs that verb: the
    cooperation of "lift the curfew" refused ("refused to lift the curfew") is a conflict."""
    if verb.dep_ != "xcomp":
        return family, stance, polarity
    return governed(lex, verb, family, stance, polarity)


def _refused_by_noun(family: str, stance: str, polarity: str) -> tuple[str, str, str]:
    """"its refusal to negotiate" refuses a cooperation (conflict, as "refused to
    negotiate"); "its failure to withdraw", "refusal to attack": the act, negative."""
    if family == "cooperation":
        return "conflict", "reject", polarity
    return family, stance, "negative" if polarity == "positive" else "positive"


def _deployed_to_border(verb: Token, lemma: str, lex: StanceLexicon) -> bool:
    """"Caracas sent troops to the border with Guyana", "moved tanks toward the Chilean border":
    forces moved up to a border named as shared or another's are a build-up there (whose border:
    places_hit.border_targets), not a neutral dispatch ("sent troops to Mali"), nor a move to a
    border of one's own ("deployed troops to its northern border under a deal with Washington")."""
    from claimcmp.pipeline.places_hit import BORDER_WORDS

    if lemma not in lex.cue("deploying_verbs") or verb.pos_ != "VERB":
        return False
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return counts_forces(dobj, lex) and any(
        t.lemma_.lower() in BORDER_WORDS and _named_as_anothers(t)
        for prep in verb.children if prep.dep_ in {"prep", "dative"} for t in prep.subtree)


def _named_as_anothers(border: Token) -> bool:
    """"the border with Guyana", "the Chilean border", "Peru's frontier": a name, not "its
    northern border"."""
    following = border.doc[border.i + 1] if border.i + 1 < len(border.doc) else None
    return following is not None and following.lower_ == "with" or any(
        c.dep_ in {"poss", "amod", "compound"} and c.pos_ in {"PROPN", "ADJ"} and c.text[:1].isupper()
        for c in border.children)  # the parser may hang "with Guyana" on the verb


def counts_forces(subject: Token | None, lex: StanceLexicon) -> bool:
    """'the number of NATO troops near Russian borders tripled': forces that grow."""
    if subject is None:
        return False
    military = lex.cue("military_objects")
    if subject.lemma_.lower() in military:
        return True
    return any(p.lemma_.lower() in military for of in subject.children if of.dep_ == "prep" and of.lower_ == "of"
               for p in of.children if p.dep_ == "pobj")


def named_operation_entry(lex: StanceLexicon, noun: Token) -> StanceEntry | None:
    """A named military operation, told by its name's head: "Israel launched Operation Rising
    Lion", "since India carried out Operation Sindoor" (the capitalised word of cue
    named_operation_words opens the name). The name is the modifier the entry requires."""
    if noun.pos_ != "PROPN" or noun.dep_ == "compound":
        return None
    name = [c for c in noun.children if c.dep_ in {"compound", "amod"} and c.i < noun.i]
    opener = name[0] if name else None
    if opener is None or not opener.is_title or opener.lower_ not in lex.cue("named_operation_words"):
        return None
    entry = lex.noun(opener.lower_)
    return replace(entry, requires=()) if entry is not None else None


def compound_entry(lex: StanceLexicon, tok: Token) -> StanceEntry | None:
    """An entry for the noun with the word before it: "a prisoner exchange", "arms sales"."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    if before is None or before.dep_ != "compound" or before.head.i != tok.i:
        return None
    return lex.noun(f"{before.lower_} {tok.lemma_.lower()}")


def hyphenated_entry(lex: StanceLexicon, tok: Token) -> StanceEntry | None:
    """A hyphenated event noun the tokenizer split: "a military build-up" ends on "up"."""
    first = hyphened_to(tok)
    if first is None:
        return None
    return lex.noun(f"{first.lower_}-{tok.lower_}") or lex.noun(f"{first.lower_}{tok.lower_}")
