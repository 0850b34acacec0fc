"""The circumstances of a claim: polarity and modality (its speaker is read by attribution,
its place by claim_regions, its time by claim_times).

Everything here reads the dependency path from the stance word up to the sentence root,
so that cues attach to the clause they govern ("Moscow said Washington would not
attack" negates and predicts the attack, and attributes it to Moscow).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from claimcmp.knowledge import stance_groups
from claimcmp.knowledge.lexicons import StanceLexicon, cue
from claimcmp.pipeline.arguments import RELATIONS_NOUNS
from claimcmp.pipeline.conditions import conditioned
from claimcmp.pipeline.drafts import suffered, verb_phrase
from claimcmp.pipeline.endings import ending_predicate
from claimcmp.pipeline.objects import names_what_its_governor_does
from claimcmp.pipeline.openings import ends_with_question_mark
from claimcmp.pipeline.subjects import small_clause_verb, wanted_noun


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
    called on ...": the negation and the "would" stay with the first verb), and so is one
    with a subject of its own ("wants a truce, but Hezbollah attacked Israel")."""
    chain = [word]
    current = word
    while current.head.i != current.i and len(chain) < limit:
        if current.dep_ in stop:
            break
        if own_clause and (_own_conjoined_clause(current) or _past_aside(current)):
            break
        current = current.head
        chain.append(current)
    return chain


def _is_to(verb: Token) -> bool:
    """"Under the deal, Israeli forces are to withdraw": "be to" sets what is to happen (not
    "the goal of the operation was to disable positions": what the goal was)."""
    if verb.dep_ != "xcomp" or verb.head.lemma_ != "be" or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in verb.children):
        return False
    subject = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is None or subject.lemma_.lower() not in cue("control_nouns")


def _own_conjoined_clause(verb: Token) -> bool:
    """A finite verb joined to a non-finite one, or any joined verb with a subject of its own
    ("said troops had tried to cross and that the army had pushed them back": no one tried
    the pushing back)."""
    return verb.dep_ == "conj" and (verb.tag_ in FINITE_TAGS and verb.head.tag_ not in FINITE_TAGS
                                    or _own_subject(verb))


def _past_aside(verb: Token) -> bool:
    """"Rwanda will not stand by while Congolese forces shelled its territory": a past act
    with a subject of its own in a clause set beside another is told as done, whatever the
    other's negation or mood (not "if"/"unless": a condition)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBD" and _own_subject(verb) and any(
        c.dep_ == "mark" and c.lower_ not in {"if", "unless"} for c in verb.children)


def _own_subject(verb: Token) -> bool:
    """A conjoined verb with a subject of its own is a clause of its own: "France wants a
    truce, but Hezbollah attacked Israel" (no one wants the attack)."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


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
    if clause.dep_ not in {"acl", "ccomp"} or clause.i == clause.head.i or names_what_its_governor_does(clause):
        return False  # ... but "rejected what it called interference" names what it rejects
    denial = clause.head.head if _names_a_claim(clause.head, lex) else clause.head
    return lex.verb_lemma(denial) in lex.cue("denials") and not any(c.dep_ == "neg" for c in denial.children) \
        and not made_before_denial(word, clause, denial, lex)


def made_before_denial(word: Token, clause: Token, denial: Token, lex: StanceLexicon) -> bool:
    """Whether the clause the parser hangs on a denial was said before it and stands: the
    charge a later denial answers (_denied_afterwards), or the accusation a trailing denial
    answers (_answered_accusation). Its act is no one's report, nor denied."""
    return _denied_afterwards(clause, denial, lex) or _answered_accusation(word, clause, denial, lex)


def _answered_accusation(word: Token, clause: Token, denial: Token, lex: StanceLexicon) -> bool:
    """"Chile accuses Peru of an incursion, Peru denies": the parser hangs the accusation on
    the denial that answers it; the accusation was made (what it tells of is denied)."""
    return word.i == clause.i < denial.i and stance_groups.is_spoken(word.lemma_.lower()) \
        and lex.verb_lemma(denial) in lex.cue("denials")


def _denied_afterwards(clause: Token, denial: Token, lex: StanceLexicon) -> bool:
    """"Chile accused Peru of spying, a charge Lima denied": the parser hangs the accusation
    on the denial that follows it; the accusation was made, the denial is Lima's answer."""
    return clause.i < denial.i and any(
        c.dep_ in {"nsubj", "dobj"} and clause.i < c.i < denial.i and _claim_noun(c, lex) for c in denial.children)


