"""The circumstances of a claim: polarity, modality, attribution, place and time.

Everything here reads the dependency path from the stance word up to the sentence root,
so that cues attach to the clause they govern ("Moscow said Washington would not
attack" negates and predicts the attack, and attributes it to Moscow).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimcmp import extensions as ext
from claimcmp.knowledge.lexicons import StanceLexicon, cue
from claimcmp.pipeline.arguments import RELATIONS_NOUNS, actors_of
from claimcmp.pipeline.dep_labels import SUBJECT_DEPS
from claimcmp.pipeline.drafts import ends_with_question_mark
from claimcmp.pipeline.mentions import MentionIndex

# audit: code (quotation marks, not words)
QUOTES = {'"', "“", "”", "«", "»", "„", "'"}


@dataclass(frozen=True)
class Attribution:
    actor: dict | None
    quote: str  # direct | indirect | none
    reported: bool = False  # told by someone, even when who it is cannot be resolved


# A reported or relative clause has its own negation and modality; an act named inside a
# subject ("Moscow as an ally in the fight ... is likely to") or an adverbial clause ("as the
# army is closing in") does not take the main verb's modality either.
CLAUSE_BOUNDARIES = frozenset({"ccomp", "parataxis", "relcl"})
PREDICATE_BOUNDARIES = CLAUSE_BOUNDARIES | {"advcl", "nsubj", "nsubjpass", "csubj"}


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def governors(word: Token, limit: int = 8, stop: frozenset[str] = CLAUSE_BOUNDARIES,
              own_clause: bool = False) -> list[Token]:
    """word and the heads above it, up to (not across) an edge in `stop`; with `own_clause`,
    a finite verb conjoined to another is a clause of its own ("would not tolerate it and
    called on ...": the negation and the "would" stay with the first verb)."""
    chain = [word]
    current = word
    while current.head.i != current.i and len(chain) < limit:
        if current.dep_ in stop:
            break
        if own_clause and current.dep_ == "conj" and current.tag_ in FINITE_TAGS \
                and current.head.tag_ not in FINITE_TAGS:
            break
        current = current.head
        chain.append(current)
    return chain


def is_negated(word: Token, lex: StanceLexicon, *, local: bool = False) -> bool:
    """Negation of the act itself: on the word ("no cooperation"), or on the verbs above it
    ("did not hold talks"); `local` looks at the word's own phrase only, for an event noun
    that is merely the object of another act ("has not responded to the accusations").
    A denied denial is an assertion: "This is not to say that X and Y are not working together"."""
    negated = _negated(word, lex, local=local) != _denied_content(word, lex)
    return (negated and not _denied_denial(word)) != warned_against(word)


WARNING_VERBS = frozenset({"warn", "caution", "advise", "counsel", "urge"})


def warned_against(word: Token) -> bool:
    """"Russia warned NATO against sending troops": an act someone wants not to happen."""
    for tok in governors(word, limit=4):
        if tok.dep_ in {"pcomp", "pobj"} and tok.head.lower_ == "against" and \
                tok.head.head.lemma_.lower() in WARNING_VERBS:
            return True
    return False


LITOTES_VERBS = frozenset({"say", "mean", "suggest", "imply"})


def _denied_denial(word: Token) -> bool:
    top = governors(word)[-1]
    if top.dep_ != "ccomp" or top.head.lemma_.lower() not in LITOTES_VERBS:
        return False
    verb = top.head
    above = [verb] + ([verb.head] if verb.dep_ == "xcomp" else [])  # "is not to say"
    return any(c.dep_ == "neg" for tok in above for c in tok.children)


def _denied_content(word: Token, lex: StanceLexicon) -> bool:
    """The act of a clause a denial governs, directly or through the claim it names, is
    denied: "Armenia denied that its troops fired", "Moscow rejected reports that its
    jets bombed a market" (not when the denial is itself negated: "did not deny that")."""
    chain = governors(word)
    clause = next((t for t in chain if t.dep_ in {"acl", "ccomp"} and _names_a_claim(t.head, lex)), chain[-1])
    if clause.dep_ not in {"acl", "ccomp"} or clause.i == clause.head.i:
        return False
    denial = clause.head.head if _names_a_claim(clause.head, lex) else clause.head
    return lex.verb_lemma(denial) in lex.cue("denials") and not any(c.dep_ == "neg" for c in denial.children)


def _names_a_claim(noun: Token, lex: StanceLexicon) -> bool:
    """"reports", "claims" as the object of a verb: what someone else said happened."""
    return noun.pos_ == "NOUN" and noun.dep_ in {"dobj", "nsubjpass"} and \
        noun.lemma_.lower() in lex.cue("allegation_nouns") | lex.cue("report_nouns")


def _negated(word: Token, lex: StanceLexicon, *, local: bool = False) -> bool:
    negations = lex.cue("negations")
    if word.dep_ == "conj" and word.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in word.head.children):
        return True  # "no convergence or partnership"
    if word.dep_ == "attr" and word.head.lemma_ == "be" and any(c.dep_ == "neg" for c in word.head.children):
        return True  # "the pause is not a ceasefire"
    for tok in governors(word, limit=1 if local else 4, own_clause=True):
        for child in tok.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
            if tok.i == word.i and child.dep_ == "nsubjpass" and any(c.dep_ == "det" and c.lower_ == "no" for c in child.children):
                return True  # "no soldiers were harmed": none underwent the act
            if child.dep_ == "advmod" and child.lower_ in {"never", "hardly", "barely"}:
                return True
        if tok.i != word.i and tok.dep_ == "pobj" and tok.head.lower_ == "without":
            return True
        if tok.i != word.i and tok.lower_ in negations and tok.dep_ in {"det", "neg"}:
            return True
        # Stop at the first verb above a noun: "did not hold talks" reaches "hold".
        if tok.i != word.i and tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"xcomp", "aux"}:
            break
    return word.head.lower_ == "without"


