"""Alignment rules of design/claims.md on hand-built claims."""
from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcmp import stance_groups as sg
from claimcmp.align import (PARTNERS, actor_key, compare, fit_actors, format_span, judge,
                            regions_compatible, times_compatible)
from claimcmp.models import Actor, Article, Claim, DateSpan, ExtractDocument, Published, Region

_COUNTRY_NAMES = {"RUS": "Russia", "USA": "United States", "SYR": "Syria", "IRN": "Iran",
                  "TUR": "Turkey", "ISR": "Israel", "IRQ": "Iraq", "VNM": "Vietnam"}


def actor(key: str | Actor) -> Actor:
    if isinstance(key, Actor):
        return key
    if key in _COUNTRY_NAMES:
        return Actor(id=key, name=_COUNTRY_NAMES[key], kind="country", country=key, mention=key)
    return Actor(id=key, name=key.title(), kind="group", mention=key)


def span(start: str, end: str | None = None, source: str = "explicit") -> DateSpan:
    return DateSpan(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end or start),
                    granularity="day", text="" if source == "article" else start, source=source)


def published(day: str) -> DateSpan:
    return span(day, source="article")


_counter = iter(range(10**6))


def claim(stance: str = "cooperate", family: str = "cooperation", subject="RUS", target="USA", *,
          polarity: str = "positive", regions: tuple[str, ...] = (), when: DateSpan | None = None,
          modality: str = "asserted", sentence: str | None = None, start: int | None = None,
          topic: str | None = None) -> Claim:
    n = next(_counter)
    start = n * 100 if start is None else start
    sentence = sentence or f"{subject} {stance} {target} ({n})"
    return Claim(
        id=f"c{n}", article_id="x", sentence=sentence, start=start, end=start + len(sentence),
        subject=actor(subject), stance=stance, family=family, polarity=polarity,
        target=actor(target) if target else None, topic=topic,
        regions=[Region(name=_COUNTRY_NAMES.get(r, r), kind="country", country=r) for r in regions],
        when=when, modality=modality,
    )


def doc(aid: str, *claims: Claim, date: str | None = "2017-03-12") -> ExtractDocument:
    art = Article(id=aid, title=f"Article {aid}", sha256="0" * 64,
                  published=Published(date=dt.date.fromisoformat(date) if date else None,
                                      source="metadata" if date else "none"))
    return ExtractDocument(article=art, claims=list(claims))


def diff(a: list[Claim], b: list[Claim], **kw):
    return compare(doc("a", *a), doc("b", *b), **kw)


def relations(d) -> list[str]:
    return [p.relation for p in d.pairs]


# ---------------------------------------------------------------- actors

def test_symmetric_relation_matches_in_either_direction():
    d = diff([claim("cooperate", subject="RUS", target="USA")],
             [claim("work in tandem", subject="USA", target="RUS")])
    assert relations(d) == ["agree"]
    assert "same actors RUS-USA" in d.pairs[0].why
    assert "cooperate ~ work in tandem" in d.pairs[0].why


def test_directed_relation_does_not_swap():
    d = diff([claim("accuse", "conflict", subject="RUS", target="USA")],
             [claim("accuse", "conflict", subject="USA", target="RUS")])
    assert d.pairs == []
    assert len(d.only_a) == len(d.only_b) == 1


def test_person_compared_by_affiliation():
    lavrov = Actor(id="sergei-lavrov", name="Sergei Lavrov", kind="person", country="RUS",
                   mention="Lavrov")
    kerry = Actor(id="john-kerry", name="John Kerry", kind="person", country="USA",
                  mention="Kerry")
    assert actor_key(lavrov) == "RUS"
    d = diff([claim("agree", subject=lavrov, target=kerry)],
             [claim("reach accord", subject="USA", target="RUS")])
    assert relations(d) == ["agree"]
    unaffiliated = Actor(id="john-doe", name="John Doe", kind="person", mention="Doe")
    assert actor_key(unaffiliated) == "JOHN-DOE"


