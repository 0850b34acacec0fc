"""Who did an act the clause names no doer of: "three soldiers were killed", "detained in
Russia", "missiles hit the base" (the reader's guess from the sentence or the story)."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge import stance_groups
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.drafts import Draft, doer_named_unknown
from claimcmp.pipeline.mentions import MentionIndex, as_party, party_key
from claimcmp.pipeline.references import thing_just_acted_on
from claimcmp.pipeline.salience import Salience, is_party, state_where
from claimcmp.pipeline.subjects import subject_token


def unsaid_doer(draft: Draft, targets: list[dict], index: MentionIndex,
                salience: Salience) -> tuple[list[dict], bool]:
    """Who did an act the clause names no doer of, and whether the text says so: for an
    arrest, trial or summons the state where it happens ("detained in Russia"), else the
    other party salience finds, never the one who reacts to the act ("Peru condemned the
    detention of Chilean journalists": detained by someone, not by Peru)."""
    if not targets or _done_by_no_party(draft.word, index):
        return [], False
    keys = {party_key(t) for t in targets}
    if stance_groups.is_home_act(draft.stance):
        state = state_where(draft.word, index, keys)
        if state:
            return state, True
    voice = reporting_voice(draft, keys, index)
    if voice:
        return voice, True
    earlier = armed_doer(draft, targets, index)
    if earlier:
        return earlier, False
    return salience.other_party(draft.word, targets, index, reactors(draft.word, index) | _spoken_of(draft, index))


def reporting_voice(draft: Draft, keys: set[str], index: MentionIndex) -> list[dict]:
    """"Pakistan's foreign office said the Indian envoy was summoned": a summons, an arrest
    or a word spoken, told with no doer named in a clause a state's own voice reports, is
    that state's; not when the voice is the side the act is toward ("Iran said its sailors
    were detained"), nor when the clause has a subject of its own, be it no party ("the
    refugees, whom authorities blame, ...")."""
    if not (stance_groups.is_home_act(draft.stance) or stance_groups.is_spoken(draft.stance)) or \
            draft.word.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in draft.word.children):
        return []
    verb = next((v for v in draft.word.ancestors if v.pos_ == "VERB" and v.lemma_.lower() in cue("reporting_verbs")), None)
    speaker = subject_token(verb)[0] if verb is not None else None
    voices = [as_party(a) for a in (actors_of(speaker, index) if speaker is not None else [])]
    return [v for v in voices[:1] if v is not None and is_party(v) and party_key(v) not in keys]


def _spoken_of(draft: Draft, index: MentionIndex) -> frozenset[str]:
    """The party keys a spoken act is about, never its speaker: "summoned the envoy to
    complain of inaction over the gangs" (the gangs did not complain)."""
    if not stance_groups.is_spoken(draft.stance):
        return frozenset()
    return frozenset(party_key(a) for prep in draft.word.subtree
                     if prep.dep_ == "prep" and prep.lower_ in {"over", "about"}
                     for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, index))


def reactors(word: Token, index: MentionIndex, *, spoken: bool = False) -> frozenset[str]:
    """The party keys of who reacts to the act `word` names: the subject of the reaction
    verb (cue reaction_verbs) it is object of; with `spoken`, only one that reacts in words
    ("condemned the strikes", not "thwarted provocations", which its target does)."""
    verb = _reacting_verb(word, spoken)
    doer = subject_token(verb)[0] if verb is not None else None
    return frozenset(party_key(a) for a in (actors_of(doer, index) if doer is not None else []))


def _reacting_verb(word: Token, spoken: bool) -> Token | None:
    """The verb whose subject reacts to the act `word`: a reaction verb it is object of
    ("condemned the strikes"), or, unless `spoken`, a verb acting on something else over it
    ("Colombia suspended arms purchases from Israel over the war in Gaza")."""
    verb = word.head
    if word.dep_ == "dobj" and verb.lemma_.lower() in cue("reaction_verbs"):
        return None if spoken and not stance_groups.is_spoken(verb.lemma_.lower()) else verb
    if spoken or word.dep_ != "pobj" or verb.lower_ != "over":
        return None
    acting = verb.head
    return acting if acting.pos_ == "VERB" and any(c.dep_ == "dobj" for c in acting.children) else None


def armed_doer(draft: Draft, targets: list[dict], index: MentionIndex) -> list[dict]:
    """The doer of an armed act no one is named doing, when the armed act told just before
    (at most two sentences back) was between the same parties: toward the same party, by its
    doer ("Iran fired missiles at US troops. A US base in Iraq was hit": by Iran); toward
    that act's doer, in the passive, by whom it attacked ("Gunmen attacked a police patrol.
    Three attackers were killed": by the police; "... strikes killed 80 soldiers" names a
    thing that did it, whoever's it is)."""
    if draft.stance not in cue("armed_stances"):
        return []
    pair = index.last_armed_pair(draft.word)
    keys = {party_key(as_party(t) or t) for t in targets}
    if not pair:
        return []
    if party_key(pair[1]) in keys:
        return pair[:1]
    passive = any(c.dep_ == "auxpass" for c in draft.word.children)
    return pair[1:] if passive and party_key(pair[0]) in keys else []


def fired_weapon_pair(word: Token, stance: str, weapon: Token | None, index: MentionIndex) -> list[dict]:
    """Weapons that struck, no one's and at no one named, are those of the armed act told
    in the sentences just before: "Iran fired missiles at US troops in Iraq. Rockets hit the
    airport" (Iran's, at the US); "Iranian rockets" name their side, and a weapon alone is
    no party."""
    if stance not in cue("armed_stances") or weapon is None or weapon.lemma_.lower() not in cue("weapon_nouns"):
        return []
    # an act of the weapon's own sentence is another ("fired rockets after a strike killed X")
    return [] if actors_of(weapon, index) else index.last_armed_pair(word, earlier_sentences=True)


def draft_weapon_pair(draft: Draft, index: MentionIndex) -> list[dict]:
    """fired_weapon_pair for a draft whose targets named no party ("hit the Al-Asad base")."""
    return fired_weapon_pair(draft.word, draft.stance, subject_token(draft.word)[0], index)


def _done_by_no_party(word: Token, index: MentionIndex) -> bool:
    """The act's subject names a doer that is no party: people ("Thousands of people blocked
    streets in Hong Kong in defiance of Chinese authorities": not China's act; cue
    population_nouns, the subject or its "of" phrase), or a pronoun for a thing ("Warsaw
    criticised the call, saying it legitimised the regime": the call did), or a noun's own
    "from"/"by" phrase that names no party (drafts.doer_named_unknown)."""
    if word.pos_ == "NOUN" and doer_named_unknown(word, index):
        return True  # "under pressure from its allies": named, and no party
    doer, _ = subject_token(word) if word.pos_ in {"VERB", "AUX"} else (None, False)
    if doer is None:
        return False
    if doer.pos_ == "PRON" and thing_just_acted_on(doer, index):
        return True
    heads = [doer] + [p for c in doer.children if c.dep_ == "prep" and c.lower_ == "of"
                      for p in c.children if p.dep_ == "pobj"]  # "thousands of people"
    return any(h.lemma_.lower() in cue("population_nouns") for h in heads)
