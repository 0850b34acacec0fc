"""Actor mentions -> normalized actors (claims.md `actor`), written to doc.spans[ACTORS].

Three sources of candidates (actor_candidates.Cand), resolved longest-first into
non-overlapping spans:
1. gazetteer matches (alias_matcher.AliasMatcher on ORTH for short/cased aliases, LOWER for long ones),
   then combinations: "<country> ('s) <body>" ("Russia's Foreign Ministry"), "<body> of
   <country>", "<country>-led coalition", "<demonym> <generic group>" ("Syrian rebels"),
   "<org> <extension>" ("NATO officials", "Houthi rebels");
2. persons: NER PERSON spans and curated office holders, with the affiliation read from the
   text (title compound, possessive, apposition), carried to later surname mentions;
3. NER ORG spans the gazetteer does not know -> upper-case slug.
Works on a blank pipeline (gazetteer only); NER and tags refine it when present.
"""
from __future__ import annotations

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimcmp import extensions
from claimcmp.knowledge import gazetteer as gz, resource_loader
from claimcmp.knowledge.gazetteer import POSS
from claimcmp.knowledge.lexicons import cue, stance_lexicon
from claimcmp.pipeline.actor_affiliations import PersonAffiliations
from claimcmp.pipeline.actor_candidates import (
    Cand, ambiguous_acronyms, bogus_person, hyphen_tail, leading_country, no_actor_name, resolve,
    unknown_org,
)
from claimcmp.pipeline.actor_combinations import CombinationRules
from claimcmp.pipeline.actor_minorities import minority_groups
from claimcmp.pipeline.alias_matcher import AliasMatcher
from claimcmp.pipeline.component_data import ComponentData, with_overlay
from claimcmp.pipeline.phrase_patterns import PhrasePatterns
from claimcmp.pipeline.ranges import TokenRanges

# audit: code (entity labels of the NER model)
CONTAINER_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}


