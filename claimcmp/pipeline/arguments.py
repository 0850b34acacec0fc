"""WHO and WHOM: from dependency arcs to the actor mentions tagged by claimcmp_actors.

Works on any spaCy English parse (ClearNLP-style labels: nsubj, dobj, pobj, agent ...).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimcmp import extensions as ext
from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.gazetteer import country_actor
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.knowledge.lexicons import cue, stance_lexicon

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "iobj", "attr", "oprd"}
# Modifiers of an argument head through which a nested actor still names the argument:
# "Russian officials", "Iran's army", "the Obama administration", "leaders of Russia".
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "appos", "npadvmod"}
# Word lists of the rules below (cues.json): agent_nouns, heads that stand for the people or
# bodies of whatever modifies them ("Russian officials"); control_nouns, opponent_nouns,
# collective_nouns, quantity_nouns, pair_nouns and the prepositions of place phrases.
# Nouns naming the relationship itself: "Russo-US relations", "ties between X and Y"
RELATIONS_NOUNS = {"relation", "relationship", "tie"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
THING_PRONOUNS = {"it", "its"}
GROUP_PRONOUNS = {"they", "them", "their"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "whose"}


@dataclass
class MentionIndex:
    """Token index -> tagged span, for one doc (built once per doc, O(tokens))."""

    doc: Doc
    actor_at: dict[int, Span] = field(default_factory=dict)
    place_at: dict[int, Span] = field(default_factory=dict)
    actors: list[Span] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    # (subject, target) of the claims found so far: what "the two countries" refers back to
    recent_pairs: list[tuple[dict, dict]] = field(default_factory=list)
    pair_sentences: list[int] = field(default_factory=list)  # sentence number of each recent pair
    accusers: dict[str, dict] = field(default_factory=dict)  # accused party -> latest accuser

    @classmethod
    def build(cls, doc: Doc) -> "MentionIndex":
        index = cls(doc)
        index.sent_starts = [s.start for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
        if ext.ACTORS in doc.spans:
            for span in doc.spans[ext.ACTORS]:
                if span._.claimcmp_actor:
                    index.actors.append(span)
                    for i in range(span.start, span.end):
                        index.actor_at[i] = span
        if ext.PLACES in doc.spans:
            for span in doc.spans[ext.PLACES]:
                for i in range(span.start, span.end):
                    index.place_at[i] = span
        return index

    def actor_dict(self, span: Span) -> dict:
        actor = span._.claimcmp_actor
        if actor["kind"] == "person" and not actor.get("country"):
            # The small model tags many foreign towns as people ("Kharkiv", "Rafah"): a
            # "person" with no affiliation whose name is a known place stands for its country.
            place = self.place_at.get(span.start)
            region = place._.claimcmp_region if place is not None else None
            if region and region.get("country") and place.start == span.start and place.end == span.end:
                located = country_actor(region["country"])
                if located is not None:
                    return {**located, "mention": span.text}
        return {**actor, "mention": span.text}

    def sentence_number(self, token: Token) -> int:
        return bisect.bisect_right(self.sent_starts, token.i) - 1

    def note_pair(self, subject: dict, target: dict, token: Token) -> None:
        """Remember the parties of a two-party claim; "the two" and "the talks" refer back to
        them as countries or bodies (a person by the country they serve)."""
        pair = tuple(as_party(a) for a in (subject, target))
        if None not in pair and party_key(pair[0]) != party_key(pair[1]):
            self.recent_pairs.append(pair)
            self.pair_sentences.append(self.sentence_number(token))

    def note_accusation(self, accuser: dict, accused: dict) -> None:
        party = as_party(accuser)
        if party is not None:
            self.accusers[party_key(as_party(accused) or accused)] = party

    def accusers_of(self, accused: dict) -> list[dict]:
        """Whoever last accused this party ("X rejected the accusation")."""
        found = self.accusers.get(party_key(as_party(accused) or accused))
        return [found] if found is not None else []

    def last_pair(self, token: Token, *, earlier_sentences: bool = False) -> list[dict]:
        """The parties of the latest two-party claim (before `token`'s sentence if asked)."""
        here = self.sentence_number(token)
        for pair, number in zip(reversed(self.recent_pairs), reversed(self.pair_sentences)):
            if not earlier_sentences or number < here:
                return list(pair)
        return []

    def before(self, token: Token, kinds: set[str] | None = None, window: int = 2) -> list[Span]:
        """Actor spans ending before token, nearest first, within `window` sentences."""
        idx = bisect.bisect_right(self.sent_starts, token.i) - 1
        floor = self.sent_starts[max(0, idx - window)] if self.sent_starts else 0
        out = []
        for span in reversed(self.actors):
            if span.end <= token.i and span.start >= floor:
                if kinds is None or span._.claimcmp_actor.get("kind") in kinds:
                    out.append(span)
        return out


def is_state_body(actor: dict) -> bool:
    """A body of a state named by its country's code: VEN_OFFICIALS, SYR_MILITARY."""
    country = actor.get("country")
    return actor["kind"] != "country" and bool(country) and actor["id"].upper().startswith(f"{country}_")


def other_party(pair: list[dict], party: dict) -> dict | None:
    """The member of a two-party pair that is not `party`, when `party` is one of them."""
    keys = [party_key(p) for p in pair]
    key = party_key(party)
    return pair[1 - keys.index(key)] if len(pair) == 2 and key in keys else None


def as_party(actor: dict) -> dict | None:
    """A party as "the two countries" name it: a person or state body ("Venezuelan
    diplomats", VEN_OFFICIALS) by its country; any other body or group as itself."""
    country = actor.get("country")
    if actor["kind"] != "person" and not is_state_body(actor):
        return actor
    located = country_actor(country) if country else None
    return {**located, "mention": actor.get("mention", "")} if located else None


def party_key(actor: dict) -> str:
    return actor.get("country") or actor["id"]


def actors_of(head: Token, index: MentionIndex, *, expand_conj: bool = True) -> list[dict]:
    """Actors named by the argument headed by `head` (and its conjuncts)."""
    heads = [head] + (list(head.conjuncts) if expand_conj else [])
    found: list[dict] = []
    for h in heads:
        for actor in _actors_at(h, index):
            if all(party_key(actor) != party_key(f) or actor["id"] != f["id"] for f in found):
                found.append(actor)
    return found


def _actors_at(head: Token, index: MentionIndex) -> list[dict]:
    """The actors a noun phrase's head names: "Israeli and Hezbollah forces", "they", "the
    two sides", "the alliance", "tens of thousands of students", "protesters in Aleppo"."""
    span = index.actor_at.get(head.i)
    if span is not None:
        return _tagged_actors(head, span, index)
    lower = head.lower_
    if lower in RELATIVE_PRONOUNS and head.head.dep_ == "relcl":
        return _actors_at(head.head.head, index)
    if head.pos_ == "PRON" and head.lower_ in FIRST_PERSON_PLURAL:
        return _speakers_side(head, index)
    if head.pos_ == "PRON":
        return _resolve_pronoun(head, index)
    if head.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"} or head.lower_ == "own":
        return []  # "military action of its own" names no other party
    pair, _ = named_pair(head)
    if pair:
        return pair
    if _is_pair_phrase(head):
        return _recent_pair(head, index)
    if head.lemma_.lower() in cue("collective_nouns") and any(c.lower_ == "the" for c in head.children) and \
            not any(c.dep_ in {"amod", "compound", "poss"} for c in head.children):
        # "the alliance", "the bloc": the organization the article has just named
        recent = index.before(head, {"organization"}, window=3)
        return [index.actor_dict(recent[0])] if recent else []
    if head.lemma_.lower() in cue("quantity_nouns") or head.pos_ == "NUM":
        found = _people_counted(head, index)
        if found:
            return found
    if head.lemma_.lower() in cue("opponent_nouns"):
        # "Iran's enemies (Saudi Arabia)": whoever the appositive names, never the possessor
        return [a for c in head.children if c.dep_ == "appos" for a in _actors_at(c, index)]
    return _modifier_actors(head, index) or _definite_state(head, index)


def _tagged_actors(head: Token, span: Span, index: MentionIndex) -> list[dict]:
    """The actor tagged at the head, with its country if a group's ("rebels in the Ivory
    Coast", "Iraqi Kurds"), and a modifier coordinated into it: "Israeli and Hezbollah forces"."""
    actor = index.actor_dict(span)
    if actor["kind"] == "group" and not actor.get("country"):
        country = _located_in(head, index) or _national(head, span, index)
        if country:
            actor["country"] = country  # "rebels in the Ivory Coast", "Iraqi Kurds"
    found = [actor]
    # "Israeli and Hezbollah forces": a modifier coordinated into the span names a party too
    for child in head.children:
        if child.dep_ in {"amod", "compound", "nmod"} and not span.start <= child.i < span.end and \
                any(span.start <= c.i < span.end for c in child.conjuncts):
            other = index.actor_at.get(child.i)
            if other is not None and other._.claimcmp_actor["id"] != actor["id"]:
                found.insert(0, index.actor_dict(other))
    return found


def _people_counted(head: Token, index: MentionIndex) -> list[dict]:
    """"Tens of thousands of students throughout Indonesia": the people counted."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            found = _actors_at(pobj, index)
            if found:
                return found
    return []


def _modifier_actors(head: Token, index: MentionIndex) -> list[dict]:
    """The actors a head's modifiers name ("Russian forces", "the army's troops"), and an
    agent noun's "of"/"from"/"in" phrase: "protesters in Aleppo", "diplomats from Iran"."""
    found: list[dict] = []
    agentive = head.lemma_.lower() in cue("agent_nouns")
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS or (agentive and child.dep_ == "prep"
                                           and child.lower_ in {"of", "from", "in", "throughout"}):
            targets = [child] if child.dep_ != "prep" else [c for c in child.children if c.dep_ == "pobj"]
            for t in targets:
                for tok in [t, *t.conjuncts]:
                    found.extend(_modifier_actor(tok, child, index))
    return found


def _modifier_actor(tok: Token, child: Token, index: MentionIndex) -> list[dict]:
    """One modifier's actors: tagged ("Russian"), nested ("Iran's army's"), or the country of
    a place for people in it: "protesters in Aleppo"."""
    span = index.actor_at.get(tok.i)
    if span is not None:
        return [index.actor_dict(span)]
    if tok.dep_ in {"compound", "amod", "poss"}:
        return _actors_at(tok, index)
    if child.dep_ == "prep" and tok.i in index.place_at:
        # "protesters in Aleppo": people of the country the place is in
        region = index.place_at[tok.i]._.claimcmp_region or {}
        actor = country_actor(region["country"]) if region.get("country") else None
        if actor is not None:
            return [{**actor, "mention": index.place_at[tok.i].text}]
    return []


def _definite_state(head: Token, index: MentionIndex) -> list[dict]:
    """"The ministry", "the kingdom", "the president" naming no one: the state the text has
    just named, within the last three sentences ("Peru condemned the seizure. The foreign
    ministry warned ...")."""
    words = {head.lemma_.lower(), f"{head.nbor(-1).lower_} {head.lemma_.lower()}" if head.i > 0 else ""}
    if not words & stance_lexicon().cue("state_nouns") or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return []
    for span in index.before(head, {"country", "person", "organization"}, window=3):
        party = as_party(index.actor_dict(span))
        if party is not None and party["kind"] == "country":
            return [party]
    return []


def _located_in(head: Token, index: MentionIndex) -> str | None:
    """The country of a place phrase on a group noun: 'rebels in Darfur', 'students throughout Indonesia'."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in cue("group_place_preps"):
            for pobj in child.children:
                place = index.place_at.get(pobj.i)
                region = place._.claimcmp_region if place is not None else None
                if region and region.get("country"):
                    return region["country"]
    return None


def _national(head: Token, span: Span, index: MentionIndex) -> str | None:
    """'Iraqi Kurds', 'Afghan guerrillas': a country adjective right before a group names
    whose group it is."""
    if span.start == 0:
        return None
    before = index.actor_at.get(span.start - 1)
    actor = before._.claimcmp_actor if before is not None else None
    if actor and actor.get("kind") == "country" and before.root.pos_ in {"ADJ", "PROPN"} and \
            before.root.head.i == head.i:
        return actor["id"]
    return None


@overlay_cached
def _named_pairs(overlay: str | None) -> tuple[dict[str, tuple[dict, ...]], frozenset[str]]:
    """Word -> both parties it names, and the first token of every such word ("inter" of
    "inter-korean") for a quick test on every token."""
    raw = resource_loader.json_object("named_pairs.json", overlay)
    pairs = {word: tuple(country_actor(i) or {"id": i, "name": i, "kind": "organization", "country": None}
                         for i in ids)
             for word, ids in raw.items() if not word.startswith("_")}
    return pairs, frozenset(word.split("-")[0] for word in pairs)


def named_pair(tok: Token) -> tuple[list[dict], int]:
    """Both parties a word names at once ("the two Koreas", "inter-Korean talks", written
    "inter - Korean" by the tokenizer), and the index of the word's last token."""
    pairs, first_words = _named_pairs()
    if tok.lower_ not in first_words:
        return [], tok.i
    for width in (3, 1):
        words = tok.doc[tok.i:tok.i + width]
        key = "".join(t.lower_ for t in words)
        if len(words) == width and key in pairs:
            return [{**a, "mention": words.text} for a in pairs[key]], words.end - 1
    return [], tok.i


def _is_pair_phrase(head: Token) -> bool:
    """'the two countries', 'both sides', 'the two'."""
    words = {c.lower_ for c in head.children}
    plural_pair = cue("plural_pair_words")
    if head.lower_ in plural_pair:
        return True
    return bool(words & plural_pair) and head.lemma_.lower() in cue("pair_nouns")


def _recent_pair(head: Token, index: MentionIndex) -> list[dict]:
    """The pair of the latest two-party claim, else the two latest distinct actors."""
    last = index.last_pair(head)
    if last:
        return last
    pair: list[dict] = []
    for span in index.before(head, {"country", "organization", "group", "person"}, window=3):
        actor = index.actor_dict(span)
        if all(party_key(actor) != party_key(p) for p in pair):
            pair.append(actor)
        if len(pair) == 2:
            return list(reversed(pair))
    return []


def _resolve_pronoun(pron: Token, index: MentionIndex) -> list[dict]:
    lower = pron.lower_
    # "Russia said it would ..." : a pronoun under a reporting verb refers to the speaker.
    governor = pron.head
    while governor.dep_ in {"ccomp", "xcomp", "conj", "advcl"} and governor.head.i != governor.i:
        governor = governor.head
        for child in governor.children:
            if child.dep_ in SUBJECT_DEPS and child.i != pron.i:
                if child.lower_ in RELATIVE_PRONOUNS and child.head.dep_ == "relcl":
                    child = child.head.head  # "Israel, which says it ..."
                elif child.pos_ == "PRON":
                    continue
                span = index.actor_at.get(child.i)
                if span is not None and _pronoun_fits(lower, span):
                    return [index.actor_dict(span)]
    if lower in PERSON_PRONOUNS:
        kinds = {"person"}
    elif lower in THING_PRONOUNS:
        kinds = {"country", "organization", "group"}
    elif lower in GROUP_PRONOUNS:
        kinds = {"group", "organization", "country"}
    else:
        return []
    candidates = index.before(pron, kinds, window=1)
    if lower in THING_PRONOUNS:
        # "it"/"its" is one body: "Chinese vessels rammed its boats" is not the vessels' boats
        # (a country's plural name is still one: "the Philippines said its ...")
        candidates = [c for c in candidates if c.root.tag_ not in PLURAL_TAGS
                      or c._.claimcmp_actor.get("kind") == "country"]
    # Centering: a pronoun most often continues the previous subject.
    subjects = [c for c in candidates if c.root.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    best = subjects[0] if subjects else (candidates[0] if candidates else None)
    return [index.actor_dict(best)] if best is not None else []


FIRST_PERSON_PLURAL = frozenset({"we", "us", "our", "ours"})
PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _speakers_side(pron: Token, index: MentionIndex) -> list[dict]:
    """'"We fought back," the Peruvian army chief said': "we" is the speaker's side, the
    country a speaker of the sentence serves."""
    reporting = stance_lexicon().cue("reporting_verbs")
    for tok in pron.sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting or tok.i == pron.head.i:
            continue
        for subj in (c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in FIRST_PERSON_PLURAL):
            for actor in actors_of(subj, index, expand_conj=False):
                party = as_party(actor)
                if party is not None and party.get("kind") == "country":
                    return [party]
    return []


def _pronoun_fits(lower: str, span: Span) -> bool:
    kind = span._.claimcmp_actor.get("kind")
    if lower in PERSON_PRONOUNS:
        return kind == "person"
    if lower in THING_PRONOUNS:
        return kind in {"country", "organization", "group"}  # "the army said it ..."
    if lower in GROUP_PRONOUNS:
        return kind in {"group", "organization", "country"}
    return False


def object_tokens(word: Token, preps: set[str]) -> list[Token]:
    """Direct objects and prepositional objects (through the given prepositions) of `word`."""
    out: list[Token] = []
    for child in word.children:
        if child.dep_ == "dative" and child.pos_ == "ADP":
            out.extend(c for c in child.children if c.dep_ == "pobj")  # "send tanks to Ukraine"
        elif child.dep_ in OBJECT_DEPS:
            out.append(child)
        elif child.dep_ in {"prep", "prt"} and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ in {"pobj", "pcomp"})
    if not out and word.pos_ == "VERB":
        # "kill or remove Assad": coordinated verbs share the object the parser hung on the last.
        for conj in word.conjuncts:
            if conj.i > word.i:
                out.extend(c for c in conj.children if c.dep_ == "dobj")
                break
    return out


def between_tokens(word: Token) -> list[Token]:
    """The objects of "between X and Y" on the word, or for a noun anywhere in its phrase
    (the parser hangs it on the nearest noun: "differences on the ground in Syria between X and Y")."""
    frontier = [word]
    for depth in range(3 if word.pos_ == "NOUN" else 1):
        nested = []
        for tok in frontier:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in {"between", "among", "amongst"}:
                    return [c for c in child.children if c.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ in cue("between_hosting_preps"):
                    nested.extend(c for c in child.children if c.dep_ == "pobj" and c.pos_ != "VERB")
        frontier = nested
    return []


def between_actors(word: Token, index: MentionIndex) -> list[dict]:
    """The parties of 'between X and Y'; 'between them' / 'between the two' refer back."""
    found: list[dict] = []
    for tok in between_tokens(word):
        if tok.lower_ in {"them", "both", "us", "themselves"} and not tok.conjuncts:
            return _recent_pair(tok, index)
        found.extend(a for a in actors_of(tok, index) if a not in found)
    return found
