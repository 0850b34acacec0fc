"""Parties a clause leaves unsaid, filled from what the article is about.

News states most acts with one party and leaves the other to the reader: "Kosovo police
said three attackers had been killed" (killed by whom?), "the ministry warned of a
response" (toward whom?). A reader takes the other party from the same sentence, else from
the article's principal parties, the ones it names most. Claims completed this way carry a
lower confidence than claims whose parties the grammar gives.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from claimcmp.knowledge import gazetteer as gz, stance_groups
from claimcmp.knowledge.lexicons import cue, stance_lexicon
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.pipeline.actor_minorities import land_of
from claimcmp.pipeline.mentions import MentionIndex, as_party, party_key
from claimcmp.pipeline.claim_regions import clause_tokens
from claimcmp.pipeline.dep_labels import first_conjunct, on_sidelines_of
from claimcmp.pipeline.drafts import distinct, weapon_means

HEADLINE_WEIGHT = 3  # the headline names what the story is about
# The two most named parties must make at least this share of all mentions for the article
# to have principals: a survey of a dozen powers (an op-ed on "the Middle East") has none.
# Measured: 0.5 keeps every dev-set completion and drops the seeds' surveys (0.48-0.50).
FOCUS = 0.5


@dataclass
class Salience:
    """How often the article names each party (persons and state bodies by their country)."""

    counts: Counter = field(default_factory=Counter)
    sentences: dict[str, set[int]] = field(default_factory=dict)  # party key -> sentences naming it
    first: dict[str, dict] = field(default_factory=dict)  # party key -> the party as first named
    order: dict[str, int] = field(default_factory=dict)  # party key -> first mention's token index

    @classmethod
    def build(cls, index: MentionIndex) -> "Salience":
        sal = cls()
        headline_end = index.sent_starts[1] if len(index.sent_starts) > 1 else len(index.doc)
        for span in index.actors:
            if _where_not_who(span, index) or _someone_elses(span):
                continue
            party = as_party(index.actor_dict(span))
            if party is None or not _can_be_party(party):
                continue
            key = party_key(party)
            sal.sentences.setdefault(key, set()).add(index.sentence_number(span.root))
            sal.counts[key] += HEADLINE_WEIGHT if span.start < headline_end else 1
            sal.first.setdefault(key, party)
            sal.order.setdefault(key, span.start)
        return sal

    def principals(self, limit: int = 3) -> list[dict]:
        """The parties the article keeps returning to (named in two sentences or more),
        most named first; a one-sentence text has none."""
        ranked = sorted(self.counts, key=lambda k: (-self.counts[k], self.order[k]))
        if sum(self.counts[k] for k in ranked[:2]) < FOCUS * sum(self.counts.values()):
            return []  # a survey of many parties has no principals to fill in from
        return [self.first[k] for k in ranked[:limit] if len(self.sentences[k]) >= 2]

    def mutual_pair(self, index: MentionIndex) -> list[dict]:
        """The two principals a mutual act no clause assigns is between ("the talks resumed",
        "this bitter war"): the two the text has told at odds most often, else the two it
        names most."""
        principals = self.principals()
        pairs = [[a, b] for i, a in enumerate(principals) for b in principals[i + 1:]]
        fought = [index.hostilities({party_key(a)}, b) for a, b in pairs]
        if not fought or max(fought) == 0:
            return principals[:2]
        return pairs[fought.index(max(fought))]  # the first pair of the most, on a tie

    def fighters_at_home(self, targets: list[dict], stance: str) -> list[dict]:
        """"Turkey's operation in Syria" in a story on Turkey and the YPG: fighting in a
        country the story names only as a place (no principal) is against the principal
        group whose struggle is within it (actors.jsonl "home")."""
        if not stance_groups.is_fighting(stance):
            return targets
        principals = self.principals()
        if not principals:
            return targets
        keys, homes = {party_key(p) for p in principals}, gz.homes()
        out = []
        for target in targets:
            fighters = [p for p in principals if target.get("kind") == "country" and party_key(target) not in keys
                        and homes.get(p["id"]) == target["id"]]
            out.append(fighters[0] if fighters else target)
        return distinct(out)

    def other_party(self, word: Token, known: list[dict], index: MentionIndex,
                    exclude: frozenset[str] = frozenset(), partner: bool = False) -> tuple[list[dict], bool]:
        """The other party of a one-party act, and whether its clause names it: another party
        named in its clause, else the article's most named party that is not the known one
        (nor one of `exclude`, party keys). A `partner` (of a cooperative act) is never one
        the clause names an adversary ("trained hackers for warfare against the US")."""
        keys = {party_key(as_party(a) or a) for a in known}
        found = _sentence_parties(word, index, keys | exclude, partner) or \
            _purpose_parties(word, index, keys | exclude)[:1]
        if found:
            return found, True
        others = [p for p in self.principals() if party_key(p) not in keys | exclude]
        lands = {land_of(word.doc, a["id"]) for a in known} - {None}
        states = [p for p in others if party_key(p) in lands]
        if states:  # a people living in a land is at odds with, or dealing with, that land's state
            return states[:1], False
        together = set().union(*(self.sentences.get(k, set()) for k in keys))
        # the principal the known party has been told at odds with most, then the one it is
        # named with most: "North Korea destroyed the office" in a story on Washington's
        # reaction is still toward the South; "the SDF warned" in a story of a Turkish-US
        # deal is toward Turkey, whose attacks it told of
        others.sort(key=lambda p: (-index.hostilities(keys, p), -len(self.sentences[party_key(p)] & together)))
        return others[:1], False


def _sentence_parties(word: Token, index: MentionIndex, exclude: set[str], partner: bool = False) -> list[dict]:
    """The party named in the word's clause nearest to it, with those listed with it ("protested
    the decision of Bahrain, Egypt and the UAE": all three), in the text's order; for a
    partner, none named as an adversary (_adversary_named)."""
    tokens = _own_clause(word) - _acts_of_the_other_family(word, partner)
    spans = sorted({index.actor_at[i] for i in tokens if i in index.actor_at},
                   key=lambda s: (abs(s.start - word.i), s.start))
    spans = [s for s in spans if not (_where_not_who(s, index) or _someone_elses(s) or _describes_a_doer(s)
                                      or partner and _adversary_named(s))]
    nearest = next((s for s in spans if _parties_of([s], index, exclude)), None)
    if nearest is None:
        return []
    listed = {c.i for c in nearest.root.conjuncts}
    return _parties_of(sorted([s for s in spans if s is nearest or s.root.i in listed], key=lambda s: s.start),
                       index, exclude)


def _parties_of(spans: list, index: MentionIndex, exclude: set[str]) -> list[dict]:
    """The parties a reader can compare among these mentions, in their order, once each."""
    out: list[dict] = []
    for span in spans:
        party = as_party(index.actor_dict(span))
        if party is None or not _can_be_party(party) or party_key(party) in exclude:
            continue
        if all(party_key(party) != party_key(p) for p in out):
            out.append(party)
    return out


def _can_be_party(party: dict) -> bool:
    """A country, an organization or an armed group a reader can compare (is_party)."""
    return party.get("kind") in {"country", "organization", "group"} and is_party(party)


def is_party(actor: dict) -> bool:
    """Anyone a reader can compare across outlets: not a person the article ties to no
    country, not a news outlet, not an organization known only by the name the text gives
    it ("General of Military Operations"), which no other outlet would name alike."""
    if actor.get("kind") == "person":
        return bool(actor.get("country"))
    if actor["id"] in stance_lexicon().cue("outlet_ids"):
        return False
    return actor.get("kind") != "organization" or bool(actor.get("country")) or actor["id"] in _known_ids()


@overlay_cached
def _known_ids(overlay: str | None) -> frozenset[str]:
    """Every actor id the gazetteer (with the overlay in force) names."""
    return frozenset(e.actor["id"] for e in gz.entries.for_overlay(overlay).values() if e.actor)


def _adversary_named(span) -> bool:
    """A party named after "against", or as the agent of a participle ("hostages held by Boko
    Haram"): no partner of a cooperative act ("rescued 50 hostages held by Boko Haram")."""
    root = first_conjunct(span.root)  # "mediated by the US and Saudi Arabia": both
    return root.dep_ == "pobj" and (root.head.lower_ == "against" or
                                    root.head.lower_ == "by" and root.head.head.tag_ == "VBN")


def _describes_a_doer(span) -> bool:
    """An actor named inside an appositive, participle or relative clause of a subject
    describes that subject: "Turkey, a NATO member, refused ...", "the rebels, backed by
    Rwanda, seized the town" (NATO is no party of the refusal, Rwanda none of the seizure)."""
    return any(t.dep_ in {"appos", "acl", "relcl"} and t.head.dep_ in {"nsubj", "nsubjpass"}
               for t in [span.root, *span.root.ancestors])


def _someone_elses(span) -> bool:
    """An actor that only modifies another noun names that noun's owner, not a party:
    "American allies", "Iran's enemies", "the terrorist threat" (but "American troops" are
    America's: an agent noun stands for its owner)."""
    root = span.root
    head = root.head.lemma_.lower()
    # ... nor do a weapon's makers, where it is the means: "attacks with Iranian drones"
    return root.dep_ in {"amod", "compound", "poss", "nmod"} and (
        head not in cue("agent_nouns") or head in cue("opponent_nouns") or weapon_means(root.head))


def _purpose_parties(word: Token, index: MentionIndex, exclude: set[str]) -> list[dict]:
    """The parties of the act a purpose clause is for: "Peru summoned the Chilean
    ambassador to protest the incursion" protests to Chile."""
    if word.dep_ != "advcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in word.children):
        return []
    spans = {index.actor_at[t.i] for obj in word.head.children if obj.dep_ == "dobj"
             for t in obj.subtree if t.i in index.actor_at}
    return _parties_of(sorted(spans, key=lambda s: s.start), index, exclude)


def _own_clause(word: Token) -> set[int]:
    """The word's clause without the clauses hung on it that do not hold the word
    ("Although X may accept Y, he has no support": Y is no party of the support)."""
    tokens = clause_tokens(word)
    for i in sorted(tokens):
        tok = word.doc[i]
        if (tok.dep_ in {"advcl", "ccomp", "csubj", "parataxis"} or _content_clause(tok)) \
                and not tok.left_edge.i <= word.i <= tok.right_edge.i:
            tokens -= {t.i for t in tok.subtree}
    return tokens | _controller(word, tokens) | _answering_doer(word)


def _answering_doer(word: Token) -> set[int]:
    """The doer of the clause that answers an act named after a mark of provocation (cue
    provocation_marks), a party named with the act all the same: "police ended a standoff
    following an assault by gunmen" (on the police)."""
    if word.dep_ != "pobj" or word.head.lower_ not in cue("provocation_marks"):
        return set()
    verb = next((t for t in word.head.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    subject = None if verb is None else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return {t.i for t in subject.subtree} if subject is not None else set()


def _controller(word: Token, tokens: set[int]) -> set[int]:
    """The subject an infinitive clause borrows from the verb it completes, a party named in
    the clause all the same: "Israel vowed to respond to the Iranian attack" (on Israel)."""
    verb = next((word.doc[i] for i in sorted(tokens) if word.doc[i].dep_ == "xcomp"
                 and word.doc[i].head.i not in tokens), None)
    subject = None if verb is None else next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return {t.i for t in subject.subtree} if subject is not None else set()


def _acts_of_the_other_family(word: Token, partner: bool) -> set[int]:
    """The tokens of the verbs coordinated with the word, or completing it, that tell an act of
    the other family: "Guyana condemned the vote and appealed to the UN" (the UN is whom Guyana
    appeals to, not whom it condemns), "sent police to help fight gangs" (the gangs are no
    one helped); "condemned and sanctioned Chile" share their party."""
    lex = stance_lexicon()
    found: set[int] = set()
    for verb in (c for c in word.children if c.dep_ in {"conj", "xcomp"} and c.pos_ == "VERB"):
        entry = lex.verb(lex.verb_lemma(verb))
        if entry is not None and entry.family != "neutral" and (entry.family == "cooperation") != partner:
            found |= {t.i for t in verb.subtree}
    return found


def _content_clause(tok: Token) -> bool:
    """A clause with its own subject told as a noun's content: "dismissed reports that US
    troops would leave Iraq" (Iraq is what is reported, no party of the dismissal)."""
    return tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)


def _where_not_who(span, index: MentionIndex) -> bool:
    """A country named as the place of something ("fight terrorism in Mali") is no party, nor
    the forum of a meeting where others meet ("on the sidelines of the APEC summit")."""
    forum = span.root.head if span.root.dep_ == "compound" else span.root  # "the APEC summit"
    if forum.i != span.start and (forum.dep_ == "pobj" and forum.head.lower_ == "at" or on_sidelines_of(forum)):
        return True
    place = index.place_at.get(span.start)
    region = place._.claimcmp_region if place is not None else None
    return bool(region and region.get("locative"))


def destination_party(word: Token, index: MentionIndex, exclude: set[str]) -> list[dict]:
    """The country a mutual act's doer travelled to, its other party: "the Chilean president
    arrived in Lima on Monday for talks", "flew to Lima to meet his counterpart" (Peru)."""
    tok = word
    for _ in range(3):  # talks -> for -> arrived; meet -> flew
        if tok.pos_ == "VERB" and tok.lemma_.lower() in cue("travel_verbs"):
            return _state_of_place(tok, index, exclude, {"in", "to", "into", "at"}, left_edge=False)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return []


def state_where(word: Token, index: MentionIndex, exclude: set[str]) -> list[dict]:
    """The state where a home act with no doer happens ("two Americans were detained in
    Russia", "sentenced in Chile"): arrests, trials and summons are a state's own acts
    on its soil (stance_groups.is_home_act), so the country of the place is their doer."""
    return _state_of_place(word, index, exclude, {"in", "at"})


def _state_of_place(word: Token, index: MentionIndex, exclude: set[str], preps: set[str],
                    left_edge: bool = True) -> list[dict]:
    """The country, as a party, of the first place a phrase of `preps` on the word names
    (not one of `exclude`, party keys); with `left_edge`, also a place opening the phrase
    ("detained in Russia's far east")."""
    for prep in word.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            place = index.place_at.get(obj.i) or (index.place_at.get(obj.left_edge.i) if left_edge else None)
            country = (place._.claimcmp_region or {}).get("country") if place is not None else None
            actor = gz.country_actor(country) if country and country not in exclude else None
            if actor is not None:
                return [{**actor, "mention": place.text}]
    return []