class ActorTagger(CombinationRules, PersonAffiliations, ComponentData):
    """spaCy component: tags actor mentions. Registered as a factory in pipeline/factories.py.
    Its combinations are in actor_combinations.py, its persons' affiliations in
    actor_affiliations.py, the rules on single candidates in actor_candidates.py."""

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
        vocab, pattern = self.nlp.vocab, PhrasePatterns(self.nlp)
        self._cs = AliasMatcher(vocab, ORTH)
        self._ci = AliasMatcher(vocab, LOWER)
        self._entries = gz.entries()
        for key, e in self._entries.items():
            if e.aliases_cs:
                self._cs.add(key, [pattern(a, ORTH) for a in e.aliases_cs])
            if e.aliases_ci:
                self._ci.add(key, [pattern(a, LOWER) for a in e.aliases_ci])
        self._cs.finish()
        self._ci.finish()
        self._acronyms = {a for e in self._entries.values() for a in e.aliases_cs if a.isupper()}
        self._bodies: dict[str, list[gz.Body]] = {}
        self._body_matcher = AliasMatcher(vocab, LOWER)
        for b in gz.bodies():
            self._bodies.setdefault(b.phrase, []).append(b)
        for phrase in self._bodies:
            self._body_matcher.add(phrase, [pattern(phrase, LOWER)])
        self._body_matcher.finish()
        self._ready = True

    # ------------------------------------------------------------------ main
    @with_overlay
    def __call__(self, doc: Doc) -> Doc:
        self._ensure()
        has_ner = doc.has_annotation("ENT_IOB")
        ents = [self._trim(e) for e in doc.ents] if has_ner else []
        raw, rejected = self._matches(doc)
        names = TokenRanges([c for c in raw if c.role not in (gz.PERSON, gz.BLOCKER)])
        ents = [e for e in ents if e is not None and not bogus_person(e, names)]
        # combinations first: "Turkish Defence Ministry" is one NER ORG that holds "Turkish"
        combos = self._combine(doc, raw)
        simple = self._ner_filter(raw, ents)  # "Syria" in "Syria Dialogue Conference" is no actor
        ents = [e for e in ents if not no_actor_name(e)]  # ... nor is the conference
        persons = self._persons(doc, simple, combos, ents)
        cands = [c for c in simple if c.role != gz.MODIFIER] + combos + persons
        chosen = resolve(cands, len(doc))
        taken = bytearray(len(doc))
        for c in chosen + rejected:  # a rejected "Hamas-controlled" must not come back as ORG
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        for c in ambiguous_acronyms(doc, chosen, taken):
            chosen.append(c)
            taken[c.start] = 1
        for ent in ents:  # NER names the matcher missed: odd tokenization, unknown orgs
            if ent.label_ in ("ORG", "GPE", "NORP") and not any(taken[ent.start:ent.end]):
                actor = self._lookup(ent.text)
                if actor is None and ent.label_ == "ORG":
                    actor = self._unknown_org(ent, raw)
                if actor:
                    chosen.append(Cand(ent.start, ent.end, actor, 1))
        minority_groups(doc, chosen, self._lookup)  # "Serbs from Kosovo" are no Serbia
        spans = []
        for c in sorted(chosen, key=lambda c: c.start):
            if not c.actor:
                continue  # blockers
            span = Span(doc, c.start, c.end, label=c.actor["kind"])
            span._.claimcmp_actor = dict(c.actor)
            spans.append(span)
        doc.spans[extensions.ACTORS] = spans
        return doc

    def _unknown_org(self, ent: Span, raw: list[Cand]) -> dict | None:
        """An organization the gazetteer does not know, of the country its name opens with
        as a demonym: "Nigerian Union of Teachers" is Nigeria's, where "Nigeria Cut Ties"
        opening with a name is a headline fragment."""
        if ent.text.lower() in self._bodies or _names_media(ent):
            return None
        country = leading_country(raw, ent)
        if country is None and self._headline_fragment(ent):
            return None
        return unknown_org(ent, country)

    def _headline_fragment(self, ent: Span) -> bool:
        """A headline fragment that starts with a known name ("UAE Cut Ties"): no actor."""
        return len(ent) > 1 and self._lookup(ent[0].text) is not None

    # ------------------------------------------------------------ gazetteer
    def _lookup(self, text: str) -> dict | None:
        # exact alias -> actor, for NER names the matcher could not see ("USA--")
        return gz.alias_actor(text.strip(" -–—.,;:'\"«»“”"))

    def _matches(self, doc: Doc) -> tuple[list[Cand], list[Cand]]:
        out, rejected = [], []
        seen = set()
        for key, s, e in self._cs(doc) + self._ci(doc):
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
        "Moscow State University") and person-ish names NER tags PERSON where the text names
        a person with them ("Jordan Peterson ... Jordan said")."""
        if not ents:
            return cands
        # "Mali, Burkina Faso and Niger": an entity the model runs over a comma is a list, no name
        containers = TokenRanges([ent for ent in ents if ent.label_ in CONTAINER_LABELS
                                  and not any(t.text == "," for t in ent)])
        # first names the text gives a person with a surname: "Chad Smith ... Chad said"
        first_names = {t.text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
        out = []
        for c in cands:
            drop = False
            if c.role in (gz.NAME, gz.ADJ, gz.METONYM) and c.actor.get("kind") == "country":
                for ent in containers.around(c.start, c.end):
                    if (ent.end - ent.start) > (c.end - c.start):
                        drop = True
                    elif ent.label_ == "PERSON" and c.alias in cue("personish_names") and c.alias in first_names:
                        drop = True  # a bare "Chad" NER takes for a person is the country
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
            e = hyphen_tail(doc, e)
        return Span(doc, s, e, label=ent.label_)

def _names_media(ent: Span) -> bool:
    """An outlet or platform ("Kashmir Media Service", "state TV"): no actor of its own."""
    return bool({t.lower_ for t in ent} & stance_lexicon().cue("media_words"))


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

