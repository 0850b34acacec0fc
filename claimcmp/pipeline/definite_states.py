"""Which state a definite noun naming no one is: "the ministry", "the kingdom", "the
president", "the official" (arguments.actors_of reads these last): the body named before
with the same noun, the person the title was given to, the noun a country's name modified,
else the state the text has just named, as the noun's form allows (state_forms.py)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp.knowledge.gazetteer import bodies
from claimcmp.knowledge.lexicons import cue, stance_lexicon
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.pipeline.dep_labels import (
    OWNER_DEPS, PASSIVE_SUBJECT_DEPS, PHRASE_INNER_DEPS, SUBJECT_DEPS, bare_the, has_the, prep_objects,
    reported_subject,
)
from claimcmp.pipeline.mentions import MentionIndex, as_party
from claimcmp.pipeline.state_forms import is_half_state, other_half, state_form_fits
from claimcmp.pipeline.subjects import subject_token

# audit: code (quotation marks, not words)
QUOTE_MARKS = {'"', "“", "”", "«", "»", "„"}


def _named_as_place(span: Span, body: Token) -> bool:
    """"killed in northern Iraq, the ministry said": the country is where another act
    happened, not whose body speaks ("In Lima, the ministry said" is where it spoke); so is a
    country that names a place ("in a raid near the Afghan border, the army said")."""
    root = span.root
    if root.dep_ in OWNER_DEPS and root.head.lemma_.lower() in cue("place_nouns"):
        root = root.head
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in cue("locative_preps") - {"from"} \
        and prep.head.i != body.head.i


def definite_state(head: Token, index: MentionIndex) -> list[dict]:
    """"The ministry", "the kingdom", "the president" naming no one: the state the text has
    just named, within the last three sentences ("Peru condemned the seizure. The foreign
    ministry warned ...")."""
    if not has_the(head):
        return []
    titled = _titled_person(head, index) or _modified_alike(head, index) or _headed_mention_before(head, index)
    if titled is not None:
        return [titled]
    words = {head.lemma_.lower(), f"{head.nbor(-1).lower_} {head.lemma_.lower()}" if head.i > 0 else ""}
    if not (words & stance_lexicon().cue("state_nouns") or is_half_state(head)):
        return []
    named = body_named_before(head, index) or _named_again(head, index)  # "the MFA": the ministry named last
    if named is not None:
        return named
    doers = _doer_tokens(head)
    # a country named only as where something happened owns no body of the story: "killed in
    # northern Iraq, the defence ministry said" is Turkey's ministry (the soldiers' state)
    spans = [span for span in index.before(head, {"country", "person", "organization"}, window=3)
             if not _named_as_place(span, head)]
    # a state named as such before one a person's affiliation gives: "the federal government"
    # after "Ethiopia ... said Obasanjo, the AU envoy" is still Ethiopia's
    told = reported_subject(head)  # "Bolivia recalled its envoy to Chile, the ministry said": Bolivia's
    spans = sorted(spans, key=lambda s: (s._.claimcmp_actor.get("kind") == "person", told is None or s.root != told))
    for span in spans:
        party = as_party(index.actor_dict(span))
        if party is None or party["kind"] != "country":
            continue
        # "X and Y cut ties with the country": not X or Y themselves; '"We condemn Russia's
        # aggression," the ministry said': not Russia's ministry ("Seoul accused the North":
        # the other half of Seoul's land, all the same)
        itself = span.root.i not in doers and not (_quoted_before(span, head) and not _in_subject(span.root))
        half = party if itself and state_form_fits(head, party) else other_half(head, party)
        if half is not None:
            return [half]
    return []


def _headed_mention_before(head: Token, index: MentionIndex) -> dict | None:
    """"Four Chinese coast guard vessels entered ... warned the vessels to leave": a bare
    definite noun is the actor an earlier mention headed by the same noun named, within two
    sentences."""
    earlier = index.same_noun_before(head, window=2) if bare_the(head) else None
    span = index.actor_at.get(earlier.i) if earlier is not None else None
    return index.actor_dict(span) if span is not None and span.root.i == earlier.i else None


def _actor_named_at(tok: Token | None, index: MentionIndex) -> dict | None:
    """The actor of the mention `tok` is part of, if any."""
    span = index.actor_at.get(tok.i) if tok is not None else None
    return index.actor_dict(span) if span is not None else None


def _named_again(head: Token, index: MentionIndex) -> list[dict] | None:
    """The body's earlier mention, as read there: "the Kosovo police ... by the police", "...,
    the foreign ministry said. The ministry ..."; None when there is none."""
    earlier = index.same_noun_before(head, window=2)
    named = _actor_named_at(earlier, index)
    if named is not None:
        return [named]
    if earlier is not None and has_the(earlier):
        return definite_state(earlier, index)
    expansion = _acronym_expansion(head)
    if expansion is not None:
        return definite_state(expansion, index)
    # "Sudan's army accused ... The army responded": the one body the story named so
    named = _actor_named_at(index.same_noun_before(head, window=BODY_WINDOW), index) if earlier is None else None
    return [named] if named is not None else None


def _acronym_expansion(head: Token) -> Token | None:
    """"summoned to the Ministry of Foreign Affairs (MFA) ... The MFA condemned ...": an
    acronym spelled out once, in brackets after its "the" phrase, names that body however far
    on; read as the phrase is."""
    if not head.text.isupper() or len(head.text) < 2:
        return None
    doc = head.doc
    bracketed = next((t for t in reversed(doc[1:head.i - 1]) if t.text == head.text
                      and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")"), None)
    if bracketed is None or bracketed.i < 2:
        return None
    word = doc[bracketed.i - 2]
    while not has_the(word) and word.dep_ in {"pobj", "prep", "compound"} and word.head.i < word.i:
        word = word.head  # "Affairs" -> "of" -> "Ministry"
    return word if has_the(word) else None


def _titled_person(head: Token, index: MentionIndex) -> dict | None:
    """"Chinese Vice Premier Liu He arrived in Washington. The vice premier met Trump": a title
    refers back to the person just named with it, before any country named since."""
    if head.lower_ not in cue("title_words"):
        return None
    for span in index.before(head, {"person"}, window=3):
        # the title is in the person's own phrase, not a word that happens to stand before
        # it ("the ministry summoned the Russian ambassador": the ministry is no title of his)
        start = max(span.start - 3, span.sent.start)
        title = [t for t in span.root.subtree if start <= t.i < span.end]
        if any(t.lower_ == head.lower_ for t in title if t.i != head.i):
            return index.actor_dict(span)
    return None


def _modified_alike(head: Token, index: MentionIndex) -> dict | None:
    """"A senior U.S. government official said ... the official told Yonhap": a definite
    noun refers back to the same noun a country's name modified, within three sentences,
    before any country named since; not when the same noun came since with no country ("the
    Bolivian statement said ... Peru accused Chile in a statement ... The statement said")."""
    antecedent = index.same_noun_before(head, window=3) if not _named_place(head) else None
    for span in index.before(head, {"country"}, window=3) if antecedent is not None else ():
        if span.root.dep_ not in OWNER_DEPS:
            continue  # "Israel struck Damascus. The strike ...": Damascus modifies no strike
        noun = span.root.head
        while noun.dep_ == "compound" and noun.head.i != noun.i:
            noun = noun.head  # "U.S. government official": U.S. -> government -> official
        if noun.i == antecedent.i:
            return as_party(index.actor_dict(span))
    return None


def _named_place(head: Token) -> bool:
    """"the city of El Fasher", "the town of Bakhmut": a place noun (cue place_nouns) with a
    name of its own after "of" is a place named anew, not one told before."""
    return head.lemma_.lower() in cue("place_nouns") and any(p.pos_ == "PROPN" for p in prep_objects(head, {"of"}))


def _quoted_before(span: Span, head: Token) -> bool:
    """The span is inside a quotation that closes before head, in head's sentence: the
    words of whoever head names, not head's own country."""
    sent = head.sent
    if span.start < sent.start:
        return False
    marks = [t.i for t in sent if t.text in QUOTE_MARKS and t.i < head.i]
    return sum(1 for i in marks if i < span.start) % 2 == 1 and any(i >= span.end for i in marks)


def _in_subject(tok: Token) -> bool:
    """The token is (in) the subject of its clause: '"The State of Qatar respects ...," the
    ministry said' names the speaker's own state."""
    while tok.dep_ in PHRASE_INNER_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS


def _doer_tokens(head: Token) -> set[int]:
    """The tokens of the doers of the verb a definite noun hangs on, with their coordinated
    ones: "Egypt and Jordan cut ties with the country"."""
    verb = head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subject = subject_token(verb)[0] if verb.pos_ in {"VERB", "AUX"} else None
    if subject is None:
        return set()
    return {t.i for t in subject.subtree if t.dep_ in {"conj", "poss", "amod", "compound"} or t.i == subject.i}


BODY_WINDOW = 8  # sentences back a body named with "the" alone is looked for


@overlay_cached
def _organization_canons(overlay: str | None = None) -> dict[str, frozenset[str]]:
    """Phrase -> canons of the organization bodies it names ("mfa", "foreign ministry"),
    indexed once per overlay rather than scanned for every "the ..." read."""
    out: dict[str, set[str]] = {}
    for body in bodies.for_overlay(overlay):
        if body.kind == "organization":
            out.setdefault(body.phrase, set()).add(body.canon)
    return {phrase: frozenset(canons) for phrase, canons in out.items()}


def body_named_before(head: Token, index: MentionIndex) -> list[dict]:
    """"The MFA strongly condemned ..." after "Azerbaijan's Foreign Ministry summoned the
    Russian envoy": a state body named with "the" alone is the latest body of that kind the
    text named, however many other countries it named since; its state is the party."""
    prev = f"{head.nbor(-1).lower_} " if head.i > 0 else ""
    words = {head.lower_, head.lemma_.lower(), prev + head.lower_, prev + head.lemma_.lower()}
    by_phrase = _organization_canons()
    canons = {f"_{canon}" for w in words for canon in by_phrase.get(w, ())}
    if not canons:
        return []
    for span in index.before(head, {"organization"}, window=BODY_WINDOW):
        actor = index.actor_dict(span)
        party = as_party(actor)
        if any(actor["id"].endswith(canon) for canon in canons) and party is not None and party["kind"] == "country":
            return [party]
    return []
