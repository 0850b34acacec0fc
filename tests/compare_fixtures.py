"""Small hand-written extract documents for the compare tests (sentences written for the
tests, not taken from any article)."""
from __future__ import annotations

import datetime as dt
import json
import random

from claimcmp.models import Actor, Article, Claim, DateSpan, ExtractDocument, Published, Region

COUNTRIES = {"RUS": "Russia", "USA": "United States", "SYR": "Syria", "IRN": "Iran", "TUR": "Turkey",
             "UKR": "Ukraine", "FRA": "France"}


def actor(key: str) -> Actor:
    if key in COUNTRIES:
        return Actor(id=key, name=COUNTRIES[key], kind="country", country=key, mention=COUNTRIES[key])
    return Actor(id=key, name=key.title(), kind="group", mention=key.lower())


def span(start: str, end: str | None = None, source: str = "explicit") -> DateSpan:
    return DateSpan(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end or start),
                    granularity="day", text="" if source == "article" else start, source=source)


def claim(article_id: str, n: int, sentence: str, subject: str, stance: str, family: str,
          target: str | None, *, polarity: str = "positive", when: DateSpan | None = None,
          regions: tuple[str, ...] = (), modality: str = "asserted") -> Claim:
    return Claim(id=f"{article_id}-{n}", article_id=article_id, sentence=sentence, start=n * 200,
                 end=n * 200 + len(sentence), subject=actor(subject), stance=stance, family=family,
                 polarity=polarity, target=actor(target) if target else None,
                 regions=[Region(name=COUNTRIES.get(r, r), kind="country", country=r) for r in regions],
                 when=when, modality=modality)


def document(article_id: str, source: str | None, date: str, claims: list[Claim],
             url: str | None = None) -> ExtractDocument:
    article = Article(id=article_id, title=f"Report {article_id}", source=source, url=url, sha256="0" * 64,
                      published=Published(date=dt.date.fromisoformat(date), source="metadata"))
    return ExtractDocument(article=article, claims=claims)


def story() -> list[ExtractDocument]:
    """Four outlets on one relation: two agree, one contradicts on the same day, one tells
    of a later break; plus a claim only one outlet makes."""
    day = "2016-12-09"
    return [
        document("alpha1", "Daily Alpha", day, [
            claim("alpha1", 0, "Moscow and Washington agreed to work together in Syria.", "RUS", "cooperate",
                  "cooperation", "USA", when=span(day, source="article"), regions=("SYR",)),
            claim("alpha1", 1, "Paris hosted the envoys of Tehran.", "FRA", "host", "cooperation", "IRN",
                  when=span(day, source="article")),
        ], url="https://www.alpha.example/world/1"),
        document("beta1", "Beta Times", "2016-12-10", [
            claim("beta1", 0, "The Kremlin is cooperating with the White House on Syria.", "RUS", "cooperate",
                  "cooperation", "USA", when=span("2016-12-10", source="article"), regions=("SYR",)),
        ], url="https://beta.example/news/2"),
        document("gamma1", "Gamma <Post>", "2016-12-10", [
            claim("gamma1", 0, "Russia did not cooperate with the United States on [bold]Friday[/bold] & never will.",
                  "RUS", "cooperate", "cooperation", "USA", polarity="negative", when=span(day)),
        ]),
        document("delta1", "Delta News", "2017-06-01", [
            claim("delta1", 0, "Since February Russia has not cooperated with America at all.", "RUS",
                  "cooperate", "cooperation", "USA", polarity="negative",
                  when=DateSpan(start=dt.date(2017, 2, 1), end=dt.date(2017, 6, 1), granularity="month",
                                text="since February", source="relative")),
        ]),
    ]


def write_documents(folder, documents: list[ExtractDocument]) -> list:
    """Each document as extract --format json writes it; returns the paths."""
    from claimcmp.models import dump

    paths = []
    for doc in documents:
        path = folder / f"{doc.article.id}.json"
        path.write_text(json.dumps(dump(doc), ensure_ascii=False, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


STANCES = [("cooperate", "cooperation"), ("support", "cooperation"), ("agree", "cooperation"),
           ("attack", "conflict"), ("accuse", "conflict"), ("sanction", "conflict"), ("visit", "neutral")]
ACTORS = ["RUS", "USA", "SYR", "IRN", "TUR", "REBELS", "MILITANTS", "KURDS", "SDF"]


def random_documents(seed: int, articles: int = 12, claims: int = 8) -> list[ExtractDocument]:
    """Random but seeded claims over few actors, stances and days: dense in relations."""
    rng = random.Random(seed)
    docs = []
    for a in range(articles):
        day = dt.date(2016, 12, 1) + dt.timedelta(days=rng.randrange(90))
        found = []
        for n in range(claims):
            stance, family = rng.choice(STANCES)
            subject, target = rng.sample(ACTORS, 2)
            kind = rng.random()
            when = (None if kind < 0.1 else span(day.isoformat(), source="article") if kind < 0.6
                    else span((day - dt.timedelta(days=rng.randrange(200))).isoformat()))
            found.append(claim(f"r{a}", n, f"Claim {n} of report {a}.", subject, stance, family,
                               target if rng.random() < 0.8 else None,
                               polarity="negative" if rng.random() < 0.25 else "positive", when=when,
                               regions=(rng.choice(["SYR", "IRQ"]),) if rng.random() < 0.4 else (),
                               modality=rng.choice(["asserted", "asserted", "reported", "possible", "predicted"])))
            found[-1] = _with_fellows(rng, found[-1])
        docs.append(document(f"r{a}", f"outlet {a % 5}", day.isoformat(), found))
    return docs


def _with_fellows(rng: random.Random, made: Claim) -> Claim:
    """Now and then a coalition of doers or several parties the act is toward."""
    others = [a for a in ACTORS if a not in {made.subject.id, made.target.id if made.target else None}]
    update = {}
    if rng.random() < 0.1:
        update["co_subjects"] = [actor(rng.choice(others))]
    if made.target is not None and rng.random() < 0.15:
        update["co_targets"] = [actor(a) for a in rng.sample(others, 1) if a not in
                                {x.id for x in update.get("co_subjects", [])}]
    return made.model_copy(update=update) if update else made
