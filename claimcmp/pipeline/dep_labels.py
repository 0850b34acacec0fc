"""The dependency labels (ClearNLP style, as spaCy's English models write them) through which
the argument rules reach a predicate's actors, and small readings of the parse they share."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.lexicons import cue

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "iobj", "attr", "oprd"}
# Modifiers of an argument head through which a nested actor still names the argument:
# "Russian officials", "Iran's army", "the Obama administration", "leaders of Russia".
# audit: code (dependency labels of the parser)
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod"}
# The modifiers that name whose a noun is: "Peru's allegations", "the Chilean raid", "US claims".
OWNER_DEPS = frozenset({"poss", "amod", "compound"})
# The edges from a word up to the head of the noun phrase it is in: "the State of Qatar"
# (Qatar -> of -> State), "Russia's aggression" (Russia -> aggression).
# audit: code (dependency labels of the parser)
PHRASE_INNER_DEPS = {"pobj", "prep", "compound", "poss", "appos", "amod"}


def referred_back(noun: Token) -> bool:
    """Whether a noun phrase points back to something told before: "the deal", "this
    accord", "that statement"."""
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children)


def has_the(noun: Token) -> bool:
    """"the ministry", "the Kurdish group": the noun takes "the"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def bare_the(noun: Token) -> bool:
    """"the group", "the operation": a noun with "the" and no name or modifier of its own,
    which only points back to one told before (not "the Kurdish group", "Turkey's operation")."""
    return has_the(noun) and not any(c.dep_ in OWNER_DEPS for c in noun.children)


def clause_verb(word: Token) -> Token:
    """The word a noun phrase hangs on in its clause, through a preposition: the verb of
    "urged both sides" and of "called on the two sides" (else the head of the word)."""
    return word.head.head if word.dep_ == "pobj" else word.head


def counted(noun: Token) -> Token:
    """What a counting noun counts, named after its "of": "hundreds of prisoners", "500 tons
    of food aid" (else the noun itself)."""
    return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"), noun)


def first_conjunct(tok: Token) -> Token:
    """The first of the coordinated words `tok` is one of ("tensions and clashes", "said
    and added"), whose head and subject they share."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def prep_objects(head: Token, preps: set[str] | frozenset[str]) -> list[Token]:
    """The objects of `head`'s prepositions `preps`: "by Smirnov" of "the remarks by Smirnov",
    "against Hezbollah" of "an operation against Hezbollah"."""
    return [p for prep in head.children if prep.dep_ == "prep" and prep.lower_ in preps
            for p in prep.children if p.dep_ == "pobj"]


def gerund_read_as_modifier(verb: Token) -> bool:
    """"Mali accused Ukraine of supporting rebels": the parser reads "supporting" as a
    modifier of "rebels" (as in "the supporting rebels"); opening the phrase under an
    object-control preposition of a verb with an object, it is the gerund, its noun the object;
    so it is opening the object of a verb of deliberating ("is considering normalizing
    relations with Israel", cue deliberation_verbs)."""
    noun = verb.head
    if verb.dep_ != "amod" or verb.tag_ != "VBG" or verb.i != noun.left_edge.i:
        return False
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in cue("deliberation_verbs")
    return noun.dep_ == "pobj" and noun.head.lower_ in cue("object_control_preps") and \
        noun.head.head.pos_ == "VERB" and any(c.dep_ == "dobj" for c in noun.head.head.children)


def reported_subject(speaker: Token) -> Token | None:
    """The subject of the clause a trailing speaker tells ("Bolivia recalled its envoy, the
    ministry said": Bolivia), or None when the speaker leads ("the ministry said ...")."""
    verb = speaker.head
    if speaker.dep_ not in SUBJECT_DEPS or verb.lemma_.lower() not in cue("reporting_verbs"):
        return None
    told = next((c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < speaker.i), None)
    return next((c for c in told.children if c.dep_ in SUBJECT_DEPS), None) if told is not None else None


def conjunct_of_the_saying(current: Token) -> Token | None:
    """"We are aware that Serbia shelled the village and remain in close coordination with
    our allies": the parser joins "remain" to the reported verb, but a present beside a past
    (or a past beside a present) is the speaker's own second verb: the governor of the
    reported clause, whose subject does it."""
    head = current.head
    if current.dep_ == "conj" and head.dep_ == "ccomp" and _saying_beside_a_state(current, head):
        return head.head
    if current.dep_ != "conj" or head.dep_ != "ccomp" or not any(c.dep_ == "mark" for c in head.children) \
            or any(c.dep_ in {"aux", "auxpass"} for c in current.children):
        return None
    past, present = {"VBD"}, {"VB", "VBP", "VBZ"}
    if head.tag_ in past and current.tag_ in present or head.tag_ in present and current.tag_ in past:
        return head.head
    return None


def _saying_beside_a_state(current: Token, told: Token) -> bool:
    """"Russia's envoy said the text was biased and accused London of hypocrisy": a verb of
    saying with an object, joined to a passive or copular reported clause, is the speaker's
    second saying (the thing told of is no accuser)."""
    saying = cue("reporting_verbs") | cue("embedding_stances")
    passive = any(c.dep_ == "auxpass" for c in told.children) or told.lemma_ == "be"
    return passive and current.lemma_.lower() in saying and any(c.dep_ == "dobj" for c in current.children)


def names_one_told(noun: Token) -> bool:
    """"the operation", "its offensive": a definite act noun with no party of its own named,
    which names an act told before."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" or c.dep_ == "det" and c.lower_ == "the"
               for c in noun.children)


def relative_antecedent(doer: Token) -> Token:
    """"jets which chased them": the noun a relative pronoun stands for; "jets were scrambled
    who chased them" (the parser hung the clause on the verb): that verb's subject; any
    other token is itself."""
    if doer.lower_ not in {"which", "who", "that"} or doer.dep_ not in SUBJECT_DEPS:
        return doer
    clause = doer.head
    if clause.dep_ == "relcl":
        return clause.head
    if clause.dep_ in {"ccomp", "advcl"}:
        return next((c for c in clause.head.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS), doer)
    return doer


def on_sidelines_of(noun: Token) -> bool:
    """A meeting named as the edge where others meet: "on the sidelines of the APEC summit"
    (cue venue_edges)."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in cue("venue_edges")
