"""The doer of a verb, read from the dependency parse: its own subject or passive agent, or
the one it takes from the clause it hangs on ("X agreed to cooperate", "urged Moscow to join
forces", "the army, which attacked ...", "forces backed by Y")."""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.subject_misparses import (
    bracketed_abbreviation, dateline_before_dash, finite_conjunct_of_infinitive, nearest_subject_first,
    speaker_before_colon,
)
from claimcmp.pipeline.dep_labels import (
    PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, conjunct_of_the_saying, gerund_read_as_modifier,
)


def subject_token(verb: Token) -> tuple[Token | None, bool]:
    """The token heading the doer of `verb`, and whether it came from a passive agent.

    Follows control and coordination: "X agreed to cooperate" (xcomp), "X met Y and
    signed ..." (conj), "the army, which attacked ..." (relcl), "forces backed by Y" (acl).
    """
    current = verb
    for _ in range(6):
        found = _own_subject(current, verb)
        if found is not None:
            return found
        if current.i == verb.i and _is_passive(verb):
            return None, False  # "its crew was detained": the doer is unsaid, not the head's
        step = _climb(current)
        if step.subject is not None or step.next is None:
            return step.subject, False
        current = step.next
    return None, False


class _Climb(NamedTuple):
    """One step up from a clause with no subject of its own: the doer found there
    (`subject`), else the clause to read next (`next`); neither means no doer."""
    subject: Token | None = None
    next: Token | None = None


def _own_subject(current: Token, verb: Token) -> tuple[Token, bool] | None:
    """The clause's own subject or passive agent: "X attacked", "attacked by X" (passive);
    of two subjects the parser gave one verb, the nearer ("Kenya's president offered to
    mediate, but the army rejected the offer": the army)."""
    for child in nearest_subject_first(current):
        if child.dep_ in SUBJECT_DEPS and not bracketed_abbreviation(child) and small_clause_verb(child) is None \
                and not speaker_before_colon(child, current) and not dateline_before_dash(child, current):
            return child, False
        if child.dep_ in PASSIVE_SUBJECT_DEPS and current.i != verb.i:
            return child, False  # "US troops are set to stay on to help": raised subject
        pobj = agent_object(child)
        if pobj is not None:
            return pobj, True
    return _subject_on_auxiliary(current)


def agent_object(child: Token) -> Token | None:
    """The doer a verb's child `child` names as a passive agent ("attacked by X"), or as a
    gerund's plain "by" ("subjected to shelling by X", where the parser hangs it so)."""
    if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by" and child.head.tag_ == "VBG"):
        return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def passive_agent(verb: Token) -> Token | None:
    """The first doer named by `verb`'s passive agent: "Iran was blamed by Washington"."""
    return next((p for child in verb.children for p in [agent_object(child)] if p is not None), None)


def _subject_on_auxiliary(current: Token) -> tuple[Token, bool] | None:
    """A progressive's subject the parser hung on its "be": "Egypt and Qatar are mediating
    between Israel and Hamas" (Egypt under "are")."""
    if current.tag_ != "VBG" or any(c.dep_ == "auxpass" for c in current.children):
        return None  # only the progressive; "jihadis were being trained": a passive's subject is its patient
    subject = subject_on_auxiliary(current, passive=False)
    aux = subject.head if subject is not None else None
    if aux is None or aux.lemma_ != "be" or not subject.i < aux.i < current.i:
        return None
    return subject, False


def subject_on_auxiliary(tok: Token, *, passive: bool = True) -> Token | None:
    """A subject the small parser hung on one of the clause's auxiliaries instead of its verb:
    "Syria remains cut off" (drafts.undergoer), "Egypt and Qatar are mediating"; with
    `passive`, passive auxiliaries and passive subjects too."""
    auxiliaries = {"aux", "auxpass"} if passive else {"aux"}
    subjects = {"nsubj", "nsubjpass"} if passive else SUBJECT_DEPS
    return next((c for aux in tok.children if aux.dep_ in auxiliaries
                 for c in aux.children if c.dep_ in subjects), None)


OBJ_OR_POBJ = {"dobj", "pobj"}


