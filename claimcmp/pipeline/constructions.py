"""Constructions that carry a claim outside the plain verb-object or event-noun pattern:
answers to proposals, orders to another party, gifts of aid, demands with "must", gerunds
parsed as nouns, "X-backed" compounds, and "on the side of X"."""
from __future__ import annotations

from spacy.tokens import Token

from claimcmp.knowledge.gazetteer import alias_actor
from claimcmp.knowledge.lexicons import StanceEntry, StanceLexicon, cue
from claimcmp.pipeline import context
from claimcmp.pipeline.arguments import actors_of
from claimcmp.pipeline.objects import object_tokens
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.subjects import subject_token
from claimcmp.pipeline.drafts import SIDE_WORDS, Draft, distinct, noun_parties, span_tokens
from claimcmp.pipeline.earlier_acts import doers_of_named_act
from claimcmp.pipeline.entries import governed, verb_entry
from claimcmp.pipeline.places_hit import BORDER_WORDS, attacked_places
from claimcmp.pipeline.dep_labels import OWNER_DEPS, counted, referred_back


def response_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """'Serbia rejected an Australian ultimatum', 'Arafat accepted a US offer':
    the answer is toward whoever made the proposal."""
    lemma = lex.verb_lemma(verb)
    rejecting = lemma in lex.cue("rejection_verbs")
    phrasal = {lemma} | {f"{lemma} {c.lower_}" for c in verb.children if c.dep_ == "prt"}
    if not rejecting and lemma not in lex.cue("acceptance_verbs") and not phrasal & lex.cue("yielding_verbs"):
        return None
    noun = _proposal_answered(lex, verb, rejecting)
    if noun is None:
        return None
    subj_tok, _ = subject_token(verb)
    subjects = actors_of(subj_tok, index) if subj_tok is not None else []
    parties = noun_parties(noun, StanceEntry(noun.lemma_, "NOUN", "propose", "cooperation", False), index)
    owners = parties.own or _proposal_told_before(noun, index) or _measure_told_before(lex, noun, index)
    owners = [o for o in owners if all((o.get("country") or o["id"]) != (s.get("country") or s["id"]) for s in subjects)]
    if not subjects or not owners:
        return None
    answer = ("conflict", "reject") if rejecting else ("cooperation", "accept")
    family, stance, polarity = _as_stated(lex, verb, *answer)  # "refused to accept the offer"
    return Draft(noun, stance, family, polarity, subjects, owners, False, None,
                 parties.tokens | span_tokens(subj_tok), 0.7, stated=True)


def _proposal_told_before(noun: Token, index: MentionIndex) -> list[dict]:
    """"France proposed a truce. Hezbollah rejected the plan" (or "rejected it"): a proposal
    no one is named making, referred back to, is the latest one told."""
    definite = noun.lower_ == "it" or referred_back(noun)
    return index.last_proposer(noun) if definite else []


def reprisal_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """"Iran vowed that Israel would pay a heavy price", "said Chile would face consequences":
    the speaker threatens the one who is to pay (cues bearing_verbs, reprisal_nouns); not where
    the speaking verb is hostile itself ("warned that ..." is the warning's claim)."""
    if verb.dep_ != "ccomp" or lex.verb_lemma(verb) not in lex.cue("bearing_verbs") or not any(
            c.dep_ == "dobj" and c.lemma_.lower() in lex.cue("reprisal_nouns") for c in verb.children):
        return None
    speaking = verb.head
    said = verb_entry(lex, speaking) if speaking.pos_ == "VERB" else None
    if said is not None and said.family == "conflict":
        return None
    payer_tok, speaker_tok = subject_token(verb)[0], subject_token(speaking)[0]
    payers = actors_of(payer_tok, index) if payer_tok is not None else []
    speakers = actors_of(speaker_tok, index) if speaker_tok is not None else []
    keys = {party_key(a) for a in speakers}
    payers = [a for a in payers if party_key(a) not in keys]
    if not speakers or not payers:
        return None
    return Draft(speaking, "threaten", "conflict", "positive", speakers, payers, False, None,
                 span_tokens(payer_tok) | span_tokens(speaker_tok), 0.7, stated=True)