def test_armed_group_keeps_its_own_id():
    hezbollah = Actor(id="HEZBOLLAH", name="Hezbollah", kind="group", country="LBN",
                      mention="Hezbollah")
    assert actor_key(hezbollah) == "HEZBOLLAH"


def test_unrelated_actors_stay_alone_in_article_order():
    a = [claim("cooperate", subject="RUS", target="IRN", start=300),
         claim("attack", "conflict", subject="ISR", target="SYR", start=10)]
    b = [claim("cooperate", subject="USA", target="TUR")]
    d = diff(a, b)
    assert d.pairs == []
    assert [c.start for c in d.only_a] == [10, 300]
    assert [c.subject.id for c in d.only_b] == ["USA"]


def test_kin_names_agree_but_never_conflict():
    a = claim("support", subject="USA", target="REBELS", when=published("2017-03-12"))
    b_same = claim("back", subject="USA", target="TERRORISTS", when=published("2017-03-20"))
    b_neg = claim("support", subject="USA", target="TERRORISTS", polarity="negative",
                  when=published("2017-03-20"))
    assert relations(diff([a], [b_same])) == ["agree"]
    assert "kin" in diff([a], [b_same]).pairs[0].why
    assert diff([a], [b_neg]).pairs == []


# ---------------------------------------------------------------- stance

def test_negation_is_a_conflict():
    d = diff([claim("cooperate", when=span("2017-01-01", "2017-12-31"))],
             [claim("cooperate", polarity="negative", when=span("2017-01-20", "2017-03-28"))])
    assert relations(d) == ["conflict"]
    assert "cooperation vs negated cooperation" in d.pairs[0].why
    assert "times overlap" in d.pairs[0].why


def test_family_flip_of_the_same_relation_is_a_conflict():
    d = diff([claim("work in tandem", subject="USA", target="RUS", when=published("2017-03-12"))],
             [claim("suspend cooperation", "conflict", subject="USA", target="RUS",
                    when=published("2017-03-01"))])
    assert relations(d) == ["conflict"]
    assert "cooperation vs conflict" in d.pairs[0].why


def test_rule_out_with_cooperation_as_topic_conflicts():
    d = diff([claim("cooperate", subject="USA", target="RUS", when=published("2017-03-12"))],
             [claim("reject", "conflict", subject="USA", target="RUS", topic="cooperation",
                    when=published("2017-03-10"))])
    assert relations(d) == ["conflict"]


def test_undated_contradiction_needs_one_act_affirmed_and_denied():
    # No time on one side: "Turkey struck Iraq" / "Turkey did not strike Iraq" contradict
    # whenever they are said; a relation that holds and does not, or is made and ended,
    # may be two moments of one story and needs times to tell.
    d = diff([claim("strike", "conflict", subject="TUR", target="IRQ")],
             [claim("strike", "conflict", subject="TUR", target="IRQ", polarity="negative",
                    when=published("2017-03-12"))])
    assert relations(d) == ["conflict"]
    assert "undated on one side" in d.pairs[0].why
    for a, b in [(claim("cooperate"), claim("cooperate", polarity="negative")),
                 (claim("agree"), claim("reject", "conflict", topic="cooperation")),
                 (claim("suspend cooperation", "conflict"), claim("meet", when=published("2017-03-12")))]:
        assert "conflict" not in relations(diff([a], [b]))
    # the same pairs with times that overlap do contradict
    d = diff([claim("cooperate", when=published("2017-03-12"))],
             [claim("cooperate", polarity="negative", when=published("2017-03-20"))])
    assert relations(d) == ["conflict"]


def test_a_state_since_some_time_is_ongoing_at_its_article_date():
    # "hostile since he came to power" (Jan-Mar 2017, written in March) and a hostile act
    # written in December: both the state of things when written, so they agree
    since = DateSpan(start=dt.date(2017, 1, 20), end=dt.date(2017, 3, 28), granularity="day",
                     text="since he came to power", source="relative")
    d = diff([claim("hostility", "conflict", subject="USA", target="IRN", when=since)],
             [claim("hostility", "conflict", subject="USA", target="IRN", when=published("2017-12-27"))])
    assert relations(d) == ["agree"]
    assert "taken as ongoing" in d.pairs[0].why
    # a span closed before the article's date is a time of its own: apart, no agreement
    closed = DateSpan(start=dt.date(2017, 1, 20), end=dt.date(2017, 3, 1), granularity="day",
                      text="from January to March", source="relative")
    d = diff([claim("hostility", "conflict", subject="USA", target="IRN", when=closed)],
             [claim("hostility", "conflict", subject="USA", target="IRN", when=published("2017-12-27"))])
    assert relations(d) == []


