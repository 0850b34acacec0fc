"""WHO SAYS SO: the speaker a claim is attributed to ("Moscow said Washington would not
attack": Moscow), read up the dependency path from the stance word, then from the
sentence's trailing or parenthetical reporting clause ("..., he added, ..."), a headline's
"Speaker: ..." and a quotation that goes on from the sentence before."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimcmp.knowledge.lexicons import StanceLexicon, cue, cue_lists
from claimcmp.knowledge.resource_loader import overlay_cached
from claimcmp.pipeline.arguments import QUOTE_MARKS, actors_of
from claimcmp.pipeline.context import made_before_denial
from claimcmp.pipeline.dep_labels import SUBJECT_DEPS, first_conjunct, referred_back
from claimcmp.pipeline.mentions import MentionIndex
from claimcmp.pipeline.subjects import continued_accusation, passive_agent


# the marks that open or close a quotation; here the apostrophe too (single quotes)
QUOTES = QUOTE_MARKS | {"'"}


@dataclass(frozen=True)
class Attribution:
    actor: dict | None
    quote: str  # direct | indirect | none
    reported: bool = False  # told by someone, even when who it is cannot be resolved


def attribution(word: Token, sent: Span, index: MentionIndex, lex: StanceLexicon) -> Attribution:
    """Who says so: the subject of a reporting verb above the claim, or 'according to X'."""
    reporting = reporting_words()
    current, edge = word, ""
    while current.head.i != current.i:
        clause = current
        before, edge, current = edge, current.dep_, current.head
        if edge == "ccomp" and made_before_denial(word, clause, current, lex):
            # "Chile accused Peru of spying, a charge Lima denied", "Chile accuses Peru of an
            # incursion, Peru denies": the accusation is no one's report
            break
        if edge == "relcl" and current.i < clause.i and not any(t.text in QUOTES for t in clause.subtree):
            # "he said the attack, which was carried out in retaliation, ...": the narrator's
            # aside, unless it quotes the speaker ("the regions where “there is now war”")
            break
        if _reports(edge, before, clause, current, word, lex) \
                and current.lemma_.lower() in reporting and current.pos_ in {"VERB", "NOUN"}:
            speaker = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
            if speaker is None and current.dep_ == "conj":
                speaker = _conjoined_speaker(current)  # "officials took to Twitter and said that ..."
            if speaker is None:
                speaker = _participle_speaker(current)  # "Russia rejected it, saying that ..."
            if speaker is None:
                speaker = passive_agent(current)  # "Iran was blamed by Washington for the attack"
            if speaker is None:
                continue
            actors = _speaker_actors(speaker, index)
            if not actors and current.lemma_.lower() in lex.cue("pledging_verbs"):
                continue  # "the document promised access": no one's word, what it commits to
            # "He also said that ...": reported even when "he" cannot be resolved
            return Attribution(actors[0] if actors else None, _quote_kind(word, current, sent), True)
    return _according_to(sent, index) or _trailing_speaker(word, sent, index, reporting) \
        or _headline_speaker(word, sent, index) or _quote_continued(sent, index, reporting) or Attribution(None, "none")


def _reports(edge: str, before: str, clause: Token, current: Token, word: Token, lex: StanceLexicon) -> bool:
    """Whether the edge from `clause` up to `current` carries reported content. Only
    complement edges do: "warned that X", "accused Y of X", "claims 80 soldiers killed" (a
    participle on the object); an adverbial clause ("When Russia launched ..., Obama
    warned") is the narrator's, unless it trails an accusation ("accused X of laying mines,
    wounding ...")."""
    # audit: code (dependency labels of the parser)
    return edge in {"ccomp", "parataxis", "xcomp", "pcomp", "pobj", "prep"} or edge == "dobj" and before == "acl" \
        or edge == "dobj" and before == "prep" and _gerund_on_object(clause, word, lex) \
        or edge == "advcl" and continued_accusation(clause) is not None \
        or edge == "dobj" and current.lemma_.lower() in lex.cue("confirming_verbs") \
        or edge == "dobj" and current.lemma_.lower() in lex.cue("denials") and _denied_act(clause, lex)


def _gerund_on_object(obj: Token, word: Token, lex: StanceLexicon) -> bool:
    """"Manila accused Chinese vessels of firing water cannon": the parser hangs "of firing"
    on the object; the gerund is still what the accusation tells."""
    return any(c.dep_ == "prep" and c.lower_ in lex.cue("object_control_preps") and
               any(g.dep_ == "pcomp" and g.left_edge.i <= word.i <= g.right_edge.i for g in c.children)
               for c in obj.children)


@overlay_cached
def reporting_words(overlay: str | None = None) -> frozenset[str]:
    """Words whose subject tells what the clause under them says, read once per overlay:
    reporting verbs and embedding stances; a denial reports what it denies ("Moscow rejected
    reports that its jets bombed ..."); a pledge is the pledger's word ("Pyongyang vowed to
    cut off all lines")."""
    lists = cue_lists.for_overlay(overlay)
    return frozenset().union(*(lists[name] for name in REPORTING_LISTS))


REPORTING_LISTS = ("reporting_verbs", "embedding_stances", "denials", "pledging_verbs")


def _denied_act(obj: Token, lex: StanceLexicon) -> bool:
    """"The IAF denied the violation of the LoC": the denier tells of the act it denies; not
    of a claim it denies ("denied Azerbaijan's claim that ...", the claim is the accuser's),
    nor of a measure it turns down ("rejected the sanctions": they stand)."""
    return obj.lemma_.lower() not in lex.cue("allegation_nouns") | lex.cue("remote_measures")


def _according_to(sent: Span, index: MentionIndex) -> Attribution | None:
    """"According to Iraq's military, ...", "As per reports from ANI, ...": said by the source
    named after the phrase (unnamed when it names no actor)."""
    sources = cue("source_phrases")
    phrases = sources | cue("report_source_phrases")
    text = index.text_of(sent).lower()
    if not any(phrase in text for phrase in phrases):
        return None  # most sentences: no token walk
    for tok in sent[:-1]:
        phrase = f"{tok.lower_} {tok.nbor().lower_}"
        pobj = next((c for c in tok.nbor().children if c.dep_ == "pobj"), None) if phrase in phrases else None
        if pobj is None:
            continue
        actors = actors_of(pobj, index, expand_conj=False) or _source_holder(pobj, index)
        reports = cue("report_nouns") | cue("message_nouns") | cue("media_words")
        if phrase in sources or pobj.i in index.actor_at or pobj.lemma_.lower() in reports:
            return Attribution(actors[0] if actors else None, "indirect", True)
    return None


def _speaker_actors(speaker: Token, index: MentionIndex, *, messages: bool = True) -> list[dict]:
    """The actors a reporting verb's subject names; "he"/"she" the person who spoke last
    ("..., Abdi said. ... That is why, he added, ..."), else the person named last.
    `messages`: "the statement" may be the word of who spoke before (not when already
    looking for that speaker: a run of "The statement said ..." is followed one step only,
    see _speaker_before_message)."""
    if speaker.lower_ == "it":
        return _previous_speaker(speaker, index) or actors_of(speaker, index, expand_conj=False)
    named = index.actor_at.get(speaker.i)
    if speaker.lower_ not in {"he", "she"} or named is not None and len(named) > 1:  # "Vice Premier Liu He said"
        return actors_of(speaker, index, expand_conj=False) or _named_before(speaker, index) \
            or (_message_author(speaker, index) if messages else [])
    spoke = _last_speakers(speaker, index)
    # "Dar, speaking after Trump announced a truce, said ... . He said ...": he who spoke in
    # the sentence before, though another was named nearer
    if spoke and spoke[0].sent.end == speaker.sent.start:
        return [index.actor_dict(spoke[0])]
    actors = actors_of(speaker, index, expand_conj=False)
    if not actors:
        people = spoke or index.before(speaker, {"person"}, window=3)
        actors = [index.actor_dict(people[0])] if people else []
    return actors


def _previous_speaker(speaker: Token, index: MentionIndex) -> list[dict]:
    """"The ministry stated that it had informed the Russian-Turkish mission. It claimed ...":
    "it" saying something right after a body said something is that body, though another
    was named nearer (the named subject only: no chain of pronouns is followed)."""
    if speaker.sent.start == 0:
        return []
    before = speaker.doc[speaker.sent.start - 1].sent
    found = _speaker_in(before, index, cue("reporting_verbs"), resolve=_named_actors)
    return [found] if found is not None else []


def _named_actors(subject: Token, index: MentionIndex) -> list[dict]:
    """The actors a subject names itself, no pronoun followed back."""
    return actors_of(subject, index, expand_conj=False) if subject.pos_ != "PRON" else []


def _speaker_before_message(subject: Token, index: MentionIndex) -> list[dict]:
    return _speaker_actors(subject, index, messages=False)


def _message_author(speaker: Token, index: MentionIndex) -> list[dict]:
    """"Egypt's foreign ministry accused Doha ... The statement said ports would be closed":
    "the statement" with no author named is the word of who spoke in the sentences before."""
    if speaker.lemma_.lower() not in cue("message_nouns") or \
            not referred_back(speaker):
        return []
    reporting = cue("reporting_verbs") | cue("embedding_stances")
    doc, before = speaker.doc, speaker.sent
    for _ in range(MESSAGE_SENTENCES_BACK):
        if before.start == 0:
            return []
        before = doc[before.start - 1].sent
        author = _speaker_in(before, index, reporting, resolve=_speaker_before_message)
        if author is not None:
            return [author]
    return []


MESSAGE_SENTENCES_BACK = 3  # a statement is told of right after whoever issued it


def _named_before(speaker: Token, index: MentionIndex) -> list[dict]:
    """"Dar added that ...": a surname the model did not take for a person is the person
    named before in full whose name ends on it ("Foreign Minister Ishaq Dar")."""
    if speaker.pos_ != "PROPN":
        return []
    people = [span for span in index.before(speaker, {"person"}, window=SPEAKER_WINDOW)
              if span[-1].text == speaker.text and len(span) > 1]
    return [index.actor_dict(people[0])] if people else []


def _last_speakers(speaker: Token, index: MentionIndex) -> list:
    """People who said something in the sentences before, nearest first: a long quotation
    goes on with "he added" well after its speaker was named ("..., Abdi said. ...")."""
    reporting = cue("reporting_verbs")
    spoke = [span for span in index.before(speaker, {"person"}, window=SPEAKER_WINDOW)
             if span.root.dep_ in SUBJECT_DEPS and span.root.head.lemma_.lower() in reporting]
    # within a sentence, the main clause's speaker before one in a clause under it ("Dar,
    # speaking after Trump announced a truce, said ...": he who said)
    return sorted(spoke, key=lambda span: (-span.sent.start, span.root.head.dep_ != "ROOT"))


SPEAKER_WINDOW = 8  # sentences a quoted speaker is looked for in, back from "he added"


def _conjoined_speaker(verb: Token) -> Token | None:
    """The subject of the first verb a reporting verb is coordinated with."""
    first = first_conjunct(verb)
    return next((c for c in first.children if c.dep_ in SUBJECT_DEPS), None) if first.pos_ in {"VERB", "AUX"} else None


def _participle_speaker(verb: Token) -> Token | None:
    """The subject of the clause a subjectless saying participle hangs on: "Russia rejected the
    plan, saying Kyiv had attacked", "Pyongyang threatened Seoul, vowing to cut the lines", or
    of the verb that issues the message it qualifies ("issued a statement confirming ...")."""
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp", "acl"}:
        return None
    clause = verb.head
    if verb.dep_ == "acl":
        # "Pakistan issued a statement confirming the ceasefire": the message's author
        if clause.lemma_.lower() not in cue("message_nouns") or clause.dep_ != "dobj":
            return None
        clause = clause.head
    return next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)


