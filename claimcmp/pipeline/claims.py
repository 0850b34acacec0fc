"""The claim extractor: stance words (verbs and event nouns) with their actors.

For every sentence it finds stance words from the packaged lexicon, reads WHO and
WHOM from the dependency parse (arguments.py), the circumstances from the path to
the root (context.py, attribution.py), and writes claim dicts to `doc._.claimcmp_claims`.
"""
from __future__ import annotations

from dataclasses import replace
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcmp.knowledge import resource_loader, stance_groups
from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue, stance_lexicon, verb_stems
from claimcmp.models import INFERRED_CONFIDENCE
from claimcmp.pipeline import claim_regions, claim_times, constructions, context
from claimcmp.pipeline.allegations import allegation_draft
from claimcmp.pipeline.attribution import attribution as read_attribution
from claimcmp.pipeline.claim_records import (
    Circumstances, akey, article_span, claim_record, doers_by_target, predicate_anchor, shared_doers, side,
)
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.drafts import Draft
from claimcmp.pipeline.copular_judgements import copular_judgement_drafts
from claimcmp.pipeline.earlier_acts import referred_act, toward_earlier_doer
from claimcmp.pipeline.headlinese import headline_drafts
from claimcmp.pipeline.entries import (
    compound_entry, covered_by_noun, hyphenated_entry, named_operation_entry, reading_doc, verb_entry,
)
from claimcmp.pipeline.component_data import ComponentData, with_overlay
from claimcmp.pipeline.nouns import noun_draft
from claimcmp.pipeline.objects import named_by_what_it_called
from claimcmp.pipeline.own_acts import on_its_own, with_no_party
from claimcmp.pipeline.quitting import leaving_entry
from claimcmp.pipeline.openings import is_headline, leading_doers
from claimcmp.pipeline.references import acts_on_a_thing
from claimcmp.pipeline.salience import Salience, destination_party, is_party
from claimcmp.pipeline.unsaid_doers import draft_weapon_pair, unsaid_doer
from claimcmp.pipeline.verbs import verb_draft


