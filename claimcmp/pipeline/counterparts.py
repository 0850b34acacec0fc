"""Whom a hostile act is toward when none of its arguments names a party: the party it
answers ("in response to China's drills"), the one named after "from" ("recalled its
ambassador from Beijing"), the summoned envoy's state, whoever accused the one who denies,
the party whose conduct a threat is held over ("if Athens extends its waters"), the adversary
a retaliation answers; and, after
the place it hits, the doer of what it answers ("protested after a Chinese ship entered
its waters") or of what made the doers act ("prompting Ottawa to retaliate": provoker).
(verbs.py _indirect_targets tries these after the border a drill is near.)
"""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceLexicon, cue
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.objects import object_tokens
from claimcmp.pipeline.subjects import subject_token


def other_parties(tok: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """The actors `tok` names that are on none of the doers' sides (mentions.party_key)."""
    keys = {party_key(a) for a in doers}
    return [a for a in actors_of(tok, index) if party_key(a) not in keys]


def counterpart(lex: StanceLexicon, verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """The first party one of the constructions below names, or none."""
    return _responded_to(verb, index, doers) or _from_party(verb, index, doers) or \
        _summoned(verb, index, doers) or _denied_accusers(lex, verb, index, doers) or \
        _conditioned_party(verb, index, doers) or _retaliated_by(lex, verb, index, doers) or \
        _retaliated_against(lex, verb, index, doers)


def _responded_to(verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Scrambled jets in response to China's drills", "retaliated for the Iranian strike":
    whoever did what the act answers (cues response_nouns, response_verbs)."""
    answers = [noun for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "in"
               for noun in prep.children if noun.dep_ == "pobj" and noun.lemma_.lower() in cue("response_nouns")]
    for answer in answers + ([verb] if verb.lemma_.lower() in cue("response_verbs") else []):
        for obj in object_tokens(answer, {"to", "for"}):
            found = other_parties(obj, index, doers)
            if found:
                return found
    return []


def _from_party(verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Recalled its ambassador from Beijing", "banned imports from Iran": the party named
    after "from" (an actor, not a mere place: "fired from Gaza" says where)."""
    for word in (verb, *(c for c in verb.children if c.dep_ == "dobj")):
        for obj in object_tokens(word, {"from"}):
            if obj.dep_ == "pobj" and obj.i in index.actor_at:
                found = other_parties(obj, index, doers)
                if found:
                    return found
    return []


def _denied_accusers(lex: StanceLexicon, verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Kyiv accused Moscow of shelling the plant, which Russia denies": a denial of what
    refers back ("which", "it", "the charge") is toward whoever last accused the denier."""
    if lex.verb_lemma(verb) not in lex.cue("denials") or len(doers) != 1:
        return []
    referring = any(c.dep_ in {"dobj", "nsubjpass"} and (c.lower_ in {"which", "that", "it"} or c.lemma_.lower() in (
        lex.cue("accusation_nouns")) or ((n := lex.noun(c.lemma_)) is not None and n.stance == "accuse"))
        for c in verb.children)
    return index.accusers_of(doers[0]) if referring else []


def _conditioned_party(verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Ankara threatened to retaliate if Athens extended its waters", "threatened to cut gas
    unless Moldova paid": a hostile act held over a party's conduct is toward that party."""
    clauses = [verb, verb.head] if verb.dep_ == "xcomp" else [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for clause in (c for v in clauses for c in v.children if c.dep_ == "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in clause.children):
            subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            # the party itself, not "if cooperation by all parties founders"
            named = subj is not None and subj.i in index.actor_at
            found = [a for a in actors_of(subj, index) if a not in doers] if named else []
            if found:
                return found
    return []


def _summoned(verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Summoned the Peruvian envoy to protest the raid": the protest is toward the envoy's state."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in cue("purpose_verbs"):
        return []
    return [a for c in verb.head.children if c.dep_ == "dobj" for a in actors_of(c, index) if a not in doers]


def provoker(verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Japan protested after a Chinese survey ship entered its waters", "recalled its envoy
    following Seoul's decision": the doer of the act a clause or phrase opened by a
    provocation mark tells (cue provocation_marks), when a party other than the doers; else
    whoever made the doers act (_prompter)."""
    marks = cue("provocation_marks")
    for child in verb.children:
        if child.dep_ == "advcl" and any(m.dep_ in {"mark", "advmod"} and m.lower_ in marks for m in child.children):
            doer = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass", "agent"}), None)
        elif child.dep_ == "prep" and child.lower_ in marks:
            act = next((c for c in child.children if c.dep_ == "pobj"), None)
            # "following Seoul's decision", "after Peruvian incursions": the act's own doer
            doer = next((c for c in act.children if c.dep_ == "poss" or c.dep_ in {"amod", "compound"}
                         and c.i in index.actor_at), None) if act is not None else None
        else:
            continue
        found = other_parties(doer, index, doers) if doer is not None else []
        if found:
            return found
    return _prompter(verb, index, doers)


def _prompter(verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"The US imposed tariffs on Canada, prompting Ottawa to retaliate", "China's drills forced
    Taiwan to scramble jets": whoever did what made the doers act (cue eliciting_verbs,
    compelling_verbs)."""
    prompting = verb.head
    if verb.dep_ not in {"xcomp", "ccomp"} or prompting.pos_ != "VERB" or \
            prompting.lemma_.lower() not in cue("eliciting_verbs") | cue("compelling_verbs"):
        return []
    prompter = subject_token(prompting)[0]
    return other_parties(prompter, index, doers) if prompter is not None else []


def _retaliated_by(lex: StanceLexicon, verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Iran retaliated by firing missiles at US bases": a retaliation or answer (cues
    retaliating_verbs, response_verbs) is toward whom the act it was carried out by is."""
    if lex.verb_lemma(verb) not in lex.cue("retaliating_verbs") | lex.cue("response_verbs"):
        return []
    means = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children if g.dep_ == "pcomp"]
    preps = lex.cue("conflict_target_preps")
    for obj in (o for act in means for o in object_tokens(act, preps)):
        found = other_parties(obj, index, doers)
        if found:
            return found
    return []


def _retaliated_against(lex: StanceLexicon, verb: Token, index: MentionIndex, doers: list[dict]) -> list[dict]:
    """"Israel killed a Hezbollah commander. Hezbollah vowed to retaliate": a retaliation (cue
    retaliating_verbs) is toward the other party of the latest hostile act its doer took part
    in, within three sentences."""
    if lex.verb_lemma(verb) not in lex.cue("retaliating_verbs") or len(doers) != 1:
        return []
    return index.adversary(verb, doers[0], window=3)