def _measure_told_before(lex: StanceLexicon, noun: Token, index: MentionIndex) -> list[dict]:
    """"Chile imposed sanctions on Peru ... Peru rejected the sanctions": a measure no one is
    named taking, referred back to, is its doer's."""
    entry = lex.noun(noun.lemma_)
    return doers_of_named_act(lex, noun, entry.stance, index) if entry is not None else []


def _proposal_answered(lex: StanceLexicon, verb: Token, rejecting: bool) -> Token | None:
    """The proposal a verb answers: its object ("accepted a US offer"), or what it yields or
    agrees to ("gave in to demands from Chile", "agreed to a Peruvian proposal"); a rejection
    answers an accusation too ("rejected Peruvian accusations of spying"), and a measure
    imposed on the one who rejects it ("rejected the sanctions imposed by Washington")."""
    rejected = lex.cue("allegation_nouns") | lex.cue("remote_measures") if rejecting else frozenset()
    proposals = lex.cue("proposal_nouns") | rejected
    answered = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    answered += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                 for p in c.children if p.dep_ == "pobj"]
    # "rejected it": the proposal just told (response_draft asks who made one)
    return next((c for c in answered if c.lemma_.lower() in proposals or c.lower_ == "it"), None)


def giving_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """'The US continued to send arms to Pakistan', 'providing intelligence to Macedonia',
    'supplied Russia with drones': aid."""
    gift, provided = _gift(verb, index)
    gift = _what_is_given(lex, gift) if gift is not None else None
    if gift is None or not _given_help(lex, gift):
        return None
    subj_tok, _ = subject_token(verb)
    subjects = actors_of(subj_tok, index) if subj_tok is not None else []
    receivers = [c for c in verb.children if c.dep_ in {"dative", "iobj"} and c.pos_ != "ADP"] + provided
    receivers += object_tokens(verb, {"to", "for"}) + object_tokens(gift, {"to", "for"})
    receivers = [r for r in receivers if not r.left_edge.i <= gift.i <= r.right_edge.i]  # not the gift counted
    targets = [a for r in receivers for a in actors_of(r, index)]
    if not targets and gift.lemma_.lower() in lex.cue("currencies") | lex.cue("relief_objects"):
        # "sent 30 million dollars to Gaza": relief for the country the place is in
        targets = attacked_places(receivers, index, subjects)[0]
    if not subjects or not targets:
        return None
    family, stance, polarity = _as_stated(lex, verb, "cooperation", "aid")  # "refused to send tanks to"
    return Draft(verb, stance, family, polarity, subjects, distinct(targets), False, None,
                 span_tokens(subj_tok) | {t for r in receivers for t in span_tokens(r)}, 0.7, stated=True)


def receiving_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """"Russia received artillery shells from North Korea", "a shipment of tanks from Germany":
    a supply from the giver to the receiver (cue receiving_verbs, what is received named as help)."""
    received = next((c for c in verb.children if c.dep_ == "dobj"), None)
    gift = _what_is_given(lex, received) if received is not None else None
    if gift is None or not _given_help(lex, gift):
        return None
    words = [received] if gift.i == received.i else [received, gift]  # "a shipment of tanks from Germany"
    givers = [g for w in [*words, verb] for g in object_tokens(w, {"from"}) if g.i not in {gift.i, received.i}]
    return _draft_toward(lex, verb, index, "supply", "cooperation", givers, from_them=True)


def _gift(verb: Token, index: MentionIndex) -> tuple[Token | None, list[Token]]:
    """(what is given, [whom, when the object names them]): "sent arms" (arms, []), "supplied
    Russia with drones" (drones, [Russia])."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    given = next((p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                  for p in c.children if p.dep_ == "pobj"), None)
    if obj is not None and given is not None and index.names_actor(obj.left_edge.i, obj.i):
        return given, [obj]
    return obj, []


def _what_is_given(lex: StanceLexicon, gift: Token) -> Token:
    """The help a gift's words name: the aid money is ("pledged 1 billion euros in military
    aid"), what a measure counts ("500 tons of food aid", "a shipment of tanks", "thousands of
    doctors"), else the gift itself."""
    if gift.lemma_.lower() in lex.cue("currencies"):
        kind = next((p for prep in gift.children if prep.dep_ == "prep" and prep.lower_ == "in"
                     for p in prep.children if p.dep_ == "pobj"), None)
        gift = kind if kind is not None else gift
    if gift.lemma_.lower() in lex.cue("measure_nouns") | lex.cue("quantity_nouns"):
        gift = counted(gift)
    return gift


