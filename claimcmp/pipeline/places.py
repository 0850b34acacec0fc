"""PlaceTagger: place names -> doc.spans["claimcmp_places"] with span._.claimcmp_region.

The gazetteer (claimcmp.knowledge.places_data, ~72k names) decides WHAT a name is; the model's NER,
tags and parse only decide WHETHER a capitalized string is used as a place here. So a
gazetteer hit wins whatever NER label the small model gave it ("Aleppo" as NORP, "Rafah" as
PERSON), but is dropped when it is part of a longer person or organization name ("George
Washington", "Washington Post"), an adjective ("Mobile phones"), or an English word
without place evidence.

Metonyms ("Moscow said") stay tagged: the claim extractor tells actors from locations by
syntax, helped by the `locative` hint (is the mention the object of in/at/near/...?).

Works on a blank pipeline too: then only capitalization and neighbouring words are used.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimcmp import extensions
from claimcmp.knowledge import places_data, resource_loader
from claimcmp.knowledge.lexicons import cue
from claimcmp.knowledge.places_data import Place
from claimcmp.pipeline.component_data import ComponentData, with_overlay

# Word lists (cues.json): locative_preps ("in", "near" ...; "on" only after one of the
# attack_heads: "strikes on Rafah", not "sanctions on Moscow"); region_words ("Idlib
# province"); place_skippable_words, skipped without a parse between a preposition and the
# place ("in eastern Aleppo"); place_prefix_words, capitalized words that may stand before a
# place without making it a person's name ("North", "In"); month_names and weekday_names.
# Walking up from a mention through these relations keeps it part of the same place
# phrase: "in [Idlib] province", "in [Russia]'s Kursk region", "in Kharkiv and [Donetsk]".
# audit: code (dependency labels of the parser)
_PHRASE_DEPS = frozenset({"compound", "appos", "conj", "poss", "nmod", "npadvmod"})
_STRONG_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entity labels that, when they run past the place name, mean the name is part of
# something else: "Washington Post", "Kyiv School of Economics", "George Washington".
# audit: code (entity labels of the NER model)
_ABSORBING_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
_SENTENCE_END = frozenset({".", "!", "?", "\n", "\n\n"})


class PlaceTagger(ComponentData):
    """Tags place names with Region dicts {name, kind, country, locative}."""

    def __init__(self, nlp: Language, name: str = "claimcmp_places", *, resources: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self._set_resources(resources)
        self._reset_data()

    def _reset_data(self) -> None:
        # Built on first use and grown per document with only the names whose first word
        # occurs in it: tokenizing all 72k names up front costs ~5 s.
        self._matcher: PhraseMatcher | None = None
        self._added: set[str] = set()

    def initialize(self, get_examples=None, *, nlp: Language | None = None, resources: str | None = None) -> None:
        self._use_resources(resources)
        with resource_loader.using(self.resources):
            places_data.load()

    # -- matching -----------------------------------------------------------------------

    def _candidates(self, doc: Doc) -> list[tuple[int, int, str]]:
        gaz = places_data.load()
        if self._matcher is None:
            self._matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        new = sorted(gaz.candidates({t.text for t in doc}) - self._added)
        if new:
            patterns = list(self.nlp.tokenizer.pipe(new))
            for alias, pattern in zip(new, patterns):
                self._matcher.add(alias, [pattern])
            self._added.update(new)
        strings = self.nlp.vocab.strings
        return [(start, end, strings[key]) for key, start, end in self._matcher(doc)]

    @with_overlay
    def __call__(self, doc: Doc) -> Doc:
        gaz = places_data.load()
        has_ner = doc.has_annotation("ENT_IOB")
        has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        has_dep = doc.has_annotation("DEP")
        found: list[Span] = []
        taken = [False] * len(doc)
        ent_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)} if has_ner else {}
        # Longest first, so "Gaza Strip" beats "Gaza"; a rejected long match lets a
        # shorter one inside it try.
        for start, end, alias in sorted(self._candidates(doc), key=lambda m: (m[0] - m[1], m[0])):
            if any(taken[start:end]):
                continue
            place = gaz.places[alias]
            span = doc[start:end]
            locative = _is_locative(span, has_dep)
            ent = next((ent_at[i] for i in range(start, end) if i in ent_at), None)
            if not self._accept(span, place, ent, locative, has_ner, has_pos):
                continue
            span, region = _with_region_word(span, place)
            if any(taken[span.start:span.end]):
                span, region = doc[start:end], place.region()
            region["locative"] = locative
            out = Span(doc, span.start, span.end, label=region["kind"])
            out._.claimcmp_region = region
            found.append(out)
            for i in range(out.start, out.end):
                taken[i] = True
        spans = sorted(filter_spans(found), key=lambda s: s.start)
        if not has_dep:
            _share_locative(spans)
        doc.spans[extensions.PLACES] = spans
        return doc

    # -- deciding whether a gazetteer hit is a place here --------------------------------

    def _accept(self, span: Span, place: Place, ent: Span | None, locative: bool, has_ner: bool,
                has_pos: bool) -> bool:
        """ent: the named entity overlapping the match, if any."""
        last = span[-1]
        # A demonym or other adjective use ("Mobile phones") is not a place mention.
        if has_pos and last.pos_ == "ADJ":
            return False
        label = ent.label_ if ent is not None else None
        if ent is not None and label in _ABSORBING_LABELS and _runs_past(ent, span):
            return False
        initial = _sentence_initial(span[0])
        if place.weak:
            # An English word ("Reading", "Mobile") needs more than a capital letter.
            if has_ner:  # ... and to be the whole name: not "Republic" of "the People's Republic"
                return label in _STRONG_LABELS and not _runs_past(ent, span)
            return locative and not initial
        if label == "PERSON":
            # The small model calls many foreign city names PERSON ("Kharkiv", "Rafah"):
            # believe the gazetteer, unless it is a small town that shares a person's name.
            return locative or not place.minor
        if not has_ner:
            if place.minor and not locative:
                return False
            if _person_like_neighbours(span):
                return False
        # "Foreign Minister Ana Rivas" (tagged ORG): a small town's name glued to a capitalized
        # word is a name, unless the model calls it a place
        return not (place.minor and label not in _STRONG_LABELS and _person_like_neighbours(span))


def _runs_past(ent: Span, span: Span) -> bool:
    """Does the entity extend beyond the match with capitalized words of its own?
    'George Washington' yes; 'the Gaza Strip' (a lower-case 'the') no; 'Idlib province' no."""
    extra = list(ent.doc[ent.start:span.start]) + list(ent.doc[span.end:ent.end])
    region_words = cue("region_words")
    return any(t.is_title or t.is_upper for t in extra if t.lower_ not in region_words)


def _sentence_initial(token: Token) -> bool:
    if token.i == 0 or token.is_sent_start:
        return True
    prev = token.doc[token.i - 1]
    return prev.text in _SENTENCE_END or (prev.is_space and "\n" in prev.text)


def _person_like_neighbours(span: Span) -> bool:
    """Without NER: 'George Washington', 'Washington Post' — a capitalized word glued to
    the place that is neither a direction, a preposition, nor a date."""
    doc = span.doc
    if span.start > 0:
        prev = doc[span.start - 1]
        # is_title: the packaged words are read capitalized ("North", not "NORTH")
        if prev.is_title and prev.lower_ not in cue("place_prefix_words") and not prev.is_stop:
            return True
    if span.end < len(doc):
        nxt = doc[span.end]
        calendar = cue("month_names") | cue("weekday_names")
        if (nxt.is_title and nxt.lower_ not in calendar and nxt.lower_ not in cue("region_words")
                and not _sentence_initial(nxt)):
            return True
    return False


def _is_locative(span: Span, has_dep: bool) -> bool:
    """Is the mention the object of a locative preposition, or part of such an object?"""
    if has_dep:
        token = span.root
        seen = 0
        while token.dep_ in _PHRASE_DEPS and token.head.i != token.i and seen < 6:
            token, seen = token.head, seen + 1
        return token.dep_ == "pobj" and _locative_prep(token.head)
    # No parse: look left over articles and direction words for a preposition.
    i = span.start - 1
    skippable = cue("place_skippable_words")
    while i >= 0 and span.doc[i].lower_ in skippable:
        i -= 1
    return i >= 0 and _locative_prep(span.doc[i])


def _share_locative(spans: list[Span]) -> None:
    """Without a parse: 'in Kharkiv and Donetsk', "in Russia's Kursk region" — a place
    joined to a locative place by and/or/comma/'s is locative too (the parse does this via
    conj and poss)."""
    ends = {s.end: s for s in spans}
    skippable = cue("place_skippable_words")
    for span in spans:
        if span._.claimcmp_region["locative"]:
            continue
        doc, i = span.doc, span.start - 1
        while i >= 0 and doc[i].lower_ in skippable:
            i -= 1
        if i < 0 or doc[i].lower_ not in {"and", "or", ",", "'s", "’s"}:
            continue
        i -= 1
        while i >= 0 and doc[i].lower_ in skippable:
            i -= 1
        before = ends.get(i + 1)
        if before is not None and before._.claimcmp_region["locative"]:
            span._.claimcmp_region["locative"] = True


def _locative_prep(prep: Token) -> bool:
    word = prep.lower_
    if word in cue("locative_preps"):
        return True
    if word == "on":
        if prep.dep_ == "prep" and prep.head.i != prep.i:
            head = prep.head
        elif prep.i > 0:  # no parse: the word before "on"
            head = prep.doc[prep.i - 1]
        else:
            return False
        attack_heads = cue("attack_heads")
        return head.lemma_.lower() in attack_heads or head.lower_.rstrip("s") in attack_heads
    return False


def _with_region_word(span: Span, place: Place) -> tuple[Span, dict]:
    """'Idlib province', 'Aleppo countryside': widen the span, make it the province."""
    region = place.region()
    doc = span.doc
    if place.kind in ("city", "province") and span.end < len(doc):
        nxt = doc[span.end]
        if nxt.lower_ in cue("region_words"):
            if place.kind == "city":
                region = {**region, "kind": "province", "name": f"{place.name} {nxt.lower_.title()}"}
            return doc[span.start:span.end + 1], region
    return span, region


def regions_in(span: Span) -> list[dict]:
    """Region dicts (copies) of the tagged places inside `span`, in text order."""
    group = span.doc.spans.get(extensions.PLACES, [])
    return [dict(s._.claimcmp_region) for s in group if s.start >= span.start and s.end <= span.end]