def test_unrelated_family_flip_is_not_a_conflict():
    # Rivals cooperate and accuse each other at once: no contradiction.
    d = diff([claim("cooperate", when=published("2017-03-12"))],
             [claim("accuse", "conflict", when=published("2017-03-12"))])
    assert d.pairs == []


def test_same_family_unrelated_acts_agree_weakly():
    strong = diff([claim("cooperate")], [claim("revive cooperation")]).pairs[0]
    weak = diff([claim("ally")], [claim("dialogue")]).pairs[0]
    assert strong.relation == weak.relation == "agree"
    assert weak.score < strong.score
    assert "different acts" in weak.why or "similar acts" in weak.why


def test_negated_cooperation_and_ruling_it_out_agree():
    d = diff([claim("reject", "conflict", subject="USA", target="RUS", topic="cooperation")],
             [claim("cooperate", subject="RUS", target="USA", polarity="negative")])
    assert relations(d) == ["agree"]


def test_neutral_claims_never_conflict():
    a = claim("deploy", "neutral", target=None, regions=("SYR",))
    assert diff([a], [claim("deploy", "neutral", target=None, polarity="negative")]).pairs == []
    assert relations(diff([a], [claim("send troops", "neutral", target=None)])) == ["agree"]
    assert diff([a], [claim("visit", "neutral", target=None)]).pairs == []


def test_hedged_claims_do_not_contradict():
    d = diff([claim("cooperate", modality="possible")],
             [claim("cooperate", polarity="negative", modality="reported")])
    assert d.pairs == []


def test_targetless_claims_need_the_same_act():
    base = claim("attack", "conflict", target=None, regions=("SYR",))
    assert relations(diff([base], [claim("strike", "conflict", target=None,
                                         polarity="negative")])) == ["conflict"]
    assert diff([base], [claim("warn", "conflict", target=None, polarity="negative")]).pairs == []


def test_stance_synonym_table():
    assert sg.read("revive cooperation").group.name == "cooperate"
    assert sg.read("suspend bilateral cooperation").group.name == "suspend"
    assert sg.read("relations deteriorate").group.name == "deteriorate"
    for a, b in [("cooperate", "coordinate"), ("work in tandem", "joint action"),
                 ("reject", "rule out"), ("refuse", "rule out"), ("attack", "bomb"),
                 ("strike", "shelled")]:
        assert sg.similarity(a, b)[0] >= 0.9, (a, b)
    assert sg.similarity("attack", "praise")[0] < 0.5
    assert sg.is_symmetric("meet") and sg.is_symmetric("clash")
    assert not sg.is_symmetric("accuse")


def test_an_armed_or_hostile_act_ended_reads_as_a_truce():
    # the end of fighting is a truce: it changes from (or contradicts) the fighting itself
    for label in ("end fight", "cessation hostility", "halt strike", "stop shelling"):
        assert sg.read(label).group.name == "ceasefire", label
        assert sg.opposition(label, "attack")[0] > 0, label
    # ending a cooperation, or easing a sanction, is no truce
    assert sg.read("end cooperation").group.name == "suspend"
    assert sg.read("ease sanctions").group.name != "ceasefire"
    war = claim("attack", "conflict", "ETH", "ERI", when=span("2020-11-04"))
    peace = claim("end fight", "cooperation", "ETH", "ERI", when=span("2022-11-03"))
    assert relations(diff([war], [peace])) == ["shifted"]


# ---------------------------------------------------------------- time and place

