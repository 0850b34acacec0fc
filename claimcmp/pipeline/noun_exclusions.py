"""Event nouns that make no claim of their own: ruled out by their entry's modifiers, or
only qualifying another act ("fired without provocation", "severed ties in a row over ..."),
or an act told before ("condemned the deal")."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp import extensions as ext
from claimcmp.knowledge import stance_groups
from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue
from claimcmp.pipeline.claim_regions import TOPIC_PREPS
from claimcmp.pipeline.dep_labels import OWNER_DEPS, bare_the, first_conjunct, on_sidelines_of, prep_objects
from claimcmp.pipeline.drafts import circumstance_verb, has_modifier, left_agreement
from claimcmp.pipeline.earlier_acts import referred_act
from claimcmp.pipeline.evaluations import naming_predicates
from claimcmp.pipeline.pair_phrases import is_pair_phrase
from claimcmp.pipeline.subjects import averted_possibility


def not_a_claim(lex: StanceLexicon, noun: Token, entry: StanceEntry) -> bool:
    """The entry's required or excluded modifiers rule the noun out, or it only qualifies
    another act: "fired without provocation", or it is what halted acts could have caused:
    "agreed to stop all acts that can cause tensions and clashes", or it refers back to an
    act told before ("The Polisario Front condemned the deal": earlier_acts)."""
    if entry.requires and not has_modifier(noun, entry.requires) and not _of_forces(noun, entry) \
            and not _of_kind(noun, entry) and not _against_a_party(noun, entry) and not _qualified_before(noun, entry):
        return True
    if entry.unless and has_modifier(noun, entry.unless):
        return True
    if entry.after and not (noun.dep_ == "pobj" and noun.head.lower_ in entry.after):
        return True  # "the odds of a deal" (not "at odds with")
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in cue("body_heads"):
        return True  # "aid organisations", "peace activists": who they are, no act
    if is_pair_phrase(noun):
        return True  # "urged the two rivals to talk": the parties, no rivalry told
    if bare_the(noun) and noun.lemma_.lower() in cue("collective_nouns") and noun.dep_ in {"pobj", "conj"}:
        return True  # "mediate between the alliance and ECOWAS": the body told before, no allying
    if noun.dep_ == "pobj" and noun.doc[noun.head.i:noun.i + 1].text.lower() in cue("idioms") and not any(
            c.dep_ == "prep" for c in noun.children):
        return True  # "for the third day in a row": no quarrel
    return _manner_of_another_act(lex, noun) or _circumstance_of_an_act(lex, noun, entry) or \
        _ownerless_grievance(noun, entry) or _sought_in_talks(lex, noun, entry) or \
        _answered_proposal(lex, noun, entry) or _leaves_agreement(lex, noun, entry) or \
        _consults_at_home(noun, entry) or averted_possibility(first_conjunct(noun).head) or \
        _speaking_body(lex, noun) or _within_scope(lex, noun) or _meeting_place(lex, noun, entry) or \
        _any_such(noun) or _any_objected_to(lex, noun) or _label_of_an_act(lex, noun) or \
        noun.dep_ in {"dobj", "nsubj"} and referred_act(lex, noun.head)  # "condemned the deal": told before


def _label_of_an_act(lex: StanceLexicon, noun: Token) -> bool:
    """What a verb names its object as: "branded the raid an act of war" (a naming verb),
    "dismissed the sanctions as economic aggression" (any verb's "as" after its object)
    label the object's act (the judgement's claim carries it, toward the act's doer), and
    tell no act of the speaker's own; not "provides cover, if not support", nor "acted as
    part of the protection of ...", whose "as" names no object, nor "rejected what it called
    interference", where the label is all that tells the act."""
    verb = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or any(c.dep_ == "dobj" and c.lower_ == "what" for c in verb.children):
        return False  # "in response to what he called hostile US moves": the act as told
    if lex.verb_lemma(verb) in lex.cue("naming_verbs") | lex.cue("judging_verbs"):
        return any(noun in p.subtree for p in naming_predicates(verb))
    return noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head is verb and \
        any(c.dep_ == "dobj" and c.i < noun.i for c in verb.children)


def _speaking_body(lex: StanceLexicon, noun: Token) -> bool:
    """"30 soldiers were injured, the alliance said": a bare "the" noun that speaks names the
    body told of (NATO), not an act of allying."""
    return noun.dep_ == "nsubj" and lex.verb_lemma(noun.head) in lex.cue("reporting_verbs") and \
        [c.lower_ for c in noun.children] == ["the"]


def _any_objected_to(lex: StanceLexicon, noun: Token) -> bool:
    """"Egypt rejected any interference in Sudan's affairs", "warned against any attack on
    its allies": a kind of act objected to, none done (cue objection_verbs); the objection
    is the claim."""
    if not any(c.dep_ == "det" and c.lower_ == "any" for c in noun.children):
        return False
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":  # "warned against any attack"
        return f"{lex.verb_lemma(noun.head.head)} {noun.head.lower_}" in lex.cue("objection_verbs")
    return noun.dep_ == "dobj" and lex.verb_lemma(noun.head) in lex.cue("objection_verbs")


def _any_such(noun: Token) -> bool:
    """"Any attack on Niger would be a declaration of war": an act that "any" makes the
    subject of what would follow is a kind of act, none done, and so is what it would be
    (the war); not "denied any role"."""
    clause = noun
    while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i and \
            clause.dep_ not in {"nsubj", "nsubjpass"}:
        clause = clause.head
    verb = clause.head if clause.dep_ in {"nsubj", "nsubjpass"} else clause
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
        return False  # "if any rapprochement takes place": a condition, told as one
    subjects = [noun] if noun.dep_ in {"nsubj", "nsubjpass"} else \
        [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(c.dep_ == "det" and c.lower_ == "any" for s in subjects for c in s.children)


def _within_scope(lex: StanceLexicon, noun: Token) -> bool:
    """"Its treaty with Manila covers attacks on Philippine vessels": an act a rule covers,
    bans or includes is a kind of act, not one done (cue scope_verbs)."""
    return noun.dep_ == "dobj" and lex.verb_lemma(noun.head) in lex.cue("scope_verbs")


def _meeting_place(lex: StanceLexicon, noun: Token, entry: StanceEntry) -> bool:
    """"He would meet Xi at the G20 summit", "Trump's meetings with Putin on the sidelines of
    the APEC summit": a meeting where another meeting is held tells where (its forum, the G20,
    no party to the meeting told)."""
    if on_sidelines_of(noun):
        return entry.symmetric
    if noun.dep_ != "pobj" or noun.head.lower_ not in {"at", "during"}:
        return False
    verb = noun.head.head.head if noun.head.head.dep_ == "dobj" else noun.head.head  # "meet [Xi at ...]"
    held = lex.verb(lex.verb_lemma(verb)) if verb.pos_ == "VERB" else None
    return held is not None and held.stance == entry.stance


def _ownerless_grievance(noun: Token, entry: StanceEntry) -> bool:
    """A mutual act named as what another act is over or against, with no owner or pair of
    its own: "Greece expelled the Libyan ambassador over the deal" tells no deal of Greece's
    or the envoy's; "over Libya's deal with Turkey", "against talks between X and Y" do."""
    if not entry.symmetric or noun.dep_ != "pobj" or noun.head.lower_ not in {"over", "against"}:
        return False
    owned = any(c.dep_ in OWNER_DEPS and c.pos_ in {"PROPN", "ADJ"} for c in noun.children)
    return not owned and not any(c.dep_ == "prep" and c.lower_ == "between" for c in noun.children)


def _circumstance_of_an_act(lex: StanceLexicon, noun: Token, entry: StanceEntry) -> bool:
    """"Severed ties in a row over ...", "killed six militants in a raid near the border": the
    setting of the act told (a mutual one's, or an armed act's), not an act of its own
    ("denied any role in the attack" still denies the attack)."""
    verb = circumstance_verb(noun)
    if verb is None:
        return False
    entry_of_verb = lex.verb(lex.verb_lemma(verb))
    return entry.symmetric or entry_of_verb is not None and entry_of_verb.stance in lex.cue("armed_stances")


def _sought_in_talks(lex: StanceLexicon, noun: Token, entry: StanceEntry) -> bool:
    """"Qatar is mediating talks between Israel and Hamas on a hostage deal": the agreement
    the talks are on is sought, not reached (the talks are the claim). A mediation verb's
    "on a truce" states the truce between the mediated (nouns._mediated_pair)."""
    if not stance_groups.is_agreement(entry.stance) or noun.dep_ != "pobj" or noun.head.lower_ not in TOPIC_PREPS:
        return False
    talks = noun.head.head
    found = lex.noun(talks.lemma_.lower()) if talks.pos_ == "NOUN" else None
    return found is not None and stance_groups.is_talks(found.stance)


def _answered_proposal(lex: StanceLexicon, noun: Token, entry: StanceEntry) -> bool:
    """"Hamas accepted the proposal": the acceptance is Hamas's, the proposal someone else's
    (the proposer, when told, is whom it is toward: constructions.response_draft)."""
    return stance_groups.is_proposal(entry.stance) and noun.dep_ in {"dobj", "nsubjpass"} and \
        lex.verb_lemma(noun.head) in lex.cue("acceptance_verbs")  # a rejection reads "reject proposal"


def _consults_at_home(noun: Token, entry: StanceEntry) -> bool:
    """"Recalled its ambassador for consultations": the envoy consults its own government;
    "called an emergency cabinet meeting": a state's body meets at home (cue home_bodies)."""
    if entry.symmetric and any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in cue("home_bodies")
                               for c in noun.children):
        return True
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "for" else None
    return entry.stance == "consult" and verb is not None and any(
        c.dep_ == "dobj" and c.lemma_.lower() in cue("envoy_nouns") for c in verb.children)


def _of_kind(noun: Token, entry: StanceEntry) -> bool:
    """"The use of force": the required word named after "of" ("the use of military force")."""
    return any(p.lower_ in entry.requires or p.lemma_.lower() in entry.requires
               for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
               for p in prep.children if p.dep_ == "pobj")


def _against_a_party(noun: Token, entry: StanceEntry) -> bool:
    """"Launched an operation against Hezbollah", "launched a new operation in northern
    Syria": a noun of cue aimed_act_nouns aimed against a party, or launched (cue light_verbs)
    in a place with no modifier but one of cue plain_size_words, is its act without the
    modifier its entry requires ("a military operation"); not "measures against Russia" or
    "a campaign against Israel", which need not be armed, nor "a rescue operation in Gaza"."""
    if noun.lemma_.lower() not in cue("aimed_act_nouns"):
        return False
    return bool(_pobjs_in(noun, {"against"}, ext.ACTORS)) or _launched_in_a_place(noun)


def _launched_in_a_place(noun: Token) -> bool:
    """"Turkey launched a new operation in northern Syria" (not "a rescue operation")."""
    verb = noun.head
    plain = all(c.lemma_.lower() in cue("plain_size_words") for c in noun.children if c.dep_ in {"amod", "compound"})
    return plain and noun.dep_ == "dobj" and verb.lemma_.lower() in cue("light_verbs") and bool(
        _pobjs_in(noun, {"in", "into"}, ext.PLACES) or _pobjs_in(verb, {"in", "into"}, ext.PLACES))


def _pobjs_in(head: Token, preps: set[str], spans_key: str) -> list[Token]:
    """The objects of `head`'s prepositions `preps` that lie in a span of doc.spans[spans_key]."""
    spans = head.doc.spans[spans_key] if spans_key in head.doc.spans else []
    return [p for p in prep_objects(head, preps) if any(s.start <= p.i < s.end for s in spans)]


def _qualified_before(noun: Token, entry: StanceEntry, window: int = 3) -> bool:
    """"Turkey launched an anti-terror operation ... Turkey will end the operation": "the" or
    "its" noun names the same act as its earlier mention, within `window` sentences, which
    had the modifier its entry requires."""
    if not any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return False
    lemma, sentences = noun.lemma_.lower(), 0
    for tok in reversed(noun.doc[:noun.i]):
        if tok.lemma_.lower() == lemma and tok.pos_ == "NOUN" and \
                (has_modifier(tok, entry.requires) or _against_a_party(tok, entry)):
            return True
        sentences += bool(tok.is_sent_start)
        if sentences > window:
            return False
    return False


def _of_forces(noun: Token, entry: StanceEntry) -> bool:
    """"The presence of Russian peacekeepers": forces named after "of" qualify a movement
    noun as its required modifiers would ("a military presence")."""
    return entry.family == "neutral" and any(
        p.lemma_.lower() in cue("military_objects") for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj")


def _leaves_agreement(lex: StanceLexicon, noun: Token, entry: StanceEntry) -> bool:
    """"The withdrawal from the deal" moves no forces: the deal's end is the claim."""
    return entry.family == "neutral" and noun.lemma_.lower() in lex.cue("leaving_nouns") and \
        left_agreement(lex, noun, {"from"})


def _manner_of_another_act(lex: StanceLexicon, noun: Token) -> bool:
    """A stance noun that only qualifies another act: "fired without provocation" (no
    provocation is claimed), "ceasefire violations" (the violations are the act), or names a
    place by it: "the war zone", "along the ceasefire line" (cue place_nouns)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "without":
        return True
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in lex.cue("place_nouns"):
        return True
    head = lex.noun(noun.head.lemma_) if noun.dep_ == "compound" and noun.head.pos_ == "NOUN" else None
    # "surveillance operations": an operation needs another modifier, the surveillance is the
    # act; "war games": the games are an act by this very modifier
    return head is not None and (not head.requires or noun.lower_ in head.requires)


def answered_anothers(lex: StanceLexicon, noun: Token, answer: str) -> bool:
    """What a verb answers is another's, not its subject's: a measure turned down ("Venezuela
    rejected the sanctions"), a proposal accepted ("Serbia accepted the ultimatum", whoever
    gave it; a proposal rejected is read with its rejection: "rejected an offer")."""
    lemma = noun.lemma_.lower()
    return answer in lex.cue("rejection_verbs") and lemma in lex.cue("remote_measures") or \
        answer in lex.cue("acceptance_verbs") and noun.dep_ == "dobj" and lemma in lex.cue("proposal_nouns")
