"""Names combined into longer actors, for the actor tagger: a state body after a country
("Russia's defence ministry") or before one ("the president of Syria"), a demonym and a generic
group ("Fijian rebels"), "US-led coalition", an organization and an extension word ("NATO
officials")."""
from __future__ import annotations

from spacy.tokens import Doc

from claimcmp.knowledge import gazetteer as gz
from claimcmp.knowledge.gazetteer import POSS
from claimcmp.knowledge.lexicons import cue
from claimcmp.pipeline.actor_candidates import Cand

GOV_CANON = "GOVERNMENT"


class CombinationRules:
    """Part of ActorTagger (a mixin): reads the tagger's state-body matcher and rows
    (self._body_matcher, self._bodies)."""

    def _combine(self, doc: Doc, simple: list[Cand]) -> list[Cand]:
        """Names combined into longer actors: "Russia's defence ministry", "Fijian rebels",
        "US-led coalition", "the president of Syria"."""
        body_at = self._body_index(doc)
        generic_at = {c.start: c for c in simple if c.role == gz.GENERIC}
        name_at = {}
        for c in simple:
            if c.role == gz.NAME and c.actor.get("kind") == "country":
                name_at.setdefault(c.start, c)
        out = []
        for c in simple:
            if c.role in (gz.NAME, gz.ADJ, gz.MODIFIER, gz.PERSON):
                out.extend(self._combined_with(doc, c, body_at, generic_at))
        for s, (e, rows) in body_at.items():  # "the president of Syria"
            out.extend(self._body_of_country(doc, s, e, rows, name_at))
        return out

    def _body_index(self, doc: Doc) -> dict[int, tuple[int, list[gz.Body]]]:
        """The longest state body named at each start token: "defence ministry" -> (end, rows)."""
        body_at: dict[int, tuple[int, list[gz.Body]]] = {}
        for phrase, s, e in self._body_matcher(doc):
            if s not in body_at or e > body_at[s][0]:
                body_at[s] = (e, self._bodies[phrase])
        return body_at

    def _combined_with(self, doc: Doc, c: Cand, body_at: dict[int, tuple[int, list[gz.Body]]],
                       generic_at: dict[int, Cand]) -> list[Cand]:
        """The actors a name heads: "Russia's defence ministry" (a body), "Fijian rebels" (a
        group of that country), "US-led coalition"."""
        n = len(doc)
        out = []
        is_country = c.actor.get("kind") == "country"
        j = c.end
        if j < n and doc[j].text in POSS and c.role in (gz.NAME, gz.PERSON):
            j += 1
        if j in body_at:
            e, rows = body_at[j]
            made = self._body_actor(c, rows, is_country)
            if made:
                out.append(Cand(c.start, e, made, 4))
        if j == c.end and j in generic_at and c.role in (gz.ADJ, gz.NAME, gz.MODIFIER):
            g = generic_at[j]
            # "Fijian rebels": still the rebels, but of that country
            grouped = {**g.actor, "country": c.actor["id"]} if is_country else c.actor
            out.append(Cand(c.start, g.end, grouped, 4))
        if j + 1 < n and doc[j].text == "-" and doc[j + 1].lower_ == "led" and c.role != gz.PERSON:
            out.append(Cand(c.start, _led_head_end(doc, j + 2), c.actor, 4))
        return out

    def _body_of_country(self, doc: Doc, s: int, e: int, rows: list[gz.Body],
                         name_at: dict[int, Cand]) -> list[Cand]:
        """"The president of Syria", "the foreign ministry of the Russian Federation"."""
        n = len(doc)
        k = e + 1 if e < n and doc[e].lower_ == "of" else None
        if k is None:
            return []
        if k < n and doc[k].lower_ == "the":
            k += 1
        if k in name_at:
            made = self._body_actor(name_at[k], rows, True)
            if made:
                return [Cand(s, name_at[k].end, made, 4)]
        return []

    def _body_actor(self, c: Cand, rows: list[gz.Body], is_country: bool) -> dict | None:
        if c.role == gz.PERSON:  # "the Obama administration", "the Assad regime"
            iso = c.actor.get("country")
            if any(b.canon == GOV_CANON for b in rows) and iso in gz.countries():
                return gz.country_actor(iso)
            return None
        if not is_country:  # "NATO officials", "Houthi rebels", "Western governments"
            return dict(c.actor) if any(b.after_org or b.after_country for b in rows) else None
        body = next((b for b in rows if b.after_country), None)
        if body is None:
            return None
        iso, adj = c.actor["id"], c.entry.adjective
        if body.canon == GOV_CANON:
            return dict(c.actor)
        if body.kind == "person":
            return {"id": f"{iso.lower()}-{body.canon.lower().replace('_', '-')}",
                    "name": f"{adj} {body.label}", "kind": "person", "country": iso}
        return {"id": f"{iso}_{body.canon}", "name": f"{adj} {body.label}",
                "kind": body.kind, "country": iso}


def _led_head_end(doc: Doc, start: int) -> int:
    """Where "X-led" ends: after the body it leads, over up to two adjectives ("the Saudi-led
    Arab coalition", "the US-led international force"), else right after "led"."""
    k = start
    while k < len(doc) and k - start < 2 and doc[k].tag_ == "JJ":
        k += 1
    return k + 1 if k < len(doc) and doc[k].lower_ in cue("led_heads") else start