def test_article_dates_widened_by_the_window():
    assert times_compatible(published("2017-03-12"), span("2017-02-15"))
    assert not times_compatible(published("2017-03-12"), span("2017-02-01"))
    assert not times_compatible(published("2017-03-12"), span("2017-02-15"), window_days=5)
    assert times_compatible(None, span("1999-01-01"))
    assert times_compatible(published("2017-03-12"), published("2017-04-10"))


def test_conflict_within_window_shifted_outside():
    a = claim("cooperate", when=published("2017-03-12"))
    inside = claim("cooperate", polarity="negative", when=span("2017-02-20"))
    outside = claim("cooperate", polarity="negative", when=span("2016-12-01"))
    assert relations(diff([a], [inside])) == ["conflict"]
    assert relations(diff([a], [inside], window_days=5)) == ["shifted"]
    shifted = diff([a], [outside]).pairs[0]
    assert shifted.relation == "shifted"
    assert shifted.why.endswith("12 Mar 2017 vs 1 Dec 2016: shifted")


def test_a_relation_told_at_several_times_shows_each_change_up_to_a_few():
    """An agreement signed in 2015 and again in 2016 on one side, broken, suspended, ended
    and abandoned in 2017 on the other: each signing is set against three (PARTNERS) of the
    later tellings at least (each a change), not only against the one it fits best; every
    pair stays reachable with all_pairs."""
    signed = [claim("sign agreement", when=span(f"201{n}-01-10")) for n in (5, 6)]
    later = [claim(stance, "conflict", when=span(f"2017-0{n}-01"))
             for n, stance in enumerate(["break agreement", "suspend", "terminate", "abandon"], 1)]
    shown = diff(signed, later).pairs
    assert {p.relation for p in shown} == {"shifted"}
    for one in signed:
        assert len([p for p in shown if p.a.id == one.id]) >= 3 == PARTNERS["shifted"]
    assert len(diff(signed, later, all_pairs=True).pairs) == 8


def test_a_point_told_twice_on_each_side_agrees_twice():
    """Each of two tellings of one act on one side is lined up with both tellings on the
    other (two agreeing partners a claim), not only with the one it fits best."""
    a = [claim("support", sentence=f"Russia backed the US plan ({n}).", when=span("2017-03-10")) for n in (1, 2)]
    b = [claim("support", sentence=f"Moscow supports Washington ({n}).", when=span("2017-03-10")) for n in (1, 2)]
    pairs = diff(a, b).pairs
    assert len(pairs) == 4 == 2 * PARTNERS["agree"] and {p.relation for p in pairs} == {"agree"}


def test_explicit_spans_that_do_not_overlap_are_shifted():
    d = diff([claim("revive cooperation", when=span("2016-12-01", "2016-12-09"))],
             [claim("cooperate", polarity="negative", when=span("2017-01-20", "2017-03-28"))])
    assert relations(d) == ["shifted"]
    assert "negated cooperation" in d.pairs[0].why


def test_undated_statement_does_not_reach_a_later_span():
    # "relations are at a nadir" in an article of 9 Dec 2016 against "in 2017".
    d = diff([claim("relations deteriorate", "conflict", when=published("2016-12-09"))],
             [claim("transactional relations", when=span("2017-01-01", "2017-12-31"))])
    assert relations(d) == ["shifted"]


def test_agreement_needs_compatible_time_unless_both_undated_in_text():
    far = span("2015-01-01", "2015-01-31")
    assert diff([claim("cooperate", when=span("2017-03-01"))], [claim("cooperate", when=far)]).pairs == []
    d = diff([claim("cooperate", when=published("2017-03-12"))],
             [claim("cooperate", when=published("2017-12-27"))])
    assert relations(d) == ["agree"]
    assert "taken as ongoing" in d.pairs[0].why


