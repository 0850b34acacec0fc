"""Claims of event nouns: "Russia-US cooperation", "talks between X and Y", "X's support
for Y", "held talks", "ruled out cooperation", "the hostility of X towards Y"."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon
from claimcmp.pipeline import constructions, context
from claimcmp.pipeline.arguments import (
    MentionIndex, actors_of, between_actors, between_tokens, object_tokens, other_party, subject_token,
)
from claimcmp.pipeline.discourse import implicit_parties, mention_tokens
from claimcmp.pipeline.drafts import (
    NOUN_TARGET_PREPS, VERB_TARGET_PREPS, Draft, attacked_places, border_targets, distinct, governing_verb,
    has_modifier, instrument, noun_parties, span_tokens, undergoer,
)
from claimcmp.pipeline.entries import governed, verb_entry

def noun_draft(lex: StanceLexicon, noun: Token, entry: StanceEntry, index: MentionIndex) -> list[Draft]:
    if entry.requires and not has_modifier(noun, entry.requires):
        return []
    if entry.unless and has_modifier(noun, entry.unless):
        return []
    if _manner_of_another_act(lex, noun):
        return []
    entry = _joint_exercise(noun, entry)
    own, arg_tokens = noun_parties(noun, entry, index)
    if -1 in arg_tokens:
        return []
    holders_only = -2 in arg_tokens
    targets: list[dict] = []
    for obj in object_tokens(noun, NOUN_TARGET_PREPS[entry.family]):
        targets.extend(a for a in actors_of(obj, index) if a not in targets and a not in own)
        arg_tokens |= span_tokens(obj)
    pair = between_actors(noun, index)
    if not pair and not own and noun.dep_ == "nsubj":
        pair = between_actors(noun.head, index)  # "if a rapprochement takes place between X and Y"
    for t in between_tokens(noun):
        arg_tokens |= span_tokens(t)
    family, stance, polarity = entry.family, entry.stance, "positive"
    ender = _ending_noun(lex, noun)
    if ender is not None and entry.family != "neutral":
        # "the cessation of hostilities" is cooperation, "the termination of the deal" conflict
        family = "cooperation" if entry.family == "conflict" else "conflict"
        stance = f"{ender.lemma_.lower()} {entry.stance}"
        if not own:
            own = [a for c in ender.children if c.dep_ in {"poss", "amod", "compound"} for a in actors_of(c, index)]
    governor = governing_verb(noun)
    inherited = stated = carried = False
    regarded = _regarded_as(lex, noun, governor, index) if not own else None
    if regarded is not None:
        # "he considers Trump to be a natural ally": the one who regards holds the stance
        own, targets, arg_tokens, governor = regarded[0], regarded[1], arg_tokens | regarded[2], None
    if governor is not None:
        g = lex.verb_lemma(governor)
        governing_entry = verb_entry(lex, governor)
        combining = g in (lex.cue("light_verbs") | lex.cue("terminators") | lex.cue("concessions")
                          | lex.cue("denials"))
        if g in lex.cue("reporting_verbs") - lex.cue("light_verbs") or g in lex.cue("reaction_verbs") \
                or context.warned_against(noun):
            # "said the talks ...", "condemned the strikes by X": the speaker is no party
            governor = None
        elif pair and noun.dep_ == "pobj" and noun.head.lower_ == "for":
            governor = None  # "Egypt called for talks between Israel and Hamas": wanted, not held
        elif governing_entry is not None and not combining and entry.family != "neutral" \
                and governing_entry.family not in {entry.family, "neutral"} \
                and not (noun.dep_ == "pobj" and noun.head.lower_ in context.CIRCUMSTANCES):
            governor = None  # "condemned the attack": the verb's own claim covers its subject
        else:
            # the verb performs the act the noun names ("held talks", "ruled out cooperation")
            # ... or wants or sees it: "not looking for a confrontation", "didn't detect any
            # cooperation" deny the act itself
            carried = combining or (governing_entry is not None and governing_entry.family == entry.family) or \
                g in lex.cue("desire_verbs") | lex.cue("perception_verbs") | lex.cue("participation_verbs")
            if not own:
                subj_tok = _participant(lex, governor) or subject_token(governor)[0]
                doers = actors_of(subj_tok, index) if subj_tok is not None else []
                if doers and (not pair or combining):
                    stated = combining and subj_tok.pos_ != "PRON"
                    # "Washington ruled out cooperation between the two": Washington acts,
                    # the other member of the pair is whom it acts toward.
                    own, inherited = doers, True
                    arg_tokens |= span_tokens(subj_tok)
                    if pair:
                        keys = {a.get("country") or a["id"] for a in own}
                        targets.extend(a for a in pair if (a.get("country") or a["id"]) not in keys)
                        pair = []
            if not targets:
                for obj in object_tokens(governor, VERB_TARGET_PREPS[entry.family]):
                    if obj.i != noun.i:
                        targets.extend(a for a in actors_of(obj, index) if a not in targets and a not in own)
                        arg_tokens |= span_tokens(obj)
            if governing_entry is not None and governing_entry.family == entry.family and g not in {"agree", "accept"} \
                    and g not in lex.cue("denials") | lex.cue("negating_verbs"):
                stance = f"{g} {noun.lemma_.lower()}"
    if entry.family == "cooperation" and noun.dep_ in {"nsubj", "nsubjpass"} and \
            lex.verb_lemma(noun.head) in lex.cue("breakdown_verbs"):
        # "talks between Armenia and Azerbaijan broke down": a cooperation that ends
        family, stance = "conflict", f"{noun.lemma_.lower()} {lex.verb_lemma(noun.head)}"
    if entry.stance == "relations":
        family = _relations_family(lex, noun, governor)
        if family is None:
            return []
        if len(own) == 1 and not targets and not pair:
            # "Moscow is likely to explore ways of improving relations": with its usual partner
            partner = other_party(index.last_pair(noun, earlier_sentences=True), own[0])
            targets = [partner] if partner is not None else []
    if pair:
        if not own and len(pair) >= 2:
            own, targets = pair[:1], pair[1:] + [t for t in targets if t not in pair]
        else:
            targets.extend(a for a in pair if a not in targets and a not in own)
    own = distinct(own)
    if len(own) >= 2 and entry.symmetric and not targets and not holders_only:
        own, targets = own[:1], own[1:]  # the parties; "on Syria" is then the topic
    if entry.symmetric and own and not targets:
        # "Moscow's ally, Tehran": the appositive is the other party
        for child in noun.children:
            if child.dep_ == "appos":
                targets = [a for a in actors_of(child, index) if a not in own]
    if not own:
        own, holder = _holder(noun, index)
        if own and not targets and holder is not None:
            # "the US attitude of animosity towards Iran": the holder's phrase names whom
            targets = [a for o in object_tokens(holder, NOUN_TARGET_PREPS[entry.family] - {"of"})
                       for a in actors_of(o, index) if a not in own]
    implicit = False
    if not own and not targets and entry.symmetric and entry.family != "neutral" and \
            noun.lemma_.lower() not in lex.cue("unanchored_nouns") and \
            not any(c.dep_ == "poss" for c in noun.children):  # "its soft diplomacy": someone's own
        # "In turn, the cooperation may become a basis ...": the parties the text is about
        parties = implicit_parties(noun, index)
        own, targets, implicit = parties[:1], parties[1:], bool(parties)
        arg_tokens |= mention_tokens(parties, noun.sent, index)
    if holders_only and not targets:
        return []  # "American and Russian allies" are the allies of each, of someone unnamed
    if not own and not targets and not (entry.symmetric and entry.family != "neutral"):
        return []  # a one-way act of no one named; a mutual one is the article's principals'
    if governor is not None:
        family, stance, polarity = governed(lex, noun, family, stance, polarity, governor)
        if stance == "reject" and entry.stance == "accuse" and not targets and len(own) == 1:
            # "Petro rejected the accusation": whoever last accused him
            targets = index.accusers_of(own[0])
    if context.is_negated(noun, lex, local=not carried):
        polarity = "negative" if polarity == "positive" else "positive"
    if not targets and entry.family == "conflict":
        # "strikes on Rafah", "blockades in the West Bank": the country of the place hit
        where = object_tokens(noun, NOUN_TARGET_PREPS["conflict"] | {"in", "inside", "across", "throughout"})
        if carried and governor is not None:
            where += object_tokens(governor, VERB_TARGET_PREPS["conflict"])  # "launched strikes on Gaza"
        elif noun.dep_ == "dobj" and lex.verb_lemma(noun.head) in lex.cue("reaction_verbs"):
            # "condemned the strikes on Gaza", the parser hanging "on Gaza" on the verb
            where += [o for o in object_tokens(noun.head, {"on", "against", "in"}) if o.dep_ == "pobj"]
        targets = attacked_places(where, index, own)[0]
    if not targets and entry.family == "conflict":
        targets = border_targets(noun.head if noun.dep_ == "compound" else noun, index, own)
        if not targets and carried and governor is not None:
            targets = border_targets(governor, index, own)  # "doubled its drills near Russia's borders"
    if not targets and not inherited and (entry.family == "conflict" or instrument(lex, noun)):
        # "Syria remains subject to sanctions by the UN"; "recaptured with support from Russia"
        targets = undergoer(noun, own, index, any_verb=instrument(lex, noun))
    confidence = 0.45 if implicit else 0.55 if inherited else 0.65
    return [Draft(noun, stance, family, polarity, own, targets, entry.symmetric, None, arg_tokens, confidence,
                  stated=stated), *constructions.side_of(lex, noun, own, index)]


def _participant(lex: StanceLexicon, governor: Token) -> Token | None:
    """"Troops are not involved in the clashes": the passive subject takes part in the act."""
    if lex.verb_lemma(governor) not in lex.cue("participation_verbs"):
        return None
    return next((c for c in governor.children if c.dep_ == "nsubjpass"), None)


def _ending_noun(lex: StanceLexicon, noun: Token) -> Token | None:
    """The noun that ends this one: "the cessation of hostilities", "termination of the deal"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lex.cue("ending_nouns"):
        return noun.head.head
    return None


def _manner_of_another_act(lex: StanceLexicon, noun: Token) -> bool:
    """A stance noun that only qualifies another act: "fired without provocation" (no
    provocation is claimed), "ceasefire violations" (the violations are the act)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "without":
        return True
    head = lex.noun(noun.head.lemma_) if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else None
    return head is not None and not head.requires  # "surveillance operations": the operation needs it


def _joint_exercise(noun: Token, entry: StanceEntry) -> StanceEntry:
    """Joint drills, patrols or exercises are cooperation between those who hold them
    ("Japan and Australia held joint naval drills"), whatever the drills are against."""
    if entry.family == "conflict" and any(c.lower_ in JOINT_MODIFIERS for c in noun.children):
        return StanceEntry(entry.lemma, entry.pos, f"joint {noun.lemma_.lower()}", "cooperation", True)
    return entry


# "joint drills", "combined exercises", "bilateral patrols": held together
JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "trilateral", "multilateral"})


def _regarded_as(lex: StanceLexicon, noun: Token, governor: Token | None,
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
    if words & lex.cue("warm_words"):
        return "cooperation"
    if words & lex.cue("cold_words"):
        return "conflict"
    return None