class ClaimExtractor(ComponentData):
    """spaCy component: writes claim dicts to doc._.claimcmp_claims."""

    def __init__(self, nlp: Language, name: str = "claimcmp_claims", *, resources: str | None = None):
        self.name = name
        self._set_resources(resources)  # an overlay folder (resource_loader), or None
        self._lex: StanceLexicon | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, resources: str | None = None) -> None:
        self._use_resources(resources)
        with resource_loader.using(self.resources):
            self._lex = stance_lexicon()

    def _reset_data(self) -> None:
        self._lex = None

    @property
    def lex(self) -> StanceLexicon:
        if self._lex is None:
            self._lex = stance_lexicon()
        return self._lex

    @with_overlay
    def __call__(self, doc: Doc) -> Doc:
        with reading_doc(doc, self.lex):
            doc._.claimcmp_claims = self._claims(doc)
        return doc

    def _claims(self, doc: Doc) -> list[dict]:
        index = MentionIndex.build(doc)
        salience = Salience.build(index)
        dates = claim_times.dated_by_sentence(doc, index)
        published = article_span(doc._.claimcmp_published)
        claims: list[dict] = []
        seen: set[tuple] = set()
        ids: set[str] = set()
        recent: list[tuple[int, dict]] = []  # (sentence number, claim): what "the move" refers to
        for sent_no, sent in enumerate(doc.sents if doc.has_annotation("SENT_START") else [doc[:]]):
            listed = leading_doers(sent, index)
            for draft in self._drafts(sent, index):
                if not draft.targets and referred_act(self.lex, draft.word):
                    draft = toward_earlier_doer(draft, recent, sent_no)  # "Podgorica condemned the move"
                draft = self._complete(_listed_together(draft, listed), index, salience)
                if draft is None:
                    continue
                act = self._act_of(draft)
                for claim in self._realize(draft, sent, index, dates, published):
                    key = (claim["start"], act, akey(claim["subject"]), akey(claim["target"]),
                           claim["family"], claim["polarity"])
                    # one act read through two words ("refusal to extradite") may give the very
                    # claim twice: the id hashes every slot, so one id is one claim
                    if key not in seen and claim["id"] not in ids:
                        seen.add(key)
                        ids.add(claim["id"])
                        claims.append(claim)
                        recent.append((sent_no, claim))
        return claims

    def _act_of(self, draft: Draft) -> int | None:
        """Which act of its sentence a draft tells, as the position of its predicate: a stance
        verb or a light verb ("condemned Peru, demanding that Lima withdraw" are two acts;
        "agreed to a ceasefire", "took military action" one each). Words under no such verb
        are told as one act ("the cooperation was shattered"), so that an analysis's passing
        mentions do not each become a claim."""
        anchor = predicate_anchor(draft.word)
        if anchor.pos_ == "VERB" and (verb_entry(self.lex, anchor) or anchor.lemma_ in self.lex.cue("light_verbs")):
            return anchor.i
        return None

    # -- finding stance words -------------------------------------------------------------
    def _drafts(self, sent: Span, index: MentionIndex) -> Iterator[Draft]:
        """The drafts of a sentence, word by word: a verb's own construction first ("Serbia
        rejected an Australian ultimatum"), then demands ("X must leave"), stance verbs,
        hyphenated backing ("Russia-backed"), gerunds and event nouns ("talks between X and Y")."""
        headline = is_headline(sent)
        # "Pakistan summons Afghan envoy": a headline whose verb the tagger took for a noun
        read_in_line = headline_drafts(self.lex, sent, index)
        yield from read_in_line
        consumed: set[int] = {draft.word.i for draft in read_in_line}
        for tok in sent:
            if tok.i in consumed:
                continue
            allegation = allegation_draft(self.lex, tok, index) if tok.pos_ in {"VERB", "NOUN"} else None
            if allegation is not None:
                yield allegation  # "X claims that Y fired": the act is read on its own too
            special = self._verb_construction(tok, index)
            if special is not None:
                draft, consumes = special
                yield draft
                if consumes:
                    consumed.add(draft.word.i)
                continue
            yield from self._auxiliary_drafts(tok, index)
            if tok.lower_ in self.lex.cue("backing_participles") and tok.i >= 2 and tok.nbor(-1).text in {"-", "–"}:
                yield from constructions.backing_draft(self.lex, tok, index)  # "Iranian-backed militias"
                continue
            if tok.pos_ in {"VERB", "AUX"} or (headline and tok.pos_ == "PROPN" and tok.is_title):
                verb_drafts, done = self._stance_verb_drafts(tok, index)
                yield from verb_drafts
                if done:
                    continue
            if tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.dep_ in {"compound", "amod"}:
                gerund = constructions.gerund_draft(self.lex, tok, index)
                if gerund:
                    yield from gerund
                    continue
            entry = self._noun_entry(tok, headline) if tok.pos_ in {"NOUN", "PROPN"} else None
            if entry is not None:
                yield from noun_draft(self.lex, tok, entry, index)

    def _auxiliary_drafts(self, tok: Token, index: MentionIndex) -> list[Draft]:
        """What an auxiliary carries: a demand ("X must leave"), a judgement told with "be"
        ("the measures were unjustified")."""
        if tok.lower_ == "must" and tok.dep_ == "aux":
            return list(constructions.demand_draft(self.lex, tok, index))
        if tok.lemma_ == "be":
            return copular_judgement_drafts(self.lex, tok, index)
        return []

    def _stance_verb_drafts(self, tok: Token, index: MentionIndex) -> tuple[list[Draft], bool]:
        """(drafts, whether the word is done) of a verb: a stance verb's claim ("Russia
        condemned the strikes"); else sides taken ("fought on the side of X"), the word still
        to be read as a noun."""
        entry = verb_entry(self.lex, tok) or leaving_entry(tok, index)  # "Mali quit ECOWAS"
        if entry is not None and entry.stance in {"deny", "refuse"} and any(
                c.dep_ in {"xcomp", "ccomp"} and verb_entry(self.lex, c) and c.lemma_ not in self.lex.cue("light_verbs")
                for c in tok.children):
            return [], True  # "Rwanda denies backing the M23", "refused to attack": that act carries the claim
        if entry is not None and not covered_by_noun(self.lex, tok, entry):
            return verb_draft(self.lex, tok, entry, index), True
        if entry is None and tok.pos_ == "VERB":
            return constructions.any_side_of(self.lex, tok, index), False
        return [], False

    def _verb_construction(self, tok: Token, index: MentionIndex) -> tuple[Draft, bool] | None:
        """A verb's own construction, as (draft, whether it consumes its word): a response
        ("Serbia rejected an Australian ultimatum", consumed), access ("Turkey closed its
        border to Syrians"), giving ("The US continued to send arms to Pakistan")."""
        if tok.pos_ != "VERB":
            return None
        reprisal = constructions.reprisal_draft(self.lex, tok, index)
        if reprisal is not None:  # "vowed that Israel would pay a heavy price"
            return reprisal, True
        response = constructions.response_draft(self.lex, tok, index)
        if response is not None:  # a rejected accusation or measure was still made ("dismissed Togo's allegations")
            still_made = self.lex.cue("allegation_nouns") | self.lex.cue("remote_measures")
            return response, response.word.lemma_.lower() not in still_made
        access = constructions.standing_draft(self.lex, tok, index)
        if access is not None:
            return access, False
        if self.lex.verb_lemma(tok) in self.lex.cue("giving_verbs"):
            gift = constructions.giving_draft(self.lex, tok, index)
            if gift is not None:
                return gift, False
        if self.lex.verb_lemma(tok) in self.lex.cue("receiving_verbs"):
            gift = constructions.receiving_draft(self.lex, tok, index)
            return (gift, True) if gift is not None else None  # not "hosted": "received shells from"
        return None

    def _noun_entry(self, tok: Token, headline: bool) -> StanceEntry | None:
        """The stance entry of a noun ("talks"), a headline's capitalised one, or any noun
        held jointly: "joint patrols", "bilateral meetings". A plural listed as an entry of
        its own names another act than its singular: "hostilities" are fighting, "hostility"
        an attitude."""
        plural = self.lex.nouns.get(tok.lower_) if tok.tag_ == "NNS" else None
        entry = plural or hyphenated_entry(self.lex, tok) or compound_entry(self.lex, tok) or \
            self.lex.noun(tok.lemma_) or (self.lex.noun(tok.lower_) if headline else None)  # "cease-fire" before "fire"
        if entry is None and tok.tag_ == "NN" and tok.lower_.endswith("ing"):
            entry = _gerund_entry(self.lex, tok)
        entry = entry or named_operation_entry(self.lex, tok)
        if entry is None and any(c.lower_ in {"joint", "bilateral"} for c in tok.children):
            entry = StanceEntry(tok.lemma_.lower(), "NOUN", f"joint {tok.lemma_.lower()}", "cooperation", True)
        return entry

    # -- verbs ----------------------------------------------------------------------------
    # -- claims ----------------------------------------------------------------------------
    @staticmethod
    def _complete(draft: Draft, index: MentionIndex, salience: Salience) -> Draft | None:
        """Fill the party a clause leaves unsaid ("three attackers were killed", "warned of a
        response"): from the sentence, else from the article's principal parties. A person
        the article ties to no country ("Smith warned ...") is no party a reader can compare."""
        subjects = [a for a in draft.subjects if is_party(a)]
        own = {side(a) for a in subjects}
        # no one acts toward their own side ("Trump warned that US missiles ...")
        targets = [a for a in draft.targets if is_party(a) and side(a) not in own]
        if draft.family == "neutral" or (subjects and (targets or len(subjects) >= 2)) or \
                draft.word.lemma_.lower() in cue("opponent_nouns"):  # "American allies" are someone's
            targets = salience.fighters_at_home(targets, draft.stance)  # "operation in Syria" on the YPG
            return replace(draft, subjects=subjects, targets=targets) if subjects else None
        if not subjects and not targets:
            # "The talks resumed on Monday": a mutual act between the article's principals;
            # "15 missiles hit the X base" (no party): the sides of the armed act just told
            pair = salience.mutual_pair(index) if draft.symmetric else draft_weapon_pair(draft, index)
            return replace(draft, subjects=pair[:1], targets=pair[1:], confidence=0.35,
                           completed=True) if len(pair) == 2 else None
        if not subjects:
            found, said = unsaid_doer(draft, targets, index, salience)
            return replace(draft, subjects=found, targets=targets, confidence=INFERRED_CONFIDENCE if said else 0.4,
                           completed=True) if found else None
        if acts_on_a_thing(draft.word, index):
            return replace(draft, subjects=subjects, targets=targets)  # "accusing it [the tanker]"
        found, said = salience.other_party(draft.word, subjects, index, partner=draft.family == "cooperation")
        travelled = destination_party(draft.word, index, own) if draft.family == "cooperation" and not said else []
        if travelled:
            found, said = travelled, True
        if (not said if found else draft.family == "cooperation") and on_its_own(draft.word, index, own):
            return None  # an act on one's own, toward no party ("Peru helped its farmers")
        if not found:
            # "Merkel spoke with reporters": talks with no party are no claim
            return None if draft.symmetric and with_no_party(draft.word, index) else \
                replace(draft, subjects=subjects, targets=targets)
        # a party the clause names elsewhere is the text's word; one from the article a guess
        confidence = min(draft.confidence, INFERRED_CONFIDENCE if said else 0.45)
        return replace(draft, subjects=subjects, targets=found, confidence=confidence, stated=True, completed=True)

    def _realize(self, draft: Draft, sent: Span, index: MentionIndex, dates: dict[int, list],
                 published: dict | None) -> list[dict]:
        """The claims of a draft: co-doers share one claim ("Russia and Iran condemned Israel"
        is one claim by RUS with IRN among its co_subjects, as a reader lists it), and so do
        the parties it is toward ("Qatar criticized Saudi Arabia and Egypt": SAU, EGY among
        co_targets); each pair is noted in the index for later "the two"."""
        parties = self._claim_parties(draft)
        if parties is None:
            return []
        subjects, targets = parties
        circumstances = self._circumstances(draft, sent, index, dates, published)
        doers_of = doers_by_target(subjects, targets)
        text = index.text_of(sent)
        out = [claim_record(draft, sent, doers, whom, circumstances, text) for doers, whom in shared_doers(doers_of)]
        if draft.polarity == "positive" and stance_groups.is_proposal(draft.stance):
            for subject in subjects:
                index.note_proposal(subject, draft.word)
        for target, doers in doers_of:
            for subject in doers if target is not None else ():
                index.note_pair(subject, target, draft.word)
                index.note_act(subject, target, draft.word, circumstances.regions)
                if draft.stance == "accuse" and draft.polarity == "positive":
                    index.note_accusation(subject, target)
                if draft.polarity == "positive" and stance_groups.is_agreement(draft.stance) and \
                        draft.confidence >= INFERRED_CONFIDENCE:
                    index.note_agreement(subject, target, draft.word)
                if draft.family == "conflict" and draft.polarity == "positive":
                    index.note_hostile_act(subject, target, draft.word,
                                           armed=draft.stance in self.lex.cue("armed_stances"), stance=draft.stance,
                                           guessed=draft.confidence < INFERRED_CONFIDENCE)
        if len(subjects) == 2 and out:
            # "Russia and Iran struck Aleppo ... the two": co-doers are the pair the text is about
            index.note_pair(subjects[0], subjects[1], draft.word)
        if draft.stance.split()[0] in self.lex.cue("brokering_verbs") and len(targets) == 2 and None not in targets:
            # "a truce brokered by Egypt ... both sides": the sides, not the broker and one of them
            index.note_pair(targets[0], targets[1], draft.word)
        return out

    def _claim_parties(self, draft: Draft) -> tuple[list[dict], list[dict | None]] | None:
        """(subjects, targets) a draft's claims pair up, a missing target as None; None if it
        makes no claim."""
        subjects, targets = draft.subjects, draft.targets or [None]
        if not draft.targets and len(subjects) >= 2:
            # Coordinated doers with no other party: "X and Y clashed" is between them, and
            # so is a mutual act they undertake together ("Putin and Rohani agreed to
            # establish cooperation"): one claim, the first toward the second, further
            # parties among the co-doers. A one-way act they share ("support from Russia and
            # Iran", "agreed to fight terrorism") names no other party and is left out.
            if draft.symmetric and (draft.topic is None or draft.family == "cooperation") or _shared_thing(draft):
                return [subjects[0], *subjects[2:]], subjects[1:2]
            return None
        if not draft.targets and not self._keeps_targetless(draft):
            return None
        return subjects, targets

    def _circumstances(self, draft: Draft, sent: Span, index: MentionIndex, dates: dict[int, list],
                       published: dict | None) -> Circumstances:
        """Who says so, how sure, where and when: "Russia will reportedly strike Kyiv on Monday"."""
        # Read the circumstances only for drafts that become claims (they walk the parse).
        attr = read_attribution(draft.word, sent, index, self.lex)
        own = self.lex.noun(draft.word.lemma_) if draft.word.pos_ == "NOUN" else None
        own_act = own is None or own.stance == draft.stance
        # "urged Peru to stop what it called provocations": the stopping's mood, not the naming's
        moody = draft.word.head.head if not own_act and named_by_what_it_called(draft.word) else draft.word
        modality = context.modality(moody, sent, self.lex, attr.reported)
        regions = claim_regions.regions(draft, index)
        when = claim_times.when(draft.word, dates, published, own_act=own_act, index=index)
        return Circumstances(regions, when, modality, attr)

    @staticmethod
    def _keeps_targetless(draft: Draft) -> bool:
        """An act with no other party is kept only when a verb states it of a doer the grammar
        gives (a pronoun resolved included: "It threatened retaliation")."""
        if draft.family == "neutral":
            # forces moved into or out of a place: "Russia withdrew its troops from Syria"
            # or forces named with their owner: "the presence of Russian peacekeepers", "a
            # Philippine garrison stationed on a warship", "Armenian forces are not stationed there"
            return draft.stance in cue("movement_stances") and (
                bool(draft.destinations) and draft.confidence >= 0.55
                or draft.confidence >= 0.65 and (draft.word.pos_ == "NOUN" or _moves_named_forces(draft.word)))
        return draft.stated or draft.word.pos_ == "VERB" and draft.confidence >= 0.55