def _quote_continued(sent: Span, index: MentionIndex, reporting: frozenset) -> Attribution | None:
    """'Peskov said the deal was over. "In fact, the agreements were terminated today."': a
    sentence inside a quotation that names no speaker goes on quoting the one before it, else
    the speaker the quotation ends on ('... for that region," Abdi added.')."""
    if sent.start == 0 or not _inside_quotation(sent):
        return None
    doc = sent.doc
    speaker = _speaker_before_quotation(sent, index, reporting)
    following = sent
    for _ in range(QUOTE_SENTENCES_AHEAD):
        if speaker is not None or _closes_quotation(following) or following.end >= len(doc):
            break
        following = doc[following.end].sent
        speaker = _speaker_in(following, index, reporting)
    return Attribution(speaker, "direct", True) if speaker is not None else None


QUOTE_SENTENCES_AHEAD = 8  # a quotation rarely runs longer before its "he said"


def _speaker_before_quotation(sent: Span, index: MentionIndex, reporting: frozenset) -> dict | None:
    """The speaker named in the sentence before, or, while the sentences before are the same
    quotation's, in the sentence that led into it ('Abdi said ... "We will ... Maybe ..."').
    """
    doc, before = sent.doc, sent
    for _ in range(QUOTE_SENTENCES_AHEAD):
        if before.start == 0:
            return None
        before = doc[before.start - 1].sent
        speaker = _speaker_in(before, index, reporting)
        if speaker is not None or not _inside_quotation(before):
            return speaker
    return None


