"""Who does a stance verb's act: its subject's actors, with the readings the parser's
subject alone does not give ("Israel is opposed to ...", "the ambassador was summoned to
...", "They agreed ...", "X and Y blamed each other")."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.dep_labels import prep_objects
from claimcmp.pipeline.earlier_acts import doers_of_named_act
from claimcmp.pipeline.discourse import agreement_told_before
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.subjects import passive_patient, subject_token


def reciprocal_object(verb: Token, subj_tok: Token | None) -> Token | None:
    """The object that makes a one-way act mutual among its doers: "X and Y blamed each
    other", "accused one another", "expelled each other's diplomats"; "each side accused the
    other" (cue reciprocal_objects)."""
    each = subj_tok is not None and any(c.lower_ == "each" for c in subj_tok.children)
    for obj in _objects_and_their_prepositions(verb):
        for word in (obj, *(c for c in obj.children if c.dep_ == "poss")):
            words = " ".join(t.lower_ for t in sorted([word, *(c for c in word.children if c.dep_ == "det")]))
            if words in cue("reciprocal_objects") or (each and words == "the other"):
                return obj
    return None


def _objects_and_their_prepositions(verb: Token) -> list[Token]:
    """The verb's direct objects and the objects of its prepositions and of theirs: "blamed
    each other", "fired at each other", "not to use force against each other"."""
    direct = [c for c in verb.children if c.dep_ == "dobj"]
    return direct + [p for head in [verb, *direct] for prep in head.children if prep.dep_ == "prep"
                     for p in prep.children if p.dep_ == "pobj"]


def verb_subjects(lex: StanceLexicon, verb: Token, entry: StanceEntry,
                  index: MentionIndex) -> tuple[Token | None, Token | None, list[dict]]:
    """(subject token, passive patient, subject actors): "Israel is opposed to French
    mediation" (a state, not a patient), "They agreed to work together" (the earlier pair)."""
    subj_tok, _ = subject_token(verb)
    patient = passive_patient(verb) or _participle_patient(lex, verb, entry)
    if subj_tok is None and patient is not None and verb.dep_ not in {"acl", "relcl"} and \
            verb.lemma_.lower() in cue("stative_participles") and \
            any(c.dep_ == "prep" and c.lower_ in {"to", "with"} for c in verb.children):
        # "Israel is opposed to French mediation", "Iran is allied with Syria": a state, not a patient
        subj_tok, patient = patient, None
    if subj_tok is None and patient is not None and entry.family == "neutral" and entry.stance in cue("movement_stances"):
        subj_tok, patient = patient, None  # "Russian troops were deployed in Syria": their state moved them
    if subj_tok is None and patient is not None and verb.lemma_.lower() in cue("summoning_verbs"):
        subj_tok = _summoned_to(verb, index) or _summoned_to(patient, index)
    subjects = actors_of(subj_tok, index, expand_conj=verb.dep_ != "amod") if subj_tok is not None else []
    if verb.dep_ == "amod" and subj_tok is not None and \
            not index.names_actor(subj_tok.left_edge.i, subj_tok.i):
        # "the attacking Turkish forces" attack (alone, not the SDF they are coordinated
        # with); "opposing sides in Syria" name no one who opposes
        subjects = []
    if subj_tok is not None and (subj_tok.lower_ == "they" or subj_tok.lower_ == "we" and not subjects) and \
            index.last_pair(verb, earlier_sentences=True) and (entry.symmetric or len(subjects) < 2):
        # "They agreed to work together": the pair the previous sentences were about
        subjects = index.last_pair(verb, earlier_sentences=True)
    if not subjects and subj_tok is not None and subj_tok.lemma_.lower() in cue("goal_nouns"):
        subjects = _goal_holders(subj_tok, index)  # "Baku said the goal of the action was to disable ..."
    if not subjects and subj_tok is not None and agreement_told_before(lex, subj_tok, index):
        subjects = index.last_agreement_pair(verb)  # "Somalia said the deal violated its sovereignty"
    if not subjects and subj_tok is not None:
        subjects = _measure_takers(lex, subj_tok, index)
    return subj_tok, patient, subjects


def _measure_takers(lex: StanceLexicon, subj_tok: Token, index: MentionIndex) -> list[dict]:
    """"Peru imposed tariffs on Chile ... the levies were needed to protect Peruvian miners",
    "the sanctions aim to punish Iran": a hostile measure told before acts for whoever took
    it, not for a party the article is about (the guess that would fill the subject in)."""
    entry = lex.noun(subj_tok.lemma_)
    if entry is None or entry.family != "conflict":
        return []
    return doers_of_named_act(lex, subj_tok, entry.stance, index)



def _participle_patient(lex: StanceLexicon, verb: Token, entry: StanceEntry) -> Token | None:
    """"The seized Filipino boats", "the sanctioned Russian bank": a hostile act's past
    participle before a noun was done to that noun (by someone the clause leaves unsaid);
    not before an act ("its long-threatened invasion" was threatened by its own doer)."""
    noun = verb.head
    if verb.dep_ == "amod" and verb.tag_ == "VBN" and entry.family == "conflict" and verb.i < noun.i \
            and lex.noun(noun.lemma_) is None:
        return noun
    return None


def _summoned_to(verb: Token, index: MentionIndex) -> Token | None:
    """"The Russian ambassador was summoned to the Azerbaijani foreign ministry": whoever
    an envoy is summoned to summons him; called on the envoy, the state he is sent to ("the
    Russian ambassador to Azerbaijan was summoned")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            body = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if body is not None and any(t.i in index.actor_at for t in body.subtree):
                return body
    return None


def _goal_holders(goal: Token, index: MentionIndex) -> list[dict]:
    """Whose goal an act is when the goal is its subject ("the goal was to disable ..."): the
    goal's owner ("Peru's aim"), its act's ("the aim of the Peruvian operation"), else whoever
    states it ("Baku said the goal of the military action was to disable Armenian positions")."""
    owners = [a for c in goal.children if c.dep_ == "poss" for a in actors_of(c, index)]
    owners += [a for act in prep_objects(goal, {"of"}) for c in act.children if c.dep_ in {"poss", "amod", "compound"}
               for a in actors_of(c, index)]
    if owners:
        return owners
    saying = next((t for t in goal.ancestors if t.lemma_.lower() in cue("reporting_verbs")), None)
    speaker = subject_token(saying)[0] if saying is not None else None
    return actors_of(speaker, index) if speaker is not None else []
