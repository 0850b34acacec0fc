"""Arguments that name their actors by reference, not by name: a pronoun (the speaker of a
reporting verb over it, else the latest fitting mention, the previous subject first), a state
body named with "the" alone ("the MFA": the body of that kind the text named last); words
that name two parties at once are read in pair_phrases.py."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp.knowledge.gazetteer import country_actor
from claimcmp.knowledge.lexicons import cue, stance_lexicon
from claimcmp.pipeline.dep_labels import (
    PASSIVE_SUBJECT_DEPS, SUBJECT_DEPS, bare_the, prep_objects, relative_antecedent,
)
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.pair_phrases import PLURAL_TAGS, is_pair_phrase, recent_pair
from claimcmp.pipeline.subjects import controlling_object, subject_token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
THING_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "their"}
SINGULAR_POSSESSIVES = frozenset({"its", "his", "her"})
RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "whose"}


def resolve_pronoun(pron: Token, index: MentionIndex) -> list[dict]:
    """The actors a pronoun names; "its territory" of a state body is its state's land (the
    foreign ministry said Congolese forces shelled its territory: Rwanda)."""
    found = _resolve_pronoun(pron, index)
    if pron.dep_ != "poss" or pron.head.lemma_.lower() not in cue("territory_nouns"):
        return found
    states = [country_actor(a["country"]) if a.get("kind") != "country" and a.get("country") else None for a in found]
    return [{**s, "mention": a.get("mention", "")} if s else a for a, s in zip(found, states)]


def _resolve_pronoun(pron: Token, index: MentionIndex) -> list[dict]:
    if thing_just_acted_on(pron, index):
        return []
    conjoined = _owner_conjoined_before(pron, index)
    if conjoined:
        return conjoined
    reason = _reason_party(pron, index) or _controller_owns(pron, index)
    if reason:
        return reason
    own_subject = _own_clause_subject(pron, index)
    if own_subject is None:
        speaker = _speaker_over(pron, index) or _speaker_as_victim(pron, index)
        if speaker is not None:
            return _speaker_parties(pron, speaker, index)
        said_by = _same_pronoun_saying(pron)
        if said_by is not None:
            return resolve_pronoun(said_by, index)  # "It said it remained committed to talks"
        country = _country_named_before(pron, index)
        if country:
            return country
    candidates = _antecedents(pron, index, own_subject)
    if own_subject is not None:
        # an object pronoun names a party of its own sentence before the previous subject:
        # "Britain is one of Ukraine's backers, supplying it with missiles" (Ukraine)
        start = index.sentence_start(pron)
        candidates = [c for c in candidates if c.start >= start] or candidates
    # Centering: a pronoun most often continues the previous subject.
    subjects = [c for c in candidates if c.root.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    best = subjects[0] if subjects else (candidates[0] if candidates else None)
    return [index.actor_dict(best)] if best is not None else []


def _owner_conjoined_before(pron: Token, index: MentionIndex) -> list[dict]:
    """"The US and its allies", "Israel and its backers": a possessive on a noun joined to an
    actor names that actor, not the clause's subject."""
    noun = pron.head
    if pron.dep_ != "poss" or pron.lower_ not in {"its", "their"} or noun.dep_ != "conj" or noun.head.i >= pron.i:
        return []
    return [index.actor_dict(index.actor_at[noun.head.i])] if noun.head.i in index.actor_at else []


def _antecedents(pron: Token, index: MentionIndex, own_subject: Span | None) -> list[Span]:
    """The actors told in the pronoun's sentence or the one before that it may name, nearest
    first: persons for "he", bodies for "it", groups for "they"."""
    lower = pron.lower_
    kinds = {"person"} if lower in PERSON_PRONOUNS else {"country", "organization", "group"} \
        if lower in THING_PRONOUNS else {"group", "organization", "country"} if lower in GROUP_PRONOUNS else None
    if kinds is None:
        return []
    candidates = index.before(pron, kinds, window=1)
    if lower in THING_PRONOUNS:
        # "it"/"its" is one body: "Chinese vessels rammed its boats" is not the vessels' boats
        # (a country's plural name is still one: "the Philippines said its ...")
        candidates = [c for c in candidates if c.root.tag_ not in PLURAL_TAGS
                      or c._.claimcmp_actor.get("kind") == "country"]
    if lower in GROUP_PRONOUNS:
        # "they" names many before one: "Congo accuses Rwanda of arming the rebels and sending
        # troops to fight alongside them" (the rebels, not Congo)
        candidates = [c for c in candidates if _names_many(c)] or candidates
    if own_subject is not None:
        # an object pronoun is never its own clause's doer (that would be "itself"): "Chile cut
        # ties with Peru, accusing it of ..." -> Peru; nor, before a party named otherwise, one
        # named as where the clause happened: "brought a case against Israel at the ICJ,
        # accusing it of genocide" -> Israel
        own = party_key(index.actor_dict(own_subject))
        candidates = sorted((c for c in candidates if party_key(index.actor_dict(c)) != own), key=_named_as_venue)
    return candidates