def test_spans_written_out_that_meet_on_the_next_day_tell_one_moment():
    # "agreed on Thursday to pause the offensive" (the 17th) and "will pause it within five
    # days" (from the 18th): one pause, two datings
    d = diff([claim("pause offensive", subject="TUR", target="SDF", when=span("2019-10-17"))],
             [claim("pause offensive", subject="TUR", target="SDF", when=span("2019-10-18", "2019-10-23"))])
    assert relations(d) == ["agree"]
    assert "times overlap" in d.pairs[0].why
    # two days apart they are two moments
    d = diff([claim("pause offensive", subject="TUR", target="SDF", when=span("2019-10-17"))],
             [claim("pause offensive", subject="TUR", target="SDF", when=span("2019-10-19"))])
    assert d.pairs == []
    # a span dated by its article only is no written-out day: the next day is later
    d = diff([claim("cooperate", when=published("2017-03-12"))],
             [claim("cooperate", polarity="negative", when=span("2017-03-13"))])
    assert relations(d) == ["shifted"]


def test_a_forecast_is_no_state_of_things_when_written():
    # "the army attacked the rebels" (written 2020) and, two years on, "the army would take
    # the rebels' capital": the forecast tells of a time after its article, so the two are
    # not one ongoing state and do not agree; against an agreement they are still a change
    attack = claim("attack", "conflict", subject="ETH", target="TPLF", when=published("2020-11-04"))
    d = diff([attack], [claim("occupy", "conflict", subject="ETH", target="TPLF", modality="predicted",
                              when=published("2022-11-03"))])
    assert d.pairs == []
    d = diff([attack], [claim("occupy", "conflict", subject="ETH", target="TPLF", when=published("2022-11-03"))])
    assert relations(d) == ["agree"]
    d = diff([attack], [claim("ceasefire", subject="ETH", target="TPLF", modality="predicted",
                              when=published("2022-11-03"))])
    assert relations(d) == ["shifted"]


def test_event_in_a_long_span_does_not_contradict_a_short_one():
    d = diff([claim("agree", when=span("2016-01-20", "2017-01-19"))],
             [claim("suspend cooperation", "conflict", when=span("2016-10-01", "2016-10-10"))])
    assert d.pairs == []


def test_regions():
    syr, irq, none = claim(regions=("SYR",)), claim(regions=("IRQ",)), claim()
    assert not regions_compatible(syr, irq)
    assert regions_compatible(syr, none)
    assert regions_compatible(claim(regions=("SYR", "IRQ")), irq)
    assert diff([syr], [irq]).pairs == []
    d = diff([syr], [none])
    assert relations(d) == ["agree"]
    assert relations(diff([syr], [claim("joint action", regions=("SYR",))])) == ["agree"]
    assert "in SYR" in diff([syr], [claim("joint action", regions=("SYR",))]).pairs[0].why


def test_format_span():
    assert format_span(span("2016-12-03")) == "3 Dec 2016"
    assert format_span(span("2016-10-01", "2016-10-31")) == "Oct 2016"
    assert format_span(span("2017-01-01", "2017-12-31")) == "2017"
    assert format_span(None) == "undated"


# ---------------------------------------------------------------- pairing

def test_each_claim_keeps_its_best_partner_and_all_pairs_on_request():
    a = [claim("cooperate", start=0), claim("meet", start=100)]
    b = [claim("coordinate", start=0), claim("meet", start=100)]
    best = diff(a, b)
    # cooperate~coordinate and meet~meet are each side's best; cooperate~meet is not
    assert sorted((p.a.stance, p.b.stance) for p in best.pairs) == [("cooperate", "coordinate"), ("meet", "meet")]
    every = diff(a, b, all_pairs=True)
    assert len(every.pairs) == 4
    assert every.only_a == every.only_b == []


def test_a_repeated_point_pairs_with_each_repetition():
    a = [claim("cooperate", sentence="same words", start=0),
         claim("cooperate", sentence="same words", start=50)]
    b = [claim("cooperate", sentence="same words", start=0)]
    d = diff(a, b)
    assert [p.a.start for p in d.pairs] == [0, 50]
    assert d.only_a == [] and d.only_b == []


def test_claims_related_to_nothing_stay_alone():
    a = [claim("cooperate", subject="RUS", target="USA")]
    b = [claim("cooperate", subject="CHN", target="IND")]
    d = diff(a, b)
    assert d.pairs == []
    assert len(d.only_a) == 1 and len(d.only_b) == 1


