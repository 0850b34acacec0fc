"""What a free-text stance label means, read against resources/stance_synonyms.json.

Extractors emit lemma-like labels ("revive cooperation", "rule out", "work in tandem");
two articles rarely word the same relation alike, so labels are compared through
groups of synonyms and classes of groups kept as data, never by string equality.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.lexicons import cue
from claimcmp.knowledge.resource_loader import overlay_cached

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class StanceGroup:
    name: str
    family: str
    cls: str
    symmetric: bool
    state: bool  # holds over its whole span (cooperate) rather than happening once (agree)


@dataclass(frozen=True)
class Lexicon:
    groups: dict[str, StanceGroup]
    phrases: dict[tuple[str, ...], str]
    vocabulary: frozenset[str]
    stop: frozenset[str]
    light: frozenset[str]
    particles: frozenset[str]
    generic: frozenset[str]
    opposes: dict[tuple[str, str], float]
    group_opposes: dict[tuple[str, str], float]
    related: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Reading:
    """A label as understood: the group its head names, and the groups its other
    words name (the object of "suspend cooperation" is the cooperate group)."""

    label: str
    group: StanceGroup | None
    objects: frozenset[str]
    content: frozenset[str]


def _canon(word: str, vocabulary: frozenset[str]) -> str:
    # A crude inflection strip is enough: only forms the table knows need to meet.
    if word in vocabulary:
        return word
    # audit: code (inflection suffixes, not words)
    for cut, add in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                     ("ing", ""), ("ing", "e")):
        if word.endswith(cut) and len(word) - len(cut) >= 3:
            stem = word[: -len(cut)] + add
            if stem in vocabulary:
                return stem
    return word


def _tokens(text: str, lex: Lexicon) -> tuple[str, ...]:
    words = _WORD.findall(text.lower().replace("-", " ").replace("_", " "))
    return tuple(_canon(w, lex.vocabulary) for w in words if w not in lex.stop)


@overlay_cached
def lexicon(overlay: str | None) -> Lexicon:
    """The synonym groups of the overlay in force (resource_loader)."""
    raw = resource_loader.json_object("stance_synonyms.json", overlay)
    stop = frozenset(raw["stopwords"])
    groups: dict[str, StanceGroup] = {}
    labels: dict[str, list[str]] = {}
    for g in raw["groups"]:
        groups[g["name"]] = StanceGroup(g["name"], g["family"], g["class"], bool(g["symmetric"]),
                                        g.get("aspect") == "state")
        labels[g["name"]] = g["labels"]
    vocabulary = frozenset(
        w for ls in labels.values() for lab in ls for w in _WORD.findall(lab.replace("-", " "))
    )
    opposes: dict[tuple[str, str], float] = {}
    for cls, spec in raw["classes"].items():
        for other, weight in spec["opposes"].items():
            opposes[(cls, other)] = opposes[(other, cls)] = float(weight)
    group_opposes: dict[tuple[str, str], float] = {}
    for g in raw["groups"]:
        for other, weight in g.get("opposes", {}).items():
            group_opposes[(g["name"], other)] = group_opposes[(other, g["name"])] = float(weight)
    related = frozenset(pair for a, b in raw["related"] for pair in ((a, b), (b, a)))
    lex = Lexicon(groups, {}, vocabulary, stop, frozenset(raw["light"]),
                  frozenset(raw["particles"]), frozenset(raw["generic"]), opposes,
                  group_opposes, related)
    for name, ls in labels.items():
        for lab in ls:
            key = _tokens(lab, lex)
            if key in lex.phrases and lex.phrases[key] != name:
                # One phrase naming two relations would make readings depend on file order.
                raise resource_loader.ResourceError(
                    f"stance phrase {lab!r} is in groups {lex.phrases[key]} and {name}", "stance_synonyms.json")
            lex.phrases[key] = name
    return lex


def read(label: str | None) -> Reading:
    """What a label names, in the groups of the overlay in force."""
    return _read(label, resource_loader.active_overlay())


@lru_cache(maxsize=8192)
def _read(label: str | None, overlay: str | None) -> Reading:
    lex = lexicon.for_overlay(overlay)
    toks = _tokens(label or "", lex)
    norm = " ".join(toks)
    # Words that can be shared without naming the same act ("rule out" / "pull out").
    content = frozenset(toks) - lex.light - lex.generic - lex.particles
    if not toks:
        return Reading(norm, None, frozenset(), content)
    head: tuple[int, int] | None = None
    if toks in lex.phrases:
        head = (0, len(toks))
    else:
        # Longest known phrase first, leftmost first: the verb of "suspend cooperation"
        # names the act, its object only says what is suspended. Light and generic
        # single words are tried last so "relations deteriorate" reads as deteriorate.
        for n in range(len(toks) - 1, 0, -1):
            for i in range(len(toks) - n + 1):
                if n == 1 and (toks[i] in lex.light or toks[i] in lex.generic):
                    continue
                if toks[i:i + n] in lex.phrases:
                    head = (i, i + n)
                    break
            if head:
                break
        if head is None:
            for i, t in enumerate(toks):
                if t in lex.generic and (t,) in lex.phrases:
                    head = (i, i + 1)
                    break
    if head is None:
        return Reading(norm, None, frozenset(), content)
    group = lex.groups[lex.phrases[toks[head[0]:head[1]]]]
    rest = toks[: head[0]] + toks[head[1]:]
    objects = frozenset(lex.phrases[(t,)] for t in rest if (t,) in lex.phrases) - {group.name}
    if _ends_hostility(toks, group, objects, lex):
        # "end fight", "cessation hostility", "halt strikes": a hostile act ended is a truce
        return Reading(norm, lex.groups[TRUCE_GROUP], objects, content)
    return Reading(norm, group, objects, content)


TRUCE_GROUP = "ceasefire"  # stance_synonyms.json: what ending a hostile act amounts to


def _ends_hostility(toks: tuple[str, ...], group: StanceGroup, objects: frozenset[str], lex: Lexicon) -> bool:
    """An ending word with an armed or hostile act: "end fight" (the ending verb heads, the
    act its object) or "cessation hostility" (the act heads, the ending noun beside it)."""
    enders = cue("hostility_enders") | cue("ending_nouns")
    if not any(t in enders for t in toks) or TRUCE_GROUP not in lex.groups:
        return False
    if group.cls in HOSTILE_CLASSES and not any(lex.phrases.get((t,)) == group.name for t in toks if t in enders):
        return True  # the hostile act heads: "cessation hostility"
    return any(lex.groups[o].cls in HOSTILE_CLASSES for o in objects)


# the classes of armed and hostile acts whose end is a truce ("ease sanctions" is no truce)
HOSTILE_CLASSES = frozenset({"force", "hostility"})


def is_fighting(label: str | None) -> bool:
    """Force used, or its end ("attack", "wage war", "ceasefire", "sign a truce"): acts that
    happen where the fighting is, as the annotation guide places a ceasefire."""
    reading = read(label)
    group = reading.group
    return group is not None and (group.cls == "force" or group.name == TRUCE_GROUP or TRUCE_GROUP in reading.objects)


def group_name(label: str | None) -> str | None:
    """The name of the stance group a label reads as ("strike" -> "attack"), or None."""
    group = read(label).group
    return group.name if group is not None else None


def is_truce(label: str | None) -> bool:
    """A ceasefire, truce or peace deal, or a hostile act's end ("cessation of hostilities")."""
    group = read(label).group
    return group is not None and group.name == TRUCE_GROUP