def _moves_named_forces(verb: Token) -> bool:
    """A movement verb told of forces it qualifies or has as passive subject."""
    forces = verb.head if verb.dep_ == "acl" else next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return forces is not None and forces.lemma_.lower() in cue("military_objects")


def _listed_together(draft: Draft, listed: list[dict]) -> Draft:
    """A headline's listed doers act together: "Chile, Peru to hold talks" is by both (the
    others, less the act's own targets, join a doer that is one of them)."""
    keys = [party_key(a) for a in listed]
    if len(draft.subjects) != 1 or party_key(draft.subjects[0]) not in keys:
        return draft
    taken = {party_key(a) for a in draft.subjects + draft.targets}
    others = [a for a in listed if party_key(a) not in taken]
    return replace(draft, subjects=draft.subjects + others) if others else draft


def _gerund_entry(lex: StanceLexicon, tok: Token) -> StanceEntry | None:
    """A stance verb named as a noun: "the boarding and expelling of Philippine vessels",
    "the shelling of border towns"."""
    objects = [p.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
               for p in c.children if p.dep_ == "pobj"]
    for stem in verb_stems(tok.lower_):
        # a phrasal entry with the act's "of" object: "the boarding of ships" (board ship)
        entry = lex.verb(stem) or next((lex.verb(f"{stem} {o}") for o in objects if lex.verb(f"{stem} {o}")), None)
        if entry is not None:
            return replace(entry, pos="NOUN")
    return None


def _shared_thing(draft: Draft) -> bool:
    """"Colombia and Venezuela reopened their border": a cooperative act two doers do to what
    is theirs together is done between them."""
    return draft.family == "cooperation" and draft.word.pos_ == "VERB" and any(
        c.dep_ == "dobj" and any(g.dep_ == "poss" and g.lower_ == "their" for g in c.children)
        for c in draft.word.children)