def test_pairs_sorted_conflicts_shifted_agreements():
    a = [claim("cooperate", subject="RUS", target="USA", when=span("2017-01-01", "2017-12-31")),
         claim("attack", "conflict", subject="ISR", target="SYR", when=span("2017-03-01")),
         claim("support", subject="IRN", target="SYR", when=span("2017-03-01"))]
    b = [claim("support", subject="IRN", target="SYR", when=span("2017-03-01")),
         claim("attack", "conflict", subject="ISR", target="SYR", polarity="negative",
               when=span("2015-05-01")),
         claim("cooperate", subject="USA", target="RUS", polarity="negative",
               when=span("2017-02-01", "2017-02-28"))]
    d = diff(a, b)
    assert relations(d) == ["conflict", "shifted", "agree"]
    assert diff(a, b).model_dump() == d.model_dump()


def test_scores_in_range_and_better_match_scores_higher():
    fit = fit_actors(claim(), claim(subject="USA", target="RUS"))
    assert fit is not None and fit.mode == "swapped"
    synonym = judge(claim("cooperate", regions=("SYR",)), claim("join forces", regions=("SYR",)))
    loose = judge(claim("cooperate"), claim("host"))
    assert synonym and loose
    assert 0.0 <= loose[1] < synonym[1] <= 1.0


def test_negative_window_refused():
    with pytest.raises(ValueError):
        diff([claim()], [claim()], window_days=-1)


def test_align_does_not_import_spacy():
    code = ("import sys, claimcmp.align, claimcmp.render.diff_table; "
            "sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ---------------------------------------------------------------- properties

_claims = st.builds(
    lambda stance, fam, subj, targ, pol, reg, day, art: claim(
        stance, fam, subj, targ, polarity=pol, regions=reg,
        when=span(f"2017-{day:02d}-01", source="article" if art else "explicit")),
    st.sampled_from(["cooperate", "meet", "reject", "attack", "suspend cooperation", "deploy"]),
    st.sampled_from(["cooperation", "conflict", "neutral"]),
    st.sampled_from(["RUS", "USA", "SYR"]),
    st.sampled_from(["RUS", "USA", "SYR", None]),
    st.sampled_from(["positive", "negative"]),
    st.sampled_from([(), ("SYR",), ("IRQ",)]),
    st.integers(1, 12),
    st.booleans(),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_claims, max_size=6), st.lists(_claims, max_size=6))
def test_every_claim_is_paired_or_alone_never_both(a, b):
    d = diff(a, b)
    paired_a = {p.a.id for p in d.pairs}
    paired_b = {p.b.id for p in d.pairs}
    assert paired_a | {c.id for c in d.only_a} == {c.id for c in a}
    assert paired_b | {c.id for c in d.only_b} == {c.id for c in b}
    assert not paired_a & {c.id for c in d.only_a}
    assert not paired_b & {c.id for c in d.only_b}
    # each pair is some claim's best, or one of its PARTNERS agreeing or shifted partners
    assert len(d.pairs) <= (1 + sum(PARTNERS.values())) * (len(a) + len(b))
    # a claim with no agreeing or shifted partners keeps one best pair per claim
    if not any(p.relation in PARTNERS for p in d.pairs):
        assert len(d.pairs) <= len(a) + len(b)
    order = {"conflict": 0, "shifted": 1, "agree": 2}
    keys = [(order[p.relation], -p.score) for p in d.pairs]
    assert keys == sorted(keys)
    for p in d.pairs:
        assert 0.0 <= p.score <= 1.0 and p.why
        if p.relation != "agree":
            assert "neutral" not in (p.a.family, p.b.family)
    every = diff(a, b, all_pairs=True)
    assert len(every.pairs) >= len(d.pairs)


def test_relations_at_a_nadir_then_working_together_is_shifted():
    a = claim("relations", "conflict", "RUS", "USA", when=published("2016-12-09"))
    b = claim("cooperate", "cooperation", "RUS", "USA", when=published("2016-07-26"))
    assert judge(a, b)[0] == "shifted"


def test_warm_and_cold_relations_contradict():
    a = claim("relations", "cooperation", "RUS", "USA", when=published("2017-12-27"))
    b = claim("relations", "conflict", "USA", "RUS", when=published("2017-12-20"))
    assert judge(a, b)[0] == "conflict"