def _names_a_claim(noun: Token, lex: StanceLexicon) -> bool:
    """"reports", "claims" as the object of a verb: what someone else said happened."""
    return noun.pos_ == "NOUN" and noun.dep_ in {"dobj", "nsubjpass"} and _claim_noun(noun, lex)


def _claim_noun(noun: Token, lex: StanceLexicon) -> bool:
    """A noun for what someone alleged or reported: "charge", "claims", "reports"."""
    return noun.lemma_.lower() in lex.cue("allegation_nouns") | lex.cue("report_nouns")


def _no_one(subject: Token) -> bool:
    """A subject or object that names no one: "no soldiers", "neither side", "none of the
    rockets", "killed no one"."""
    if subject.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return False
    return subject.lower_ in {"none", "nobody", "nothing", "neither"} or \
        any(c.dep_ in {"det", "preconj"} and c.lower_ in {"no", "neither"} for c in subject.children)


def _negated(word: Token, lex: StanceLexicon, *, local: bool = False) -> bool:
    negations = lex.cue("negations")
    if word.dep_ == "conj" and word.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in word.head.children):
        return True  # "no convergence or partnership"
    holder = word.head.head if word.dep_ == "pobj" and word.head.lower_ == "of" else None
    if holder is not None and holder.lemma_.lower() in lex.cue("absence_nouns"):
        return True  # "the absence of casualties", "a lack of cooperation"
    if holder is not None and holder.pos_ == "NOUN" and holder.lemma_.lower() in lex.cue("report_nouns") \
            and _negated(holder, lex):
        return True  # "there were no reports of casualties": none were told of
    if word.dep_ == "pobj" and word.head.lower_ in {"of", "for"} and _negated_intent(word.head.head, lex):
        return True  # "there are no plans for talks", "no intention of an attack"
    if word.dep_ == "attr" and word.head.lemma_ == "be" and any(c.dep_ == "neg" for c in word.head.children):
        return True  # "the pause is not a ceasefire"
    if word.head.lower_ == "without":
        return True  # "seized the boats without firing a shot"
    for tok in governors(word, limit=1 if local else 4, own_clause=True):
        checking = tok.i != word.i and lex.verb_lemma(tok) in lex.cue("verifying_verbs")
        for child in tok.children:
            if (child.dep_ == "neg" and not checking) or (child.dep_ == "det" and child.lower_ == "no"):
                return True
            if tok.i == word.i and _no_one(child):
                return True  # "no soldiers were harmed", "none of the rockets hit", "killed no one"
            if child.dep_ == "advmod" and child.lower_ in {"never", "hardly", "barely"}:
                return True
        if tok.i != word.i and tok.dep_ == "pobj" and tok.head.lower_ == "without":
            return True
        if tok.i != word.i and tok.lower_ in negations and tok.dep_ in {"det", "neg"}:
            return True
        # Stop at the first verb above a noun: "did not hold talks" reaches "hold"; "held
        # talks without reaching a deal" reaches a verb done "without"
        if tok.i != word.i and tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"xcomp", "aux"}:
            return _no_intent_to(tok, lex) or tok.dep_ == "pcomp" and tok.head.lower_ == "without"
    return False


def _no_intent_to(verb: Token, lex: StanceLexicon) -> bool:
    """"There is no decision to hold talks": the infinitive of a negated intent noun."""
    return verb.dep_ == "acl" and _negated_intent(verb.head, lex)