def _closes_quotation(sent: Span) -> bool:
    """A closing mark in the sentence: a curly one, or a straight one not opening it."""
    first = next((t for t in sent if not t.is_space), None)
    return any(t.text == "”" or t.text == '"' and first is not None and t.i != first.i for t in sent)


def _inside_quotation(sent: Span) -> bool:
    """The sentence opens with a quotation mark, or a quotation opened earlier in its
    paragraph is still open ("“Whatever we can do ... we will do. Maybe there will be ...")."""
    opening = next((t for t in sent if not t.is_space and t.text not in {"Quote", ":"}), None)
    if opening is not None and opening.text in QUOTES:
        return True
    doc = sent.doc
    start = sent.start
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    marks = [t.text for t in doc[start:sent.start] if t.text in {"“", "”", '"'}]
    curly = marks.count("“") - marks.count("”")
    return curly > 0 or marks.count('"') % 2 == 1


def _speaker_in(sent: Span, index: MentionIndex, reporting: frozenset, *, resolve=None) -> dict | None:
    """The named subject of a reporting verb in the sentence: "Peskov said", "Abdi added";
    `resolve` reads the subject's actors (_speaker_actors unless given)."""
    resolve = resolve or _speaker_actors
    for tok in sent:
        if tok.lemma_.lower() in reporting and tok.pos_ == "VERB":
            speaker = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
            actors = resolve(speaker, index) if speaker is not None else []
            if actors:
                return actors[0]
    return None