def is_agreement(label: str | None) -> bool:
    """An agreement, deal, treaty or truce reached ("sign a deal", "agree", "ceasefire"):
    what a later "the deal" or "the accord" refers back to."""
    group = read(label).group
    return group is not None and group.name in {AGREEMENT_GROUP, TRUCE_GROUP}


AGREEMENT_GROUP = "agree"  # stance_synonyms.json


def is_talks(label: str | None) -> bool:
    """Talks held or mediated ("negotiate", "hold talks", "mediate"): what an agreement is
    sought in before it is reached."""
    group = read(label).group
    return group is not None and group.name in TALKS_GROUPS


TALKS_GROUPS = frozenset({"negotiate", "mediate"})  # stance_synonyms.json


def is_proposal(label: str | None) -> bool:
    """A proposal, offer or plan put forward ("propose", "offer", "put forward a plan")."""
    group = read(label).group
    return group is not None and group.name == PROPOSAL_GROUP


PROPOSAL_GROUP = "propose"  # stance_synonyms.json: what a later "rejected the plan" answers


def is_spoken(label: str | None) -> bool:
    """An act done by saying ("accuse", "condemn", "warn", "reject"): cues.json spoken_groups."""
    group = read(label).group
    return group is not None and group.name in cue("spoken_groups")