def _climb(current: Token) -> _Climb:
    """Where a clause with no subject takes its doer from: "in order to V", control ("X
    agreed to cooperate"), coordination ("X met Y and signed"), "it is ready to act",
    relative clauses, "accused the USA of training"."""
    if current.dep_ in {"xcomp", "acl"} and current.head.lower_ == "order" and current.head.dep_ == "pobj":
        return _Climb(next=current.head.head.head)  # "in order to V": V shares the main verb's subject
    if current.dep_ == "xcomp":
        return _controlled(current)
    subject = _fronted_clause_subject(current)
    if subject is not None:
        return _Climb(subject=subject)
    if wanted_noun(current) is not None:
        return _Climb(next=current.head)  # "Peru wanted Chile punished": the wish is Peru's
    intent = _misattached_intent(current)
    if intent is not None:
        return _intent_holder(intent, current)
    if fronted_participle(current):
        return _Climb()  # "Praised for its role, Turkey ...": Turkey was praised, by someone unsaid
    accused_act = continued_accusation(current)
    if accused_act is not None:
        return _prepositional_gerund(accused_act)  # "accused Peru of laying mines, wounding ..."
    governor = conjunct_of_the_saying(current) or finite_conjunct_of_infinitive(current)
    if governor is not None:
        return _Climb(next=governor)
    if current.dep_ in {"conj", "advcl"} and current.head.pos_ in {"VERB", "AUX"} or \
            current.dep_ == "advmod" and current.pos_ == "ADV" and current.head.pos_ == "VERB":
        return _Climb(next=current.head)  # ... and "stopped short of blaming": the adverb's verb
    if current.dep_ in {"acomp", "attr", "oprd"} or current.pos_ in {"NOUN", "ADJ"} and current.dep_ in OBJ_OR_POBJ:
        # "it is ready to act", "agree on the necessity of fighting": the clause's verb
        return _Climb(next=current.head.head if current.dep_ == "pobj" else current.head)
    if current.dep_ in {"relcl", "acl"} and current.head.pos_ in {"NOUN", "PROPN"}:
        return _relative_clause(current)
    if gerund_read_as_modifier(current):
        # "accused Peru of supporting rebels": Peru; "considered normalizing relations": who considers
        return _prepositional_gerund(current.head) if current.head.dep_ == "pobj" else _Climb(next=current.head.head)
    if current.dep_ == "amod" and current.tag_ == "VBG" and current.head.pos_ in {"NOUN", "PROPN"}:
        return _Climb(subject=current.head)  # "the invading Russian troops" invade
    if current.dep_ == "pcomp" and current.head.dep_ == "prep":
        return _prepositional_gerund(current)
    return _Climb()


