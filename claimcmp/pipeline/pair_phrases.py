"""Words that name two parties at once: a word for both ("the two Koreas", "inter-Korean"),
a pair phrase ("the two countries", "both sides": the pair of the latest two-party claim,
never whoever urges them)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp.knowledge import resource_loader
from claimcmp.knowledge.gazetteer import country_actor
from claimcmp.knowledge.lexicons import cue, time_words
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.pipeline.dep_labels import bare_the, clause_verb
from claimcmp.pipeline.mentions import MentionIndex, party_key
from claimcmp.pipeline.subjects import subject_token

PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@overlay_cached
def _named_pairs(overlay: str | None) -> tuple[dict[str, tuple[dict, ...]], frozenset[str]]:
    """Word -> both parties it names, and the first token of every such word ("inter" of
    "inter-korean") for a quick test on every token."""
    raw = resource_loader.json_object("named_pairs.json", overlay)
    pairs = {word: tuple(country_actor(i) or {"id": i, "name": i, "kind": "organization", "country": None}
                         for i in ids)
             for word, ids in raw.items() if not word.startswith("_")}
    return pairs, frozenset(word.split("-")[0] for word in pairs)


def named_pair(tok: Token) -> tuple[list[dict], int]:
    """The parties a word names at once ("the two Koreas", "inter-Korean talks", written
    "inter - Korean" by the tokenizer, "the Baltic states"), and the index of the word's last token."""
    pairs, first_words = _named_pairs()
    if tok.tag_ in PLURAL_TAGS:  # "the Baltic states": the plural with the words before it
        words = [t for t in tok.doc[tok.left_edge.i:tok.i + 1] if t.dep_ != "det"]
        key = " ".join(t.lower_ for t in words)
        if len(words) >= 2 and key in pairs:
            return [{**a, "mention": tok.doc[words[0].i:tok.i + 1].text} for a in pairs[key]], tok.i
    if tok.lower_ not in first_words:
        return [], tok.i
    for width in (3, 1):
        words = tok.doc[tok.i:tok.i + width]
        key = "".join(t.lower_ for t in words)
        if len(words) == width and key in pairs:
            return [{**a, "mention": words.text} for a in pairs[key]], words.end - 1
    return [], tok.i


def is_pair_phrase(head: Token) -> bool:
    """'the two countries', 'both sides', 'the two', 'the neighbours'."""
    words = {c.lower_ for c in head.children}
    plural_pair = cue("plural_pair_words")
    if head.lower_ in plural_pair:
        return True
    if head.tag_ == "NNS" and head.lemma_.lower() in cue("pair_plurals") and "the" in words:
        return True
    return bool(words & plural_pair) and head.lemma_.lower() in cue("pair_nouns")


def recent_pair(head: Token, index: MentionIndex) -> list[dict]:
    """The pair a pair phrase names, as its first reading found it: the claims it is read
    for tell of new pairs, which are not whom the phrase meant ("Ghana urged both sides to
    settle their differences": the sides Ghana urged settle theirs)."""
    known = index.pair_phrases.get(head.i)
    if known is None:
        known = index.pair_phrases[head.i] = _recent_pair(head, index)
    return [dict(a) for a in known]


def _recent_pair(head: Token, index: MentionIndex) -> list[dict]:
    """The two parties its own sentence names before it, if exactly two; else the pair of
    the latest two-party claim, else the two latest distinct actors; "the
    warring parties": the pair of the latest hostile act, if the story told one; "the two
    countries", "the two neighbours": of two countries ("Congo and Rwanda fought. The UN
    condemned Rwanda. Angola mediated between the two neighbours": Congo and Rwanda)."""
    if any(c.lower_ == "warring" for c in head.children):
        hostile = index.last_hostile_pair(head)
        if hostile:
            return hostile
    countries = head.lemma_.lower() in cue("country_pair_nouns")
    urgers = _doers_of_governing_clause(head, index)
    kinds = {"country"} if countries else {"country", "organization", "group", "person"}
    own = _named_pair(index.before(head, kinds, window=0), index, urgers, exactly=True)
    if own:
        return own  # "The United States, Japan's main ally, said the two countries' treaty ..."
    last = index.last_pair(head, countries_only=countries)
    if last and not any(party_key(p) in urgers for p in last):
        return last
    return _named_pair(index.before(head, kinds, window=3), index, urgers)


