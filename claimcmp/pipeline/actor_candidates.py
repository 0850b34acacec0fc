"""The actor tagger's candidate mentions (Cand), and its rules that judge a mention or an NER
name without its matchers: person names made of gazetteer words, abbreviations of several
states' bodies, names that name no actor, unknown organizations, and the longest-first
choice among overlapping candidates."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from claimcmp.knowledge import gazetteer as gz, places_data
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.ranges import TokenRanges


class Cand:
    __slots__ = ("start", "end", "actor", "prio", "entry", "alias")

    def __init__(self, start, end, actor, prio, entry=None, alias=""):
        self.start, self.end, self.actor, self.prio = start, end, actor, prio
        self.entry, self.alias = entry, alias

    @property
    def role(self):
        return self.entry.role if self.entry else ""


def bogus_person(ent: Span, names: TokenRanges) -> bool:
    """NER PERSON spans made only of gazetteer words ("Russo-Turkish") are no person;
    `names` holds the matches that are not people or blockers."""
    if ent.label_ != "PERSON":
        return False
    covered = set()
    for c in names.within(ent.start, ent.end):
        covered.update(range(c.start, c.end))
    return all(t.i in covered for t in ent if t.is_alpha) and len(ent) > 1


def ambiguous_acronyms(doc: Doc, chosen: list[Cand], taken: bytearray) -> list[Cand]:
    """'IAF' is the Indian or the Israeli Air Force: the one whose state the text names, when
    it names exactly one of them; else the abbreviation is no actor at all (no slug either)."""
    table = gz.ambiguous_acronyms()
    hits = [t for t in doc if t.text in table and not taken[t.i]]
    if not hits:
        return []
    named = {c.actor.get("country") for c in chosen if c.actor}
    out = []
    for t in hits:
        row = table[t.text]
        states = [iso for iso in row["names"] if iso in named]
        actor = None
        if len(states) == 1:
            iso = states[0]
            actor = {"id": f"{iso}_{row['canon']}", "name": row["names"][iso],
                     "kind": "organization", "country": iso}
        out.append(Cand(t.i, t.i + 1, actor, 1))
    return out


def hyphen_tail(doc: Doc, e: int) -> int:
    """NER may stop a name at a hyphen ("Cheng Li" of "Cheng Li-wun"): a given name written
    with a hyphen and no spaces is one word of the name."""
    while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ \
            and not doc[e].whitespace_ and doc[e + 1].is_alpha and doc[e + 1].is_lower:
        e += 2
    return e


# audit: code (Penn Treebank tags of the parser)
PLAIN_TAGS = {"JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "IN", "DT"}


def no_actor_name(ent: Span) -> bool:
    """A name NER found that names no party: abbreviations of things and titles ("UAV",
    "LoC", "Sec."), common words ("Interior"), operations and documents ("Operation X",
    "Cessation of Hostilities"); word lists in resources/non_actors.json."""
    words, events = gz.non_actor_words()
    fillers = cue("name_filler_words")
    low = [t.lower_.rstrip(".") for t in ent if t.lower_ not in fillers]
    if not low or all(w in words for w in low):
        return True
    if ent.label_ in ("ORG", "PERSON", "EVENT", "LAW") and any(w in events for w in low):
        return True
    # one ordinary word NER capitalized into a name: "Unilateral" opening a sentence
    return len(ent) == 1 and not ent.text.isupper() and ent[0].tag_ in PLAIN_TAGS


def resolve(cands: list[Cand], n: int) -> list[Cand]:
    """Longest match first, then priority; spans never overlap."""
    taken = bytearray(n)
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return chosen


def leading_country(cands: list[Cand], ent: Span) -> str | None:
    """The country an unknown organization's name opens with as a demonym, the one country
    it names:
    "Nigerian Union of Teachers" is Nigeria's; "Organization of American States" opens with
    no country and "Russian-Turkish monitoring mission" names two."""
    inside = [c for c in cands if ent.start <= c.start and c.end <= ent.end
              and c.role in (gz.NAME, gz.ADJ) and c.actor.get("kind") == "country"]
    opening = [c for c in inside if c.start == ent.start and c.role == gz.ADJ]
    named = {c.actor.get("country") for c in inside}
    return opening[0].actor.get("country") if opening and len(named) == 1 else None


def unknown_org(ent: Span, country: str | None = None) -> dict | None:
    text = ent.text.strip()
    junk = cue("junk_org_words")
    # page furniture and headline fragments are no actors: keep short, one-line names
    if (not any(ch.isupper() for ch in text) or len(ent) > 6 or "\n" in text or "/" in text
            or "(" in text or ")" in text or places_data.lookup(text) is not None
            or not any(ch.isalpha() for ch in text) or text.lower() in junk
            or any(w in junk for w in text.lower().split())):
        return None
    slug = gz.org_slug(text)
    return {"id": slug, "name": text, "kind": "organization", "country": country} if slug else None