def _names_many(span: Span) -> bool:
    """A plural mention or one of several joined: "the rebels", "Chile and Peru"."""
    return span.root.tag_ in PLURAL_TAGS or bool(span.root.conjuncts)


def _named_as_venue(span: Span) -> bool:
    """A party named after a locative preposition: "at the ICJ", "in Geneva"."""
    return span.root.dep_ == "pobj" and span.root.head.lower_ in cue("locative_preps")


def _country_named_before(pron: Token, index: MentionIndex) -> list[dict]:
    """"Kagame said his country would not withdraw, but warned that it would strike back":
    an "it" after a subject "his country" ("our nation") of its sentence is that country."""
    if pron.lower_ not in THING_PRONOUNS:
        return []
    sent = pron.sent
    for tok in reversed(sent[:pron.i - sent.start]):
        if tok.lemma_.lower() in cue("country_nouns") and tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
            return _owners_country(tok, index)
    # "Its foreign ministry said ... It said it remained committed to talks": the subject
    # pronoun goes on with the state body that spoke in the sentence before
    before = sent.start - 1
    root = pron.doc[before].sent.root if before >= 0 and pron.dep_ in SUBJECT_DEPS else None
    body = next((c for c in root.children if c.dep_ in SUBJECT_DEPS), None) if root is not None else None
    if body is not None and body.lemma_.lower() in cue("country_nouns") | stance_lexicon().cue("state_nouns"):
        return _owners_country(body, index)
    return []


def _owners_country(noun: Token, index: MentionIndex) -> list[dict]:
    """The country of whoever the possessive pronoun on `noun` names ("his country", "its
    foreign ministry"), named by the two words."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
    owners = resolve_pronoun(owner, index)[:1] if owner is not None else []
    countries = [country_actor(a["country"]) for a in owners if a.get("country")]
    return [{**c, "mention": f"{owner.text} {noun.text}"} for c in countries if c]


def acts_on_a_thing(word: Token, index: MentionIndex) -> bool:
    """Whether the word's object is an "it" that names the thing just acted on: no party to
    guess from the article ("seized a tanker, accusing it of smuggling")."""
    return any(c.dep_ == "dobj" and thing_just_acted_on(c, index) for c in word.children) or _sent_away(word, index)


def _sent_away(word: Token, index: MentionIndex) -> bool:
    """"Nicaragua expelled its opponents to the United States": people sent away that the
    object names no party of; where they go ("to") is no party to the act."""
    obj = next((c for c in word.children if c.dep_ == "dobj"), None)
    return word.lemma_.lower() in cue("sending_away_stances") and obj is not None and \
        not index.names_actor(obj.left_edge.i, obj.right_edge.i) and \
        any(c.dep_ == "prep" and c.lower_ in {"to", "into"} for c in word.children)


def thing_just_acted_on(pron: Token, index: MentionIndex) -> bool:
    """"Iran seized a tanker, accusing it of smuggling fuel": an "it" that the clause hung on
    the main verb acts on is that verb's object, a thing no actor is named in (not "seized a
    British tanker", the British one, nor "cut ties with Peru, accusing it", plural ties);
    so is the "it" a saying hung on the verb tells of, not in the future: "condemned the
    decision, saying it violated international law"."""
    if pron.lower_ == "them" and pron.dep_ == "dobj":
        return _things_just_named(pron, index)
    if pron.lower_ != "it":
        return False
    if pron.dep_ in {"nsubj", "nsubjpass"} and pron.head.dep_ == "ccomp" and pron.head.head.tag_ == "VBG" \
            and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in pron.head.children):
        # "saying it violated": the participle hung on the main verb ("saying it would
        # retaliate" tells of the speaker's own act)
        hung = pron.head.head
    elif pron.dep_ == "dobj":
        hung = pron.head
    else:
        return False
    if hung.dep_ not in {"advcl", "xcomp", "conj"}:
        return False
    obj = next((c for c in hung.head.children if c.dep_ == "dobj" and c.i < pron.i), None)
    # an owner before the noun names whose it is ("a British tanker"); "in the Gulf of Oman" after it where;
    # a party the object is aimed at is the one "it" names ("filed a case against Israel, accusing it")
    return obj is not None and obj.tag_ == "NN" and not index.names_actor(obj.left_edge.i, obj.i) \
        and not any(index.names_actor(o.left_edge.i, o.right_edge.i)
                    for o in prep_objects(obj, {"against"}) + prep_objects(hung.head, {"against"}))


