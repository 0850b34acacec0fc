"""People named in a text, for the actor tagger: which names are persons ("Emmanuel Macron",
"Bashar Assad"), and what one mention of a surname carries to the next ("Macron")."""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Doc, Span

from claimcmp.knowledge import gazetteer as gz
from claimcmp.knowledge.gazetteer import POSS
from claimcmp.pipeline.ranges import TokenRanges

if TYPE_CHECKING:
    from claimcmp.pipeline.actor_candidates import Cand

PERSON_ACTOR_LABELS = {"PERSON"}


class PersonBase(NamedTuple):
    """A person's name span and the curated leader it is, if any: "Vladimir Putin"."""
    start: int
    end: int
    leader: dict | None


class PersonMention(NamedTuple):
    """A person's name with the affiliation read around it: "Russia's Sergei Lavrov" (aff
    "RUS", left where "Russia's" starts), "Lavrov, Russia's foreign minister," (appos)."""
    start: int
    end: int
    leader: dict | None
    aff: str | None
    left: int | None
    appos: tuple | None


# audit: code (punctuation joining two names, not words)
HYPHENS = {"-", "–", "—"}


def person_bases(simple: list[Cand], leaders: list[Cand], ents: list) -> list[PersonBase]:
    """NER persons, with the curated leader each is ("President Bashar al-Assad"), then the
    curated leaders NER missed."""
    leaders_in = TokenRanges(leaders)
    others = {(c.start, c.end) for c in simple if c.role not in (gz.PERSON, gz.BLOCKER)}
    bases = []
    covered = set()
    for ent in ents:
        if ent.label_ not in PERSON_ACTOR_LABELS:
            continue
        inner = leaders_in.within(ent.start, ent.end)
        if (ent.start, ent.end) in others and not inner:
            continue  # NER says PERSON, the gazetteer knows better ("Kyiv")
        if len(inner) >= 2 and any(t.text in HYPHENS for t in ent):
            continue  # "a Putin-Zelensky meeting": two leaders' names, each its own person
        leader = None
        for c in inner:
            covered.add((c.start, c.end))
            if same_person(ent.text, c):
                leader = c.actor
        bases.append(PersonBase(ent.start, ent.end, leader))
    for c in leaders:
        if (c.start, c.end) not in covered:
            bases.append(PersonBase(c.start, c.end, c.actor))
    return bases + _surnames_labelled_otherwise(ents, bases, others)


def _surnames_labelled_otherwise(ents: list, bases: list[PersonBase], others: set) -> list[PersonBase]:
    """A later name that is the surname of a person named in full before is that person,
    whatever NER made of it: "Russian lawmaker Ivan Petrov ... condemned Petrov's statements"
    (NER: ORG), "Gustavo Petro ... Petro said" (NER: GPE) - unless the gazetteer knows the
    name as something else ("Jordan")."""
    if not bases:
        return []
    doc = ents[0].doc if ents else None
    first_by_surname: dict[str, int] = {}
    for base in bases:
        words = name_words(doc[base.start:base.end]) if doc is not None else []
        if len(words) >= 2:
            first_by_surname[words[-1]] = min(base.start, first_by_surname.get(words[-1], base.start))
    found = []
    for ent in ents:
        if ent.label_ not in PERSON_ACTOR_LABELS | {"DATE", "TIME", "CARDINAL", "ORDINAL"} \
                and (ent.start, ent.end) not in others:
            words = name_words(ent)
            if len(words) == 1 and first_by_surname.get(words[0], ent.start) < ent.start:
                found.append(PersonBase(ent.start, ent.end, None))
    return found


def anchor_index(cands: list[Cand]) -> tuple[dict[int, Cand], dict[int, Cand]]:
    """(longest actor name ending at each token, longest starting at each): the affiliations
    a person's name may sit next to, "Russia's Lavrov", "Lavrov, Russia's minister"."""
    anchors = [c for c in cands if c.actor and c.role not in (gz.GENERIC, gz.MODIFIER, gz.BLOCKER)]
    by_end: dict[int, Cand] = {}
    by_start: dict[int, Cand] = {}
    for c in anchors:
        if c.end not in by_end or c.start < by_end[c.end].start:
            by_end[c.end] = c
        if c.start not in by_start or c.end > by_start[c.start].end:
            by_start[c.start] = c
    return by_end, by_start


def surname_carry(doc: Doc, found: list[PersonMention], carry: bool) -> tuple[dict[str, str], dict[str, str]]:
    """(fullest name, first affiliation) by surname, read from the text: "Sergei Lavrov" ...
    "Lavrov"; then given-name-first family names ("Kim" of "Kim Jong Un") where no surname
    clashes."""
    full_by_surname: dict[str, str] = {}
    aff_by_surname: dict[str, str] = {}
    for pos in (-1, 0):
        surnames = {k for k, v in full_by_surname.items() if " " in v}
        for s, e, _, aff, _, _ in found:
            words = name_words(doc[s:e])
            if not words or (pos == 0 and (len(words) < 2 or words[0] in surnames)):
                continue
            if len(words) > len(full_by_surname.get(words[pos], "").split()):
                full_by_surname[words[pos]] = " ".join(words)
            if aff and carry:
                aff_by_surname.setdefault(words[pos], aff)
    return full_by_surname, aff_by_surname


def name_words(span: Span) -> list[str]:
    """The words of a name as written: "Lai Ching-te" is two words, not four tokens."""
    return "".join(t.text_with_ws for t in span if t.text not in POSS).split()


def same_person(ent_text: str, c: Cand) -> bool:
    """A curated name inside a longer NER name is the same person only if the extra words
    are the curated first names ("Bashar Assad") - not "Hunter Biden"."""
    if ent_text == c.alias or ent_text in (c.entry.aliases_cs if c.entry else []):
        return True
    name_words = set(c.actor["name"].replace("-", " ").split())
    extra = set(ent_text.replace("-", " ").split()) - set(c.alias.replace("-", " ").split())
    return bool(extra) and extra <= name_words