def modality(word: Token, sent: Span, lex: StanceLexicon, attributed: bool) -> str:
    if word.dep_ in {"nsubj", "nsubjpass"} and word.pos_ == "NOUN" and (
            word.head.lemma_ == "be" and word.lemma_.lower() in RELATIONS_NOUNS
            or any(lex.verb_lemma(word.head) in lex.cue(name) for name in STATE_CHANGE_CUES)):
        # "relations will be transactional", "the talks may collapse": the predicate's modality
        word = word.head
    chain = governors(word, stop=PREDICATE_BOUNDARIES, own_clause=True)
    lemmas = set()
    for tok in chain:
        lemmas.add(tok.lemma_.lower())
        for child in tok.children:
            # audit: code (dependency labels of the parser)
            if child.dep_ in {"aux", "auxpass", "neg", "advmod", "acomp", "mark", "amod", "det"}:
                lemmas.add(child.lemma_.lower())
                lemmas.add(child.lower_)
    heads = _clause_heads(word)
    marks = {c.lower_ for tok in heads for c in tok.children if c.dep_ == "mark"}
    # "If Taiwan declares independence, China will attack": the main clause hangs on the condition
    marks |= {m.lower_ for tok in heads[:1] for c in tok.children if c.dep_ == "advcl"
              for m in c.children if m.dep_ == "mark" and m.lower_ in {"if", "unless"}}
    if marks & lex.cue("condition_marks") or any(_as_long_as(tok) for tok in heads):
        return "conditional"
    # "calls for talks", "called on Iran to stop" want something; "calls Iran an enemy" does not
    higher = {t.lemma_.lower() for t in chain[1:] if t.lemma_.lower() != "call" or any(
        c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} for c in t.children)}
    if warned_against(word):
        return "desired"
    if higher & (lex.cue("desire_verbs") | lex.cue("desire_nouns") | lex.cue("desire_adjectives")):
        return "desired"
    # A question is an open possibility even when put with "will": "Will we see ...?"
    if ends_with_question_mark(sent):
        return "possible"
    if higher & lex.cue("possibility_words"):
        return "possible"
    if lemmas & lex.cue("prediction_words") or "going" in lemmas and "to" in lemmas:
        return "predicted"
    if lemmas & lex.cue("possibility_words"):
        return "possible"
    return "reported" if attributed else "asserted"


STATE_CHANGE_CUES = ("improving_verbs", "worsening_verbs", "breakdown_verbs")