def _named_pair(spans: list[Span], index: MentionIndex, urgers: set[str], exactly: bool = False) -> list[dict]:
    """The two latest distinct parties of `spans` (nearest first), none of `urgers`, in the
    text's order; with `exactly`, none unless the spans name exactly two."""
    pair: list[dict] = []
    for span in spans:
        actor = index.actor_dict(span)
        if party_key(actor) not in urgers and all(party_key(actor) != party_key(p) for p in pair):
            pair.append(actor)
        if len(pair) == 2 and not exactly:
            return list(reversed(pair))
    return list(reversed(pair)) if len(pair) == 2 else []


def _doers_of_governing_clause(head: Token, index: MentionIndex) -> set[str]:
    """The party keys of whoever does the act a pair phrase is the object of: "Egypt and
    Qatar urged both sides to honour the truce", "called on the two sides": the urgers are
    not the sides they urge."""
    verb = clause_verb(head)
    if head.dep_ not in {"dobj", "dative", "pobj"} or verb.pos_ not in {"VERB", "AUX"}:
        return set()
    subj_tok, _ = subject_token(verb)
    if subj_tok is None:
        return set()
    # not whom a clause on the subject names: "The EU, which has disputes with Washington, urged both sides"
    aside = {t.i for c in subj_tok.children if c.dep_ in {"relcl", "acl", "appos"} for t in c.subtree}
    return {party_key(index.actor_dict(span)) for span in index.actors
            if subj_tok.left_edge.i <= span.start and span.end <= subj_tok.right_edge.i + 1 and span.start not in aside}


def named_group(head: Token, index: MentionIndex) -> list[dict]:
    """"Mali, Burkina Faso and Niger left the bloc ... the three countries formed an
    alliance": a plural party noun counted three or more (cues pair_nouns, state_nouns) names
    the latest written list of exactly that many parties, within ten sentences; "the juntas",
    "the governments" with no count (cue listed_state_nouns) the latest list of two or more
    states; none if there is no such list."""
    if head.tag_ not in PLURAL_TAGS:  # asked of every noun an argument heads: the cheap test first
        return []
    count, lemma = _counted(head), head.lemma_.lower()
    if count == 0 and bare_the(head) and lemma in cue("listed_state_nouns"):
        count = -1  # "the juntas": the latest list of states, however many
    elif count < 3 or lemma not in cue("pair_nouns") | cue("state_nouns"):
        return []
    spans = index.before(head, {"country"} if count < 0 else None, window=10)
    for listed in _written_lists(sorted(spans, key=lambda s: s.start), index)[::-1]:
        keys = {party_key(a) for a in listed}
        if len(keys) == count or count < 0 and len(keys) >= 2:
            return listed
    return []


def _written_lists(spans: list[Span], index: MentionIndex) -> list[list[dict]]:
    """The parties written as lists, in the text's order: runs of actor spans with only
    commas and "and" between them ("Mali, Burkina Faso and Niger"), whatever the parse."""
    runs: list[list[Span]] = []
    for span in spans:
        gap = span.doc[runs[-1][-1].end:span.start] if runs else None
        if gap is not None and 0 < len(gap) <= 2 and all(t.text == "," or t.lower_ == "and" for t in gap):
            runs[-1].append(span)
        else:
            runs.append([span])
    return [[index.actor_dict(s) for s in run] for run in runs]


def _counted(head: Token) -> int:
    """The number a "the three ..." phrase counts, 0 for none."""
    numbers = time_words()["number_words"]
    return next((numbers.get(c.lower_, 0) for c in head.children if c.dep_ == "nummod"), 0)