def _given_help(lex: StanceLexicon, gift: Token) -> bool:
    """Aid, money, or arms named by their kind: "air defence systems", "missile launchers"."""
    kinds = {c.lemma_.lower() for c in gift.children if c.dep_ in {"compound", "amod"}}
    return gift.lemma_.lower() in lex.cue("aid_objects") | lex.cue("currencies") or \
        bool(kinds & lex.cue("aid_objects"))


def demand_draft(lex: StanceLexicon, must: Token, index: MentionIndex) -> list[Draft]:
    """'Russia said that Sudan must return the helicopter': a demand on Sudan."""
    verb = must.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in lex.cue("reporting_verbs"):
        return []
    target_tok = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    speaker_tok = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if target_tok is None or speaker_tok is None:
        return []
    speakers, targets = actors_of(speaker_tok, index), actors_of(target_tok, index)
    keys = {a.get("country") or a["id"] for a in speakers}
    targets = [t for t in targets if (t.get("country") or t["id"]) not in keys]
    if not speakers or not targets:
        return []
    return [Draft(verb.head, "demand", "conflict", "positive", speakers, targets, False, None,
                  span_tokens(speaker_tok) | span_tokens(target_tok), 0.6, stated=True)]


def gerund_draft(lex: StanceLexicon, word: Token, index: MentionIndex) -> list[Draft]:
    """'accused the USA of training terrorists' parsed as a noun compound 'training terrorists'."""
    stem = word.lower_[:-3]
    entry = next((e for e in (lex.verb(c) for c in (stem, stem + "e", stem[:-1])) if e), None)
    if entry is None:
        return []
    head = word.head
    targets = actors_of(head, index, expand_conj=False)
    subjects: list[dict] = []
    if head.dep_ == "pobj" and head.head.dep_ == "prep":
        governor = head.head.head
        doer = next((c for c in governor.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if doer is None:
            doer = next((c for c in governor.children if c.dep_ == "nsubj"), None)
        subjects = actors_of(doer, index) if doer is not None else []
    if not subjects or not targets:
        return []
    return [Draft(word, entry.stance, entry.family, "positive", subjects, targets, entry.symmetric, None,
                  span_tokens(head), 0.55)]


def backing_draft(lex: StanceLexicon, word: Token, index: MentionIndex) -> list[Draft]:
    """'Iranian-backed militias', 'Western-backed rebels': the backer supports the head (the
    actor tagger leaves the backer's word to the participle: the militias are not Iran)."""
    span = index.actor_at.get(word.i - 2)
    backer = index.actor_dict(span) if span is not None else alias_actor(word.doc[word.i - 2].text, modifiers=True)
    if backer is None:
        return []
    head = word.head
    while head.dep_ in {"amod", "compound"} and head.i < head.head.i and head.head.pos_ in {"NOUN", "PROPN"}:
        head = head.head
    targets = [a for a in actors_of(head, index, expand_conj=False) if a["id"] != backer["id"]]
    if not targets:
        return []
    backer.setdefault("mention", word.doc[word.i - 2].text)
    return [Draft(word, "support", "cooperation", "positive", [backer], targets, False,
                  None, set(range(word.i - 2, head.i + 1)), 0.6)]


def side_of(lex: StanceLexicon, word: Token, subjects: list[dict], index: MentionIndex) -> list[Draft]:
    """'intervened on the side of Assad', 'turned the tide in Assad's favor': support for that side."""
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in {"on", "in"}):
        side = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in SIDE_NOUNS), None)
        if side is None:
            continue
        holders = [p for of in side.children if of.dep_ == "prep" and of.lower_ == "of"
                   for p in of.children if p.dep_ == "pobj"]
        holders += [c for c in side.children if c.dep_ == "poss"]
        backed = [a for h in holders for a in actors_of(h, index)]
        keys = {party_key(a) for a in subjects}
        backed = [a for a in backed if party_key(a) not in keys]
        if backed and subjects:
            return [Draft(word, "support", "cooperation", "positive", subjects, backed, False, None,
                          {t.i for t in side.subtree}, 0.6, stated=True)]
    return []


