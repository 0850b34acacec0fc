"""The claim extractor: stance words (verbs and event nouns) with their actors.

For every sentence it finds stance words from the packaged lexicon, reads WHO and
WHOM from the dependency parse (arguments.py), the circumstances from the path to
the root (context.py), and writes claim dicts to `doc._.claimcmp_claims`.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimcmp import extensions as ext
from claimcmp.lexicons import StanceEntry, StanceLexicon, stance_lexicon
from claimcmp.pipeline import constructions, context
from claimcmp.pipeline.arguments import (
    MentionIndex, actors_of, between_actors, between_tokens, implicit_parties, mention_tokens, object_tokens,
    passive_patient, subject_token, usual_partner,
)
from claimcmp.pipeline.drafts import (
    BACKING, MOVEMENT_STANCES, NOUN_TARGET_PREPS, RESPONSIBILITY_NOUNS, SIDE_WORDS, VERB_TARGET_PREPS, Draft,
    attacked_places, border_targets, distinct, governing_verb, has_modifier, instrument, is_headline, noun_parties,
    phrase, span_tokens, undergoer, verb_phrase,
)

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
    def _drafts(self, sent: Span, index: MentionIndex) -> Iterator[Draft]:
        headline = is_headline(sent)
        consumed: set[int] = set()
        for tok in sent:
            if tok.i in consumed:
                continue
            if tok.pos_ == "VERB":
                response = constructions.response_draft(self.lex, tok, index)
                if response is not None:
                    yield response
                    consumed.add(response.word.i)
                    continue
            if tok.pos_ == "VERB":
                access = constructions.access_draft(self.lex, tok, index)
                if access is not None:
                    yield access
                    continue
            if tok.pos_ == "VERB" and self.lex.verb_lemma(tok) in self.lex.cue("giving_verbs"):
                gift = constructions.giving_draft(self.lex, tok, index)
                if gift is not None:
                    yield gift
                    continue
            if tok.lower_ == "must" and tok.dep_ == "aux":
                yield from constructions.demand_draft(self.lex, tok, index)
            if tok.pos_ in {"VERB", "AUX"} or (headline and tok.pos_ == "PROPN" and tok.is_title):
                entry = self._verb_entry(tok)
                if entry is not None and entry.stance == "deny" and any(
                        c.dep_ in {"xcomp", "ccomp"} and self._verb_entry(c) for c in tok.children):
                    continue  # "Rwanda denies backing the M23": the denied act carries the claim
                if entry is not None and not self._covered_by_noun(tok, entry):
                    yield from self._verb_draft(tok, entry, index)
                    continue
                if entry is None and tok.pos_ == "VERB":
                    yield from constructions.any_side_of(self.lex, tok, index)
            if tok.lower_ in BACKING and tok.i >= 2 and tok.nbor(-1).text in {"-", "–"}:
                yield from constructions.backing_draft(self.lex, tok, index)
                continue
            if tok.tag_ == "NN" and tok.lower_.endswith("ing") and tok.dep_ in {"compound", "amod"}:
                gerund = constructions.gerund_draft(self.lex, tok, index)
                if gerund:
                    yield from gerund
                    continue
            if tok.pos_ in {"NOUN", "PROPN"}:
                entry = self.lex.noun(tok.lemma_) or (self.lex.noun(tok.lower_) if headline else None)
                if entry is None and any(c.lower_ in {"joint", "bilateral"} for c in tok.children):
                    entry = StanceEntry(tok.lemma_.lower(), "NOUN", f"joint {tok.lemma_.lower()}", "cooperation", True)
                if entry is not None:
                    yield from self._noun_draft(tok, entry, index)


    def _verb_entry(self, verb: Token) -> StanceEntry | None:
        lemma = self.lex.verb_lemma(verb) if verb.pos_ != "PROPN" else verb.lower_
        for child in verb.children:
            if child.dep_ in {"prt", "dobj", "advmod", "prep"}:
                phrasal = self.lex.verb(f"{lemma} {child.lower_}") or \
                    self.lex.verb(f"{lemma} {child.lemma_.lower()}")  # "joining forces"
                if phrasal is not None:
                    return phrasal
        entry = self.lex.verb(lemma)
        if entry is None and lemma in self.lex.cue("buildup_verbs") and verb.pos_ == "VERB":
            # "doubled its forces", "NATO troops near the border tripled": a build-up
            dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if _counts_forces(dobj, self.lex) or _counts_forces(subject_token(verb)[0], self.lex):
                return StanceEntry(lemma, "VERB", "build up troops", "conflict", False)
        if lemma in self.lex.cue("hindering_verbs") and verb.pos_ == "VERB" and \
                any(c.dep_ == "dobj" for c in verb.children) and \
                any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children)
                    for c in verb.children):
            return StanceEntry(lemma, "VERB", "block", "conflict", False)  # "stop Iran from entrenching"
        if entry is None and lemma in self.lex.cue("allegation_verbs") and verb.pos_ == "VERB" and \
                any(c.dep_ == "ccomp" for c in verb.children):
            return StanceEntry(lemma, "VERB", "accuse", "conflict", False)  # "charged that Washington ..."
        if entry is None and lemma in self.lex.cue("leaving_verbs") and verb.pos_ == "VERB":
            # "no plan to leave Syria": leaving a country is a withdrawal from it
            places = verb.doc.spans[ext.PLACES] if ext.PLACES in verb.doc.spans else []
            if any(c.dep_ == "dobj" and any(p.start <= c.i < p.end and (p._.claimcmp_region or {}).get("kind")
                                            == "country" for p in places) for c in verb.children):
                return StanceEntry(lemma, "VERB", "withdraw", "neutral", False)
        return entry

    def _covered_by_noun(self, verb: Token, entry: StanceEntry) -> bool:
        """True when an event-noun object carries the claim ("suspend cooperation")."""
        lex = self.lex
        lemma = self.lex.verb_lemma(verb)
        combining = lex.cue("light_verbs") | lex.cue("terminators") | lex.cue("concessions") | lex.cue("denials")
        for child in verb.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in RESPONSIBILITY_NOUNS:
                # "denied responsibility for the attack": the attack claim carries the denial
                if any(lex.noun(p.lemma_) for prep in child.children if prep.dep_ == "prep"
                       for p in prep.children if p.dep_ == "pobj"):
                    return True
            if child.dep_ in {"dobj", "attr", "nsubjpass"}:
                noun = lex.noun(child.lemma_)
                if noun is None or (noun.requires and not has_modifier(child, noun.requires)):
                    continue
                if lemma in lex.cue("reaction_verbs"):
                    continue  # "condemned the drills": the condemnation is a claim of its own
                if lemma in combining or noun.family in {entry.family, "neutral"}:
                    return True
        return False

    # -- verbs ----------------------------------------------------------------------------
    def _verb_draft(self, verb: Token, entry: StanceEntry, index: MentionIndex) -> list[Draft]:
        subj_tok, _ = subject_token(verb)
        patient = passive_patient(verb)
        if subj_tok is None and patient is not None and verb.dep_ not in {"acl", "relcl"} and \
                any(c.dep_ == "prep" and c.lower_ in {"to", "with"} for c in verb.children):
            # "Israel is opposed to French mediation", "Iran is allied with Syria": a state, not a patient
            subj_tok, patient = patient, None
        subjects = actors_of(subj_tok, index) if subj_tok is not None else []
        if subj_tok is not None and subj_tok.lower_ in {"they", "we"} and \
                index.last_pair(verb, earlier_sentences=True) and (entry.symmetric or len(subjects) < 2):
            # "They agreed to work together": the pair the previous sentences were about
            subjects = index.last_pair(verb, earlier_sentences=True)
        arg_tokens = span_tokens(subj_tok)
        targets: list[dict] = []
        topic = None
        # the particle of a phrasal entry leads to its object: "called on Russia"
        preps = VERB_TARGET_PREPS[entry.family] | set(entry.lemma.split()[1:])
        objects = ([patient] if patient is not None else []) + object_tokens(verb, preps)
        means = [o for o in objects if instrument(self.lex, o) or o.lemma_.lower() in SIDE_WORDS]
        objects = [o for o in objects if o not in means]
        arg_tokens |= {t.i for o in means for t in o.subtree}  # "with support from Russia" is not where
        # the object a phrasal entry is made of is no party: "join forces", "exchange fire"
        made_of = set(entry.lemma.split()[1:])
        objects = [o for o in objects if not (o.dep_ == "dobj" and {o.lower_, o.lemma_.lower()} & made_of)]
        movement = entry.family == "neutral" and entry.stance in MOVEMENT_STANCES
        destinations: set[int] = set()
        if movement:
            # "sent hundreds of US troops to Syria": the troops are the sender's, Syria is where
            destinations = {t.i for o in objects + [c for c in verb.children if c.dep_ == "prep"]
                            for t in o.subtree if t.i in index.place_at and t.dep_ in {"dobj", "pobj", "conj"}}
            senders = {a.get("country") or a["id"] for a in subjects}
            objects = [o for o in objects if o.i not in destinations and not (
                {a.get("country") or a["id"] for a in actors_of(o, index)} & senders)]
        if entry.stance in TOPIC_STANCES and (len(subjects) >= 2 or any(
                o.dep_ == "pobj" and o.head.lower_ == "with" for o in objects)):
            # "Lavrov and Kerry discussed Syria", "Putin discussed Ukraine with Macron": the
            # parties are the doers and whoever they discuss with; the object is what about
            for obj in [o for o in objects if o.dep_ == "dobj"]:
                topic = phrase(obj)
                destinations |= {t.i for t in obj.subtree if t.i in index.place_at}
                objects.remove(obj)
        for obj in objects:
            found = actors_of(obj, index)
            if found:
                targets.extend(f for f in found if f not in targets)
                arg_tokens |= span_tokens(obj)
            elif topic is None and obj.dep_ in {"dobj", "pobj"} and obj.lower_ not in entry.lemma.split()[1:]:
                topic = phrase(obj)
        if not targets and self.lex.verb_lemma(verb) in self.lex.cue("reaction_verbs"):
            # "condemned the joint drills by Washington and Seoul": whoever did the act
            for obj in (o for o in objects if o.dep_ == "dobj" and self.lex.noun(o.lemma_)):
                owners, tokens = noun_parties(obj, self.lex.noun(obj.lemma_), index)
                targets = [a for a in owners if a not in subjects and -1 not in tokens]
                arg_tokens |= tokens - {-1, -2}
            if not targets and not any(c.dep_ == "auxpass" for c in verb.children):
                # the parser hangs the act's "by X" on the active verb: "condemned the drills by X"
                for by in object_tokens(verb, {"by"}):
                    targets += [a for a in actors_of(by, index) if a not in subjects and a not in targets]
                    arg_tokens |= span_tokens(by)
        if not targets and not movement:
            targets, extra = self._indirect_targets(verb, entry, index, objects, subjects)
            arg_tokens |= extra
        pair = between_actors(verb, index)
        if pair:
            if not subjects and len(pair) >= 2:
                subjects, targets = pair[:1], pair[1:]
            elif subjects:
                targets.extend(a for a in pair if a not in targets)
        implicit = False
        if not subjects and not targets and entry.symmetric and entry.family != "neutral" and (
                subj_tok is None and verb.tag_ == "VBG" and verb.dep_ in {"csubj", "csubjpass", "nsubj"}
                or subj_tok is not None and subj_tok.tag_ == "NNS" and subj_tok.lemma_.lower() in PARTY_NOUNS):
            # "Joining forces in Syria will be a big stride", "The foreign ministers will meet
            # again": the parties the text is about
            parties = implicit_parties(verb, index)
            subjects, targets, implicit = parties[:1], parties[1:], bool(parties)
            arg_tokens |= mention_tokens(parties, verb.sent, index)
        if len(subjects) == 1 and not targets and entry.symmetric and entry.family != "neutral":
            targets = usual_partner(verb, subjects[0], index)  # "to coordinate mutual operations"
            implicit = bool(targets)
        if not subjects:
            return []
        polarity = "negative" if context.is_negated(verb, self.lex) else "positive"
        family, stance = entry.family, entry.stance
        if self.lex.verb_lemma(verb) in self.lex.cue("buildup_verbs") and (any(
                o.dep_ == "dobj" and o.lemma_.lower() in self.lex.cue("military_objects") for o in objects)
                or _counts_forces(subj_tok, self.lex)):
            family, stance = "conflict", "build up troops"  # "Israel strengthened its forces in Lebanon"
            if not targets:
                targets = attacked_places([c for c in verb.children if c.dep_ == "prep"]
                                           + [o for o in objects if o.dep_ == "dobj"], index, subjects)[0]
        family, stance, polarity = self._governed(verb, family, stance, polarity)
        confidence = 0.45 if implicit else 0.75 if subj_tok is not None and subj_tok.pos_ != "PRON" else 0.55
        return [Draft(verb, stance, family, polarity, subjects, targets, entry.symmetric, topic, arg_tokens,
                      confidence, destinations=destinations), *constructions.side_of(self.lex, verb, subjects, index)]


    def _indirect_targets(self, verb: Token, entry: StanceEntry, index: MentionIndex,
                          objects: list[Token], doers: list[dict]) -> tuple[list[dict], set[int]]:
        """WHOM when no argument names an actor directly:
        "allowed Damascus to fire" (the embedded subject), "fired a missile at Israel" (the
        object's preposition), "shelled Kharkiv" (the country of the place attacked)."""
        for child in verb.children if not entry.symmetric else ():  # "both sides concur X should leave"
            if child.dep_ in {"ccomp", "xcomp"}:
                subj = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and subj.pos_ != "PRON":
                    found = actors_of(subj, index)
                    if found:
                        return found, span_tokens(subj)
        preps = NOUN_TARGET_PREPS[entry.family] - {"of"}
        for obj in objects:
            for inner in object_tokens(obj, preps) if obj.pos_ in {"NOUN", "PROPN"} else []:
                found = actors_of(inner, index)
                if found:
                    return found, span_tokens(inner)
        if entry.family == "conflict":
            found = border_targets(verb, index, doers)
            return (found, set()) if found else attacked_places(objects, index, doers)
        return [], set()

    def _governed(self, word: Token, family: str, stance: str, polarity: str,
                  governor: Token | None = None) -> tuple[str, str, str]:
        """A stance word under a verb that ends, refuses or denies it ("refused to cooperate");
        `governor`, when given, is that verb as the noun reading found it."""
        if governor is None:
            governor = word.head
            if word.dep_ not in {"xcomp", "pcomp", "dobj", "pobj"} or governor.i == word.i:
                return family, stance, polarity
            if word.dep_ == "pobj":
                governor = governor.head
        lex = self.lex
        g = lex.verb_lemma(governor)
        if family == "neutral" and g in lex.cue("terminators") and word.dep_ == "xcomp":
            return "conflict", f"{verb_phrase(governor)} {word.lemma_.lower()}", polarity  # "refused to deploy"
        if family == "cooperation" and g in lex.cue("terminators"):
            return "conflict", f"{verb_phrase(governor)} {word.lemma_.lower()}", polarity
        if family == "conflict" and g in lex.cue("denials") and \
                stance in {"accuse", "criticize", "condemn", "threaten", "demand", "warn", "blame"}:
            return "conflict", "reject", polarity  # "rejected the accusations"
        if g in lex.cue("negating_verbs") and (family == "conflict" or g in {"fail", "hesitate", "refrain", "decline", "deny"}):
            # "stopped fighting", "denied attacking", "did not hesitate to warn"
            return family, stance, "negative" if polarity == "positive" else "positive"
        if family == "conflict" and (g in lex.cue("concessions") or verb_phrase(governor) in lex.cue("concessions")):
            return "cooperation", f"{verb_phrase(governor)} {word.lemma_.lower()}", polarity
        return family, stance, polarity

    # -- event nouns ------------------------------------------------------------------------
    def _noun_draft(self, noun: Token, entry: StanceEntry, index: MentionIndex) -> list[Draft]:
        if entry.requires and not has_modifier(noun, entry.requires):
            return []
        if entry.unless and has_modifier(noun, entry.unless):
            return []
        own, arg_tokens = noun_parties(noun, entry, index)
        if -1 in arg_tokens:
            return []
        holders_only = -2 in arg_tokens
        targets: list[dict] = []
        for obj in object_tokens(noun, NOUN_TARGET_PREPS[entry.family]):
            targets.extend(a for a in actors_of(obj, index) if a not in targets and a not in own)
            arg_tokens |= span_tokens(obj)
        pair = between_actors(noun, index)
        if not pair and not own and noun.dep_ == "nsubj":
            pair = between_actors(noun.head, index)  # "if a rapprochement takes place between X and Y"
        for t in between_tokens(noun):
            arg_tokens |= span_tokens(t)
        family, stance, polarity = entry.family, entry.stance, "positive"
        governor = governing_verb(noun)
        inherited = stated = carried = False
        regarded = self._regarded_as(noun, governor, index) if not own else None
        if regarded is not None:
            # "he considers Trump to be a natural ally": the one who regards holds the stance
            own, targets, arg_tokens, governor = regarded[0], regarded[1], arg_tokens | regarded[2], None
        if governor is not None:
            lex = self.lex
            g = lex.verb_lemma(governor)
            verb_entry = self._verb_entry(governor)
            combining = g in (lex.cue("light_verbs") | lex.cue("terminators") | lex.cue("concessions")
                              | lex.cue("denials"))
            if g in lex.cue("reporting_verbs") - lex.cue("light_verbs") or g in lex.cue("reaction_verbs"):
                # "said the talks ...", "condemned the strikes by X": the speaker is no party
                governor = None
            elif pair and noun.dep_ == "pobj" and noun.head.lower_ == "for":
                governor = None  # "Egypt called for talks between Israel and Hamas": wanted, not held
            elif verb_entry is not None and not combining and entry.family != "neutral" \
                    and verb_entry.family not in {entry.family, "neutral"} \
                    and not (noun.dep_ == "pobj" and noun.head.lower_ in CIRCUMSTANTIAL):
                governor = None  # "condemned the attack": the verb's own claim covers its subject
            else:
                # the verb performs the act the noun names ("held talks", "ruled out cooperation")
                # ... or wants or sees it: "not looking for a confrontation", "didn't detect any
                # cooperation" deny the act itself
                carried = combining or (verb_entry is not None and verb_entry.family == entry.family) or \
                    g in lex.cue("desire_verbs") | lex.cue("perception_verbs")
                if not own:
                    subj_tok, _ = subject_token(governor)
                    doers = actors_of(subj_tok, index) if subj_tok is not None else []
                    if doers and (not pair or combining):
                        stated = combining and subj_tok.pos_ != "PRON"
                        # "Washington ruled out cooperation between the two": Washington acts,
                        # the other member of the pair is whom it acts toward.
                        own, inherited = doers, True
                        arg_tokens |= span_tokens(subj_tok)
                        if pair:
                            keys = {a.get("country") or a["id"] for a in own}
                            targets.extend(a for a in pair if (a.get("country") or a["id"]) not in keys)
                            pair = []
                if not targets:
                    for obj in object_tokens(governor, VERB_TARGET_PREPS[entry.family]):
                        if obj.i != noun.i:
                            targets.extend(a for a in actors_of(obj, index) if a not in targets and a not in own)
                            arg_tokens |= span_tokens(obj)
                if verb_entry is not None and verb_entry.family == entry.family and g not in {"agree", "accept"} \
                        and g not in lex.cue("denials") | lex.cue("negating_verbs"):
                    stance = f"{g} {noun.lemma_.lower()}"
        if entry.family == "cooperation" and noun.dep_ in {"nsubj", "nsubjpass"} and \
                self.lex.verb_lemma(noun.head) in self.lex.cue("breakdown_verbs"):
            # "talks between Armenia and Azerbaijan broke down": a cooperation that ends
            family, stance = "conflict", f"{noun.lemma_.lower()} {self.lex.verb_lemma(noun.head)}"
        if entry.stance == "relations":
            family = self._relations_family(noun, governor)
            if family is None:
                return []
            last = index.last_pair(noun, earlier_sentences=True)
            if len(own) == 1 and not targets and not pair and last:
                # "Moscow is likely to explore ways of improving relations": with its usual partner
                keys = [a.get("country") or a["id"] for a in last]
                mine = own[0].get("country") or own[0]["id"]
                if mine in keys:
                    targets = [last[1 - keys.index(mine)]]
        if pair:
            if not own and len(pair) >= 2:
                own, targets = pair[:1], pair[1:] + [t for t in targets if t not in pair]
            else:
                targets.extend(a for a in pair if a not in targets and a not in own)
        own = distinct(own)
        if len(own) >= 2 and entry.symmetric and not targets and not holders_only:
            own, targets = own[:1], own[1:]  # the parties; "on Syria" is then the topic
        if entry.symmetric and own and not targets:
            # "Moscow's ally, Tehran": the appositive is the other party
            for child in noun.children:
                if child.dep_ == "appos":
                    targets = [a for a in actors_of(child, index) if a not in own]
        if not own:
            own, holder = self._holder(noun, index)
            if own and not targets and holder is not None:
                # "the US attitude of animosity towards Iran": the holder's phrase names whom
                targets = [a for o in object_tokens(holder, NOUN_TARGET_PREPS[entry.family] - {"of"})
                           for a in actors_of(o, index) if a not in own]
        implicit = False
        if not own and not targets and entry.symmetric and entry.family != "neutral" and \
                noun.lemma_.lower() not in self.lex.cue("unanchored_nouns") and \
                not any(c.dep_ == "poss" for c in noun.children):  # "its soft diplomacy": someone's own
            # "In turn, the cooperation may become a basis ...": the parties the text is about
            parties = implicit_parties(noun, index)
            own, targets, implicit = parties[:1], parties[1:], bool(parties)
            arg_tokens |= mention_tokens(parties, noun.sent, index)
        if not own:
            return []
        if governor is not None:
            family, stance, polarity = self._governed(noun, family, stance, polarity, governor)
        if context.is_negated(noun, self.lex, local=not carried):
            polarity = "negative" if polarity == "positive" else "positive"
        if not targets and entry.family == "conflict":
            # "strikes on Rafah", "blockades in the West Bank": the country of the place hit
            where = object_tokens(noun, NOUN_TARGET_PREPS["conflict"] | {"in", "inside", "across", "throughout"})
            if carried and governor is not None:
                where += object_tokens(governor, VERB_TARGET_PREPS["conflict"])  # "launched strikes on Gaza"
            elif noun.dep_ == "dobj" and self.lex.verb_lemma(noun.head) in self.lex.cue("reaction_verbs"):
                # "condemned the strikes on Gaza", the parser hanging "on Gaza" on the verb
                where += [o for o in object_tokens(noun.head, {"on", "against", "in"}) if o.dep_ == "pobj"]
            targets = attacked_places(where, index, own)[0]
        if not targets and entry.family == "conflict":
            targets = border_targets(noun.head if noun.dep_ == "compound" else noun, index, own)
            if not targets and carried and governor is not None:
                targets = border_targets(governor, index, own)  # "doubled its drills near Russia's borders"
        if not targets and not inherited and (entry.family == "conflict" or instrument(self.lex, noun)):
            # "Syria remains subject to sanctions by the UN"; "recaptured with support from Russia"
            targets = undergoer(noun, own, index, any_verb=instrument(self.lex, noun))
        confidence = 0.45 if implicit else 0.55 if inherited else 0.65
        return [Draft(noun, stance, family, polarity, own, targets, entry.symmetric, None, arg_tokens, confidence,
                      stated=stated), *constructions.side_of(self.lex, noun, own, index)]


    def _regarded_as(self, noun: Token, governor: Token | None,
                     index: MentionIndex) -> tuple[list[dict], list[dict], set[int]] | None:
        """'X considers Y to be an ally' / 'X sees Y as a threat': (X's actors, Y's actors, tokens)."""
        if governor is None or noun.dep_ != "attr" or governor.lemma_ != "be" or \
                governor.dep_ not in {"ccomp", "xcomp"} or \
                self.lex.verb_lemma(governor.head) not in self.lex.cue("regarding_verbs"):
            return None
        seen = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        holder, _ = subject_token(governor.head)
        if seen is None or holder is None:
            return None
        doers, whom = actors_of(holder, index), actors_of(seen, index)
        if not doers or not whom:
            return None
        return doers, whom, span_tokens(holder) | span_tokens(seen)

    def _holder(self, noun: Token, index: MentionIndex) -> tuple[list[dict], Token | None]:
        """'Russian experts at the talks with the Americans': the actor noun the act hangs on."""
        tok = noun
        for _ in range(2):
            if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
                return [], None
            tok = tok.head.head
            if tok.pos_ in {"NOUN", "PROPN"}:
                found = actors_of(tok, index, expand_conj=False)
                for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
                    found += [a for p in prep.children if p.dep_ == "pobj" for a in actors_of(p, index)]
                if found:
                    return found, tok  # "the position of the Russian experts at the talks"
        return [], None

    def _relations_family(self, noun: Token, governor: Token | None) -> str | None:
        """'relations'/'ties' carry a stance only through what qualifies them:
        "warmer relations", "relations deteriorated", "ties are strained", "sever ties"."""
        lex = self.lex
        words = {c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"}}
        if noun.dep_ in {"nsubj", "nsubjpass"}:
            head = noun.head
            words |= {c.lower_ for c in head.children if c.dep_ in {"acomp", "attr", "oprd"}}
            if lex.verb_lemma(head) in lex.cue("worsening_verbs"):
                return "conflict"
            if lex.verb_lemma(head) in lex.cue("improving_verbs"):
                return "cooperation"
        if governor is not None:
            g = lex.verb_lemma(governor)
            if g in lex.cue("terminators") or g in lex.cue("worsening_verbs"):
                return "conflict"
            if g in lex.cue("improving_verbs"):
                return "cooperation"
            verb = lex.verb(g)
            if verb is not None and verb.family != "neutral":
                return verb.family
        if words & lex.cue("warm_words"):
            return "cooperation"
        if words & lex.cue("cold_words"):
            return "conflict"
        return None

    # -- claims ----------------------------------------------------------------------------
    def _realize(self, draft: Draft, sent: Span, index: MentionIndex, dates: list[Span],
                 published: dict | None) -> list[dict]:
        subjects, targets = draft.subjects, draft.targets or [None]
        if not draft.targets and len(subjects) >= 2:
            # Coordinated doers with no other party: "X and Y clashed" is between them, and
            # so is a mutual act they undertake together ("Putin and Rohani agreed to
            # establish cooperation"); a one-way act they share ("support from Russia and
            # Iran", "agreed to fight terrorism") names no other party and is left out.
            if draft.symmetric and (draft.topic is None or draft.family == "cooperation"):
                subjects, targets = subjects[:1], subjects[1:]
            else:
                return []
        elif not draft.targets and not self._keeps_targetless(draft):
            return []
        # Read the circumstances only for drafts that become claims (they walk the parse).
        attr = context.attribution(draft.word, sent, index, self.lex)
        modality = context.modality(draft.word, sent, self.lex, attr.reported)
        parties = frozenset(a.get("country") or a["id"] for a in [*draft.subjects, *draft.targets])
        regions = context.regions(draft.word, index, draft.argument_tokens, draft.destinations, parties)
        when = context.when(draft.word, dates, published)
        doc = sent.doc
        text = sent.text.rstrip()
        out = []
        for subject in subjects:
            for target in targets:
                if target is not None and target["id"] == subject["id"]:
                    continue
                claim = {
                    "article_id": doc._.claimcmp_article_id or "",
                    "sentence": text, "start": sent.start_char, "end": sent.start_char + len(text),
                    "subject": subject, "stance": draft.stance, "family": draft.family,
                    "polarity": draft.polarity, "target": target,
                    "topic": draft.topic if target is None else None,
                    "regions": regions, "when": when, "modality": modality,
                    "attribution": attr.actor, "quote": attr.quote,
                    "confidence": round(draft.confidence - (0.15 if target is None else 0.0), 2),
                }
                claim["id"] = claim_id(claim)
                out.append(claim)
                if target is not None:
                    index.note_pair(subject, target, draft.word)
        return out


    @staticmethod
    def _keeps_targetless(draft: Draft) -> bool:
        """An act with no other party is kept only when a verb states it of an explicit doer."""
        if draft.family == "neutral":
            # forces moved into or out of a place: "Russia withdrew its troops from Syria"
            return draft.stance in MOVEMENT_STANCES and bool(draft.destinations) and draft.confidence >= 0.55
        return draft.stated or (draft.word.pos_ == "VERB" and draft.confidence >= 0.75)


# Mutual acts whose direct object is what they are about, not a party
TOPIC_STANCES = {"discuss", "negotiate", "consult", "debate"}
# Plural heads that name the parties of a mutual act without naming them: "the leaders met"
PARTY_NOUNS = {"leader", "minister", "chief", "side", "delegation", "diplomat", "negotiator", "counterpart",
               "party", "president", "head", "envoy", "official"}
# "Despite the differences, the two powers cooperated": the circumstance is the doers' own
CIRCUMSTANTIAL = {"despite", "amid", "notwithstanding", "after", "before", "since"}


def _counts_forces(subject: Token | None, lex: StanceLexicon) -> bool:
    """'the number of NATO troops near Russian borders tripled': forces that grow."""
    if subject is None:
        return False
    military = lex.cue("military_objects")
    if subject.lemma_.lower() in military:
        return True
    return any(p.lemma_.lower() in military for of in subject.children if of.dep_ == "prep" and of.lower_ == "of"
               for p in of.children if p.dep_ == "pobj")


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