def test_warm_relations_do_not_contradict_a_disagreement():
    a = claim("relations", "cooperation", "RUS", "USA", when=published("2017-12-27"))
    b = claim("disagree", "conflict", "RUS", "USA", when=published("2017-12-27"))
    assert judge(a, b) is None


def test_warm_relations_contradict_suspending_cooperation():
    a = claim("relations", "cooperation", "RUS", "USA", when=published("2016-10-05"))
    b = claim("suspend cooperation", "conflict", "USA", "RUS", when=published("2016-10-03"))
    assert judge(a, b)[0] == "conflict"


def test_a_claim_contradicted_by_one_claim_and_confirmed_by_another_shows_both():
    # "cooperate" is best paired with the suspension (shifted) and the other article's
    # "coordinate" with its twin, yet cooperate~coordinate is shown: an agreement is not hidden
    a = [claim("cooperate", when=published("2016-12-09"), start=0, regions=("SYR",)),
         claim("coordinate", when=published("2016-12-09"), start=100, modality="desired",
               sentence="they should coordinate")]
    b = [claim("suspend cooperation", "conflict", "USA", "RUS", when=span("2016-10-01", "2016-10-10"), start=0,
               regions=("SYR",)),
         claim("coordinate", when=published("2016-12-01"), start=100, modality="desired",
               sentence="they should coordinate")]
    assert sorted((p.relation, p.a.stance, p.b.stance) for p in diff(a, b).pairs) == [
        ("agree", "cooperate", "coordinate"), ("agree", "coordinate", "coordinate"),
        ("shifted", "cooperate", "suspend cooperation"), ("shifted", "coordinate", "suspend cooperation")]


def test_a_claim_confirmed_by_one_claim_and_told_otherwise_at_another_time_shows_both():
    """"cooperated in December" is best paired with the other article's December cooperation,
    yet the October suspension that article tells is shown against it too."""
    suspension = {"when": span("2016-10-01", "2016-10-10"), "start": 100}
    a = [claim("cooperate", when=span("2016-12-05"), start=0),
         claim("suspend cooperation", "conflict", "USA", "RUS", **suspension)]
    b = [claim("cooperate", when=span("2016-12-05"), start=0),
         claim("suspend cooperation", "conflict", "USA", "RUS", **suspension)]
    assert sorted((p.relation, p.a.stance, p.b.stance) for p in diff(a, b).pairs) == [
        ("agree", "cooperate", "cooperate"), ("agree", "suspend cooperation", "suspend cooperation"),
        ("shifted", "cooperate", "suspend cooperation"), ("shifted", "suspend cooperation", "cooperate")]


def test_a_claim_with_an_inferred_party_contradicts_only_the_same_act_stated():
    stated = claim("cooperate", when=span("2017-01-01", "2017-01-31"))
    inferred = claim("cooperate", polarity="negative", when=span("2017-01-20", "2017-01-28")).model_copy(
        update={"confidence": 0.45})
    # "India struck Pakistan" against "the jets hit no target" (Pakistan filled in)
    assert relations(diff([stated], [inferred])) == ["conflict"]
    other_act = claim("ally", polarity="negative", when=span("2017-01-20", "2017-01-28")).model_copy(
        update={"confidence": 0.45})
    assert relations(diff([stated], [other_act])) == []
    both = stated.model_copy(update={"confidence": 0.45})
    assert relations(diff([both], [inferred])) == []
    agreeing = claim("cooperate", when=span("2017-01-05", "2017-01-06")).model_copy(update={"confidence": 0.45})
    assert relations(diff([stated], [agreeing])) == ["agree"]