def _prepositional_gerund(current: Token) -> _Climb:
    """"its insistence on meddling" (the owner), "accused the USA of training", "prevented X
    from entering" (the object), "expelled the envoy after condemning the raid" (the
    governor's subject)."""
    governor = current.head.head
    owner = next((c for c in governor.children if c.dep_ == "poss"), None) if governor.pos_ == "NOUN" else None
    if owner is not None:
        return _Climb(subject=owner)  # "its insistence on meddling", "Brazil's role in brokering"
    # "accused the USA of training", "prevented X from entering": the object does it;
    # "expelled the envoy after condemning the raid": the governor's subject does
    obj = next((c for c in governor.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    obj = _punished(obj) or obj
    controls = current.head.lower_ in cue("object_control_preps")
    if controls and governor.dep_ == "dobj" and (
            governor.pos_ == "PROPN" or governor.lemma_.lower() in cue("agent_nouns")):
        # "accused Russian-backed forces of kidnapping": "of" hung on the object (not
        # "explore ways of improving relations": no agent)
        obj = governor
    return _Climb(subject=obj) if obj is not None and controls else _Climb(next=governor)


def continued_accusation(participle: Token) -> Token | None:
    """"Chile accused Peruvian troops of laying mines, wounding a soldier": a participle
    trailing an accusation (the parser hangs it on "accused") tells what the act accused of
    did; the gerund of that act, or None."""
    verb = participle.head
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.i < verb.i or \
            verb.lemma_.lower() not in cue("accusing_verbs"):
        return None
    return next((g for t in [verb, *(c for c in verb.children if c.dep_ == "dobj")] for c in t.children
                 if c.dep_ == "prep" and c.lower_ in cue("object_control_preps")
                 for g in c.children if g.dep_ == "pcomp" and g.i < participle.i), None)


def _punished(measure: Token | None) -> Token | None:
    """"imposed sanctions on Dodik for undermining the agreement": whom a measure is on does
    what it punishes (the measure's "on"/"against", or its verb's)."""
    if measure is None or measure.lemma_.lower() not in cue("remote_measures"):
        return None
    return next((p for w in (measure, measure.head) for c in w.children if c.dep_ == "prep"
                 and c.lower_ in {"on", "against"} for p in c.children if p.dep_ == "pobj"), None)


def _fronted_clause_subject(current: Token) -> Token | None:
    """"Chile is a member of NATO, supports Ukraine": the parser makes the first clause a
    complement of the second (as in "X is ready, said Y"), which then has no subject of its
    own; the first clause's subject does both."""
    if current.dep_ != "ROOT":
        return None
    fronted = next((c for c in current.lefts if c.dep_ == "ccomp"), None)
    if fronted is None:
        return None
    return next((c for c in fronted.children if c.dep_ in SUBJECT_DEPS), None)


def _controlled(current: Token) -> _Climb:
    """Object control: "urged Moscow to join forces" -> Moscow does the joining; "called on
    Moscow to stop": the one called on; else the governor's subject ("X agreed to cooperate")."""
    obj = controlling_object(current)
    return _Climb(subject=obj) if obj is not None else _Climb(next=current.head)


def controlling_object(clause: Token) -> Token | None:
    """The governor's object that does what an infinitive says: "urged Moscow to join forces"
    (Moscow), "called on Moscow to stop" (the one called on); not "spent years insisting"."""
    governor = clause.head
    if governor.lemma_.lower() in cue("purpose_verbs") | cue("commitment_verbs"):
        # "summoned the envoy to protest": the summoner protests; "promised Peru to cooperate":
        # the one who promises cooperates
        return None
    obj = next((c for c in governor.children if c.dep_ in {"dobj", "dative"}
                and c.ent_type_ not in {"DATE", "TIME"}), None)
    if obj is None:  # "called on Moscow to stop": the one called on
        obj = next((p for c in governor.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
                    and c.i == governor.i + 1 for p in c.children
                    if p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"}), None)
    return obj if obj is not None and obj.i < clause.i and _can_act(obj) else None


def _relative_clause(current: Token) -> _Climb:
    """"The army, which attacked ...": the head noun; "forces backed by Y": none (the head
    noun is the target); "Iran's decision to expel": whoever holds the intention."""
    if current.tag_ == "VBN":
        return _Climb()  # "forces backed by Y": the head noun is the target
    if averted_possibility(current):
        return _Climb()
    if current.head.lemma_.lower() in cue("control_nouns"):
        # "Russia has no intention to replace the USA", "Iran's decision to expel":
        # whoever holds the intention acts
        return _intent_holder(current.head, current)
    if current.tag_ == "VBG" and current.head.lemma_.lower() in cue("message_nouns"):
        return _message_author(current.head, current)
    if _sent_means(current):
        return _Climb(next=current.head.head)
    return _Climb(subject=current.head)


def _sent_means(clause: Token) -> bool:
    """"Russia sent two bombers to patrol Belarusian airspace", "Egypt will take all measures
    to protect its rights": forces, weapons, envoys or measures sent or taken to do
    something, named by no owner, do it for whoever sent or took them."""
    means = clause.head
    owned = any(c.dep_ == "poss" or c.ent_type_ in {"NORP", "GPE", "ORG"} for c in means.children)
    kinds = cue("military_objects") | cue("weapon_nouns") | cue("envoy_nouns") | cue("means_nouns")
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and means.dep_ == "dobj" \
        and means.lemma_.lower() in kinds and not owned


def averted_possibility(clause: Token) -> bool:
    """"agreed to halt all actions that could raise tensions", "refrained from steps that
    might provoke Ankara": what the acts could do is averted with them, nobody's act."""
    if clause.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ in cue("possibility_words")
                                         for c in clause.children):
        return False
    antecedent = clause.head
    # ... hung on a noun inside the object: "stop all hostile acts over land, sea and air that ..."
    while antecedent.dep_ == "conj" or antecedent.dep_ == "pobj" and antecedent.head.head.pos_ == "NOUN":
        antecedent = antecedent.head if antecedent.dep_ == "conj" else antecedent.head.head
    if antecedent.dep_ not in {"dobj", "pobj"}:
        return False
    verb = antecedent.head.head if antecedent.dep_ == "pobj" else antecedent.head
    return verb.lemma_.lower() in cue("hostility_enders") | cue("negating_verbs")


def _intent_holder(noun: Token, clause: Token) -> _Climb:
    """The doer of an intent noun's clause: its owner ("Iran's decision to expel"), else the
    verb it hangs on, unless that verb reacts to it: in "Chile regretted the decision to
    sever relations" the decision is not Chile's, and the clause's doer is left unsaid."""
    owner = _intent_owner(noun, clause)
    governor = _past_existential(noun.head)
    if owner is not None and owner.pos_ == "PRON" and noun.dep_ == "dobj":
        return _Climb(next=governor)  # "X fulfils its obligations to ...": "its" is X's
    if owner is not None:
        return _Climb(subject=owner)
    if noun.dep_ == "dobj" and governor.lemma_.lower() in cue("reaction_verbs"):
        return _Climb()
    return _Climb(next=governor)


def _misattached_intent(current: Token) -> Token | None:
    """An infinitive the parser hung on the verb instead of the intent noun just before it:
    "protested the decision of Peru to cut ties" (to cut -> protested): the noun."""
    if current.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
        return None
    noun = next((c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i), None)
    if noun is None or noun.lemma_.lower() not in cue("control_nouns") or noun.right_edge.i + 2 < current.i:
        return None
    return noun


def _message_author(noun: Token, clause: Token) -> _Climb:
    """Who does a gerund on a message noun: its author. "The Chilean communique accusing"
    (the noun's holder), "Chile issued a statement condemning" (the issuing verb's subject),
    "Chile said in a letter demanding" (the verb the letter's preposition hangs on)."""
    owner = _intent_owner(noun, clause)
    if owner is not None:
        return _Climb(subject=owner)
    if noun.dep_ in {"dobj", "attr"}:
        return _Climb(next=noun.head)
    if noun.dep_ == "pobj" and noun.head.head.pos_ in {"VERB", "AUX"}:
        return _Climb(next=noun.head.head)
    return _Climb()


def _past_existential(verb: Token) -> Token:
    """"India said there was no decision to hold talks": an intent that exists or not is
    the reporter's own; climb past the existential "there is" to the verb that reports it."""
    if any(c.dep_ == "expl" for c in verb.children) and verb.dep_ in {"ccomp", "parataxis"}:
        return verb.head
    return verb


def _intent_owner(noun: Token, clause: Token) -> Token | None:
    """Who holds an intent noun: "Iran's decision to expel" (poss), "the Iranian decision to
    expel", "a UN resolution condemning" (a named compound), "the decision of / by Iran to
    expel" (its "of" or "by" object before the infinitive)."""
    for child in noun.children:
        if child.dep_ == "poss" or (child.dep_ == "amod" and child.ent_type_ == "NORP") or \
                (child.dep_ == "compound" and child.ent_type_ in {"GPE", "NORP", "ORG"}):
            return child  # "Iran's decision", "the Iranian decision", "an EU statement"
        if child.dep_ == "prep" and child.lower_ in {"of", "by"} and child.i < clause.i:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and _can_act(pobj):
                return pobj
    return None


def small_clause_verb(noun: Token) -> Token | None:
    """"Chile wants the sanctions lifted": the participle whose subject a wanted noun is."""
    head = noun.head
    if noun.dep_ == "nsubj" and head.tag_ in {"VBN", "VBD"} and head.dep_ in {"ccomp", "xcomp", "oprd"} \
            and not any(c.dep_ in {"aux", "auxpass", "mark"} for c in head.children) \
            and head.head.lemma_.lower() in cue("wanting_verbs"):
        return head
    return None


def wanted_noun(verb: Token) -> Token | None:
    """The noun a wanted participle is said of: "Peru wanted Chile punished" -> Chile."""
    return next((c for c in verb.children if c.dep_ == "nsubj" and small_clause_verb(c) is not None), None)


def _is_passive(verb: Token) -> bool:
    """A passive verb with its own patient ("the crew was detained") or a participle joined to
    a passive ("was seized and detained"): its doer is only ever its agent."""
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return True  # not a raised one: "they need to be forced out" is still their doing
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and any(c.dep_ == "mark" for c in verb.children) and \
            not any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass", "dobj"} for c in verb.children):
        return True  # "would defend the islands if attacked": the defender is not the attacker
    # (one with a direct object is active: "was biased and accused Chile of ...")
    return verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "dobj"} for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.head.children)


def passive_patient(verb: Token) -> Token | None:
    """The patient of a passive verb: "Iran was accused by ..." or "forces backed by X", or
    of a wanted participle: "Peru wanted Chile punished"."""
    for child in verb.children:
        if child.dep_ in PASSIVE_SUBJECT_DEPS:
            return child
    wanted = wanted_noun(verb)
    if wanted is not None:
        return wanted
    active = any(c.dep_ in {"nsubj", "aux"} and (c.dep_ == "nsubj" or c.lemma_ == "have") for c in verb.children)
    if verb.dep_ in {"acl", "relcl"} and verb.tag_ == "VBN" and not active:
        return verb.head  # "forces backed by Iran", not "territory it has recaptured"
    if fronted_participle(verb):
        # "Backed by Iran, the Houthis attacked": the main clause's subject was backed
        return next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    return None


def fronted_participle(verb: Token) -> bool:
    """A passive participle opening its sentence's main clause with no subject or auxiliary
    of its own: "Praised for its role, Turkey ...", "Backed by Iran, the Houthis ..."."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.i < verb.head.i and \
        verb.head.pos_ in {"VERB", "AUX"} and \
        not any(c.dep_ in SUBJECT_DEPS | {"aux", "auxpass"} for c in verb.children)


def _can_act(tok: Token) -> bool:
    """Whether an object can be the doer of the clause it controls: "urged Moscow to ...",
    "urged the two neighbours to settle", not "took military action to combat ..." (the action
    does not combat)."""
    return tok.pos_ in {"PROPN", "PRON"} or tok.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} or \
        tok.lemma_.lower() in cue("agent_nouns") | cue("collective_nouns") or \
        tok.tag_ == "NNS" and tok.lemma_.lower() in cue("pair_nouns")