def is_home_act(label: str | None) -> bool:
    """An act a state does on its own soil ("arrest", "convict", "summon the ambassador"):
    its group or one of its words is in cues.json home_acts."""
    group, homes = read(label).group, cue("home_acts")
    return group is not None and group.name in homes or bool(set((label or "").split()) & homes)


def is_symmetric(label: str | None) -> bool:
    g = read(label).group
    return bool(g and g.symmetric)


def is_state(label: str | None) -> bool:
    g = read(label).group
    return bool(g and g.state)


def similarity(a: str | None, b: str | None) -> tuple[float, str]:
    """How nearly two labels name the same act, 0..1, with the kind of likeness."""
    ra, rb = read(a), read(b)
    if ra.label and ra.label == rb.label:
        return 1.0, "same"
    ga, gb = ra.group, rb.group
    if ga and gb and ga.name == gb.name:
        return 0.9, "synonym"
    if ra.content & rb.content:
        return 0.7, "head"
    if ga and gb:
        if ga.cls == gb.cls:
            return 0.6, "class"
        if (ga.cls, gb.cls) in lexicon().related:
            return 0.4, "related"
    return 0.25, "family"


def opposition(a: str | None, b: str | None, *, topic_a: str | None = None,
               topic_b: str | None = None, family_a: str | None = None,
               family_b: str | None = None) -> tuple[float, str]:
    """How directly two labels of opposite families contradict each other, 0..1.

    Strongest when one ends or refuses the very relation the other names ("suspend
    cooperation" vs "work in tandem"); otherwise the class table decides, and classes
    it does not oppose (accusing vs cooperating) do not contradict at all."""
    ra, rb = read(a), read(b)
    # "Relations" take their family from how they are described (warm, at a nadir): a state
    # of the relationship contradicts the opposite state; relations at a nadir contradict a
    # lasting cooperation; warm relations contradict what ends cooperation, not rivalry or
    # disagreement (partners disagree).
    whole_a, whole_b = _whole_relationship(ra), _whole_relationship(rb)
    if whole_a and whole_b:
        return 1.0, "relationship"
    if whole_a or whole_b:
        other, other_label, family = (rb, b, family_a) if whole_a else (ra, a, family_b)
        if family == "conflict":
            state = other.group is not None and other.group.state and other.group.family == "cooperation"
            return (0.7, "relationship") if state else (0.0, "unrelated")
        if family == "cooperation":
            return opposition("cooperate", other_label)
    for one, other, topic in ((ra, rb, topic_a), (rb, ra, topic_b)):
        # Only an act of the conflict side can end what it names: "cooperate in the
        # fight against IS" does not oppose fighting.
        if other.group is None or one.group is None or one.group.family != "conflict":
            continue
        objects = one.objects | (read(topic).objects | _own(topic) if topic else frozenset())
        if other.group.name in objects:
            return 1.0, "object"
    if ra.group and rb.group:
        lex = lexicon()
        w = lex.group_opposes.get((ra.group.name, rb.group.name)) or lex.opposes.get(
            (ra.group.cls, rb.group.cls), 0.0)
        if w:
            return w, "opposed"
    return 0.0, "unrelated"


def _whole_relationship(reading: Reading) -> bool:
    if reading.group is not None:
        return reading.group.name == "relations"
    return bool(set(reading.label.split()) & cue("relationship_words"))


def _own(text: str) -> frozenset[str]:
    g = read(text).group
    return frozenset({g.name}) if g else frozenset()
