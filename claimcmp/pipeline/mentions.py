"""The actor and place mentions tagged in one doc, indexed by token (MentionIndex, built
once per doc), and which party an actor is: a state body speaks for its state
(as_party, party_key)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from claimcmp import extensions as ext
from claimcmp.knowledge import stance_groups
from claimcmp.knowledge.gazetteer import country_actor
from claimcmp.pipeline.dep_labels import bare_the


def _same_act(told: str, named: str) -> bool:
    """Whether a noun names the act told: its stance, one of its synonym group ("the US
    imposed sanctions ... Russia condemned the sanctions": impose sanction / sanction), or
    an act on it ("sever relations" of relations broken)."""
    if told == named:
        return True
    told_as, named_as = stance_groups.read(told), stance_groups.read(named)
    if told_as.group is not None and told_as.group is named_as.group:
        return True
    # "cut ties" told as relations broken, named "the decision to sever relations"
    return told_as.group is not None and told_as.group.name in named_as.objects


class HostileAct(NamedTuple):
    """A hostile act told: its (doer, target), sentence number, whether armed, and stance,
    and whether a party of it was guessed (filled in from the article, not the text)."""
    pair: tuple[dict, dict]
    sentence: int
    armed: bool
    stance: str
    guessed: bool = False


class ToldAct(NamedTuple):
    """A two-party act told: the lemma of the word naming it, (doer, target), sentence
    number and the claim's regions."""
    lemma: str
    pair: tuple[dict, dict]
    sentence: int
    regions: list[dict]


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
    # the hostile acts told so far (HostileAct):
    # whom a party is at odds with, and whom a later toll is about
    hostile_acts: list[HostileAct] = field(default_factory=list)
    acts: list[ToldAct] = field(default_factory=list)  # the two-party acts told so far
    # (proposer, sentence number) of the proposals told so far: whom "rejected the plan" answers
    proposals: list[tuple[dict, int]] = field(default_factory=list)
    # (parties, sentence number) of the agreements told so far: whose "the deal" is
    agreements: list[tuple[tuple[dict, dict], int]] = field(default_factory=list)
    # Read once per doc, as the claims' rules ask for the same ones thousands of times and
    # each read of a span's extension, text or Token.sent makes objects and scans the doc:
    actor_kinds: list[str | None] = field(default_factory=list)  # the kind of each of `actors`
    has_sents: bool = False  # whether the doc has sentence boundaries (Token.sent raises if not)
    _actor_dicts: dict[tuple[int, int], dict] = field(default_factory=dict)  # (start, end) -> actor_dict
    _texts: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> Span.text
    pair_phrases: dict[int, list[dict]] = field(default_factory=dict)  # "both sides" -> the pair it named first

    @classmethod
    def build(cls, doc: Doc) -> "MentionIndex":
        index = cls(doc)
        index.has_sents = doc.has_annotation("SENT_START")
        index.sent_starts = [s.start for s in doc.sents] if index.has_sents else [0]
        if ext.ACTORS in doc.spans:
            for span in doc.spans[ext.ACTORS]:
                actor = span._.claimcmp_actor
                if actor:
                    index.actors.append(span)
                    index.actor_kinds.append(actor.get("kind"))
                    for i in range(span.start, span.end):
                        index.actor_at[i] = span
        if ext.PLACES in doc.spans:
            for span in doc.spans[ext.PLACES]:
                for i in range(span.start, span.end):
                    index.place_at[i] = span
        return index

    def actor_dict(self, span: Span) -> dict:
        """The actor a span of the doc names, with its mention: a new dict each call, as
        callers fill in its country. Read once per span (its extension value and text are
        keyed by its boundaries, and the component sets neither)."""
        key = (span.start, span.end)
        found = self._actor_dicts.get(key)
        if found is None:
            found = self._actor_dicts[key] = self._read_actor_dict(span)
        return dict(found)

    def _read_actor_dict(self, span: Span) -> dict:
        actor = span._.claimcmp_actor
        if actor["kind"] == "person" and not actor.get("country"):
            # The small model tags many foreign towns as people ("Kharkiv", "Rafah"): a
            # "person" with no affiliation whose name is a known place stands for its country.
            place = self.place_at.get(span.start)
            region = place._.claimcmp_region if place is not None else None
            if region and region.get("country") and place.start == span.start and place.end == span.end:
                located = country_actor(region["country"])
                if located is not None:
                    return {**located, "mention": self.text_of(span)}
        return {**actor, "mention": self.text_of(span)}

    def text_of(self, span: Span) -> str:
        """span.text, joined once per span of the doc (the sentence of each of its claims)."""
        key = (span.start, span.end)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = span.text
        return text

    def sentence_of(self, token: Token) -> Span:
        """token.sent, found among the sentence starts (Token.sent checks the whole doc's
        annotation, then walks to the sentence's edges, on each call)."""
        if not self.has_sents:
            return token.sent  # raises as it did
        n = bisect.bisect_right(self.sent_starts, token.i) - 1
        end = self.sent_starts[n + 1] if n + 1 < len(self.sent_starts) else len(self.doc)
        return self.doc[self.sent_starts[n]:end]

    def sentence_number(self, token: Token) -> int:
        return bisect.bisect_right(self.sent_starts, token.i) - 1

    def sentence_start(self, token: Token) -> int:
        """token.sent.start; 0 in a doc without sentence boundaries."""
        return self.sent_starts[self.sentence_number(token)]

    def note_pair(self, subject: dict, target: dict, token: Token) -> None:
        """Remember the parties of a two-party claim; "the two" and "the talks" refer back to
        them as countries or bodies (a person by the country they serve)."""
        pair = two_parties(subject, target)
        if pair is not None:
            self.recent_pairs.append(pair)
            self.pair_sentences.append(self.sentence_number(token))

    def note_hostile_act(self, subject: dict, target: dict, token: Token, armed: bool, stance: str,
                         guessed: bool = False) -> None:
        """Remember the parties of a hostile act: "provocations by Armenia" is toward the one
        Armenia was last told at odds with; "The strike caused no casualties" is the toll of
        the latest armed one."""
        pair = two_parties(subject, target)
        if pair is not None:
            self.hostile_acts.append(HostileAct(pair, self.sentence_number(token), armed, stance, guessed))

    def names_actor(self, first: int, last: int) -> bool:
        """Whether an actor is tagged on any token from `first` to `last` (both included)."""
        return any(i in self.actor_at for i in range(first, last + 1))

    def note_proposal(self, proposer: dict, token: Token) -> None:
        """Remember who proposed something: "France proposed a truce. Hezbollah rejected the
        plan" answers France."""
        party = as_party(proposer)
        if party is not None:
            self.proposals.append((party, self.sentence_number(token)))

    def last_proposer(self, token: Token, window: int = 2) -> list[dict]:
        """Who made the latest proposal told at most `window` sentences before `token`'s."""
        here = self.sentence_number(token)
        return next(([party] for party, number in reversed(self.proposals) if here - number <= window), [])

    def note_agreement(self, subject: dict, target: dict, token: Token) -> None:
        """Remember the parties of an agreement: "Ethiopia signed a deal with Somaliland.
        Somalia said the deal violated its sovereignty" (the deal is theirs)."""
        pair = two_parties(subject, target)
        if pair is not None:
            self.agreements.append((pair, self.sentence_number(token)))

    def last_agreement_pair(self, token: Token, window: int = 10) -> list[dict]:
        """The parties of the latest agreement told at most `window` sentences before
        `token`'s, not in its own sentence."""
        here = self.sentence_number(token)
        return next((list(pair) for pair, number in reversed(self.agreements)
                     if 0 < here - number <= window), [])

    def adversary(self, token: Token, party: dict, window: int = 2,
                  exclude: frozenset[str] = frozenset()) -> list[dict]:
        """The other party of the latest hostile act `party` took part in, at most `window`
        sentences before `token`'s (its own sentence included), none of `exclude` (keys)."""
        key = party_key(as_party(party) or party)
        for act in self._hostile_acts_within(token, window):
            keys = [party_key(p) for p in act.pair]
            # a group may be named once with its home state, once without ("a Hezbollah commander")
            at = keys.index(key) if key in keys else \
                next((i for i, p in enumerate(act.pair) if p["id"] == party["id"]), None)
            if at is not None and keys[1 - at] not in exclude:
                return [act.pair[1 - at]]
        return []

    def hostilities(self, keys: set[str], party: dict) -> int:
        """How many hostile deeds told so far, with no party guessed, were between one of
        `keys` and the party (words, "condemned", "warned", are no deeds)."""
        key = party_key(as_party(party) or party)
        return sum(1 for act in self.hostile_acts
                   if not act.guessed and not stance_groups.is_spoken(act.stance)
                   and {party_key(p) for p in act.pair} in ({key, k} for k in keys))

    def last_armed_pair(self, token: Token, window: int = 2, *, earlier_sentences: bool = False) -> list[dict]:
        """The parties of the latest armed act at most `window` sentences before `token`'s
        (its own sentence included unless `earlier_sentences`)."""
        here = self.sentence_number(token)
        return next((list(act.pair) for act in self._hostile_acts_within(token, window)
                     if act.armed and not (earlier_sentences and act.sentence == here)), [])

    def doer_of(self, token: Token, stance: str, armed: bool, window: int = 2) -> list[dict]:
        """Who did the latest hostile act of this stance (of any armed one, for an armed
        stance) at most `window` sentences before `token`'s: "Peru seized a Chilean trawler.
        Chile condemned the seizure" -> Peru; "Peru struck Arica. Chile condemned the attack"."""
        here = self.sentence_number(token)
        return next(([act.pair[0]] for act in self._hostile_acts_within(token, window)
                     if act.sentence < here and (_same_act(act.stance, stance) or armed and act.armed)), [])

    def note_act(self, subject: dict, target: dict, word: Token, regions: list[dict]) -> None:
        """Remember whom a party's act named by this word was toward, and where: "the
        operation" names it again."""
        pair = two_parties(subject, target)
        if pair is not None:
            self.acts.append(ToldAct(word.lemma_.lower(), pair, self.sentence_number(word), regions))

    def same_act_told(self, token: Token, party: dict, window: int = 3) -> ToldAct | None:
        """The latest act named by token's word that `party` did, at most `window` sentences
        before `token`'s: "Turkey launched an operation against the YPG in Syria ... Turkey
        will end the operation" (toward the YPG, in Syria)."""
        lemma, key, here = token.lemma_.lower(), party_key(as_party(party) or party), self.sentence_number(token)
        for act in reversed(self.acts):
            if here - act.sentence > window:
                return None
            if act.lemma == lemma and party_key(act.pair[0]) == key and act.sentence < here:
                return act
        return None

    def latest_placed_act(self, token: Token, party: dict, window: int = 3) -> ToldAct | None:
        """The latest act `party` did that was placed, at most `window` sentences before
        `token`'s own."""
        key, here = party_key(as_party(party) or party), self.sentence_number(token)
        return next((act for act in reversed(self.acts) if act.sentence < here and here - act.sentence <= window
                     and act.regions and party_key(act.pair[0]) == key), None)

    def last_hostile_pair(self, token: Token, window: int = 10) -> list[dict]:
        """The parties of the latest hostile act at most `window` sentences before `token`'s."""
        return next((list(act.pair) for act in self._hostile_acts_within(token, window)), [])

    def _hostile_acts_within(self, token: Token, window: int):
        """The hostile acts told at most `window` sentences back, latest first."""
        here = self.sentence_number(token)
        for act in reversed(self.hostile_acts):
            if here - act.sentence > window:
                return
            yield act

    def note_accusation(self, accuser: dict, accused: dict) -> None:
        party = as_party(accuser)
        if party is not None:
            self.accusers[party_key(as_party(accused) or accused)] = party

    def accusers_of(self, accused: dict) -> list[dict]:
        """Whoever last accused this party ("X rejected the accusation")."""
        found = self.accusers.get(party_key(as_party(accused) or accused))
        return [found] if found is not None else []

    def counterpart_of(self, token: Token, party: dict, window: int = 3) -> list[dict]:
        """The other party of the latest two-party claim `party` was one of, at most `window`
        sentences before `token`'s: "Algeria cut ties with Morocco, accusing its neighbour"."""
        party, here = as_party(party) or party, self.sentence_number(token)
        for pair, number in zip(reversed(self.recent_pairs), reversed(self.pair_sentences)):
            if here - number > window:
                return []
            other = other_party(list(pair), party)
            if other is not None:
                return [other]
        return []

    def last_pair(self, token: Token, *, earlier_sentences: bool = False,
                  countries_only: bool = False) -> list[dict]:
        """The parties of the latest two-party claim (before `token`'s sentence if asked; of
        two countries if asked: "the two neighbours" are no country and the UN)."""
        here = self.sentence_number(token)
        for pair, number in zip(reversed(self.recent_pairs), reversed(self.pair_sentences)):
            if countries_only and any(p["kind"] != "country" for p in pair):
                continue
            if not earlier_sentences or number < here:
                return list(pair)
        return []

    def before(self, token: Token, kinds: set[str] | None = None, window: int = 2) -> list[Span]:
        """Actor spans ending before token, nearest first, within `window` sentences."""
        floor = self.window_start(token, window)
        out = []
        for span, kind in zip(reversed(self.actors), reversed(self.actor_kinds)):
            if span.end <= token.i and span.start >= floor:
                if kinds is None or kind in kinds:
                    out.append(span)
        return out

    def window_start(self, token: Token, window: int) -> int:
        """Where the sentence `window` sentences before token's starts (its own for 0)."""
        return self.sent_starts[max(0, self.sentence_number(token) - window)] if self.sent_starts else 0

    def same_noun_before(self, token: Token, window: int = 2) -> Token | None:
        """The nearest noun of token's lemma before it, within `window` sentences, that is
        not itself a bare "the <noun>": what a definite noun refers back to ("issued a
        statement ... The statement said"; "Turkey's operation ... will end the operation ...
        will pause the operation": Turkey's)."""
        floor = self.window_start(token, window)
        lemma = token.lemma_.lower()
        return next((t for t in reversed(token.doc[floor:token.i])
                     if t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() == lemma and not bare_the(t)), None)


def is_state_body(actor: dict) -> bool:
    """A body of a state named by its country's code: VEN_OFFICIALS, SYR_MILITARY."""
    country = actor.get("country")
    return actor["kind"] != "country" and bool(country) and actor["id"].upper().startswith(f"{country}_")


def two_parties(subject: dict, target: dict) -> tuple[dict, dict] | None:
    """The two as parties (a state body as its state), or None if either is none or both
    are one side: what the index remembers of a two-party act."""
    pair = (as_party(subject), as_party(target))
    return pair if None not in pair and party_key(pair[0]) != party_key(pair[1]) else None


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