# "on the side of X", "in favor of X", and also "in support of X"
SIDE_NOUNS = SIDE_WORDS | {"support"}


def any_side_of(lex: StanceLexicon, verb: Token, index: MentionIndex) -> list[Draft]:
    """side_of for any verb, its doer read from the parse ("Russia's intervention turned
    the tide in Assad's favor": the intervention is Russia's)."""
    if not any(c.dep_ == "prep" and c.lower_ in {"on", "in"} for c in verb.children):
        return []
    subj_tok, _ = subject_token(verb)
    subjects = actors_of(subj_tok, index) if subj_tok is not None else []
    return side_of(lex, verb, subjects, index) if subjects else []


def access_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """'Iran opened its airports to Russian jets', 'Turkey closed its border to Syrians':
    access granted is cooperation, access refused a conflict act, toward whom it is for."""
    lemma = lex.verb_lemma(verb)
    opening = lemma in lex.cue("opening_verbs")
    if not opening and lemma not in lex.cue("closing_verbs"):
        return None
    facility = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.cue("access_objects")), None)
    if facility is None:
        return None
    receivers = object_tokens(verb, {"to", "for"}) + object_tokens(facility, {"to", "for"})
    if not opening and lex.verb(lemma) is None and _shared(facility):
        # "Finland sealed its border with Russia": a shared border closed shuts the neighbour
        # out (a closing verb of the lexicon, "closed its border with", is read as its own act)
        receivers += object_tokens(verb, {"with"}) + object_tokens(facility, {"with"})
    family, stance = ("cooperation", "open access") if opening else ("conflict", "close access")
    if all(r.i == facility.i for r in receivers) and _shared(facility):
        return _between_doers(lex, verb, index, stance, family)  # "Colombia and Venezuela reopened their border"
    return _draft_toward(lex, verb, index, stance, family, receivers)


def _between_doers(lex: StanceLexicon, verb: Token, index: MentionIndex, stance: str, family: str) -> Draft | None:
    """A shared border opened or closed by both its countries: their act toward each other."""
    subj_tok, _ = subject_token(verb)
    doers = distinct(actors_of(subj_tok, index)) if subj_tok is not None else []
    if len(doers) != 2:
        return None
    family, stance, polarity = _as_stated(lex, verb, family, stance)
    return Draft(verb, stance, family, polarity, doers[:1], doers[1:], True, None, span_tokens(subj_tok), 0.65,
                 stated=True)


def _shared(facility: Token) -> bool:
    """A border or a border crossing: what two countries share ("its border crossings with");
    missions in the plural, each in the other's capital ("reopened their embassies")."""
    crossing = facility.lemma_.lower() in {"crossing", "checkpoint"}
    missions = facility.tag_ == "NNS" and facility.lemma_.lower() in cue("mission_nouns")
    return facility.lemma_.lower() in BORDER_WORDS or missions or (
        crossing and any(c.lemma_.lower() in BORDER_WORDS for c in facility.children))


def _draft_toward(lex: StanceLexicon, verb: Token, index: MentionIndex, stance: str, family: str,
                  receivers: list[Token], *, from_them: bool = False) -> Draft | None:
    """The verb's subject's act toward the receivers' parties (less its own side), or with
    `from_them` theirs toward the subject ("received shells from North Korea"), or None."""
    subj_tok, _ = subject_token(verb)
    subjects = actors_of(subj_tok, index) if subj_tok is not None else []
    keys = {party_key(a) for a in subjects}
    others = distinct([a for r in receivers for a in actors_of(r, index) if party_key(a) not in keys])
    if not subjects or not others:
        return None
    family, stance, polarity = _as_stated(lex, verb, family, stance)  # "refused to open the crossing to"
    doers, targets = (others, subjects) if from_them else (subjects, others)
    return Draft(verb, stance, family, polarity, doers, targets, False, None,
                 span_tokens(subj_tok) | {t for r in receivers for t in span_tokens(r)}, 0.65, stated=True)


def _as_stated(lex: StanceLexicon, verb: Token, family: str, stance: str) -> tuple[str, str, str]:
    """(family, stance, polarity) of a construction's act, read as any stance verb's:
    negated, or under a refusal or denial ("refused to open the crossing", "denied receiving")."""
    polarity = "negative" if context.is_negated(verb, lex) else "positive"
    return governed(lex, verb, family, stance, polarity)