def _things_just_named(pron: Token, index: MentionIndex) -> bool:
    """"Germany voted against the tariffs, while France backed them": a "them" after a plural
    object of its sentence that names no actor, with no actor between them but the clause's
    own subject, is those things ("China warned Japan and South Korea, accusing them" names
    the two)."""
    sent = pron.sent
    things = [t for t in sent[:pron.i - sent.start] if t.tag_ == "NNS" and t.dep_ in {"dobj", "pobj"}]
    if not things or index.names_actor(things[-1].left_edge.i, things[-1].i):
        return False
    doer, _ = subject_token(pron.head)
    between = {index.actor_at[i].start for i in range(things[-1].i + 1, pron.i) if i in index.actor_at}
    own = {index.actor_at[doer.i].start} if doer is not None and doer.i in index.actor_at else set()
    return not between - own


def _speaker_over(pron: Token, index: MentionIndex) -> Span | None:
    """"Russia said it would ...": a pronoun under a reporting verb refers to the speaker."""
    for governor in _clauses_over(pron):
        for child in governor.children:
            if child.dep_ in SUBJECT_DEPS and child.i != pron.i:
                if child.lower_ in RELATIVE_PRONOUNS and child.head.dep_ == "relcl":
                    child = child.head.head  # "Israel, which says it ..."
                elif child.pos_ == "PRON":
                    continue
                span = index.actor_at.get(child.i)
                if span is not None and pronoun_fits(pron.lower_, span):
                    return span
    return None


def _clauses_over(pron: Token):
    """The clauses the pronoun's clause hangs on, nearest first: "said" of "Russia said it
    would ..." (through complements, conjuncts and adverbial clauses)."""
    governor = pron.head
    while governor.dep_ in {"ccomp", "xcomp", "conj", "advcl"} and governor.head.i != governor.i:
        governor = governor.head
        yield governor


def _same_pronoun_saying(pron: Token) -> Token | None:
    """The same pronoun as subject of the verb of saying over `pron` ("It said it would ...",
    "They warned they would ..."): one speaks of itself."""
    for governor in _clauses_over(pron):
        same = next((c for c in governor.children if c.dep_ in SUBJECT_DEPS and c.i < pron.i
                     and c.lower_ == pron.lower_ and c.pos_ == "PRON"), None)
        if same is not None:
            return same
    return None


def _speaker_as_victim(pron: Token, index: MentionIndex) -> Span | None:
    """"Bolivia said Chile had attacked its patrol": an "its" in what a hostile act of
    another party was done to, told by a speaker, is the speaker's ("Bolivia said Chile
    strengthened its forces" keeps Chile's: no hostile act)."""
    if pron.dep_ != "poss" or pron.head.dep_ not in {"dobj", "pobj"}:
        return None
    verb = pron.head.head if pron.head.dep_ == "dobj" else pron.head.head.head
    lex = stance_lexicon()
    entry = lex.verb(lex.verb_lemma(verb)) if verb.pos_ == "VERB" else None
    doer, _ = subject_token(verb) if entry is not None and entry.family == "conflict" else (None, False)
    told = verb
    while told.dep_ in {"advcl", "conj"} and told.head.i != told.i:
        told = told.head  # "said it fired rockets after Israel struck its positions"
    if doer is None or doer.i not in index.actor_at or told.dep_ != "ccomp":
        return None
    said = next((c for c in told.head.children if c.dep_ in SUBJECT_DEPS), None)
    speaker = index.actor_at.get(said.i) if said is not None else None
    if speaker is None or not pronoun_fits(pron.lower_, speaker):
        return None
    same = party_key(index.actor_dict(speaker)) == party_key(index.actor_dict(index.actor_at[doer.i]))
    return None if same else speaker


def _speaker_parties(pron: Token, speaker: Span, index: MentionIndex) -> list[dict]:
    """The speaker "they" names, all of a coordinated one: "Chile, Peru and Bolivia said they
    would cut ties" -> the three; "it" and "he" name one."""
    parties = [index.actor_dict(speaker)]
    if pron.lower_ not in GROUP_PRONOUNS:
        return parties
    for conj in speaker.root.conjuncts:
        span = index.actor_at.get(conj.i)
        if span is not None and pronoun_fits(pron.lower_, span):
            actor = index.actor_dict(span)
            if all(party_key(actor) != party_key(p) for p in parties):
                parties.append(actor)
    return parties


