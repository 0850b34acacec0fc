"""Whom each person the text names speaks for, for the actor tagger: a title or possessive
before the name ("Russian Foreign Minister Sergei Lavrov", "Iran's Rouhani"), an apposition
after it ("Lavrov, Russia's foreign minister,"), carried to later surname-only mentions
(persons.py)."""
from __future__ import annotations

from spacy.tokens import Doc

from claimcmp.knowledge import gazetteer as gz
from claimcmp.knowledge.gazetteer import APPOS_PREP, AWAY, POSS
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.actor_candidates import Cand
from claimcmp.pipeline.persons import (
    PersonMention, anchor_index, name_words, person_bases, surname_carry,
)


class PersonAffiliations:
    """Part of ActorTagger (a mixin): reads the tagger's carry_persons option."""

    def _persons(self, doc: Doc, simple: list[Cand], combos: list[Cand], ents: list) -> list[Cand]:
        """People named in the text with the country each speaks for: "Russia's Sergei Lavrov",
        "Lavrov, Russia's foreign minister," and a later bare "Lavrov" (see persons.py)."""
        leaders = [c for c in simple if c.role == gz.PERSON]
        bases = person_bases(simple, leaders, ents)
        if not bases:
            return []
        by_end, by_start = anchor_index(simple + combos)
        person_starts = {s for s, _, _ in bases}
        found = []
        for s, e, leader in bases:
            aff, left = self._left(doc, s, by_end)
            appos = self._appos(doc, e, by_start, person_starts)
            if aff is None and appos:
                aff = appos[0]
            found.append(PersonMention(s, e, leader, aff, left, appos))
        full_by_surname, aff_by_surname = surname_carry(doc, found, self.carry_persons)
        out = []
        for s, e, leader, aff, left, appos in found:
            words = name_words(doc[s:e])
            sur = words[-1] if words else ""
            full = full_by_surname.get(sur, doc[s:e].text) if self.carry_persons else doc[s:e].text
            if leader is None and full != doc[s:e].text:
                leader = next((c.actor for c in leaders if c.alias == full), None)
            country = aff or aff_by_surname.get(sur) or (leader or {}).get("country")
            actor = {"id": leader["id"] if leader else gz.person_slug(full),
                     "name": leader["name"] if leader else full,
                     "kind": "person", "country": country}
            out.append(Cand(left if left is not None else s, e, actor, 5))
            if appos:
                out.append(Cand(appos[1], appos[2], dict(actor), 5))
        return out

    def _left(self, doc: Doc, s: int, by_end: dict[int, Cand]) -> tuple[str | None, int | None]:
        """'Russian Foreign Minister X', "Iran's President X", "Russia's X", "Putin's spokesman X"."""
        i, steps, titled, poss = s - 1, 0, False, False
        titles = cue("title_words")
        while i >= 0 and steps < 10:
            c = by_end.get(i + 1)
            if c is not None and c.start < s:
                if (c.role == "" and c.actor.get("kind") == "person") or doc[c.end - 1].lower_ in titles:
                    titled = True  # a title combo: "Russian Foreign Minister", "UN envoy"
                k = c.start - 1
                if k >= 0 and doc[k].lower_ == "the":
                    k -= 1
                if k >= 0 and doc[k].lower_ in AWAY:
                    i, steps = k - 1, steps + 1  # "ambassador to the UN": keep looking left
                    continue
                if not (titled or poss):
                    return None, None  # "in Moscow Lavrov said": no title, no possessive
                code = gz.affiliation_code(c.actor)
                if c.role == gz.PERSON:
                    return code, None  # "Putin's spokesman X": Putin keeps his own span
                return code, c.start
            t = doc[i]
            if _joins_two_names(doc, i, by_end):
                return None, None  # "a Putin-Zelensky meeting": two people, neither the other's
            if t.text in POSS:
                poss = True
            elif t.lower_ in titles or t.text == "-":
                titled = True
            else:
                return None, None
            i -= 1
            steps += 1
        return None, None

    def _appos(self, doc: Doc, e: int, by_start: dict[int, Cand], person_starts: set):
        """'X, Russia's foreign minister,' / 'X, the president of Syria' -> (code, start, end)."""
        n = len(doc)
        if e >= n or doc[e].text != ",":
            return None
        j, aff, titled, first, last, away = e + 1, None, False, None, None, False
        titles, skip = cue("title_words"), cue("appos_skip_words")
        while j < n and j < e + 14:
            t = doc[j]
            if j in person_starts:
                break
            c = by_start.get(j)
            if c is not None:
                if c.actor.get("kind") == "person":
                    if c.role == gz.PERSON:
                        break
                    titled = True
                if aff is None and not away:
                    aff = gz.affiliation_code(c.actor)
                away = False
                first = j if first is None else first
                j = last = c.end
                continue
            low = t.lower_
            if low in titles:
                titled = True
                first = j if first is None else first
                j += 1
                last = j
                continue
            if low in AWAY:
                away = True
            elif not (low in skip or low in APPOS_PREP or t.text in POSS):
                break
            j += 1
        if aff and titled and first is not None:
            return aff, first, last
        return None


def _joins_two_names(doc: Doc, i: int, by_end: dict[int, Cand]) -> bool:
    """Token i is a hyphen written between a person's name and the next name, with no space."""
    before = by_end.get(i)
    return doc[i].text == "-" and i > 0 and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and before is not None and before.actor.get("kind") == "person"