def expulsion_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """'Niger's junta ordered French troops to leave the country', 'told the envoy to
    depart': an order to leave is an expulsion of whom it is given to."""
    if lex.verb_lemma(verb) in lex.cue("declaring_verbs"):
        return _declared_unwelcome(lex, verb, index)
    if lex.verb_lemma(verb) not in lex.cue("ordering_verbs"):
        return None
    leaving = next((c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl"}
                    and c.lemma_.lower() in lex.cue("departing_verbs")), None)
    if leaving is None:
        return None
    # the one told: the object ("ordered the troops to leave"), the one given time ("gave
    # the envoy 72 hours to leave"), or the subject of the clause the parser made
    own = next((c for c in leaving.children if c.dep_ == "nsubj"), None)
    if own is not None:  # "told Chile that Bolivia would leave": Bolivia leaves, on no one's order
        told = own if leaving.dep_ == "ccomp" and own.i > verb.i and not any(
            c.dep_ in {"dobj", "dative"} for c in verb.children) else None
    else:
        told = next((c for c in verb.children if c.dep_ == "dative"), None) or \
            next((c for c in verb.children if c.dep_ in {"dobj", "nsubj"} and c.i > verb.i), None)
    return _draft_toward(lex, verb, index, "expel", "conflict", [told]) if told is not None else None


def _declared_unwelcome(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """"Peru declared the Mexican ambassador persona non grata": an expulsion of whom the
    declaration names before the phrase (cue unwelcome_phrases; the parser makes the words
    anything)."""
    rest = verb.doc[verb.i:verb.sent.end]
    text = rest.text.lower()
    at = next((text.index(p) for p in lex.cue("unwelcome_phrases") if p in text), None)
    if at is None:
        return None
    named = [t for t in rest[1:] if t.idx < verb.idx + at and t.i in index.actor_at]
    return _draft_toward(lex, verb, index, "expel", "conflict", named[:1]) if named else None


def order_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """"The ICJ ordered Venezuela to halt the referendum": an order to another party is a
    demand on it (cue commanding_verbs); one to the subject's own forces or ministries
    ("Trump ordered the Pentagon to strike") is not, and names no one it is toward."""
    if lex.verb_lemma(verb) not in lex.cue("commanding_verbs") or \
            not any(c.dep_ == "xcomp" for c in verb.children):
        return None
    told = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
    return _draft_toward(lex, verb, index, "demand", "conflict", [told]) if told is not None else None


def standing_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """Access granted or refused, an expulsion, or an order: the verb constructions that stand
    for their own act ("closed its border to Syrians", "expelled the envoy", "ordered X to halt")."""
    return access_draft(lex, verb, index) or expulsion_draft(lex, verb, index) or order_draft(lex, verb, index) \
        or detection_draft(lex, verb, index)


def detection_draft(lex: StanceLexicon, verb: Token, index: MentionIndex) -> Draft | None:
    """'Taiwan detected 30 Chinese military aircraft around the island', 'Japan spotted Russian
    warships near Hokkaido': another party's forces seen by the one who watches (cue
    detecting_verbs, sighted_forces) are that party's show of force toward it."""
    seen = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if lex.verb_lemma(verb) not in lex.cue("detecting_verbs") or seen is None:
        return None
    seen = counted(seen) if seen.lemma_.lower() in lex.cue("quantity_nouns") else seen  # "dozens of jets"
    if seen.lemma_.lower() not in lex.cue("sighted_forces"):
        return None
    owners = distinct([a for c in seen.children if c.dep_ in OWNER_DEPS for a in actors_of(c, index)])
    subj_tok, _ = subject_token(verb)
    watchers = distinct(actors_of(subj_tok, index)) if subj_tok is not None else []
    watchers = [w for w in watchers if all(party_key(w) != party_key(o) for o in owners)]
    if not owners or not watchers:
        return None
    family, stance, polarity = _as_stated(lex, verb, "conflict", "show of force")
    return Draft(seen, stance, family, polarity, owners, watchers, False, None,
                 span_tokens(seen) | span_tokens(subj_tok), 0.65, stated=True)
