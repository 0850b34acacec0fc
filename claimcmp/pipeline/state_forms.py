"""Which country a noun for a state refers back to by its form: "the kingdom" a kingdom,
"the North" the half of a divided land whose names begin so (pipeline/definite_states.py
reads these)."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.gazetteer import countries, country_actor
from claimcmp.knowledge.lexicons import cue


def state_form_fits(head: Token, country: dict) -> bool:
    """"the kingdom" is a kingdom ("Kingdom of Saudi Arabia"), "the emirate" an emirate: a
    noun for a form of state (cue state_form_nouns) names a country whose names say so;
    "the North" a country whose names begin with "North" (cue half_state_nouns)."""
    form = head.lemma_.lower()
    names = (countries().get(country["id"]) or {}).get("names", ())
    if is_half_state(head):
        return any(name.lower().startswith(form + " ") for name in names)
    if form not in cue("state_form_nouns"):
        return True
    return any(form in name.lower() for name in names)


def is_half_state(head: Token) -> bool:
    """"the North", capitalized: not "the north of the country", which is a place."""
    return head.text[:1].isupper() and head.lower_ in cue("half_state_nouns") and \
        not any(child.dep_ == "prep" for child in head.children)


def other_half(head: Token, country: dict) -> dict | None:
    """"Seoul said the North's drones ...": "the North" after the other half of a divided
    land is named is that land's other half, the country whose name is the named one's with
    the compass word swapped ("South Korea" -> "North Korea")."""
    if not is_half_state(head):
        return None
    form, halves = head.lower_, cue("half_state_nouns")
    row = countries().get(country["id"]) or {}
    for name in row.get("names", ()):
        first, _, rest = name.partition(" ")
        if first.lower() in halves - {form} and rest:
            found = _country_named(f"{form} {rest}".lower())
            if found is not None:
                return {**found, "mention": f"the {head.text}"}
    return None


def _country_named(name: str) -> dict | None:
    """The country one of whose names is `name` (lower case), if any."""
    iso = next((iso for iso, row in countries().items() if name in (n.lower() for n in row["names"])), None)
    return country_actor(iso) if iso is not None else None
