"""Actor mentions -> normalized actors (claims.md `actor`), written to doc.spans[ACTORS].

Three sources of candidates, resolved longest-first into non-overlapping spans:
1. gazetteer matches (PhraseMatcher on ORTH for short/cased aliases, LOWER for long ones),
   then combinations: "<country> ('s) <body>" ("Russia's Foreign Ministry"), "<body> of
   <country>", "<country>-led coalition", "<demonym> <generic group>" ("Syrian rebels"),
   "<org> <extension>" ("NATO officials", "Houthi rebels");
2. persons: NER PERSON spans and curated office holders, with the affiliation read from the
   text (title compound, possessive, apposition), carried to later surname mentions;
3. NER ORG spans the gazetteer does not know -> upper-case slug.
Works on a blank pipeline (gazetteer only); NER and tags refine it when present.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimcmp import extensions
from claimcmp.knowledge import gazetteer as gz, places_data, resource_loader
from claimcmp.knowledge.lexicons import cue, stance_lexicon
from claimcmp.pipeline.ranges import TokenRanges
from claimcmp.knowledge.gazetteer import APPOS_PREP, AWAY, POSS
from claimcmp.pipeline.component_data import ComponentData, with_overlay
from claimcmp.pipeline.persons import (
    PersonMention, anchor_index, name_words, person_bases, surname_carry,
)

CONTAINER_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
GOV_CANON = "GOVERNMENT"


class Cand:
    __slots__ = ("start", "end", "actor", "prio", "entry", "alias")

    def __init__(self, start, end, actor, prio, entry=None, alias=""):
        self.start, self.end, self.actor, self.prio = start, end, actor, prio
        self.entry, self.alias = entry, alias

    @property
    def role(self):
        return self.entry.role if self.entry else ""


class ActorTagger(ComponentData):
    """spaCy component: tags actor mentions. Registered as a factory in pipeline/factories.py."""

    def __init__(self, nlp: Language, name: str = "claimcmp_actors", *, carry_persons: bool = True,
                 resources: str | None = None):
        self.nlp = nlp
        self.name = name
        # a person's affiliation and full name carry to later surname-only mentions
        self.carry_persons = carry_persons
        self._set_resources(resources)
        self._ready = False

    def initialize(self, get_examples=None, nlp=None, *, resources: str | None = None) -> None:
        self._use_resources(resources)
        with resource_loader.using(self.resources):
            self._ensure()

    def _reset_data(self) -> None:
        self._ready = False

    def _ensure(self) -> None:
        """Build the matchers once, on first use: keeps config/pipeline creation cheap."""
        if self._ready:
            return
        vocab, make = self.nlp.vocab, self.nlp.make_doc
        self._cs = PhraseMatcher(vocab, attr="ORTH")
        self._ci = PhraseMatcher(vocab, attr="LOWER")
        self._entries = gz.entries()
        for key, e in self._entries.items():
            if e.aliases_cs:
                self._cs.add(key, [make(a) for a in e.aliases_cs])
            if e.aliases_ci:
                self._ci.add(key, [make(a) for a in e.aliases_ci])
        self._acronyms = {a for e in self._entries.values() for a in e.aliases_cs if a.isupper()}
        # exact alias -> actor, for NER names the matcher could not see ("USA--")
        self._exact = {a: e.actor for e in self._entries.values() if e.role != gz.BLOCKER
                       and e.role not in (gz.MODIFIER, gz.PREFIX) for a in e.aliases_cs}
        self._exact_lower = {a.lower(): e.actor for e in self._entries.values()
                             if e.role not in (gz.BLOCKER, gz.MODIFIER) for a in e.aliases_ci}
        self._bodies: dict[str, list[gz.Body]] = {}
        self._body_matcher = PhraseMatcher(vocab, attr="LOWER")
        for b in gz.bodies():
            self._bodies.setdefault(b.phrase, []).append(b)
        for phrase in self._bodies:
            self._body_matcher.add(phrase, [make(phrase)])
        self._ready = True

    # ------------------------------------------------------------------ main
    @with_overlay
    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        has_ner = doc.has_annotation("ENT_IOB")
        ents = [self._trim(e) for e in doc.ents] if has_ner else []
        raw, rejected = self._matches(doc)
        names = TokenRanges([c for c in raw if c.role not in (gz.PERSON, gz.BLOCKER)])
        ents = [e for e in ents if e is not None and not _bogus_person(e, names)]
        # combinations first: "Turkish Defence Ministry" is one NER ORG that holds "Turkish"
        combos = self._combine(doc, raw)
        simple = self._ner_filter(raw, ents)  # "Syria" in "Syria Dialogue Conference" is no actor
        ents = [e for e in ents if not _no_actor_name(e)]  # ... nor is the conference
        persons = self._persons(doc, simple, combos, ents)
        cands = [c for c in simple if c.role != gz.MODIFIER] + combos + persons
        chosen = _resolve(cands, len(doc))
        taken = bytearray(len(doc))
        for c in chosen + rejected:  # a rejected "Hamas-controlled" must not come back as ORG
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        for c in _ambiguous_acronyms(doc, chosen, taken):
            chosen.append(c)
            taken[c.start] = 1
        for ent in ents:  # NER names the matcher missed: odd tokenization, unknown orgs
            if ent.label_ in ("ORG", "GPE", "NORP") and not any(taken[ent.start:ent.end]):
                actor = self._lookup(ent.text)
                if actor is None and ent.label_ == "ORG" and ent.text.lower() not in self._bodies \
                        and not self._names_outlet(ent):
                    actor = _unknown_org(ent)
                if actor:
                    chosen.append(Cand(ent.start, ent.end, actor, 1))
        spans = []
        for c in sorted(chosen, key=lambda c: c.start):
            if not c.actor:
                continue  # blockers
            span = Span(doc, c.start, c.end, label=c.actor["kind"])
            span._.claimcmp_actor = dict(c.actor)
            spans.append(span)
        doc.spans[extensions.ACTORS] = spans
        return doc

    def _names_outlet(self, ent: Span) -> bool:
        """An outlet or platform ("Kashmir Media Service", "state TV"), or a headline
        fragment that starts with a known name ("UAE Cut Ties"): no actor of its own."""
        words = {t.lower_ for t in ent}
        return bool(words & stance_lexicon().cue("media_words")) or \
            (len(ent) > 1 and self._lookup(ent[0].text) is not None)

    # ------------------------------------------------------------ gazetteer
    def _lookup(self, text: str) -> dict | None:
        text = text.strip(" -–—.,;:'\"«»“”")
        actor = self._exact.get(text) or self._exact_lower.get(text.lower())
        return dict(actor) if actor else None

    def _matches(self, doc: Doc) -> tuple[list[Cand], list[Cand]]:
        out, rejected = [], []
        strings = doc.vocab.strings
        seen = set()
        for match_id, s, e in self._cs(doc) + self._ci(doc):
            key = strings[match_id]
            if (key, s, e) in seen:
                continue
            seen.add((key, s, e))
            entry = self._entries[key]
            text = doc[s:e].text
            if not self._plausible(doc, s, e, entry, text):
                rejected.append(Cand(s, e, {}, 0))
                continue
            prio = 6 if entry.role == gz.BLOCKER else 4 if entry.role == gz.PERSON else 3
            out.append(Cand(s, e, entry.actor, prio, entry, text))
        return out, rejected

    def _plausible(self, doc: Doc, s: int, e: int, entry: gz.Entry, text: str) -> bool:
        """Context checks that keep the verb "is", the pronoun "WHO", "West Bank" etc. out."""
        n = len(doc)
        nxt = doc[e] if e < n else None
        prev = doc[s - 1] if s > 0 else None
        if entry.role == gz.BLOCKER:
            return True
        if entry.role == gz.PREFIX:
            return nxt is not None and nxt.text == "-"
        if text in ("the West", "The West") and nxt is not None and nxt.is_title:
            return False  # the West Bank, the West Coast
        # "Russian-backed forces", "rebel-held areas": the mention only modifies
        if nxt is not None and nxt.text == "-" and e + 1 < n and doc[e + 1].lower_ in cue("modified_participles"):
            return False
        if s >= 2 and doc[s - 1].text == "-" and doc[s - 2].lower_ in ("pro", "anti", "non", "ex"):
            return False
        if text in cue("context_acronyms"):
            paren = prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")"
            if paren:
                return True
            if self._caps_context(doc, s, e):
                return False
            if text == "IS":
                if nxt is not None and nxt.lower_ in cue("is_acronym_next_words"):
                    return True
                if prev is None or prev.lower_ not in cue("is_acronym_prev_words"):
                    return False
                return not (doc.has_annotation("TAG") and doc[s].tag_ == "VBZ" and prev.lower_ != "the")
            if text == "WHO":
                if prev is not None and prev.lower_ == "the":
                    return True
                return not doc.has_annotation("TAG") or doc[s].tag_ in ("NNP", "NN", "NNPS")
        return True

    def _caps_context(self, doc: Doc, s: int, e: int) -> bool:
        # a shouting headline ("WHO IS TO BLAME"): neighbors are upper-case words, not acronyms
        for t in (doc[s - 1] if s > 0 else None, doc[e] if e < len(doc) else None):
            if t is not None and t.is_alpha and len(t) > 1 and t.is_upper and t.text not in self._acronyms:
                return True
        return False

    def _ner_filter(self, cands: list[Cand], ents: list) -> list[Cand]:
        """Drop place-like matches NER reads as part of a longer name ("George Washington",
        "Moscow State University") and person-ish names NER tags PERSON ("Jordan")."""
        if not ents:
            return cands
        containers = TokenRanges([ent for ent in ents if ent.label_ in CONTAINER_LABELS])
        out = []
        for c in cands:
            drop = False
            if c.role in (gz.NAME, gz.ADJ, gz.METONYM) and c.actor.get("kind") == "country":
                for ent in containers.around(c.start, c.end):
                    if (ent.end - ent.start) > (c.end - c.start):
                        drop = True
                    elif ent.label_ == "PERSON" and c.alias in cue("personish_names"):
                        drop = True
            if not drop:
                out.append(c)
        return out

    def _trim(self, ent: Span) -> Span | None:
        """Strip determiners, titles and possessives NER sometimes includes."""
        s, e = ent.start, ent.end
        doc = ent.doc
        titles = cue("title_words")
        while s < e and (doc[s].lower_ in ("the", "a", "an") or
                         (ent.label_ == "PERSON" and doc[s].lower_ in titles)):
            s += 1
        while e > s and (doc[e - 1].text in POSS or doc[e - 1].is_punct):
            e -= 1
        if s >= e:
            return None
        if ent.label_ == "PERSON":
            e = _hyphen_tail(doc, e)
        return Span(doc, s, e, label=ent.label_)

    # --------------------------------------------------------- combinations
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
        for match_id, s, e in self._body_matcher(doc):
            if s not in body_at or e > body_at[s][0]:
                body_at[s] = (e, self._bodies[doc.vocab.strings[match_id]])
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
            e = j + 2
            if e < n and doc[e].lower_ in cue("led_heads"):
                e += 1
            out.append(Cand(c.start, e, c.actor, 4))
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

    # -------------------------------------------------------------- persons
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


def _bogus_person(ent: Span, names: TokenRanges) -> bool:
    """NER PERSON spans made only of gazetteer words ("Russo-Turkish") are no person;
    `names` holds the matches that are not people or blockers."""
    if ent.label_ != "PERSON":
        return False
    covered = set()
    for c in names.within(ent.start, ent.end):
        covered.update(range(c.start, c.end))
    return all(t.i in covered for t in ent if t.is_alpha) and len(ent) > 1


def _ambiguous_acronyms(doc: Doc, chosen: list[Cand], taken: bytearray) -> list[Cand]:
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


def _hyphen_tail(doc: Doc, e: int) -> int:
    """NER may stop a name at a hyphen ("Cheng Li" of "Cheng Li-wun"): a given name written
    with a hyphen and no spaces is one word of the name."""
    while e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ \
            and not doc[e].whitespace_ and doc[e + 1].is_alpha and doc[e + 1].is_lower:
        e += 2
    return e


PLAIN_TAGS = {"JJ", "JJR", "JJS", "RB", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "WDT", "WP", "IN", "DT"}


def _no_actor_name(ent: Span) -> bool:
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


def _resolve(cands: list[Cand], n: int) -> list[Cand]:
    """Longest match first, then priority; spans never overlap."""
    taken = bytearray(n)
    chosen = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.prio, c.start)):
        if c.end <= c.start or any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return chosen


def _unknown_org(ent: Span) -> dict | None:
    text = ent.text.strip()
    junk = cue("junk_org_words")
    # page furniture and headline fragments are no actors: keep short, one-line names
    if (not any(ch.isupper() for ch in text) or len(ent) > 6 or "\n" in text or "/" in text
            or "(" in text or ")" in text or places_data.lookup(text) is not None
            or not any(ch.isalpha() for ch in text) or text.lower() in junk
            or any(w in junk for w in text.lower().split())):
        return None
    slug = gz.org_slug(text)
    return {"id": slug, "name": text, "kind": "organization", "country": None} if slug else None


# ------------------------------------------------------------------ helpers for the extractor
def actors_in(doc_or_span) -> list[Span]:
    """Actor spans of a Doc, or those inside a Span, in text order."""
    doc = doc_or_span.doc if isinstance(doc_or_span, Span) else doc_or_span
    if extensions.ACTORS not in doc.spans:
        return []
    spans = list(doc.spans[extensions.ACTORS])
    if isinstance(doc_or_span, Span):
        s, e = doc_or_span.start, doc_or_span.end
        spans = [a for a in spans if a.start < e and a.end > s]
    return spans


def actor_for_span(span: Span) -> dict | None:
    """The actor dict of the best actor mention inside `span` (e.g. a subject noun chunk):
    the one holding the span's syntactic head when parsed, else the last one not used as a
    possessive ("Russia's ally Syria" -> Syria)."""
    inside = actors_in(span)
    if not inside:
        return None
    doc = span.doc
    if doc.has_annotation("DEP"):
        root = span.root.i
        for a in inside:
            if a.start <= root < a.end:
                return dict(a._.claimcmp_actor)
    heads = [a for a in inside if not (a.end < len(doc) and doc[a.end].text in POSS)] or inside
    return dict(heads[-1]._.claimcmp_actor)

