"""Whom a reaction is toward: "Chile condemned the seizure" (the seizure told before is
Peru's), "condemned the joint drills by Washington and Seoul", "complained to the UN over
Israeli raids" (the one complained to is only told). Read by verbs.verb_draft for reaction
and judging verbs; `s` is its _VerbClaim (subjects, targets, objects, arg_tokens)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.drafts import noun_parties, span_tokens
from claimcmp.pipeline.earlier_acts import doers_of_named_act
from claimcmp.pipeline.entries import verb_entry
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.objects import object_tokens


def reacted_to(lex: StanceLexicon, verb: Token, index: MentionIndex, s) -> None:
    """"Condemned the joint drills by Washington and Seoul", "complained to the UN over
    Israeli raids": whoever did the act reacted to; the one complained to is only told."""
    told = _told(verb, index) if s.targets else []
    if any(t not in told for t in s.targets):
        return  # "condemned Israel over the raids": named
    acts = [o for o in s.objects if o.dep_ == "dobj"] + object_tokens(verb, {"over", "about"})
    for obj in acts:
        entry = lex.noun(obj.lemma_) or _decided_act(lex, obj)
        if entry is None:
            continue
        parties = noun_parties(obj, entry, index)
        owners = [a for a in parties.own if a not in s.subjects and not parties.named_conflict]
        if not owners and not parties.own:
            # "Peru seized a Chilean trawler. Chile condemned the seizure": the seizure told before
            owners = [a for a in doers_of_named_act(lex, obj, entry.stance, index) if a not in s.subjects]
        if owners:
            s.targets, s.arg_tokens = owners, s.arg_tokens | parties.tokens
            return
    if not s.targets and not any(c.dep_ == "auxpass" for c in verb.children):
        # the parser hangs the act's "by X" on the active verb: "condemned the drills by X"
        for by in object_tokens(verb, {"by"}):
            s.targets += [a for a in actors_of(by, index) if a not in s.subjects and a not in s.targets]
            s.arg_tokens |= span_tokens(by)


def _told(verb: Token, index: MentionIndex) -> list[dict]:
    """The actors a reaction is addressed to: "complained to the UN"."""
    return [a for o in object_tokens(verb, {"to"}) for a in actors_of(o, index)]


def _decided_act(lex: StanceLexicon, obj: Token) -> StanceEntry | None:
    """"Qatar regretted the decision to sever relations": a word that refers back to an act
    (cue act_reference_nouns) and says which by its infinitive stands for that act."""
    if obj.lemma_.lower() not in lex.cue("act_reference_nouns"):
        return None
    said = next((c for c in obj.children if c.dep_ == "acl" and c.pos_ == "VERB"
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    entry = verb_entry(lex, said) if said is not None else None
    what = next((c for c in said.children if c.dep_ == "dobj"), None) if entry is not None else None
    # "sever relations": the act read with its object, as the act told before may be ("relations")
    return replace(entry, stance=f"{entry.stance} {what.lower_}") if what is not None else entry