def _negated_intent(noun: Token, lex: StanceLexicon) -> bool:
    """An intent noun (cue control_nouns) that is itself negated: "no plans", "no decision"."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.cue("control_nouns") and _negated(noun, lex)


def modality(word: Token, sent: Span, lex: StanceLexicon, attributed: bool) -> str:
    if word.dep_ in {"nsubj", "nsubjpass"} and word.pos_ == "NOUN" and (
            word.head.lemma_ == "be" and word.lemma_.lower() in RELATIONS_NOUNS
            or any(lex.verb_lemma(word.head) in lex.cue(name) for name in STATE_CHANGE_CUES)
            or _likelihood_predicate(word.head, lex) or ending_predicate(lex, word) is not None):
        # "relations will be transactional", "the talks may collapse", "a meeting is
        # possible", "the war might be coming to an end": the predicate's modality
        word = word.head
    attributed = attributed or _alleged(word, lex)
    if _presupposed(word) and not warned_against(word):
        return "reported" if attributed else "asserted"
    chain = governors(word, stop=PREDICATE_BOUNDARIES, own_clause=True)
    lemmas = set()
    for tok in chain:
        if tok.i != word.i:  # the act's own verb is no cue: "set fire to" is not "is set to"
            # a participle's own form too: "is going to"
            lemmas.update({tok.lemma_.lower(), tok.lower_} if tok.tag_ == "VBG" else {tok.lemma_.lower()})
        for child in tok.children:
            # audit: code (dependency labels of the parser)
            if child.dep_ in {"aux", "auxpass", "neg", "advmod", "acomp", "mark", "amod", "det"}:
                lemmas.add(child.lemma_.lower())
                lemmas.add(child.lower_)
    if conditioned(_clause_heads(word), lex):
        return "conditional"
    # "calls for talks", "called on Iran to stop" want something; "calls Iran an enemy" does not
    # (lemmas repaired: the model reads "hopes" as a form of "hop")
    higher = {lex.verb_lemma(t) for t in chain[1:] if t.lemma_.lower() != "call" or any(
        c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} for c in t.children)}
    if _wanted(word, chain, higher, lex) or _obliged(word, lex) or _ordered_to_another(chain, lex):
        return "desired"  # "wants the sanctions lifted", "Russia must withdraw"
    # A question is an open possibility even when put with "will": "Will we see ...?"
    if ends_with_question_mark(sent) or unverified(word, lex) or _not_ruled_out(chain, lex):
        return "possible"
    if any(_infinitive_headline(tok) for tok in chain) or _is_to(word):
        return "predicted"  # "Kenya to deploy police to Haiti", "Israeli forces are to withdraw"
    return _told_as(higher, lemmas, lex) or ("reported" if attributed else "asserted")


def _infinitive_headline(verb: Token) -> bool:
    """"Kenya to deploy police to Haiti", "EU to open talks with Ukraine": a headline's
    infinitive with a subject and no verb above it tells what is to come (the parser may hang
    it on the subject as the headline's root)."""
    subject = any(c.dep_ == "nsubj" for c in verb.children) if verb.dep_ == "ROOT" else \
        verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in {"PROPN", "NOUN"}
    return subject and verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _alleged(word: Token, lex: StanceLexicon) -> bool:
    """"annulled the election over alleged Russian interference", "Russia allegedly
    interfered": an act told as someone's allegation (cue alleging_modifiers) is reported; so
    is one a party "was accused of" by no one named (cue accusing_verbs, in the passive)."""
    accusation = word.head.head if word.dep_ in {"pcomp", "pobj"} and word.head.lower_ in {"of", "for"} else None
    accused = accusation is not None and accusation.lemma_.lower() in lex.cue("accusing_verbs") and \
        any(c.dep_ == "auxpass" for c in accusation.children)
    return accused or any(c.dep_ in {"amod", "advmod"} and c.lower_ in lex.cue("alleging_modifiers")
                          for c in word.children)


def _wanted(word: Token, chain: list[Token], higher: set[str], lex: StanceLexicon) -> bool:
    """The act is what someone wants: "warned against talks", "wants the sanctions lifted"
    (noun or participle), a verb or noun of wanting above it, a clause wished for, or "is
    open to talks"."""
    if warned_against(word) or small_clause_verb(word) is not None or wanted_noun(word) is not None:
        return True
    if higher & (lex.cue("desire_verbs") | lex.cue("desire_nouns") | lex.cue("desire_adjectives")):
        return True
    return _wished_clause(chain[-1] if chain else word, lex) or _open_to(chain, lex)


def _obliged(word: Token, lex: StanceLexicon) -> bool:
    """The act's own predicate tells what must be done: "Russia must withdraw", "there should
    be no funding" (cue obligation_modals); not a modal over another predicate: "Americans
    should be grateful no one was harmed"."""
    predicate = word if word.pos_ in {"VERB", "AUX"} else word.head
    return any(c.dep_ == "aux" and c.lower_ in lex.cue("obligation_modals") for c in predicate.children)


def _ordered_to_another(chain: list[Token], lex: StanceLexicon) -> bool:
    """An order to another party above the act: "the ICJ ordered Venezuela to halt the vote"
    (cue commanding_verbs); not one to forces or officials, whose act is told as done ("the
    army was ordered to start an offensive", cues military_objects, agent_nouns)."""
    own_people = lex.cue("military_objects") | lex.cue("agent_nouns")
    return any(tok.pos_ == "VERB" and lex.verb_lemma(tok) in lex.cue("commanding_verbs") and any(
        c.dep_ in {"dobj", "dative"} and c.lemma_.lower() not in own_people for c in tok.children)
        for tok in chain[1:])


def _wished_clause(head: Token, lex: StanceLexicon) -> bool:
    """A clause in the subjunctive or infinitive under a verb of wanting: "demanded that
    Lima apologize", "wants Lima to pay" (the small parser makes both a ccomp), "called
    for Lima to pay". A present form under a past verb is that subjunctive, an indicative
    would be past too."""
    mood = head.tag_ == "VB" or head.tag_ == "VBP" and head.head.tag_ == "VBD"
    wanted_by = head.head.lemma_.lower() in lex.cue("desire_verbs")
    if head.dep_ == "advcl" and wanted_by and any(c.dep_ == "mark" and c.lower_ == "for" for c in head.children):
        return True  # "called for the African Union to mediate": the parser's "for" clause
    return head.dep_ == "ccomp" and mood and wanted_by \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def _presupposed(word: Token) -> bool:
    """An act named as what another answers or follows has happened, whatever the mood of
    that other: "China is expected to retaliate against the new US tariffs" (the tariffs are
    in place), "may protest over the killing", "will meet after the clashes"; so has one its
    object suffers ("refuses to endure Lima's repression")."""
    answered = word.dep_ == "pobj" and (word.head.lower_ in cue("presupposing_preps") or word.head.lower_ in {
        "to", "for"} and word.head.head.lemma_.lower() in cue("response_nouns") | cue("response_verbs"))
    # "vowed a response to the strike", "vowed to respond to the strike"
    # known as someone's: "the", "its", "Lima's", or a nation's adjective ("despite Chilean strikes")
    known = any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "any", "no"}
                or c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP" for c in word.children)
    return word.pos_ == "NOUN" and (answered or suffered(word)) and known