def _as_long_as(head: Token) -> bool:
    """'as long as X' / 'so long as X' introduce a condition (parsed as advmod, not mark)."""
    for child in head.children:
        if child.lower_ == "as" and child.dep_ in {"mark", "advmod"} and child.i >= 2:
            if head.doc[child.i - 1].lower_ == "long" and head.doc[child.i - 2].lower_ in {"as", "so"}:
                return True
    return False


def _clause_heads(word: Token) -> list[Token]:
    """The verbs whose clauses contain word, innermost first, up to the root."""
    out = []
    for tok in [word, *word.ancestors]:
        if tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT":
            out.append(tok)
    return out


def attribution(word: Token, sent: Span, index: MentionIndex, lex: StanceLexicon) -> Attribution:
    """Who says so: the subject of a reporting verb above the claim, or 'according to X'."""
    # a denial reports what it denies: "Moscow rejected reports that its jets bombed ..."
    reporting = lex.cue("reporting_verbs") | lex.cue("embedding_stances") | lex.cue("denials")
    current, edge = word, ""
    while current.head.i != current.i:
        before, edge, current = edge, current.dep_, current.head
        # Only complement edges carry reported content: "warned that X", "accused Y of X",
        # "claims 80 soldiers killed" (a participle on the object); an adverbial clause
        # ("When Russia launched ..., Obama warned") is the narrator's.
        # audit: code (dependency labels of the parser)
        if (edge in {"ccomp", "parataxis", "xcomp", "pcomp", "pobj", "prep"} or edge == "dobj" and before == "acl") \
                and current.lemma_.lower() in reporting and current.pos_ in {"VERB", "NOUN"}:
            speaker = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
            if speaker is None:
                continue
            actors = actors_of(speaker, index, expand_conj=False)
            if not actors and speaker.lower_ in {"he", "she"}:
                # a quoted speaker is often named a few sentences before "He also said"
                people = index.before(speaker, {"person"}, window=3)
                actors = [index.actor_dict(people[0])] if people else []
            # "He also said that ...": reported even when "he" cannot be resolved
            return Attribution(actors[0] if actors else None, _quote_kind(word, current, sent), True)
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to":
            pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None)
            if pobj is not None:
                actors = actors_of(pobj, index, expand_conj=False) or _source_holder(pobj, index)
                return Attribution(actors[0] if actors else None, "indirect", True)
    return _trailing_speaker(word, sent, index, reporting) or _headline_speaker(word, sent, index) \
        or _quote_continued(sent, index, reporting) or Attribution(None, "none")


def _quote_continued(sent: Span, index: MentionIndex, reporting: frozenset) -> Attribution | None:
    """'Peskov said the deal was over. "In fact, the agreements were terminated today."': a
    sentence that is a quotation and names no speaker goes on quoting the last one."""
    opening = next((t for t in sent if not t.is_space and t.text not in {"Quote", ":"}), None)
    if opening is None or opening.text not in QUOTES or sent.start == 0:
        return None
    previous = sent.doc[sent.start - 1].sent
    for tok in previous:
        if tok.lemma_.lower() in reporting and tok.pos_ == "VERB":
            speaker = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            actors = actors_of(speaker, index, expand_conj=False) if speaker is not None else []
            if actors:
                return Attribution(actors[0], "direct", True)
    return None


def _headline_speaker(word: Token, sent: Span, index: MentionIndex) -> Attribution | None:
    """"Erdogan: Greece violated our airspace", "Both sides agree to a truce: Dar": a
    headline gives its speaker a short name before or after a colon."""
    if sent.start != 0:
        return None
    colons = [t for t in sent if t.text == ":"]
    if len(colons) != 1 or colons[0].i == word.i:
        return None
    colon = colons[0]
    side = sent.doc[sent.start:colon.i] if word.i > colon.i else sent.doc[colon.i + 1:sent.end]
    if not 0 < len(side) <= HEADLINE_SPEAKER_MAX:
        return None
    actors = [index.actor_dict(index.actor_at[i]) for i in range(side.start, side.end) if i in index.actor_at]
    return Attribution(actors[0], "indirect", True) if actors else None


HEADLINE_SPEAKER_MAX = 4  # tokens: "Pak Deputy PM Dar", "Trump", "Kremlin spokesman"


def _source_holder(source: Token, index: MentionIndex) -> list[dict]:
    """'according to the statement of Russia's Foreign Ministry', '... to a US report'."""
    for child in source.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "by", "from"}:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                found = actors_of(pobj, index, expand_conj=False)
                if found:
                    return found
    return []


