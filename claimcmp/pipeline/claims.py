"""The claim extractor: stance words (verbs and event nouns) with their actors.

For every sentence it finds stance words from the packaged lexicon, reads WHO and
WHOM from the dependency parse (arguments.py), the circumstances from the path to
the root (context.py), and writes claim dicts to `doc._.claimcmp_claims`.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcmp import extensions as ext
from claimcmp.lexicons import StanceEntry, StanceLexicon, stance_lexicon
from claimcmp.pipeline import context
from claimcmp.pipeline.arguments import (
    MentionIndex, actors_of, between_tokens, object_tokens, passive_patient, subject_token,
)

VERB_TARGET_PREPS = {"with", "against", "on", "at", "to", "toward", "towards", "into", "upon", "over", "for"}
NOUN_TARGET_PREPS = {"with", "against", "on", "at", "to", "toward", "towards", "into", "upon", "over", "for", "of"}
NOUN_AGENT_PREPS = {"by", "from"}
WARM = {"warm", "warmer", "close", "closer", "good", "better", "friendly", "strong", "stronger", "improved",
        "cordial", "strategic", "normal", "full", "constructive", "excellent", "positive", "deep", "special"}
COLD = {"strained", "tense", "bad", "worse", "hostile", "poor", "frosty", "cold", "worsening", "icy",
        "troubled", "deteriorating", "damaged", "broken", "sour", "soured"}


@dataclass
class Draft:
    """One claim before its circumstances are read."""

    word: Token  # the stance word the claim hangs on
    stance: str
    family: str
    polarity: str
    subjects: list[dict]
    targets: list[dict]
    symmetric: bool
    topic: str | None
    argument_tokens: set[int]
    confidence: float


class ClaimExtractor:
    """spaCy component: writes claim dicts to doc._.claimcmp_claims."""

    def __init__(self, nlp: Language, name: str = "claimcmp_claims"):
        self.name = name
        self._lex: StanceLexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None) -> None:
        self._lex = stance_lexicon()

    @property
    def lex(self) -> StanceLexicon:
        if self._lex is None:
            self._lex = stance_lexicon()
        return self._lex

    def __call__(self, doc: Doc) -> Doc:
        index = MentionIndex.build(doc)
        dates = context.date_spans(doc)
        published = _article_span(doc._.claimcmp_published)
        claims: list[dict] = []
        seen: set[tuple] = set()
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            for draft in self._drafts(sent, index):
                for claim in self._realize(draft, sent, index, dates, published):
                    key = (claim["start"], _akey(claim["subject"]), _akey(claim["target"]),
                           claim["family"], claim["polarity"])
                    if key not in seen:
                        seen.add(key)
                        claims.append(claim)
        doc._.claimcmp_claims = claims
        return doc

    # -- finding stance words -------------------------------------------------------------
    def _drafts(self, sent: Span, index: MentionIndex) -> list[Draft]:
        headline = _is_headline(sent)
        drafts: list[Draft] = []
        for tok in sent:
            if tok.pos_ in {"VERB", "AUX"} or (headline and tok.pos_ == "PROPN" and tok.is_title):
                entry = self._verb_entry(tok)
                if entry is not None and not self._covered_by_noun(tok, entry):
                    drafts.extend(self._verb_draft(tok, entry, index))
                    continue
            if tok.pos_ in {"NOUN", "PROPN"}:
                entry = self.lex.noun(tok.lemma_) or (self.lex.noun(tok.lower_) if headline else None)
                if entry is None and any(c.lower_ in {"joint", "bilateral"} for c in tok.children):
                    entry = StanceEntry(tok.lemma_.lower(), "NOUN", f"joint {tok.lemma_.lower()}", "cooperation", True)
                if entry is not None:
                    drafts.extend(self._noun_draft(tok, entry, index))
        return drafts

    def _verb_entry(self, verb: Token) -> StanceEntry | None:
        lemma = verb.lemma_.lower() if verb.pos_ != "PROPN" else verb.lower_
        for child in verb.children:
            if child.dep_ in {"prt", "dobj", "advmod", "prep"}:
                phrasal = self.lex.verb(f"{lemma} {child.lower_}")
                if phrasal is not None:
                    return phrasal
        return self.lex.verb(lemma)

    def _covered_by_noun(self, verb: Token, entry: StanceEntry) -> bool:
        """True when an event-noun object carries the claim ("suspend cooperation")."""
        lex = self.lex
        lemma = verb.lemma_.lower()
        combining = lex.cue("light_verbs") | lex.cue("terminators") | lex.cue("concessions") | lex.cue("denials")
        for child in verb.children:
            if child.dep_ in {"dobj", "attr", "nsubjpass"}:
                noun = lex.noun(child.lemma_)
                if noun is not None and (lemma in combining or noun.family in {entry.family, "neutral"}):
                    return True
        return False

    # -- verbs ----------------------------------------------------------------------------
    def _verb_draft(self, verb: Token, entry: StanceEntry, index: MentionIndex) -> list[Draft]:
        subj_tok, _ = subject_token(verb)
        subjects = actors_of(subj_tok, index) if subj_tok is not None else []
        arg_tokens = _span_tokens(subj_tok)
        targets: list[dict] = []
        topic = None
        patient = passive_patient(verb)
        objects = ([patient] if patient is not None else []) + object_tokens(verb, VERB_TARGET_PREPS)
        for obj in objects:
            found = actors_of(obj, index)
            if found:
                targets.extend(f for f in found if f not in targets)
                arg_tokens |= _span_tokens(obj)
            elif topic is None and obj.dep_ in {"dobj", "pobj"}:
                topic = _phrase(obj)
        between = between_tokens(verb)
        if between:
            pair = [a for t in between for a in actors_of(t, index)]
            if not subjects and len(pair) >= 2:
                subjects, targets = pair[:1], pair[1:]
            elif subjects:
                targets.extend(a for a in pair if a not in targets)
        if not subjects:
            return []
        polarity = "negative" if context.is_negated(verb, self.lex) else "positive"
        family, stance = entry.family, entry.stance
        family, stance, polarity = self._governed(verb, family, stance, polarity)
        confidence = 0.75 if subj_tok is not None and subj_tok.pos_ != "PRON" else 0.55
        return [Draft(verb, stance, family, polarity, subjects, targets, entry.symmetric, topic, arg_tokens,
                      confidence)]

    def _governed(self, word: Token, family: str, stance: str, polarity: str) -> tuple[str, str, str]:
        """A stance word under a verb that ends, refuses or denies it ("refused to cooperate")."""
        governor = word.head
        if word.dep_ not in {"xcomp", "pcomp", "dobj", "pobj"} or governor is word:
            return family, stance, polarity
        if word.dep_ == "pobj":
            governor = governor.head
        g = governor.lemma_.lower()
        lex = self.lex
        if family == "cooperation" and g in lex.cue("terminators"):
            return "conflict", f"{g} {stance}", polarity
        if family == "conflict" and g in lex.cue("negating_verbs") | lex.cue("denials"):
            if stance in {"accuse", "criticize", "condemn", "threaten", "demand", "warn", "blame"}:
                return "conflict", "reject", polarity
            return family, stance, "negative" if polarity == "positive" else "positive"
        if family == "conflict" and g in lex.cue("concessions"):
            return "cooperation", f"{g} {stance}", polarity
        return family, stance, polarity

    # -- event nouns ------------------------------------------------------------------------
    def _noun_draft(self, noun: Token, entry: StanceEntry, index: MentionIndex) -> list[Draft]:
        own: list[dict] = []
        targets: list[dict] = []
        arg_tokens: set[int] = set()
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.i < noun.i:
                found = actors_of(child, index)
                own.extend(a for a in found if a not in own)
                arg_tokens |= _span_tokens(child)
            elif child.dep_ == "prep" and child.lower_ in NOUN_AGENT_PREPS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    own.extend(a for a in actors_of(pobj, index) if a not in own)
                    arg_tokens |= _span_tokens(pobj)
        for obj in object_tokens(noun, NOUN_TARGET_PREPS):
            found = actors_of(obj, index)
            targets.extend(a for a in found if a not in targets)
            arg_tokens |= _span_tokens(obj)
        pair = [a for t in between_tokens(noun) for a in actors_of(t, index)]
        for t in between_tokens(noun):
            arg_tokens |= _span_tokens(t)
        family, stance, polarity = entry.family, entry.stance, "positive"
        governor = _governing_verb(noun)
        g = governor.lemma_.lower() if governor is not None else ""
        inherited = False
        if governor is not None and g not in self.lex.cue("reporting_verbs") - self.lex.cue("light_verbs"):
            verb_entry = self._verb_entry(governor)
            combining = g in (self.lex.cue("light_verbs") | self.lex.cue("terminators")
                              | self.lex.cue("concessions") | self.lex.cue("denials"))
            if verb_entry is not None and not combining and verb_entry.family not in {entry.family, "neutral"} \
                    and entry.family != "neutral":
                governor = None  # "condemned the attack": the verb's own claim covers its subject
            elif not own and not pair:
                subj_tok, _ = subject_token(governor)
                if subj_tok is not None:
                    own = actors_of(subj_tok, index)
                    arg_tokens |= _span_tokens(subj_tok)
                    inherited = True
                for obj in object_tokens(governor, VERB_TARGET_PREPS):
                    if obj.i != noun.i:
                        found = actors_of(obj, index)
                        targets.extend(a for a in found if a not in targets)
                        arg_tokens |= _span_tokens(obj)
                if verb_entry is not None and verb_entry.family == entry.family and g not in {"agree", "accept"}:
                    stance = f"{g} {stance}"
        if stance == "relations" or entry.family == "neutral" and entry.stance == "relations":
            family = self._relations_family(noun, governor)
            if family is None:
                return []
        if pair:
            if not own and len(pair) >= 2:
                own, targets = pair[:1], pair[1:] + [t for t in targets if t not in pair]
            else:
                targets.extend(a for a in pair if a not in targets and a not in own)
        if len(own) >= 2 and not targets and entry.symmetric:
            own, targets = own[:1], own[1:]
        if not own:
            return []
        if governor is not None:
            family, stance, polarity = self._governed(noun, family, stance, polarity)
        if context.is_negated(noun, self.lex):
            polarity = "negative" if polarity == "positive" else "positive"
        confidence = 0.55 if inherited else 0.65
        return [Draft(noun, stance, family, polarity, own, targets, entry.symmetric, None, arg_tokens, confidence)]

    def _relations_family(self, noun: Token, governor: Token | None) -> str | None:
        """'relations'/'ties' carry a stance only through what qualifies them."""
        words = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
        if governor is not None:
            g = governor.lemma_.lower()
            if g in self.lex.cue("terminators"):
                return "conflict"
            verb = self.lex.verb(g)
            if verb is not None and verb.family != "neutral":
                return verb.family
        if words & WARM:
            return "cooperation"
        if words & COLD:
            return "conflict"
        return None

    # -- claims ----------------------------------------------------------------------------
    def _realize(self, draft: Draft, sent: Span, index: MentionIndex, dates: list[Span],
                 published: dict | None) -> list[dict]:
        subject_ids = {a.get("country") or a["id"] for a in draft.subjects}
        attr = context.attribution(draft.word, sent, index, self.lex, subject_ids)
        modality = context.modality(draft.word, sent, self.lex, attr.actor is not None)
        regions = context.regions(draft.word, index, draft.argument_tokens)
        when = context.when(draft.word, dates, published)
        subjects, targets = draft.subjects, draft.targets or [None]
        if draft.symmetric and not draft.targets and len(subjects) >= 2:
            subjects, targets = subjects[:1], subjects[1:]
        doc = sent.doc
        out = []
        for subject in subjects:
            for target in targets:
                if target is not None and target["id"] == subject["id"]:
                    continue
                claim = {
                    "article_id": doc._.claimcmp_article_id or "",
                    "sentence": sent.text, "start": sent.start_char, "end": sent.end_char,
                    "subject": subject, "stance": draft.stance, "family": draft.family,
                    "polarity": draft.polarity, "target": target,
                    "topic": draft.topic if target is None else None,
                    "regions": regions, "when": when, "modality": modality,
                    "attribution": attr.actor, "quote": attr.quote,
                    "confidence": round(draft.confidence - (0.15 if target is None else 0.0), 2),
                }
                claim["id"] = claim_id(claim)
                out.append(claim)
        return out


def claim_id(claim: dict) -> str:
    """Stable across runs: the article, the sentence span and the claim's slots."""
    parts = [claim["article_id"], str(claim["start"]), str(claim["end"]), _akey(claim["subject"]) or "",
             claim["stance"], _akey(claim["target"]) or "", claim["polarity"], claim["family"]]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _akey(actor: dict | None) -> str | None:
    return None if actor is None else actor["id"]


def _article_span(published: str | None) -> dict | None:
    if not published:
        return None
    return {"start": published, "end": published, "granularity": "day", "text": "", "source": "article"}


def _span_tokens(tok: Token | None) -> set[int]:
    if tok is None:
        return set()
    out = {t.i for t in tok.subtree if t.dep_ not in {"relcl", "acl", "prep"} or t is tok}
    for conj in tok.conjuncts:
        out.add(conj.i)
    return out


def _phrase(tok: Token) -> str:
    words = list(tok.subtree)
    text = tok.doc[words[0].i: words[-1].i + 1].text
    return text if len(text) <= 80 else text[:77] + "..."


def _governing_verb(noun: Token) -> Token | None:
    """The verb a stance noun is the object of: 'held talks', 'ruled out cooperation', 'engaged in talks'."""
    head = noun.head
    if noun.dep_ in {"dobj", "attr", "nsubjpass", "oprd", "conj"} and head.pos_ in {"VERB", "AUX"}:
        return head if noun.dep_ != "conj" else _governing_verb(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    return None


def _is_headline(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) / len(words) > 0.7