def _headline_speaker(word: Token, sent: Span, index: MentionIndex) -> Attribution | None:
    """"Erdogan: Greece violated our airspace", "Both sides agree to a truce: Dar": a
    headline gives its speaker a short name before or after a colon."""
    if sent.start != 0:
        return None
    colons = [t.i for t in sent if t.text == ":"]
    if not colons or word.i in colons:
        return None
    # "Ethiopia: Troops ordered to attack: PM Abiy": the name after the last colon speaks,
    # a topic may lead before the first
    sides = ([sent.doc[colons[-1] + 1:sent.end]] if word.i < colons[-1] else []) + \
        ([sent.doc[sent.start:colons[0]]] if word.i > colons[0] else [])
    for side in sides:
        actors = [index.actor_dict(index.actor_at[i]) for i in range(side.start, side.end) if i in index.actor_at]
        if 0 < len(side) <= HEADLINE_SPEAKER_MAX and actors:
            return Attribution(actors[0], "indirect", True)
    return None


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
    heads = [root, *(t for t in word.ancestors if t.i != root.i)]  # "That is why, he added, that ..."
    for child in (c for head in heads for c in head.children):
        speaker = _trailing_clause_speaker(child, reporting) if child.i > word.i or _parenthetical(child) else None
        if speaker is not None:
            actors = _speaker_actors(speaker, index)
            return Attribution(actors[0] if actors else None, "indirect", True)
    return None


def _parenthetical(clause: Token) -> bool:
    """A clause set off by commas inside the sentence: "That is why, he added, the truce ..."."""
    doc = clause.doc
    left, right = clause.left_edge.i, clause.right_edge.i
    # the parser may hang the commas on the clause itself, or leave them outside it
    opened = doc[left].text == "," or left > 0 and doc[left - 1].text == ","
    closed = doc[right].text == "," or right + 1 < len(doc) and doc[right + 1].text == ","
    return opened and closed and left != right


def _trailing_clause_speaker(child: Token, reporting: frozenset) -> Token | None:
    """The speaker of a reporting clause after the main one: parataxis ("..., analyst X
    asserted"), or a noun after a comma the parser hung the verb on ("..., the minister
    announced on Monday", parsed as "the minister [who was] announced")."""
    if (child.dep_ == "parataxis" or _unmarked_after_comma(child)) and child.lemma_.lower() in reporting:
        return next((c for c in child.children if c.dep_ in SUBJECT_DEPS), None)
    if child.dep_ in {"npadvmod", "appos", "dep"} and child.pos_ in {"NOUN", "PROPN"} and \
            child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text == "," and \
            any(_participle_said(c, child) for c in child.children):
        return child
    return None


def _unmarked_after_comma(clause: Token) -> bool:
    """"..., Foreign Minister X confirmed on Saturday": the parser may take a trailing reporting
    clause for an adverbial one, which has no subordinator ("as X confirmed" is one)."""
    left = clause.left_edge.i
    return clause.dep_ == "advcl" and left > 0 and clause.doc[left - 1].text == "," and \
        not any(c.dep_ == "mark" or c.dep_ == "advmod" and c.i < clause.i for c in clause.children)


def _participle_said(clause: Token, noun: Token) -> bool:
    """A saying verb hung on the noun before it with no subject of its own ("the minister
    announced"); "a charge Baku rejected" has its own subject and says nothing of the noun."""
    return clause.dep_ in {"acl", "relcl"} and clause.i > noun.i and clause.lemma_.lower() in cue("reporting_verbs") \
        and not any(c.dep_ in SUBJECT_DEPS for c in clause.children)


def _quote_kind(word: Token, verb: Token, sent: Span) -> str:
    lo, hi = sorted((word.i, verb.i))
    between = sent.doc[lo:hi]
    opening = sum(1 for t in sent if t.text in QUOTES and t.i < word.i)
    if opening % 2 == 1 or any(t.text in QUOTES for t in between):
        return "direct"
    return "indirect"