def _trailing_speaker(word: Token, sent: Span, index: MentionIndex, reporting: frozenset) -> Attribution | None:
    """'Russian officials urged ..., analyst X asserted.': a reporting verb hung on the main
    clause as parataxis tells the whole main clause."""
    root = sent.root
    if word.i != root.i and not root.is_ancestor(word):  # outside root.subtree (not built as a set)
        return None
    for child in root.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in reporting and child.i > word.i:
            speaker = next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
            if speaker is not None:
                actors = actors_of(speaker, index, expand_conj=False)
                return Attribution(actors[0] if actors else None, "indirect", True)
    return None


def _quote_kind(word: Token, verb: Token, sent: Span) -> str:
    lo, hi = sorted((word.i, verb.i))
    between = sent.doc[lo:hi]
    opening = sum(1 for t in sent if t.text in QUOTES and t.i < word.i)
    if opening % 2 == 1 or any(t.text in QUOTES for t in between):
        return "direct"
    return "indirect"


def clause_tokens(word: Token) -> set[int]:
    """Token indices of the clause that carries the claim (the nearest verb's subtree)."""
    head = word
    for tok in governors(word, limit=4):
        head = tok
        if tok.pos_ in {"VERB", "AUX"}:
            break
    return _foreground(word, {t.i for t in head.subtree} - circumstance_tokens(word, head))


def _foreground(word: Token, tokens: set[int]) -> set[int]:
    """Drop relative clauses that do not hold the claim's word: they tell about their noun,
    not where the act happens ("the crisis that was triggered by the coup in Kiev")."""
    doc = word.doc
    for i in sorted(tokens):
        tok = doc[i]
        if tok.dep_ == "relcl" and i in tokens and not tok.left_edge.i <= word.i <= tok.right_edge.i:
            tokens = tokens - {t.i for t in tok.subtree}
    return tokens


def circumstance_tokens(word: Token, head: Token) -> set[int]:
    """"Despite the differences over Ukraine, the two cooperated": a circumstance of the
    clause (not holding the claim's word) happens elsewhere."""
    out: set[int] = set()
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in cue("circumstance_preps") and \
                not prep.left_edge.i <= word.i <= prep.right_edge.i:
            out |= {t.i for t in prep.subtree}
    return out


def regions(word: Token, index: MentionIndex, argument_tokens: set[int],
            destinations: set[int] = frozenset(), parties: frozenset[str] = frozenset()) -> list[dict]:
    """Places of the claim's clause that are not its actors, one per country; `destinations`
    are place tokens that are where the act goes ("sent troops to Syria", "leave Syria");
    a party's own name outside a place phrase is the party ("In Syria the USA and Russia ...")."""
    clause = clause_tokens(word)
    argument_tokens = argument_tokens | {
        i for i in range(word.sent.start, word.sent.end)
        if i in index.actor_at and i in index.place_at and _names_party(index, i, parties)}
    out = _regions_among(clause, index, argument_tokens, locative_only=False, destinations=destinations)
    if not out:
        # The place may hang on a clause above: "In Syria, Russia's support for Assad ..."
        above = {t.i for anc in word.ancestors for prep in anc.children
                 if prep.dep_ == "prep" and not prep.left_edge.i <= word.i <= prep.right_edge.i
                 for t in prep.subtree}
        above = _foreground(word, above - circumstance_tokens(word, word.sent.root))
        out = _regions_among(above, index, argument_tokens, locative_only=True)
    return out


def _names_party(index: MentionIndex, i: int, parties: frozenset[str]) -> bool:
    """A party's own name outside a place phrase ("In Syria the USA and Russia ...") or
    close to it ("operations near Russia") is the party, not where the act happens."""
    if (index.place_at[i]._.claimcmp_region or {}).get("country") not in parties:
        return False
    root = index.actor_at[i].root
    return root.dep_ != "pobj" or root.head.lower_ in {"near", "toward", "towards"}


