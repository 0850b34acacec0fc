"""WHICH REGION: the places a claim's clause names that are not its parties ("talks on
Syria", "sent troops to Syria", "In Syria, Russia's support for Assad ...")."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from claimcmp.knowledge import gazetteer as gz, places_data, stance_groups
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.context import governors
from claimcmp.pipeline.dep_labels import names_one_told, prep_objects
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.subjects import subject_token

if TYPE_CHECKING:
    from claimcmp.pipeline.drafts import Draft


def clause_tokens(word: Token) -> set[int]:
    """Token indices of the clause that carries the claim (the nearest verb's subtree)."""
    head = word
    for tok in governors(word, limit=4):
        head = tok
        if tok.pos_ in {"VERB", "AUX"} and tok.dep_ != "amod":  # "the attacking forces": the noun's clause
            break
    return _foreground(word, {t.i for t in head.subtree} - circumstance_tokens(word, head))


def _foreground(word: Token, tokens: set[int]) -> set[int]:
    """Drop relative clauses that do not hold the claim's word: they tell about their noun,
    not where the act happens ("the crisis that was triggered by the coup in Kiev")."""
    doc = word.doc
    for i in sorted(tokens):
        tok = doc[i]
        if tok.dep_ == "relcl" and i in tokens and not tok.left_edge.i <= word.i <= tok.right_edge.i:
            tokens = tokens - {t.i for t in tok.subtree}
    return tokens


def circumstance_tokens(word: Token, head: Token) -> set[int]:
    """"Despite the differences over Ukraine, the two cooperated": a circumstance of the
    clause (not holding the claim's word) happens elsewhere."""
    out: set[int] = set()
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in cue("circumstance_preps") and \
                not prep.left_edge.i <= word.i <= prep.right_edge.i:
            out |= {t.i for t in prep.subtree}
    return out


def regions(draft: Draft, index: MentionIndex) -> list[dict]:
    """Places of the claim's clause that are not its actors, one per country; the draft's
    `destinations` are place tokens that are where the act goes ("sent troops to Syria");
    a party's own name outside a place phrase is the party ("In Syria the USA and Russia ...")."""
    word = draft.word
    parties = frozenset(a.get("country") or a["id"] for a in [*draft.subjects, *draft.targets])
    if draft.in_line:
        return _unplaced_region(draft, parties)  # "X denounces Y's offensive in Z": Z is the offensive's
    clause = clause_tokens(word)
    spoken = stance_groups.is_spoken(draft.stance)
    if spoken:
        clause -= told_tokens(word)
    sent = index.sentence_of(word)
    argument_tokens = draft.argument_tokens | {
        i for i in range(sent.start, sent.end)
        if i in index.actor_at and i in index.place_at and _names_party(index, i, parties, spoken)}
    out = _regions_among(clause, index, argument_tokens, locative_only=False, destinations=draft.destinations)
    out += [r for r in owned_places(clause, index) if r["country"] not in {o.get("country") for o in out}]
    if not out:
        # The place may hang on a clause above: "In Syria, Russia's support for Assad ..."
        above = {t.i for anc in word.ancestors for prep in anc.children
                 if prep.dep_ == "prep" and not prep.left_edge.i <= word.i <= prep.right_edge.i
                 for t in prep.subtree}
        above = _foreground(word, above - circumstance_tokens(word, sent.root))
        out = _regions_among(above, index, argument_tokens, locative_only=True)
    return out or _unplaced_region(draft, parties) or _place_told_before(draft, index)


def _place_told_before(draft: Draft, index: MentionIndex) -> list[dict]:
    """"Turkey launched an operation in Syria ... Turkey will pause the operation": an act
    named again where its doer's same act was told, when its own sentence names no place;
    named by another noun ("... the goal of the military action was to disable ..."), where
    its doer's latest act was placed, within three sentences."""
    act = _act_named_again(draft.word)
    if len(draft.subjects) != 1 or act is None:
        return []
    told = index.same_act_told(act, draft.subjects[0])
    if told is None and act.i != draft.word.i:  # another noun for it: "the military action"
        told = index.latest_placed_act(act, draft.subjects[0])
    return list(told.regions) if told is not None else []


def _act_named_again(word: Token) -> Token | None:
    """The definite act noun a draft names an act told before by: its own word ("the
    operation"), or the act whose goal its verb is ("the goal of the action was to disable")."""
    if word.pos_ == "NOUN":
        return word if names_one_told(word) else None
    goal, _ = subject_token(word)
    if goal is None or goal.lemma_.lower() not in cue("goal_nouns"):
        return None
    return next((act for act in prep_objects(goal, {"of"}) if names_one_told(act)), None)


def _unplaced_region(draft: Draft, parties: frozenset[str]) -> list[dict]:
    """Where an act the sentence does not place happens by its kind: fighting within a state,
    an arrest, a trial or a summons at its doer's home."""
    if stance_groups.is_fighting(draft.stance):
        return domestic_region(parties)
    if stance_groups.is_home_act(draft.stance) and not _sued_state(draft):
        return home_region(draft.subjects)
    return []


def _sued_state(draft: Draft) -> bool:
    """"South Africa filed a case against Israel": a state sued by another is before an
    international court, not on the plaintiff's soil (cue court_acts, words of the label);
    "Russia convicted two Americans" stays in Russia."""
    return bool(set(draft.stance.split()) & cue("court_acts")) and \
        any(t.get("kind") == "country" for t in draft.targets)


def home_region(doers: list[dict]) -> list[dict]:
    """"Azerbaijan summoned the Russian ambassador", "Russia detained two US citizens": a state
    arrests, tries and summons on its own soil (one doer state, when the sentence names no place)."""
    countries = {d.get("country") for d in doers}
    country = gz.country_actor(countries.pop()) if len(countries) == 1 and None not in countries else None
    return [_country_region(country)] if country is not None else []


def told_tokens(word: Token) -> set[int]:
    """"Accused Armenia of a build-up in Karabakh", "condemned the strikes on Aleppo": what a
    spoken act tells of happens elsewhere; only its setting phrases ("said in Moscow") place it."""
    if word.pos_ not in {"VERB", "AUX"}:
        return set()
    return {t.i for child in word.children if child.i > word.i and not _is_setting(child)
            for t in child.subtree}


def _is_setting(child: Token) -> bool:
    """A phrase that places a spoken act where it was said ("in Moscow", "at the summit"),
    or punctuation and conjunctions, which tell nothing."""
    return child.dep_ == "prep" and child.lower_ in cue("setting_preps") or child.dep_ in {"npadvmod", "punct", "cc"}


def domestic_region(parties: frozenset[str]) -> list[dict]:
    """"Ethiopian troops attacked the TPLF", "the government and the TPLF agreed to a truce":
    fighting (or its end) between a state and a group whose struggle is within it (actors.jsonl
    "home") happens in that state, when the sentence names no place."""
    homes = gz.homes()
    for state in sorted({homes.get(p) for p in parties} & parties - {None}):
        country = gz.country_actor(state)
        if country is not None:
            return [_country_region(country)]
    return []


def owned_places(tokens: set[int], index: MentionIndex) -> list[dict]:
    """"Violated Pakistani airspace", "shelled two Syrian towns", "Syria's territory": a piece
    of a country that its adjective or possessive qualifies lies in that country, be the
    country a party or not."""
    out: list[dict] = []
    doc, places = index.doc, cue("territory_nouns")
    for i in sorted(i for i in tokens if i in index.actor_at):
        tok = doc[i]
        head = tok.head
        # the model's lemma may be wrong ("bases" as "basis"): the plural's stem is read too
        if tok.dep_ not in {"amod", "poss", "compound"} or head.pos_ != "NOUN" \
                or not {head.lemma_.lower(), head.lower_, head.lower_[:-1]} & places:
            continue
        actor = index.actor_dict(index.actor_at[i])
        if actor.get("kind") == "country" and all(r["country"] != actor["id"] for r in out):
            out.append(_country_region(actor))
    return out


def _country_region(country: dict) -> dict:
    """The region a country actor names: the whole country."""
    return {"name": country["name"], "kind": "country", "country": country["id"]}


def _names_party(index: MentionIndex, i: int, parties: frozenset[str], spoken: bool = False) -> bool:
    """A party's own name outside a place phrase ("In Syria the USA and Russia ...") or
    close to it ("operations near Russia") is the party, not where the act happens; so is
    the one a spoken act comes from ("prompting protests from Abuja")."""
    if (index.place_at[i]._.claimcmp_region or {}).get("country") not in parties:
        return False
    root = index.actor_at[i].root
    return root.dep_ != "pobj" or root.head.lower_ in {"near", "toward", "towards"} or \
        spoken and root.head.lower_ == "from"


def _regions_among(tokens: set[int], index: MentionIndex, argument_tokens: set[int],
                   locative_only: bool, destinations: set[int] = frozenset()) -> list[dict]:
    seen: set[tuple] = set()
    out: list[dict] = []
    # Place spans never overlap (filter_spans): walking the clause's own tokens finds the same
    # spans as walking every place of the document, in time bounded by the clause.
    spans = sorted({index.place_at[i].start: index.place_at[i] for i in tokens if i in index.place_at}.values(),
                   key=lambda s: s.start)
    for span in spans:
        region = span._.claimcmp_region
        if not region or _party_not_place(index, span, argument_tokens, destinations):
            continue
        where = region.get("locative", True) or is_topic(span) or span.start in destinations
        if locative_only and not where:
            continue
        # A place named outside a locative phrase is usually a metonym ("Moscow's plan").
        if not where and span.start in index.actor_at:
            continue
        if _inside_a_name(index, span) or _hyphened_participle(span):
            continue  # "condemnation from Gulf states", "a US-backed truce": they place nothing
        if span.start in index.actor_at and span.root.dep_ == "pobj" and span.root.head.lower_ in AIMED_PREPS \
                and span.start not in destinations and not _held_land(index, span):
            continue  # "fired a missile at Israel": whom, not where (but "against Nagorno-Karabakh": in Azerbaijan)

        key = (region.get("country"), region.get("name")) if region.get("country") is None else (region["country"],)
        if key in seen:
            continue
        seen.add(key)
        out.append({k: region[k] for k in ("name", "kind", "country")})
    return out


def _hyphened_participle(span: Span) -> bool:
    """"A Chile-backed truce", "the Israel-occupied West Bank": a place name joined by a
    hyphen to a participle qualifies the noun by who backs or holds it; it places nothing."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].tag_ in {"VBN", "VBD"}


def _inside_a_name(index: MentionIndex, span: Span) -> bool:
    """Whether the place is part of a longer actor's name: "Gulf states", "the Gulf
    Cooperation Council"."""
    actor = index.actor_at.get(span.start)
    return actor is not None and actor.end - actor.start > span.end - span.start


def _party_not_place(index: MentionIndex, span: Span, argument_tokens: set[int], destinations: set[int]) -> bool:
    """A party is not where the act happens, unless the act goes there ("travelled to
    Havana") or the party is a land held within a country ("the offensive against
    Nagorno-Karabakh" happens in Azerbaijan)."""
    if span.start in destinations or not any(i in argument_tokens for i in range(span.start, span.end)):
        return False
    return not _held_land(index, span)


def _held_land(index: MentionIndex, span: Span) -> bool:
    """Whether a place is a land held within a country by an actor of its own (Nagorno-
    Karabakh, held by Artsakh, lies in Azerbaijan), not the country itself (Israel) nor a seat
    standing for an organization ("sanctions against Brussels" are toward the EU)."""
    region = span._.claimcmp_region
    if span.start in index.actor_at:
        actor = index.actor_dict(index.actor_at[span.start])
        return actor.get("kind") != "organization" and region.get("country") not in (actor.get("country"), actor["id"])
    return places_data.polity_of(region["name"]) not in (None, region.get("country"))


TOPIC_PREPS = {"on", "over", "about", "regarding", "concerning"}
AIMED_PREPS = {"at", "against", "toward", "towards"}


def is_topic(span: Span) -> bool:
    """What the act is about is where it plays out: "talks on Syria", "differences over
    Ukraine", "the Syria peace talks"."""
    root = span.root
    while root.dep_ in {"conj", "appos"} and root.head.i != root.i:
        root = root.head  # "... over Syria, Yemen and Libya"
    if root.dep_ == "pobj" and root.head.lower_ in TOPIC_PREPS:
        return True
    return root.dep_ == "compound" and root.pos_ == "PROPN" and any(
        c.lower_ == "peace" for c in root.head.children if c.dep_ in {"compound", "amod"})