def _open_to(chain: list[Token], lex: StanceLexicon) -> bool:
    """An adjective of willingness above the act ("is open to talks"), or beside the act's
    infinitive on the copula ("is open to compromise": the parser hangs the verb on "is")."""
    open_words = lex.cue("openness_adjectives")
    for below, tok in zip(chain, chain[1:]):
        beside = [c for c in tok.children if c.dep_ == "acomp"] if below.dep_ == "xcomp" else []
        if any(t.pos_ == "ADJ" and t.lower_ in open_words for t in (tok, *beside)):
            return True
    return False


def _not_ruled_out(chain: list[Token], lex: StanceLexicon) -> bool:
    """"has not ruled out military action": the act is left possible."""
    return any(verb_phrase(t) in lex.cue("exclusion_verbs") and any(c.dep_ == "neg" for c in t.children)
               for t in chain[1:])


def _likelihood_predicate(verb: Token, lex: StanceLexicon) -> bool:
    """"is possible", "is likely": a predicate that says how likely its subject is to
    happen (not "is likely to continue", which says it of what the subject does next)."""
    words = lex.cue("possibility_words") | lex.cue("prediction_words")
    return verb.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in words and not any(g.dep_ == "xcomp" for g in c.children)
        for c in verb.children)


def unverified(word: Token, lex: StanceLexicon) -> bool:
    """An act no one could confirm, neither denied nor asserted: "reports of Chilean attacks
    could not be verified", "could not independently verify that Chile attacked Peru",
    "unconfirmed reports of strikes", "an assessment of casualties"."""
    for tok in governors(word, limit=6, stop=frozenset({"relcl", "parataxis"})):
        if tok.i != word.i and lex.verb_lemma(tok) in lex.cue("verifying_verbs") and \
                any(c.dep_ == "neg" for c in tok.children):
            return True
        if any(c.dep_ == "amod" and c.lower_ in lex.cue("unverified_words") for c in tok.children):
            return True
        if tok.i != word.i and tok.lemma_.lower() in lex.cue("assessing_nouns"):
            return True  # "an assessment of casualties is taking place": whether any, not yet told
    return False


def _told_as(higher: set[str], lemmas: set[str], lex: StanceLexicon) -> str | None:
    """"possible" or "predicted" from the words above the act ("might", "vowed to", "will"),
    a possibility above it first: "could pledge to" is possible."""
    if higher & lex.cue("possibility_words"):
        return "possible"
    if higher & (lex.cue("commitment_verbs") - {"decide"}):
        return "predicted"  # "vowed to cut off all lines"
    if lemmas & lex.cue("hedge_adverbs"):
        return "possible"  # "maybe there will be talks": the hedge over the future
    if lemmas & lex.cue("prediction_words") or "going" in lemmas and "to" in lemmas:
        return "predicted"
    if lemmas & lex.cue("possibility_words"):
        return "possible"
    return None


STATE_CHANGE_CUES = ("improving_verbs", "worsening_verbs", "breakdown_verbs")


def _clause_heads(word: Token) -> list[Token]:
    """The verbs whose clauses contain word, innermost first, up to the root."""
    out = []
    for tok in [word, *word.ancestors]:
        if tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT":
            out.append(tok)
    return out