def _regions_among(tokens: set[int], index: MentionIndex, argument_tokens: set[int],
                   locative_only: bool, destinations: set[int] = frozenset()) -> list[dict]:
    seen: set[tuple] = set()
    out: list[dict] = []
    # Place spans never overlap (filter_spans): walking the clause's own tokens finds the same
    # spans as walking every place of the document, in time bounded by the clause.
    spans = sorted({index.place_at[i].start: index.place_at[i] for i in tokens if i in index.place_at}.values(),
                   key=lambda s: s.start)
    for span in spans:
        region = span._.claimcmp_region
        if not region or any(i in argument_tokens for i in range(span.start, span.end)):
            continue
        where = region.get("locative", True) or is_topic(span) or span.start in destinations
        if locative_only and not where:
            continue
        # A place named outside a locative phrase is usually a metonym ("Moscow's plan").
        if not where and span.start in index.actor_at:
            continue
        if span.start in index.actor_at and span.root.dep_ == "pobj" and span.root.head.lower_ in AIMED_PREPS \
                and span.start not in destinations:
            continue  # "fired a missile at Israel": whom, not where

        key = (region.get("country"), region.get("name")) if region.get("country") is None else (region["country"],)
        if key in seen:
            continue
        seen.add(key)
        out.append({k: region[k] for k in ("name", "kind", "country")})
    return out


TOPIC_PREPS = {"on", "over", "about", "regarding", "concerning"}
AIMED_PREPS = {"at", "against", "toward", "towards"}


def is_topic(span: Span) -> bool:
    """What the act is about is where it plays out: "talks on Syria", "differences over
    Ukraine", "the Syria peace talks"."""
    root = span.root
    while root.dep_ in {"conj", "appos"} and root.head.i != root.i:
        root = root.head  # "... over Syria, Yemen and Libya"
    if root.dep_ == "pobj" and root.head.lower_ in TOPIC_PREPS:
        return True
    return root.dep_ == "compound" and root.pos_ == "PROPN" and any(
        c.lower_ == "peace" for c in root.head.children if c.dep_ in {"compound", "amod"})


def when(word: Token, dated: dict[int, list[tuple[Span, Token]]], published: dict | None) -> dict | None:
    """The time expression attached nearest to the claim's clause, else the article date.
    `dated` is dated_by_sentence(doc)."""
    # An event noun's participle carries its time: "the agreements reached in July".
    acl = [c for c in word.children if c.dep_ == "acl"] if word.pos_ == "NOUN" else []
    chain = [t.i for t in [word, *acl, *word.ancestors]]
    dated = dated.get(_sentence_start(word), [])
    # Failing a time on the claim's own clause, one hung on a conjunct of it counts ("no
    # cooperation ... and no partnership since Trump is in power").
    for climb in (False, True):
        best, best_rank = None, None
        for span, anchor in dated:
            while climb and anchor is not None and anchor.dep_ == "conj" and \
                    not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in anchor.children):
                anchor = anchor.head  # a conjoined clause with its own subject has its own time
            if anchor is None or anchor.i not in chain:
                continue
            # "for today since Trump is in power": the bare "now" yields to the span it ends
            rank = (chain.index(anchor.i), span.text.lower() in cue("present_words"))
            if best_rank is None or rank < best_rank:
                best, best_rank = span, rank
        if best is not None:
            return dict(best._.claimcmp_when)
    return published


def _attachment(span: Span) -> Token | None:
    """The verb (or event noun) a time expression modifies."""
    tok = span.root
    for _ in range(4):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX", "NOUN"} and tok.dep_ != "pobj" or tok.dep_ == "ROOT":
            return tok
    return tok


def date_spans(doc) -> list[Span]:
    return list(doc.spans[ext.DATES]) if ext.DATES in doc.spans else []


def dated_by_sentence(doc) -> dict[int, list[tuple[Span, Token]]]:
    """(time expression, the word it modifies), in document order, under the start of
    that word's sentence. `when` looks only among the claim's ancestors, which share its
    sentence: looking up one sentence instead of every date keeps long texts linear."""
    out: dict[int, list[tuple[Span, Token]]] = {}
    for span in date_spans(doc):
        if span._.claimcmp_when:
            anchor = _attachment(span)
            out.setdefault(_sentence_start(anchor), []).append((span, anchor))
    return out


def _sentence_start(word: Token) -> int:
    try:
        return word.sent.start
    except ValueError:  # no sentence boundaries (a bare tokenizer): one sentence
        return 0