def test_one_coalition_listed_in_another_order_is_one_subject():
    """"Iran, Turkey and Russia condemned Israel" / "Turkey, Russia and Iran condemned
    Israel": each names another member first; the doers are the same."""
    a = claim("condemn", "conflict", "IRN", "ISR").model_copy(update={"co_subjects": [actor("TUR"), actor("RUS")]})
    b = claim("condemn", "conflict", "TUR", "ISR").model_copy(update={"co_subjects": [actor("RUS"), actor("IRN")]})
    assert fit_actors(a, b).level == 1.0
    assert fit_actors(a, claim("condemn", "conflict", "TUR", "ISR")).level == 1.0  # TUR is among a's doers
    assert fit_actors(claim("condemn", "conflict", "IRQ", "ISR"), b) is None  # Iraq is not among them


def test_a_party_among_the_co_targets_is_the_same_target():
    """"Peru warned Chile and Bolivia" / "Peru warned Bolivia": one act toward Bolivia."""
    a = claim("warn", "conflict", "PER", "CHL").model_copy(update={"co_targets": [actor("BOL")]})
    assert fit_actors(a, claim("warn", "conflict", "PER", "BOL")).level == 1.0
    assert fit_actors(claim("warn", "conflict", "PER", "BOL"), a).level == 1.0
    assert fit_actors(a, claim("warn", "conflict", "PER", "ECU")) is None  # Ecuador is not among them
    assert relations(diff([a], [claim("warn", "conflict", "PER", "BOL")])) == ["agree"]


def test_the_same_coalition_is_a_closer_account_than_one_member():
    """"Iran, Turkey and Russia condemned Israel" is told again more closely by "Turkey,
    Russia and Iran condemned Israel" than by "Iran condemned Israel": each claim's best
    partner is the whole coalition, whichever member is named first."""
    def coalition(first, *others):
        return claim("condemn", "conflict", first, "ISR").model_copy(
            update={"co_subjects": [actor(o) for o in others]})

    a = coalition("IRN", "TUR", "RUS")
    member, whole = claim("condemn", "conflict", "IRN", "ISR"), coalition("TUR", "RUS", "IRN")
    _, member_score, _ = judge(a, member)
    _, whole_score, _ = judge(a, whole)
    assert whole_score > member_score
    assert judge(member, claim("condemn", "conflict", "IRN", "ISR"))[1] > member_score


def test_kin_sides_agree_but_never_conflict_and_an_overlay_adds_sides(tmp_path):
    from claimcmp.comparison.align import actor_match
    from claimcmp.knowledge import resource_loader

    def country(iso: str) -> Actor:
        return Actor(id=iso, name=iso, kind="country", country=iso, mention=iso)

    rebels = Actor(id="REBELS", name="rebels", kind="group", mention="rebels")
    militants = Actor(id="MILITANTS", name="militants", kind="group", mention="militants")
    assert actor_match(rebels, militants) == 0.75
    assert relations(diff([claim("attack", "conflict", subject=rebels, target="SYR")],
                          [claim("attack", "conflict", subject=militants, target="SYR")])) == ["agree"]
    assert relations(diff([claim("attack", "conflict", subject=rebels, target="SYR")],
                          [claim("attack", "conflict", subject=militants, target="SYR", polarity="negative")])) == []
    assert actor_match(country("CHL"), country("PER")) == 0.0
    (tmp_path / "actor_kin.json").write_text('{"the Andean side": ["CHL", "PER"]}')
    with resource_loader.using(tmp_path):
        assert actor_match(country("CHL"), country("PER")) == 0.75



def _shifted_grid(points_a=None, points_b=None) -> set[tuple[int, int]]:
    """Four claims on each side, every pair a change (best first in reading order)."""
    from claimcmp.comparison.align import Candidate, best_pairs

    found = [Candidate("shifted", i, j, 1 - (4 * i + j) / 100, "") for i in range(4) for j in range(4)]
    return {(c.i, c.j) for c in best_pairs(found, points_a, points_b)}


def test_a_repeated_point_takes_no_further_partner_place():
    """Once both claims have shown PARTNERS['shifted'] changes, a further one is shown only
    when it repeats a point already shown: A's four claims telling one point (a headline
    and its body sentences) count once toward B's partners."""
    assert PARTNERS["shifted"] == 3
    assert (3, 3) not in _shifted_grid()
    assert _shifted_grid(["p"] * 4, ["q0", "q1", "q2", "q3"]) == _shifted_grid() | {(3, 3)}