def _own_clause_subject(pron: Token, index: MentionIndex) -> Span | None:
    """The named doer of the clause whose object the pronoun is ("accusing it", "talks
    with it"), read as subjects.subject_token reads it; None for a subject or possessive."""
    if pron.dep_ in {"dobj", "dative"}:
        verb = pron.head
    elif pron.dep_ == "pobj" and pron.head.head.pos_ == "VERB":
        verb = pron.head.head
    else:
        return None
    doer, _ = subject_token(verb)
    doer = relative_antecedent(doer) if doer is not None else None  # "jets ... who chased them"
    return index.actor_at.get(doer.i) if doer is not None and doer.i != pron.i else None


def _controller_owns(pron: Token, index: MentionIndex) -> list[dict]:
    """"Germany urged India to settle its differences with Pakistan", "called on Rwanda to
    withdraw its soldiers": an owner in the object of a clause the governor's object is to
    do is that object, its doer; not the victim of a hostile act ("urged Beijing to stop
    harassing its boats": the urger's)."""
    if pron.dep_ != "poss" or pron.head.dep_ not in {"dobj", "pobj"}:
        return []
    verb = pron.head.head if pron.head.dep_ == "dobj" else pron.head.head.head
    if verb.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return []
    lex = stance_lexicon()
    entry = lex.verb(lex.verb_lemma(verb))
    if entry is not None and entry.family == "conflict":
        return []
    controller = controlling_object(verb)  # "called on Rwanda to withdraw its soldiers"
    if controller is not None and pron.lower_ == "their" and is_pair_phrase(controller):
        return recent_pair(controller, index)  # "urged both sides to settle their differences"
    span = index.actor_at.get(controller.i) if controller is not None else None
    return [index.actor_dict(span)] if span is not None and pronoun_fits(pron.lower_, span) else []


def _reason_party(pron: Token, index: MentionIndex) -> list[dict]:
    """"its" in the reason ("for", "over") of an act on another party is that party's:
    "Chile criticized Peru for its refusal", "cut ties with Qatar over its support for ..."
    (not "recalled its envoy over its dispute with Peru": no other party is acted on)."""
    if pron.dep_ != "poss" or pron.head.dep_ != "pobj" or pron.head.head.lower_ not in {"for", "over"}:
        return []
    verb = pron.head.head.head
    if verb.pos_ != "VERB":
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"] + \
        [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children if p.dep_ == "pobj"]
    objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children if p.dep_ == "pobj"]  # "cut ties with Qatar"
    spans = [index.actor_at[o.i] for o in objects if o.i in index.actor_at]
    return [index.actor_dict(spans[0])] if spans and pronoun_fits(pron.lower_, spans[0]) else []


def pronoun_fits(lower: str, span: Span) -> bool:
    kind = span._.claimcmp_actor.get("kind")
    if lower in PERSON_PRONOUNS:
        return kind == "person"
    if lower in THING_PRONOUNS:
        return kind in {"country", "organization", "group"}  # "the army said it ..."
    if lower in GROUP_PRONOUNS:
        return kind in {"group", "organization", "country"}
    return False


def group_named_before(head: Token, index: MentionIndex) -> list[dict]:
    """"Israel killed a Hezbollah commander. The group vowed to retaliate": "the group" (cue
    group_nouns, with "the" and no name of its own) is the latest armed or political group
    the text named, within three sentences."""
    if head.tag_ == "NNS" or not _bare_definite(head, "group_nouns"):
        return []
    found = next((s for s in index.before(head, {"group"}, window=3) if not s._.claimcmp_actor.get("country")), None)
    return [index.actor_dict(found)] if found is not None else []


def collective_named_before(head: Token, index: MentionIndex) -> list[dict] | None:
    """"the alliance", "the bloc" (cue collective_nouns, with no name of its own): the
    organization the article has just named, one whose name holds the noun first ("the
    agency" is the International Atomic Energy Agency, not the State Department named since);
    None for any other noun."""
    if not _bare_definite(head, "collective_nouns"):
        return None
    recent = index.before(head, {"organization"}, window=3)
    word = head.lemma_.lower()
    named = [s for s in recent if word in s.text.lower() or word in (s._.claimcmp_actor.get("name") or "").lower()]
    return [index.actor_dict((named or recent)[0])] if recent else []


def _bare_definite(head: Token, nouns: str) -> bool:
    """A noun of the cue list `nouns` with "the" and no name of its own ("the group", not "the
    Kurdish group" nor "Hamas's armed wing"): it refers back to one named before."""
    return head.lemma_.lower() in cue(nouns) and bare_the(head)
