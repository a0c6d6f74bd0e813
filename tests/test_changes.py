"""Growth, change and comparison (issue 21): multipliers written as words, "N times" after a verb of
doing, change statements and ``change_for``.

Sentences are the issue's table, news forms written for this check, and forms from news-dev ``dev``
documents (ids ``dev-``). Each case runs the mention stages on one sentence (no facts), so this file
stays fast.
"""

from __future__ import annotations

import pytest

from pipeline.extract import Context
from pipeline.extract.changes import change_for, compiled
from pipeline.run import load_stages


@pytest.fixture(scope="module")
def run(nlp, rules, settings):
    stages = [(name, f) for name, f in load_stages() if name != "facts"]
    ctx = Context("test", None, rules, settings)

    def go(text: str) -> dict[str, list[dict]]:
        doc = nlp(text)
        found: dict[str, list[dict]] = {}
        for name, func in stages:
            found[name] = func(doc, ctx, found)
        for rows in found.values():
            for row in rows:
                row["text"] = text[row["start"] : row["end"]]
        return found

    return go


# (id, sentence, span, value, qualifier, direction, kind)
MULTIPLIERS = [
    ("issue-doubled", "Acme said revenue doubled last year.", "doubled", 2, "exact", "increase", "change"),
    ("issue-tripled-to", "Its user base tripled to 9 million.", "tripled", 3, "exact", "increase", "change"),
    ("issue-will-double", "Sales will double by 2027.", "double", 2, "exact", "increase", "change"),
    ("issue-quadrupled", "Users quadrupled.", "quadrupled", 4, "exact", "increase", "change"),
    ("issue-twice-as-fast", "Profit rose twice as fast as sales.", "twice", 2, "exact", "increase", "comparison"),
    ("more-than-doubled", "The company more than doubled its profit.", "doubled", 2, "more_than", "increase", "change"),
    ("nearly-tripled", "Revenue nearly tripled in 2024.", "tripled", 3, "approx", "increase", "change"),
    ("quintupled", "Exports quintupled over the decade.", "quintupled", 5, "exact", "increase", "change"),
    ("halved", "Costs were halved after the merger.", "halved", 0.5, "exact", "decrease", "change"),
    ("doubling-of", "Analysts expect a doubling of sales.", "doubling", 2, "exact", "increase", "change"),
    ("redoubled", "The fund redoubled its stake in the firm.", "redoubled", 2, "exact", "increase", "change"),
    ("trebled", "Profits trebled last year.", "trebled", 3, "exact", "increase", "change"),
    ("double-the", "They have to put double the effort.", "double", 2, "exact", "increase", "comparison"),
    ("twice-the-size", "The new plant is twice the size of the old one.", "twice", 2, "exact", "increase", "comparison"),
    ("half-the-size", "The moon is half the size of the planet.", "half", 0.5, "exact", "decrease", "comparison"),
    ("a-third-of-the-price", "The phone sells for a third of the price of an iPhone.", "a third", 1 / 3, "exact", "decrease", "comparison"),
    ("n-fold", "Token usage grew 33-fold since May.", "33-fold", 33, "exact", "increase", "change"),
    ("tenfold", "Orders rose tenfold in a year.", "tenfold", 10, "exact", "increase", "change"),
    ("nx-faster", "The new chip is 3x faster than its predecessor.", "3x", 3, "exact", "increase", "comparison"),
    ("n-times-sign", "Sales rose 3× in 2024.", "3×", 3, "exact", "increase", "change"),
    ("n-times-larger", "Jupiter is 11 times larger than Earth.", "11 times", 11, "exact", "increase", "comparison"),
    ("n-times-the-mass", "The star has about 2.4 times the mass of the Sun.", "2.4 times", 2.4, "approx", "increase", "comparison"),
    ("three-times-as", "Women earn three times as much as before.", "three times", 3, "exact", "increase", "comparison"),
    ("increase-of-n-times", "an increase of approximately 30 times compared to just over a year prior", "30 times", 30, "approx", "increase", "change"),
    # round 2 (tuning set benchmarks/newsdev/changes-tuning.jsonl)
    ("spelled-times-comparative", "I had to work ten times harder than a man.", "ten times", 10, "exact", "increase", "comparison"),
    ("tb-half-that", "Her properties, worth a hundred thirty million dollars in October, are worth only half that now.", "half", 0.5, "exact", "decrease", "comparison"),
    ("tb-times-possessive", "The purchase price is equal to about 1.65 times Deseret's roughly $10.7 million book value.", "1.65 times", 1.65, "approx", "increase", "comparison"),
    ("tb-almost-double", "Qantas will almost double its flights between Australia and India by August.", "double", 2, "approx", "increase", "change"),
    # round 3 (tuning batch changes-tuning-3.ids.json): "by a factor of N" takes its direction from the change word
    ("dev-factor-of-cutting", "Inventions that render the facilities more water-efficient could have a profound impact, possibly cutting the amount "
     "of water used to flush waste by, reportedly, a factor of two.", "a factor of two", 0.5, "exact", "decrease", "change"),
    ("factor-of-increase", "Sales increased by a factor of ten in five years.", "a factor of ten", 10, "exact", "increase", "change"),
    ("times-by-year", "Revenue is expected to grow 3 times by 2030.", "3 times", 3, "exact", "increase", "change"),
    # round 5: a spelled number joined to "fold" by a hyphen (negatives: four-fold-path, two-fold-parts)
    ("spelled-hyphen-fold", "Vaccinations increased four-fold over the month.", "four-fold", 4, "exact", "increase", "change"),
    ("spelled-hyphen-fold-noun", "The country saw a three-fold increase in cases.", "three-fold", 3, "exact", "increase", "change"),
    # a headline's multiplier verb the tagger reads as a plural noun after a qualifier (negative: doubles-titles)
    ("r5-more-than-doubles", "Nvidia's quarterly profit more than doubles to US$19.3 billion.", "doubles", 2, "more_than", "increase", "change"),
    # round 5, sentences of the written corpus (benchmarks/newsdev/written-changes.texts.jsonl; written text, not real news; ids w5-)
    # a period after the multiplier is no figure compared with (negative: three-times-a-salary kind, tb-times-possessive)
    ("r5-fold-this-year", "Bitcoin's price has risen fivefold this year.", "fivefold", 5, "exact", "increase", "change"),
    ("w5-would-more-than-double", "The International Energy Agency said on Tuesday that the world added 585 gigawatts of renewable power capacity in 2024, "
     "and forecast that global capacity would more than double by 2030, rising by about 4,600 gigawatts.", "double", 2, "more_than", "increase", "change"),
    ("w5-more-than-double-possessive", "ASML reports that its orders rose to €13.2 billion in the fourth quarter, more than double analysts' expectations.",
     "double", 2, "more_than", "increase", "comparison"),
    # a comparison with the same quantity at an earlier time is a change (negative: n-times-the-mass, issue-twice-as-fast)
    ("w5-times-earlier-year", "A study in The Lancet Public Health finds that the number of heat-related deaths in Europe in the summer of 2024 was "
     "2.3 times the number recorded in 2022.", "2.3 times", 2.3, "exact", "increase", "change"),
    ("w5-twice-as-many-as-earlier", "OpenAI says that the number of weekly users of ChatGPT has reached 1 billion, twice as many as a year earlier.",
     "twice", 2, "exact", "increase", "change"),
    ("r6-doubled-as-clause", "Sales doubled as demand rose.", "doubled", 2, "exact", "increase", "change"),
    # round 6: with a figure of its own written, the same quantity at an earlier time is compared, not changed (as the tuning,
    # second and third written corpora label it; without a figure: w5-times-earlier-year, w5-twice-as-many-as-earlier)
    ("w3-double-the-figure-earlier", "Micron Technology forecasts second-quarter revenue of US$18.7 billion, nearly double the $9.3 billion it "
     "reported a year earlier.", "double", 2, "approx", "increase", "comparison"),
    # round 9, wsj-changes-tuning (benchmarks/newsdev/wsj-changes-tuning.jsonl, tuned on): "in half" after a change verb of
    # decrease (negatives: r9-cut-in-half-person, r9-in-half-of-the-stores)
    ("wsjt-cut-dividend-in-half", "Magna recently cut its quarterly dividend in half and the company's Class A shares are wallowing far below "
     "their 52-week high of 16.125 Canadian dollars (US$13.73).", "half", 0.5, "exact", "decrease", "change"),
    ("r9-slashed-nearly-in-half", "The company slashed its workforce nearly in half.", "half", 0.5, "approx", "decrease", "change"),
    # round 9, WSJ comparison forms written for this check: a spelled "N times" before a possessive (rules/counts.yaml
    # multiplier_word_needs; negative: r9-called-her-mother-times), "half those of" (negative: r9-half-those-polled)
    ("r9-four-times-its", "The company's debt is four times its equity.", "four times", 4, "exact", "increase", "comparison"),
    ("r9-half-those-of", "Its sales are half those of its rival.", "half", 0.5, "exact", "decrease", "comparison"),
    # round 9: a fraction after an amount with no counted noun stays a ratio (negative: r9-count-restated-as-share)
    ("r9-amount-then-half-the-price", "Shares now sell for about $5, half the price of a year ago.", "half", 0.5, "exact", "decrease", "change"),
    ("r9-count-then-half-the-level", "Sales reached 100 units, half the level of last year.", "half", 0.5, "exact", "decrease", "change"),
    # round 10: any number word of the number grammar before "fold", glued or hyphenated, complements a change verb (the
    # parser's acomp of "grew" is no copula predicate: negatives the-aim-is-twofold, r10-twofold-approach, r10-manifold)
    ("r10-grew-fivefold", "Sales grew fivefold in two years.", "fivefold", 5, "exact", "increase", "change"),
    ("r10-rose-sixfold", "Sales rose sixfold in two years.", "sixfold", 6, "exact", "increase", "change"),
    ("r10-a-hundredfold", "Exports grew a hundredfold since 1990.", "hundredfold", 100, "exact", "increase", "change"),
    ("r10-five-fold-word", "Sales rose five-fold in two years.", "five-fold", 5, "exact", "increase", "change"),
    ("r10-twenty-fivefold", "Output rose twenty-fivefold over the decade.", "twenty-fivefold", 25, "exact", "increase", "change"),
    ("r10-increase-was-twofold", "The increase was twofold.", "twofold", 2, "exact", "increase", "change"),
    # written corpora (written-changes-2 #32, written-changes-4 #39: written text, not real news)
    ("w2-grown-more-than-sevenfold", "Texas, the centre of the largest outbreak, has reported 762 cases, a figure that has grown more than sevenfold since March.",
     "sevenfold", 7, "more_than", "increase", "change"),
    ("w4-increased-sixfold-to", "The amount of ice lost from Antarctica each year increased sixfold between 1979 and 2017, to 252 billion tonnes, according to "
     "a 2019 study.", "sixfold", 6, "exact", "increase", "change"),
    # a price as a multiple of a financial base (valuation_bases) is a comparison, never growth (mirror: r10-earnings-grew-12-times)
    ("r10-times-book-value", "The stock trades at 1.65 times book value.", "1.65 times", 1.65, "exact", "increase", "comparison"),
    ("r10-times-earnings", "The shares sell for 12 times earnings.", "12 times", 12, "exact", "increase", "comparison"),
    ("r10-times-expected-earnings", "The deal values the company at about 20 times expected 1990 earnings.", "20 times", 20, "approx", "increase", "comparison"),
    ("r10-times-sales-below-one", "The bank trades at 0.72 times sales.", "0.72 times", 0.72, "exact", "decrease", "comparison"),
    ("r10-earnings-grew-12-times", "Earnings grew 12 times in a decade.", "12 times", 12, "exact", "increase", "change"),
    # round 11 (ids w5-: written-changes-5, written text, not real news): "N times what ..." compares, unless a verb of doing
    # stands before the number (negatives: r11-asked-times-what, r11-asked-3-times-what)
    ("w5-times-what-expected", "Venice's €5 entry fee for day-trippers raised €2.43 million during its 29-day trial this year, the city council said "
     "on Monday, about three times what officials had expected.", "three times", 3, "approx", "increase", "comparison"),
    ("r11-was-times-what", "Revenue was three times what analysts expected.", "three times", 3, "exact", "increase", "comparison"),
    # round 12: a factor that is no whole number is never a frequency, whatever follows it (negatives: times-since,
    # r12-whole-times-since-change-verb; news forms written for this check)
    ("r12-fractional-times-since", "Rents have gone up 2.5 times since 2010.", "2.5 times", 2.5, "exact", "increase", "change"),
    ("r12-fractional-times-end", "Its debt grew 2.5 times.", "2.5 times", 2.5, "exact", "increase", "change"),
    # the clause after a multiplier ends with its own sentence: a figure of the next sentence makes no comparison of two
    # written figures (written-changes-5 #04, written text, trimmed)
    ("w5-earlier-reference-next-sentence", "Prices of fresh food excluding vegetables were up 7.1%, and cabbage cost 2.5 times as much as a year "
     "ago. Chocolate prices increased by 20.4%.", "2.5 times", 2.5, "exact", "increase", "change"),
    # "as many as on <date>": the same quantity at an earlier date (written-changes-5 #06; negative: r12-as-high-as-in-place)
    ("w5-as-many-as-on-date", "According to the DIVI register, 2,061 COVID-19 patients were in intensive care on Thursday, almost four times as "
     "many as on 1 October.", "four times", 4, "approx", "increase", "change"),
    ("r12-as-high-as-in-place", "Exports were twice as high as in Germany.", "twice", 2, "exact", "increase", "comparison"),
]


@pytest.mark.parametrize(("text", "span", "value", "qualifier", "direction", "kind"), [c[1:] for c in MULTIPLIERS], ids=[c[0] for c in MULTIPLIERS])
def test_multipliers(run, text, span, value, qualifier, direction, kind) -> None:
    found = run(text)
    rows = [q for q in found["quantities"] if q["kind"] == "multiplier"]
    assert [q["text"] for q in rows] == [span], rows
    assert rows[0]["value"] == pytest.approx(value)
    assert rows[0]["qualifier"] == qualifier
    changes = [c for c in found["changes"] if c["multiplier_start"] == rows[0]["start"]]
    assert len(changes) == 1, found["changes"]
    assert changes[0]["kind"] == kind
    assert changes[0]["direction"] == direction
    assert changes[0]["multiplier"] == pytest.approx(value)


# (id, sentence): no multiplier at all
NOT_MULTIPLIERS = [
    ("double-murder", "Police are investigating a double murder."),
    ("double-digit", "The team posted double-digit growth."),
    ("double-decker", "A double-decker bus crashed."),
    ("arrested-twice", "He was arrested twice last year."),
    ("the-third-time", "It was the third time he won."),
    ("third-of-senators", "A third of the senators voted against."),
    ("half-of-staff", "Half of the staff left."),
    ("triple-jump", "She won the triple jump."),
    ("double-fine", "Double Fine released a new game."),
    ("redoubled-efforts", "The police redoubled their efforts."),
    ("times-a-day", "The model is retrained 5 times a day."),
    ("million-times", "The phrase was repeated 2 million times during the campaign."),
    ("half-that-relative", "Half that voted said no."),
    ("double-majoring", "I am double majoring in biology and clinical health sciences."),
    ("factor-no-direction", "The two estimates differ by a factor of two."),
    ("factor-of-safety", "The bridge was built with a factor of safety of three."),
    ("factor-not-after-by", "Cost was a factor of two in the decision to cut staff."),
    # frequencies in digits (rules/counts.yaml frequency_after): occasions, not ratios
    ("times-since", "He has been arrested 5 times since 2010."),
    ("times-in-its-history", "The team has reached the final 11 times in its history."),
    ("times-by-agent", "The ship was hit 2 times by the missiles."),
    ("times-with", "The victim was stabbed 14 times with a knife."),
    # ... and at a sentence's end after a verb that is no change word (counts.py _after_verb_of_no_change)
    ("times-end-of-sentence", "The victim was stabbed 14 times."),
    ("times-after-arrested", "He was arrested 5 times."),
    # a multiplier verb with the particle "down" is an idiom (intensify), as "redoubled its efforts"
    ("doubled-down", "The team doubled down on its strategy."),
    # a spelled "-fold" before a noun that is no change, or after a copula, counts parts, not a factor
    ("four-fold-path", "The four-fold path is a Buddhist idea."),
    ("two-fold-parts", "Its aim is two-fold."),
    ("doubles-titles", "He won more than 20 doubles titles."),
    # round 6: a fraction that heads or quantifies its clause's subject is a share (positives: half-the-size, a-third-of-the-price)
    ("r6-half-the-population", "Half the population lives in poverty."),
    ("r6-a-third-of-the-population", "About a third of the population was vaccinated."),
    # round 7: "of" and a possessive after a fraction is a share of the owner's quantity (positive: a-third-of-the-price; read in
    # written-facts-3.texts.jsonl, unlabelled for changes: written text)
    ("r7-a-third-of-its-revenue", "The government, which spends nearly a third of its revenue on interest, plans to borrow more."),
    # "double as" a role (positive: r6-doubled-as-clause)
    ("r6-doubles-as-a-museum", "The building doubles as a museum."),
    ("r6-doubled-as-a-hospital", "The stadium doubled as a hospital during the pandemic."),
    # round 9: a fraction after a comma that follows a count and its noun restates the count as a share (read in
    # written-facts.texts.jsonl, unlabelled for changes: written text; positive: r9-amount-then-half-the-price)
    ("r9-count-restated-as-share", "South Korea's Personal Information Protection Commission on Wednesday fined Coupang over a data breach that "
     "exposed the personal information of about 33.7 million customers, nearly two-thirds of the population."),
    ("r9-count-restated-half-the-total", "The tax would hit 40 million households, half the total."),
    ("r9-cut-in-half-person", "He was cut in half by the blast."),
    ("r9-called-her-mother-times", "She called her mother three times."),
    ("r9-half-those-polled", "Half those polled said no."),
    ("r9-in-half-of-the-stores", "Sales rose in half of the stores."),
    # round 10: "-fold" words that are no number (positives: r10-grew-fivefold, r10-five-fold-word)
    ("r10-manifold-scaffold", "The engine manifold cracked near the scaffold."),
    ("r10-twofold-approach", "The company took a twofold approach."),
    ("r10-is-two-fold", "Its aim is two-fold."),
    # round 11: "N times what" after a verb of doing counts the doing (positives: w5-times-what-expected, r11-was-times-what)
    ("r11-asked-times-what", "He asked three times what the fee was."),
    ("r11-asked-3-times-what", "Officials asked 3 times what the plan would cost."),
    # round 12: a whole number of times before a word of occasions stays a frequency (positive: r12-fractional-times-since)
    ("r12-whole-times-since-change-verb", "The stock rose 3 times since January."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_MULTIPLIERS], ids=[c[0] for c in NOT_MULTIPLIERS])
def test_not_multipliers(run, text) -> None:
    found = run(text)
    assert not [q for q in found["quantities"] if q["kind"] == "multiplier"], found["quantities"]
    assert not [c for c in found["changes"] if c["multiplier"] is not None], found["changes"]


# (id, verb, sentence, counted unit, user-count metric or None): "N times" after a verb of doing. One per
# entry of rules/changes.yaml action_verbs (the past forms news uses).
ACTIONS = [
    ("downloaded", "The app has been downloaded 50 million times.", "download", "downloads"),
    ("installed", "The app was installed 3 million times.", "install", "downloads"),
    ("viewed", "The clip was viewed more than 5 million times.", "view", None),
    ("watched", "The trailer was watched 12 million times in a day.", "view", None),
    ("streamed", "The song was streamed 200 million times on Spotify.", "stream", None),
    ("played", "The game was played 40 million times.", "play", None),
    ("used", "The feature was used 8 million times in its first week.", "use", None),
    ("shared", "The post was shared 2 million times.", "share", None),
    ("clicked", "The link was clicked 300,000 times.", "click", None),
    ("visited", "The page was visited 1.2 million times.", "visit", None),
    ("retweeted", "The message was retweeted 90,000 times.", "retweet", None),
    ("searched", "The term was searched 7 million times.", "search", None),
    ("listened", "The podcast was listened to 4 million times.", "listen", None),
    ("liked", "The photo was liked 6 million times.", "like", None),
    ("accessed", "The database was accessed 10 million times.", "access", None),
    ("cited", "The paper has been cited 20,000 times.", "citation", None),
]


@pytest.mark.parametrize(("text", "unit", "metric"), [c[1:] for c in ACTIONS], ids=[c[0] for c in ACTIONS])
def test_n_times_after_a_verb_of_doing_is_never_a_multiplier(run, text, unit, metric) -> None:
    found = run(text)
    assert not [q for q in found["quantities"] if q["kind"] == "multiplier"], found["quantities"]
    if metric is not None:
        assert [(u["metric"], u["rule"]) for u in found["user_counts"]] == [(metric, "action_times")]
    else:
        counts = [q for q in found["quantities"] if q["kind"] == "count"]
        assert [(q["unit"], q["rule"]) for q in counts] == [(unit, "count_action_times")], found["quantities"]


def test_every_action_verb_has_a_case(rules) -> None:
    """Each verb of rules/changes.yaml action_verbs (its past form) has a negative case above."""
    c = compiled(rules)
    units = {unit for unit, _ in c.actions.values()}
    assert units == {case[2] for case in ACTIONS}


# (id, sentence, span, direction, from, to, by, by_unit, multiplier, relative change %)
CHANGES = [
    ("issue-rose-from-to", "Passenger numbers rose from 40 million to 52 million.", "rose from 40 million to 52 million", "increase", 40e6, 52e6, None, None, None, 30.0),
    ("issue-fell-to-from", "Revenue fell to $2.1 billion from $2.6 billion.", "fell to $2.1 billion from $2.6 billion", "decrease", 2.6e9, 2.1e9, None, None, None, -500 / 26),
    ("issue-up-from-a-year-earlier", "Revenue was $5.2 billion, up 12% from a year earlier.", "$5.2 billion, up 12%", "increase", None, 5.2e9, 12, "%", None, 12.0),
    ("issue-tripled-to", "Its user base tripled to 9 million.", "tripled to 9 million", "increase", None, 9e6, None, None, 3, 200.0),
    ("issue-cut-jobs", "Microsoft cut 4,800 jobs.", "cut 4,800", "decrease", None, None, 4800, "job", None, None),
    ("rose-by-percent", "Shares rose by 18% on Monday.", "rose by 18%", "increase", None, None, 18, "%", None, 18.0),
    ("increase-of", "Sales posted an increase of 25% in March.", "increase of 25%", "increase", None, None, 25, "%", None, 25.0),
    ("percent-before-noun", "A 25% spending increase suggests confidence.", "25% spending increase", "increase", None, None, 25, "%", None, 25.0),
    ("object-then-from-to", "China increases its tariffs on U.S. imports from 84% to 125%.", "increases its tariffs on U.S. imports from 84% to 125%", "increase", 84, 125, None, None, None, 4100 / 84),
    ("spelled-from", "The blast raised the death toll from fourteen to 31.", "raised the death toll from fourteen to 31", "increase", 14, 31, None, None, None, 1700 / 14),
    ("qualifier-inside", "Oil prices may increase by nearly 8% this week.", "increase by nearly 8%", "increase", None, None, 8, "%", None, 8.0),
    # NYT, 1999 (TempEval NYT19990312.0271): a noun of growth in size with both its values
    ("enlargement-from-to", "The enlargement of NATO from 16 members to 19 has been one of the administration's goals.",
     "enlargement of NATO from 16 members to 19", "increase", 16, 19, None, None, None, 300 / 16),
    # NYT, 1998 (TempEval NYT19980206.0460): a particle verb's object between the particle and both values
    ("particle-then-object", "The report came out, pushing down the yield on the benchmark 30-year Treasury bond to 5.92 percent from 5.93 percent.",
     "down the yield on the benchmark 30-year Treasury bond to 5.92 percent from 5.93 percent", "decrease", 5.93, 5.92, None, None, None, -100 / 593),
    # VOA, 1998 (TempEval VOA19980303.1600.2745): a transcript's spoken filler is no word of the statement
    ("filler-after-particle", "Well the price of oil jumped up uh twenty percent.", "up uh twenty percent", "increase", None, None, 20, "%", None, 20.0),
    ("filler-after-preposition", "Prices rose to uh five dollars from um four dollars.", "rose to uh five dollars from um four dollars",
     "increase", 4, 5, None, None, None, 25.0),
    ("expansion-by-percent", "The economy saw an expansion of 2.1 percent.", "expansion of 2.1 percent", "increase", None, None, 2.1, "%", None, 2.1),
    ("lay-off", "The supplier will lay off over 3,000 workers.", "lay off over 3,000", "decrease", None, None, 3000, "employee", None, None),
    ("fold-to", "Output grew 33-fold to 4 trillion tokens.", "grew 33-fold to 4 trillion", "increase", None, 4e12, None, None, 33, 3200.0),
    ("more-than-doubled-to", "The company more than doubled its profit to $4 billion.", "doubled its profit to $4 billion", "increase", None, 4e9, None, None, 2, 100.0),
    ("through-prep-raises", "The bank raises its interest rate to 1% from 0.75%.", "raises its interest rate to 1% from 0.75%", "increase", 0.75, 1, None, None, None, 100 / 3),
    ("dev-up-one-third", "Exports reached a record in August, up nearly one-third from last year.", "up nearly one-third", "increase", None, None, 100 / 3, "%", None, 100 / 3),
    ("down-percent", "The index closed down 3.4% on Friday.", "down 3.4%", "decrease", None, None, 3.4, "%", None, -3.4),
    ("gained-percent", "Shares gained 1.7% in early trading.", "gained 1.7%", "increase", None, None, 1.7, "%", None, 1.7),
    # measures (pint units, #15) are numbers of a change like counts are
    ("measure-rate-by", "Saudi Arabia agreed to raise oil output by 500,000 barrels a day.", "raise oil output by 500,000", "increase", None, None, 500000, "barrel / day", None, None),
    ("measure-fell-by", "Exports fell by 2 million tonnes.", "fell by 2 million", "decrease", None, None, 2e6, "metric_ton", None, None),
    # round 2: forms of the tuning set (dev documents of news-dev, TimeBank WSJ; ids dev- and tb-)
    ("dev-np-before-from", "Meanwhile, the total reported casualties increased to 167 from a previous 93 injured people.",
     "increased to 167 from a previous 93", "increase", 93, 167, None, None, None, 7400 / 93),
    ("dev-record-low-of", "The Philippine peso falls to a record low of ₱59.2 per U.S. dollar.", "falls to a record low of ₱59.2", "decrease", None, 59.2, None, None, None, None),
    ("dev-nouns-and-in-object", "The plan would increase tariffs on imported steel and aluminum from 25% to 50%.",
     "increase tariffs on imported steel and aluminum from 25% to 50%", "increase", 25, 50, None, None, None, 100.0),
    ("dev-plural-noun-of", "More than 60 United Nations offices are requested to propose staff cuts of 20% by mid-June.", "cuts of 20%", "decrease", None, None, 20, "%", None, -20.0),
    ("dev-plural-as-verb-of", "We estimate declines of at least 43% since 1987 from our annual surveys.", "declines of at least 43%", "decrease", None, None, 43, "%", None, -43.0),
    ("dev-down-to", "Telecommunications are down, with mobile phone services down to 1% of normal connectivity levels.", "down to 1%", "decrease", None, 1, None, None, None, None),
    ("dev-gained-seats", "The conservative party gained 66 seats since Parliament was last in session.", "gained 66", "increase", None, None, 66, "seat", None, None),
    ("dev-named-scale", "The National Hurricane Center reported Hurricane Dorian had strengthened into a Category 5 hurricane.",
     "strengthened into a Category 5", "increase", None, 5, None, None, None, None),
    ("tb-restatement", "Net income fell 37% to $32.9 million, or 30 cents a share, from $52.2 million, in the year-ago period.",
     "fell 37% to $32.9 million, or 30 cents a share, from $52.2 million", "decrease", 52.2e6, 32.9e6, 37, "%", None, -1930 / 52.2),
    ("tb-value-before-up", "Kimberly-Clark closed at $66.50 a share, up $1.50.", "$66.50 a share, up $1.50", "increase", None, 66.5, 1.5, "USD", None, None),
    ("tb-value-before-down-from", "The company said net was $7.4 million, or 22 cents a share, down from $32.3 million, a year ago.",
     "$7.4 million, or 22 cents a share, down from $32.3 million", "decrease", 32.3e6, 7.4e6, None, None, None, -2490 / 32.3),
    ("tb-value-before-noun", "Revenue totaled $1.01 billion, a 43% increase from $704.4 million.",
     "$1.01 billion, a 43% increase from $704.4 million", "increase", 704.4e6, 1.01e9, 43, "%", None, 30560 / 704.4),
    ("tb-count-before-up-from", "It said it has 13 facilities in operation, up from seven a year ago.", "13 facilities in operation, up from seven", "increase", 7, 13, None, None, None, 600 / 7),
    ("tb-off", "Compaq plunged further, closing at $100 a share, off $8.625 a share.", "$100 a share, off $8.625", "decrease", None, 100, 8.625, "USD", None, None),
    ("tb-object-then-percent", "The company also boosted its quarterly dividend 20% to three cents a share.",
     "boosted its quarterly dividend 20% to three cents", "increase", None, 0.03, 20, "%", None, 20.0),
    ("tb-percent-before-higher", "The gain left wages 3.8 percent higher than a year earlier.", "3.8 percent higher", "increase", None, None, 3.8, "%", None, 3.8),
    ("dev-percent-before-higher", "The turnout was about 71%, some 25% higher than last year.", "25% higher", "increase", None, None, 25, "%", None, 25.0),
    ("tb-add", "This will add nearly 700 seats a week on the route.", "add nearly 700", "increase", None, None, 700, "seat", None, None),
    ("compared-with-earlier", "Revenue rose 12% to $5 billion, compared with $4.5 billion a year earlier.",
     "rose 12% to $5 billion, compared with $4.5 billion", "increase", 4.5e9, 5e9, 12, "%", None, 100 / 9),
    ("versus-growth-rates", "Sales rose 5% versus 3% last year.", "rose 5%", "increase", None, None, 5, "%", None, 5.0),
    ("odds", "The chance of an impact fell to 1-in-500 after new observations.", "fell to 1-in-500", "decrease", None, 0.2, None, None, None, None),
    # round 3 (tuning batch changes-tuning-3.ids.json: dev documents of news-dev, read whole)
    ("dev-escalating", "President Trump announces plans to impose a 50% tariff on China, escalating to a total of 104% if China does not revoke "
     "its 34% reciprocal tariff on all American goods within a day.", "escalating to a total of 104%", "increase", None, 104, None, None, None, None),
    ("dev-spelled-odds", "By Monday afternoon, this likelihood had risen to a three-in-five chance.", "risen to a three-in-five", "increase", None, 60, None, None, None, None),
    ("dev-value-before-restatement-and-date", "The South Korean trade ministry reports that semiconductor exports reached a record ₩21 trillion "
     "(US$15 billion) in August, up nearly one-third from last year.", "₩21 trillion (US$15 billion) in August, up nearly one-third", "increase",
     None, 21e12, 100 / 3, "%", None, 100 / 3),
    ("dev-quarter-point", "South Korea's central bank cuts its key interest rate by a quarter percentage point to 2.5%, marking its fourth cut since October.",
     "cuts its key interest rate by a quarter percentage point to 2.5%", "decrease", None, 2.5, 0.25, "%", None, None),
    ("half-a-point", "The Fed raised rates by half a point in March.", "raised rates by half a point", "increase", None, None, 0.5, "%", None, 0.5),
    ("dev-name-number-in-object", "They would be timing (cutting the maintenance lifetime of CentOS Linux 8 from 10 years to 2).",
     "cutting the maintenance lifetime of CentOS Linux 8 from 10 years to 2", "decrease", 10, 2, None, None, None, -80.0),
    ("durations-from-to", "The sentence was reduced from 30 years to 25 years on appeal.", "reduced from 30 years to 25 years", "decrease", 30, 25, None, None, None, -500 / 30),
    # a comma-led restatement of the same change gives the side the statement lacks
    ("merge-up-from", "The death toll rose to 40, up from 27 on Sunday.", "rose to 40, up from 27", "increase", 27, 40, None, None, None, 1300 / 27),
    ("merge-down-from-across-date", "The unemployment rate fell to 3.5% in May, down from 3.7% in April.", "fell to 3.5% in May, down from 3.7%",
     "decrease", 3.7, 3.5, None, None, None, -20 / 3.7),
    ("merge-a-rise", "The price increased from $10 to $12, a 20% rise.", "increased from $10 to $12, a 20% rise", "increase", 10, 12, 20, "%", None, 20.0),
    # Current-events headline style: the tagger reads a verbless sentence's change verb as a plural noun
    ("headline-plummets", "Bitcoin plummets 15% to $60,000 after the announcement.", "plummets 15% to $60,000", "decrease", None, 60000, 15, "%", None, -15.0),
    ("headline-sinks", "The rupee sinks to a record low of 90 per dollar.", "sinks to a record low of 90", "decrease", None, 90, None, None, None, None),
    ("slows-to", "Inflation slows to 2.9% in July.", "slows to 2.9%", "decrease", None, 2.9, None, None, None, None),
    ("cut-by-half", "The budget has been cut by half.", "cut by half", "decrease", None, None, 50, "%", None, -50.0),
    # the direct object names an estimate: its "of" value is the earlier one (negative: tb-estimate-of)
    ("dev-estimate-object", "The central bank lowered the outlook, nearly halving the previous projection of 1.5% announced in February.",
     "halving the previous projection of 1.5%", "decrease", 1.5, None, None, None, 0.5, -50.0),
    ("estimate-object-from-to", "The IMF cut its growth forecast of 3% to 2%.", "cut its growth forecast of 3% to 2%", "decrease", 3, 2, None, None, None, -100 / 3),
    ("basis-points", "The central bank raised its benchmark rate by 50 basis points to 4.5%.", "raised its benchmark rate by 50 basis points to 4.5%",
     "increase", None, 4.5, 0.5, "%", None, None),
    # a word before a date and the date are part of the gap ("since" alone ends it)
    ("since-date-in-gap", "The number of users has more than doubled since 2010, from 1.2 million to 2.6 million.",
     "doubled since 2010, from 1.2 million to 2.6 million", "increase", 1.2e6, 2.6e6, None, None, 2, 1400 / 12),
    ("first-time-since-date", "The Federal Reserve cut interest rates for the first time since 2020, to 3.75%.",
     "cut interest rates for the first time since 2020, to 3.75%", "decrease", None, 3.75, None, None, None, None),
    # a determiner between the change word and its amount
    ("dev-lost-all", "There were no Change UK candidates elected, which lost all 5 of its seats.", "lost all 5", "decrease", None, None, 5, "seat", None, None),
    ("cut-an-additional", "The firm will cut an additional 700 jobs.", "cut an additional 700", "decrease", None, None, 700, "job", None, None),
    # a change word of no direction takes it from an adverb inside its statement
    ("revised-down", "Authorities later revised the death toll down to 12.", "revised the death toll down to 12", "decrease", None, 12, None, None, None, None),
    ("revised-upward", "Officials revised the figure upward to 1,200 deaths.", "revised the figure upward to 1,200", "increase", None, 1200, None, None, None, None),
    ("revised-no-adverb", "The magnitude was later revised to 6.4.", "revised to 6.4", "none", None, 6.4, None, None, None, None),
    # "by A to B": the amount and the later value when each end stands alone; a range when the unit is shared
    ("by-a-to-b-counts", "The number of confirmed cases increased by 523 to 1,501.", "increased by 523 to 1,501", "increase", None, 1501, 523, "case", None, None),
    ("by-a-to-b-money", "The budget was cut by $2 billion to $10 billion.", "cut by $2 billion to $10 billion", "decrease", None, 10e9, 2e9, "USD", None, None),
    ("by-range-shared-percent", "Prices could rise by 5 to 10 percent.", "rise by 5 to 10 percent", "increase", None, None, 7.5, "%", None, 7.5),
    ("by-range-shared-scale", "Output fell by 2 to 3 million barrels.", "fell by 2 to 3 million", "decrease", None, None, 2.5e6, "barrel", None, None),
    # round 4 (tuning batch changes-tuning-4.ids.json: TimeBank WSJ; ids tb4-). A change adverb the parse reads as a
    # particle, with its amount right after it (negative: made-up-share, picked-up-share-of)
    ("tb4-particle-up", "Meanwhile, personal income edged up 0.3%.", "up 0.3%", "increase", None, None, 0.3, "%", None, 0.3),
    ("tb4-particle-up-from-to", "Unisys, whose revenue inched up 3.7% in the quarter to $2.35 billion from $2.27 billion in the year-earlier quarter, "
     "had an operating loss of about $30 million.", "up 3.7% in the quarter to $2.35 billion from $2.27 billion", "increase", 2.27e9, 2.35e9, 3.7, "%", None, 800 / 227),
    # the later value as a level after "at", and after "to <verb> at" (negative: at-one-point-not-level)
    ("tb4-particle-then-to-close-at", "Weisfield's shares soared on the announcement yesterday, closing up $11 to close at $50 in national over-the-counter trading.",
     "up $11 to close at $50", "increase", None, 50, 11, "USD", None, None),
    ("tb4-to-close-at", "Telerate shares fell 50 cents on Friday to close at $20 each in New York Stock Exchange composite trading.",
     "fell 50 cents on Friday to close at $20", "decrease", None, 20, 0.5, "USD", None, None),
    ("tb4-down-at", "GM closed down $1.875 at $44.875 in New York Stock Exchange trading yesterday.", "down $1.875 at $44.875", "decrease", None, 44.875, 1.875, "USD", None, None),
    ("tb4-lower-at", "The 30-share index settled 42.0 points lower at 1678.5.", "lower at 1678.5", "decrease", None, 1678.5, None, None, None, None),
    ("at-one-point-not-level", "Stocks fell 5% at one point on Monday.", "fell 5%", "decrease", None, None, 5, "%", None, -5.0),
    # a percent that modifies the object's noun is the earlier value once a later one is written (negative: tb-possessive-share)
    ("tb4-object-percent-is-from", "The accord helps RJR pay off debt and boosts Nestle's 7% share of the U.S. candy market to 12%.",
     "boosts Nestle's 7% share of the U.S. candy market to 12%", "increase", 7, 12, None, None, None, 500 / 7),
    # an article and adjectives between the change word and its amount
    ("tb4-article-adjective-amount", "Anheuser-Busch announced its plan at the same time it reported third-quarter net income rose a lower-than-anticipated "
     "5.2% to $238.3 million, or 83 cents a share, from $226.5 million, or 78 cents.",
     "rose a lower-than-anticipated 5.2% to $238.3 million, or 83 cents a share, from $226.5 million", "increase", 226.5e6, 238.3e6, 5.2, "%", None, 1180 / 226.5),
    # "from last year's $X": a possessive before the value, never read as the baseline "from last year"
    ("tb4-possessive-earlier", "Third-period sales were $2.49 billion, up from last year's $2.34 billion.", "$2.49 billion, up from last year's $2.34 billion",
     "increase", 2.34e9, 2.49e9, None, None, None, 1500 / 234),
    ("tb4-possessive-after-noun", "Sales in the latest period were $1.76 billion, a 13% increase from last year's $1.55 billion.",
     "$1.76 billion, a 13% increase from last year's $1.55 billion", "increase", 1.55e9, 1.76e9, 13, "%", None, 2100 / 155),
    # a percent right after the object of a direct change verb
    ("tb4-object-then-percent-range", "The program, available to Upjohn employees 55 years old or older, could increase an individual's retirement benefits 10% to 20%.",
     "increase an individual's retirement benefits 10% to 20%", "increase", None, None, 15, "%", None, 15.0),
    # qualifiers one after another before the amount
    ("tb4-qualifiers-chained", "As a result, Upjohn will likely trim only about 275 to 350 of its more than 21,000 jobs world-wide.",
     "trim only about 275 to 350", "decrease", None, None, 312.5, "job", None, None),
    ("tb4-skidded", "Besides British Gas, British Steel skidded 1.74 to 123.5 on turnover of 11 million shares.", "skidded 1.74 to 123.5", "decrease",
     None, 123.5, 1.74, None, None, None),
    # "by A to B" of a forecast (a modal) that the parse reads as one number is a range (negative: by-a-to-b-money)
    ("tb4-forecast-range", "Some analysts have said Courtaulds' moves could boost the company's value by 5% to 10%, because the two entities separately "
     "will carry a higher price earnings multiple than they did combined.", "boost the company's value by 5% to 10%", "increase", None, None, 7.5, "%", None, 7.5),
    # a date another stage read from inside a word ("million Thursday" as "on Thursday") does not hide the number
    ("tb4-date-inside-word", "Volume was 840.8 million shares, up from 443.6 million Thursday and the week's most active session.",
     "840.8 million shares, up from 443.6 million", "increase", 443.6e6, 840.8e6, None, None, None, 3972 / 44.36),
    # the value before a comma-led change phrase, when "compared with" leads it, is the earlier one (written for this check)
    ("compared-with-before-adverb", "Net income was $5 million, compared with $4 million, up 25%.", "$5 million, compared with $4 million, up 25%",
     "increase", 4e6, 5e6, 25, "%", None, 25.0),
    ("dev-netted", "On Thursday, the United Kingdom's (UK) Conservative Party netted an additional 66 seats, totaling 365 seats, surpassing the 326 seats "
     "needed for a majority in Parliament.", "netted an additional 66 seats, totaling 365", "increase", None, 365, 66, "seat", None, None),
    # (round 14: the participle after the amount gives the later value, as the tuning label has it: amount_later_participles)
    # an object of ten words with coordinated nouns (max_object_words)
    ("tb4-long-object", "Mobil is cutting back its U.S. oil and gas exploration and production group by up to 15% as part of a restructuring of the business.",
     "cutting back its U.S. oil and gas exploration and production group by up to 15%", "decrease", None, None, 15, "%", None, -15.0),
    # a length after a change word is a change unless a person moves it (negative: brief-fell-feet)
    ("rose-feet-not-person", "The river rose 3 feet overnight.", "rose 3", "increase", None, None, 3, "foot", None, None),
    # round 5: forms of 2019-2026 portal ledes, written for this check (historic present, points, records, "compared to")
    ("r5-slashes", "Intel slashes its dividend by 66%.", "slashes its dividend by 66%", "decrease", None, None, 66, "%", None, -66.0),
    ("r5-downgrades-to", "Fitch downgrades its growth forecast to 1.2%.", "downgrades its growth forecast to 1.2%", "decrease", None, 1.2, None, None, None, None),
    ("r5-points-then-percent", "The unemployment rate rises 0.3 percentage points to 4.2%.", "rises 0.3 percentage points to 4.2%", "increase",
     None, 4.2, 0.3, "%", None, None),
    ("r5-level-in-index-points", "The S&P 500 closes down 2.1% at 4,800 points.", "down 2.1% at 4,800", "decrease", None, 4800, 2.1, "%", None, -2.1),
    ("r5-level-not-other-noun", "The chain's sales rose 3% at 12 stores.", "rose 3%", "increase", None, None, 3, "%", None, 3.0),
    ("r5-to-a-record-value", "Gold rises to a record US$2,450 per ounce.", "rises to a record US$2,450", "increase", None, 2450, None, None, None, None),
    ("r5-to-a-range-of", "The U.S. Federal Reserve raises the federal funds rate by 75 basis points to a range of 3% to 3.25%.",
     "raises the federal funds rate by 75 basis points to a range of 3% to 3.25%", "increase", None, 3.125, 0.75, "%", None, None),
    ("r5-compared-to-counts", "The number of deaths rises to 200, compared to 150 yesterday.", "rises to 200, compared to 150", "increase",
     150, 200, None, None, None, 100 / 3),
    ("r5-by-more-than-half", "Its share price has fallen by more than half since January.", "fallen by more than half", "decrease", None, None, 50, "%", None, -50.0),
    ("r5-cue-inside-object", "The IMF raises its forecast for China's growth to 5%, up from 4.6%.", "raises its forecast for China's growth to 5%, up from 4.6%",
     "increase", 4.6, 5, None, None, None, 40 / 4.6),
    ("r5-year-on-year", "China's exports rise 8.7% year-on-year in March.", "rise 8.7%", "increase", None, None, 8.7, "%", None, 8.7),
    ("r5-spelled-fold", "Vaccinations increased four-fold over the month.", "increased four-fold", "increase", None, None, None, None, 4, 300.0),
    # an ordinal in digits is part of the gap, never a value
    ("r5-ordinal-in-gap", "Japan's consumer prices rise for the 30th consecutive month to 3.2%.", "rise for the 30th consecutive month to 3.2%", "increase",
     None, 3.2, None, None, None, None),
    ("r5-contracts", "UK GDP contracts 0.1% in the third quarter.", "contracts 0.1%", "decrease", None, None, 0.1, "%", None, -0.1),
    # a fraction right after a change verb is its amount, not a comparison ("half the size of" is one: half-the-size)
    ("r5-lost-a-third-of-value", "Tesla's shares have lost a third of their value since December.", "lost a third", "decrease", None, None, 100 / 3, "%", None, -100 / 3),
    # a particle after a verb of moving is the change word ("went up from", "went down by"; negative: went-up-in-flames)
    ("r5-went-up-from-to", "Ticket prices went up from $5 to $7.", "up from $5 to $7", "increase", 5, 7, None, None, None, 40.0),
    ("r5-went-down-by", "Sales went down by 10 percent.", "down by 10 percent", "decrease", None, None, 10, "%", None, -10.0),
    # a named scale whose name the tagger reads as a common noun
    ("r5-downgraded-to-a-category", "The storm was downgraded to a Category 2 hurricane.", "downgraded to a Category 2", "decrease", None, 2, None, None, None, None),
    # "to" a level with its value after "at" further on; a hyphenated word in the level phrase; "close" a level word
    ("r5-highest-level-at", "The Bank of England raises interest rates to their highest level since 2008, at 5.25%.",
     "raises interest rates to their highest level since 2008, at 5.25%", "increase", None, 5.25, None, None, None, None),
    ("tb4-high-for-the-year-of", "The stock has fallen since rising to a high for the year of $42.875 a share in June from $29.75.",
     "rising to a high for the year of $42.875 a share in June from $29.75", "increase", 29.75, 42.875, None, None, None, 1312.5 / 29.75),
    # a speaker's aside between commas inside a statement (negative: aside-then-clause)
    ("tb4-aside-said", "Capital expenditure in 1990 will rise slightly, Mr. Marous said, from an estimated $470 million this year.",
     "rise slightly, Mr. Marous said, from an estimated $470 million", "increase", 470e6, None, None, None, None, None),
    ("r5-from-an-earlier-estimate-of", "Authorities lowered the death toll to 11 from an earlier estimate of 15.",
     "lowered the death toll to 11 from an earlier estimate of 15", "decrease", 15, 11, None, None, None, -400 / 15),
    ("r5-all-time-low-of", "The rupee sinks to an all-time low of 87 per dollar.", "sinks to an all-time low of 87", "decrease", None, 87, None, None, None, None),
    ("r5-record-close-of", "The Nasdaq rises 1.1% to a record close of 20,000.", "rises 1.1% to a record close of 20,000", "increase", None, 20000, 1.1, "%", None, 1.1),
    # "a quarter" after "by" is a share, not the three months the dates stage reads
    ("r5-by-almost-a-quarter", "The population of the town has decreased by almost a quarter since 2010.", "decreased by almost a quarter", "decrease",
     None, None, 25, "%", None, -25.0),
    # a rate after "at" read as the amount of a headline verb; a level noun and a bound before the value
    ("r5-shrinks-at-rate", "Japan's economy shrinks at an annualized rate of 0.7% in the first quarter.", "shrinks at an annualized rate of 0.7%", "decrease",
     None, None, 0.7, "%", None, -0.7),
    ("r5-all-time-high-above", "Copper prices surge to an all-time high above US$11,000 a tonne.", "surge to an all-time high above US$11,000", "increase",
     None, 11000, None, None, None, None),
    ("r5-index-added-points", "The index added 15 points on Friday.", "added 15", "increase", None, None, 15, None, None, None),
    ("r5-more-than-doubles-to", "Nvidia's quarterly profit more than doubles to US$19.3 billion.", "doubles to US$19.3 billion", "increase",
     None, 19.3e9, None, None, 2, 100.0),
    # round 6, sentences of the second written corpus (written-changes-2.texts.jsonl: written text, not real news; ids w2-)
    # a span of years the dates stage read as its first year is part of the object
    ("w2-year-span-in-object", "The Reserve Bank of India lowers its inflation forecast for the 2026–27 fiscal year to 3.8% from 4.2%.",
     "lowers its inflation forecast for the 2026–27 fiscal year to 3.8% from 4.2%", "decrease", 4.2, 3.8, None, None, None, -40 / 4.2),
    # a past participle with no subject or auxiliary inside the object modifies its noun (negative: aq-added-said, a clause verb)
    ("w2-participle-in-object", "The rally has lifted the market value of all gold ever mined to about US$32 trillion.",
     "lifted the market value of all gold ever mined to about US$32 trillion", "increase", None, 32e12, None, None, None, None),
    # a comma-led restatement of the same change up to merge_max_words after the value (negative: no-merge-without-later-value)
    # round 6, sentences of the third written corpus (written-changes-3.texts.jsonl: written text, not real news; ids w3-)
    # a level hedge: right after a change verb its value is the level reached; after "to" a hedge of the later value
    ("w3-falls-as-low-as", "Brent crude oil falls as low as US$58.40 per barrel, its lowest level since February 2021.",
     "falls as low as US$58.40", "decrease", None, 58.4, None, None, None, None),
    ("w3-fall-to-as-low-as", "Analysts said that prices could fall to as low as $45 if a recession hit.", "fall to as low as $45", "decrease",
     None, 45, None, None, None, None),
    # a user count after "gain"/"add"/"lose" is the amount the user base changed by (the round-2 negative "gained 3 million
    # users" reversed: the third written corpus labels "gained 12 million users", and the issue asks user counts to link)
    ("w3-gained-users", "Bluesky, which gained 12 million users in the week after the 2024 US election, now has 41 million registered accounts.",
     "gained 12 million", "increase", None, None, 12e6, "users", None, None),
    ("w3-rose-as-much-as", "Shares rose as much as 5% in early trading.", "rose as much as 5%", "increase", None, None, 5, "%", None, 5.0),
    # "recover" takes its value through a preposition; "expand" only a percent right after it
    ("w3-recovered-to", "The company's share of the global DRAM market has recovered to 36%, according to Counterpoint Research.",
     "recovered to 36%", "increase", None, 36, None, None, None, None),
    ("w3-expands", "South Korea's economy expands 1.2% quarter-on-quarter in the third quarter, its fastest growth in more than a year.",
     "expands 1.2%", "increase", None, None, 1.2, "%", None, 1.2),
    # a word mixing letters and digits in the object is a name or code, no value
    ("w3-code-in-object", "Airbus plans to raise production of its A320 family to 75 aircraft a month in 2027, from about 60 now.",
     "raise production of its A320 family to 75 aircraft a month in 2027, from about 60", "increase", 60, 75, None, None, None, 25.0),
    # a percent range after "by between" (money only before round 6)
    ("w3-by-between-percent", "Apple has said it expects total revenue to grow by between 10% and 12% in the September quarter.",
     "grow by between 10% and 12%", "increase", None, None, 11, "%", None, 11.0),
    # round 6, forms of Wikinews reports written for this check: "up to" with an earlier value in its unit is a change
    # (negatives: up-to-bound, r6-up-to-other-unit); a bare number and a period unit in the gap (negative: r6-period-slot)
    ("r6-up-to-from", "Cases are up to 500 from 300 last week.", "up to 500 from 300", "increase", 300, 500, None, None, None, 200 / 3),
    ("r6-period-in-gap", "Infections have risen by 2,300 in the past 24 hours, to a total of 21,000.",
     "risen by 2,300 in the past 24 hours, to a total of 21,000", "increase", None, 21000, 2300, None, None, None),
    ("r6-fell-feet-from-record-levels", "The river fell 3 feet from record levels.", "fell 3", "decrease", None, None, 3, "foot", None, None),
    # a count after a preposition of place, before its noun, inside the object (negative: listed-but-number-before-lead,
    # a comma and a list lead end the object)
    ("r6-count-in-object", "Spotify raises the price of its premium plan in 50 markets by US$1.",
     "raises the price of its premium plan in 50 markets by US$1", "increase", None, None, 1, "USD", None, None),
    ("w2-merge-longer-gap", "The population of monarch butterflies wintering in Mexico rose to 2.9 hectares of forest this season, up from 1.8 hectares.",
     "rose to 2.9 hectares of forest this season, up from 1.8", "increase", 1.8, 2.9, None, None, None, 1100 / 18),
    # round 7, general-news forms written for this check (ids r7-): a percent on the first end of a range another stage read
    # is the amount, the second end the later value (negative: by-range-shared-percent, a unit after the second end is shared)
    ("r7-percent-then-count", "The number of homeless people increased 12 percent to 580,000.", "increased 12 percent to 580,000", "increase",
     None, 580000, 12, "%", None, 12.0),
    # a gerund after a preposition of the object's noun is part of the object (negative: r7-gerund-clause, a verb of a new clause)
    ("r7-gerund-in-object", "The state raised the minimum age for buying tobacco from 18 to 21.",
     "raised the minimum age for buying tobacco from 18 to 21", "increase", 18, 21, None, None, None, 50 / 3),
    # a duration right after "to" or "by" is a value of the change word before it (negatives: r7-sentenced-to, r7-delayed-by)
    ("r7-sentence-to-years", "The court reduced his sentence to 10 years.", "reduced his sentence to 10 years", "decrease", None, 10, None, None, None, None),
    ("r7-fell-by-years", "Life expectancy fell by 1.5 years in 2020.", "fell by 1.5 years", "decrease", None, None, 1.5, "years", None, None),
    # round 7, forms of the fourth written corpus (written text, not real news; ids w4-): "collapsed", "warmed", "cooled"
    # (negatives: r7-collapsed-killing, r7-collapsed-minutes-after, r7-a-warm-degrees)
    ("w4-collapsed-from-to", "Ciudadanos collapsed from 57 seats to 10.", "collapsed from 57 seats to 10", "decrease", 57, 10, None, None, None, -4700 / 57),
    ("w4-warmed-by", "The Antarctic Peninsula has warmed by almost 3 degrees over the past 50 years.", "warmed by almost 3", "increase", None, None, 3,
     "degree", None, None),
    ("r7-receded-to", "The flood waters receded to 2 metres by Friday.", "receded to 2", "decrease", None, 2, None, None, None, None),
    # the lexicon reads "N over <year>" as a fraction: the number before the date is the value (negative: r7-three-over-four)
    # (the amount's noun is gapped from the count before it: people; "over 2014" is no ratio since 2026-11-28)
    ("w4-increase-of-over-year", "About 900 million people were eligible to vote, an increase of 84 million over 2014.", "increase of 84 million",
     "increase", None, None, 84e6, "person", None, None),
    # a relative clause on the object's noun: the values after it are the change word's (negative: r7-relative-after-value)
    ("w4-relative-in-object", "The government cut the amount of onions that retailers may stock from 10 tonnes to 2 tonnes.",
     "cut the amount of onions that retailers may stock from 10 tonnes to 2", "decrease", 10, 2, None, None, None, -80.0),
    # a possessive owner's level word and "of" before the earlier value (negative: to-the-company-500 in _value_after_np's docstring)
    ("w4-possessive-level-of", "Brent crude traded at $25.57 on Monday, down $1.90 from Friday's close of $27.47.",
     "$25.57 on Monday, down $1.90 from Friday's close of $27.47", "decrease", 27.47, 25.57, 1.9, "USD", None, -190 / 27.47),
    # a supply's recipients are no later value, a staff count is (negative: w4-cut-power-to-customers)
    ("r7-cut-staff-to", "The company cut staff to 500.", "cut staff to 500", "decrease", None, 500, None, None, None, None),
    # "a record" between a change word and its amount (read in written-facts-2.texts.jsonl, unlabelled for changes: written text)
    ("r7-added-a-record-total", "Netflix reports that it added a record 19 million paid memberships in the fourth quarter of 2024, taking its total to "
     "more than 301 million.", "added a record 19 million paid memberships in the fourth quarter of 2024, taking its total to more than 301 million",
     "increase", None, 301e6, 19e6, "paying_users", None, None),
    ("r7-to-a-money-record", "Sales rose to a $5 billion record.", "rose to a $5 billion", "increase", None, 5e9, None, None, None, None),
    # "go from A to B" in one measure (negatives: r7-went-to-charities, r7-went-from-years)
    ("r7-went-from-to", "The vaccination rate went from 31 percent to 55 percent.", "went from 31 percent to 55 percent", "increase", 31, 55, None, None,
     None, 2400 / 31),
    ("r7-gone-from-to-decrease", "Deaths have gone from 40 a day to 12.", "gone from 40 a day to 12", "decrease", 40, 12, None, None, None, -70.0),
    # a fraction after "by" the parse attaches to a date's noun is the amount (negative: r7-third-party-date, an adjective)
    ("r7-by-more-than-half-date", "Sales fell by more than half last year.", "fell by more than half", "decrease", None, None, 50, "%", None, -50.0),
    # round 9: a from/to value in another kind of measure is a source, no earlier value (negatives: the spans end before it)
    ("r9-from-other-measure", "Sales rose 10% to $5 billion from 300 stores in 20 countries.", "rose 10% to $5 billion", "increase", None, 5e9, 10,
     "%", None, 10.0),
    ("r9-share-from-users", "Its share rose to 20% from 5 million users.", "rose to 20%", "increase", None, 20, None, None, None, None),
    ("r9-revised-earlier-value", "The trade deficit widened to $10.8 billion in August from a revised $9.6 billion in July.",
     "widened to $10.8 billion in August from a revised $9.6 billion", "increase", 9.6e9, 10.8e9, None, None, None, 12.5),
    # round 9, wsj-changes-tuning: the amount in apposition to a particle verb's object, restated in words, then the later value
    # (negative: particle-object-one-value)
    ("wsjt-pushed-up-object-amount-to", "Speculative investors, betting on an imminent clash between Ford and GM, pushed up Jaguar's share price "
     "five pence (eight U.S. cents) to a near-record 720 pence ($11.60) in late trading on London's stock exchange yesterday.",
     "up Jaguar's share price five pence (eight U.S. cents) to a near-record 720 pence", "increase", None, 7.2, 0.05, "GBP", None, None),
    # round 9, WSJ price moves written for this check: "gained"/"lost" with an amount and a later value in its measure
    # (negatives: lost-money, r9-lost-to-fraud); a restatement holding a value of its own ("for each $1,000 face amount")
    ("r9-gained-fraction-to", "IBM gained 1 3/8 to 104 1/2 in composite trading.", "gained 1 3/8 to 104 1/2", "increase", None, 104.5, 1.375, None,
     None, None),
    ("r9-gained-cents-to", "Coffee futures for December delivery gained 2.35 cents to $1.2845 a pound.", "gained 2.35 cents to $1.2845", "increase",
     None, 1.2845, 0.0235, "USD", None, None),
    ("r9-restatement-with-value", "The 30-year bond fell 3/4 point, or $7.50 for each $1,000 face amount, to 99 1/2 in late trading.",
     "fell 3/4 point, or $7.50 for each $1,000 face amount, to 99 1/2", "decrease", None, 99.5, 0.75, None, None, None),
    ("r9-seasonally-adjusted-rate-of", "Sales of new homes surged 14.3% in September to a seasonally adjusted annual rate of 781,000 units.",
     "surged 14.3% in September to a seasonally adjusted annual rate of 781,000", "increase", None, 781000, 14.3, "%", None, 14.3),
    # round 9, WSJ market verbs written for this check (negatives: r9-retreated-miles, r9-lost-games-score, r9-improved-classrooms)
    ("r9-retreated-points-to", "The Nikkei index retreated 105.36 points to 35,069.85.", "retreated 105.36 points to 35,069.85", "decrease", None,
     35069.85, 105.36, None, None, None),
    ("r9-fell-back-points-to", "Stock prices fell back 20 points to 2,600.", "fell back 20 points to 2,600", "decrease", None, 2600, 20, None, None,
     None),
    ("r9-eroded-to-from", "Its market share eroded to 20% from 25%.", "eroded to 20% from 25%", "decrease", 25, 20, None, None, None, -20.0),
    ("r9-improved-to-from", "Profit improved to $15 million from $10 million.", "improved to $15 million from $10 million", "increase", 10e6, 15e6,
     None, None, None, 50.0),
    ("r9-firmed-fraction", "Bond prices firmed 1/8 point.", "firmed 1/8", "increase", None, None, 0.125, None, None, None),
    # a percent before a rate noun after "at a" (negatives: r9-at-a-percent-discount, r9-slowed-at-a-rate)
    ("r9-grew-at-a-percent-rate", "The economy grew at a 2.5% annual rate in the third quarter.", "grew at a 2.5%", "increase", None, None, 2.5, "%",
     None, 2.5),
    # round 9: WSJ's "#" is the pound sign (changes-tuning.md; sentences of wsj_0127, a tuning document; negative: r9-hash-rank)
    ("tb-hash-pounds-from-to", "Reed International PLC said that net income for the six months ended Oct. 1 slipped 5% to #89.7 million ($141.9 "
     "million), or 16 pence a share, from #94.8 million ($149.9 million), or 17.3 pence a share.",
     "slipped 5% to #89.7 million ($141.9 million), or 16 pence a share, from #94.8 million", "decrease", 94.8e6, 89.7e6, 5, "%", None, -510 / 94.8),
    ("tb-hash-pounds-to", "Sales fell 20% to #722 million.", "fell 20% to #722 million", "decrease", None, 722e6, 20, "%", None, -20.0),
    # a takeover bid raised (negative: r9-sweetened-deal-with)
    ("r9-sweetened-to", "The bid was sweetened to $40 a share.", "sweetened to $40", "increase", None, 40, None, None, None, None),
    ("r9-upped-to-from", "The group upped its offer to $25 a share from $22.", "upped its offer to $25 a share from $22", "increase", 22, 25, None,
     None, None, 300 / 22),
    # a price in eighths at a sentence's end
    ("r9-eighths-at-sentence-end", "Philip Morris added 1 1/4 to 45 3/8.", "added 1 1/4 to 45 3/8", "increase", None, 45.375, 1.25, None, None, None),
    # a frequency between a change word and its value is a word of the gap (negative: r6-cut-times-frequency)
    ("r9-cut-times-then-to", "Rates were cut 3 times last year, to 1.75%.", "cut 3 times last year, to 1.75%", "decrease", None, 1.75, None, None,
     None, None),
    ("r9-went-up-to", "Ticket prices went up to $7.", "up to $7", "increase", None, 7, None, None, None, None),
    ("r9-go-up-to-from", "Cases go up to 500 from 300.", "up to 500 from 300", "increase", 300, 500, None, None, None, 200 / 3),
    # round 9, the mirrors of four precision rules (negatives: r9-power-was-cut-to-homes, r9-lost-seat-by-votes, r9-puts-down-percent)
    ("r9-staff-was-cut-to", "Staff was cut to 500.", "cut to 500", "decrease", None, 500, None, None, None, None),
    ("r9-gained-seats-object-amount", "The Conservatives gained 48 seats, many of them in the north of England.", "gained 48", "increase", None, None,
     48, "seat", None, None),
    ("r9-lost-value-object", "The stock lost its market value by 5% in a day.", "lost its market value by 5%", "decrease", None, None, 5, "%", None,
     -5.0),
    ("r9-prices-were-put-up", "Prices were put up 5% in March.", "up 5%", "increase", None, None, 5, "%", None, 5.0),
    ("r9-inched-up-money", "Shares inched up $1 on Monday.", "up $1", "increase", None, None, 1, "USD", None, None),
    # a rate that speeds up or slows down, through a preposition only (negative: r9-accelerated-minutes-later)
    ("r9-accelerated-to-from", "Inflation accelerated to 5.4% in June from 5% in May.", "accelerated to 5.4% in June from 5%", "increase", 5, 5.4,
     None, None, None, 8.0),
    ("r9-decelerated-to", "Growth decelerated to 4.9% in the third quarter.", "decelerated to 4.9%", "decrease", None, 4.9, None, None, None, None),
    # round 10: a change verb and the multiplier with a later value (the issue's forms, written for this check)
    ("r10-rose-tenfold-to", "Profits rose tenfold to $5 million.", "rose tenfold to $5 million", "increase", None, 5e6, None, None, 10, 900.0),
    ("r10-increased-10-fold", "Revenue increased 10-fold last year.", "increased 10-fold", "increase", None, None, None, None, 10, 900.0),
    # a level qualifier right after a verb of change: the level crossed is the later value, a bound (the value's own mention
    # carries more_than / less_than). changes-tempeval, written-changes-2 and the WSJ sets label these; written-changes-3/4 do
    # not (their planted lists): see benchmarks/newsdev/changes-tuning.md, round 10. Negatives: r10-topped, r10-surpassed,
    # tb-estimate-of, r10-up-above
    ("level-crossed", "Temperatures rose above 40 °C in Seville.", "rose above 40", "increase", None, 40, None, None, None, None),
    ("r5-rises-above", "The euro rises above US$1.10 for the first time since 2023.", "rises above US$1.10", "increase", None, 1.1, None, None, None, None),
    ("r10-climbed-above", "Gold climbed above $400 an ounce.", "climbed above $400", "increase", None, 400, None, None, None, None),
    ("r10-fell-below", "The index fell below 2,000.", "fell below 2,000", "decrease", None, 2000, None, None, None, None),
    ("aq-may-have-climbed-above", "Commanders said 5,500 Iraqi prisoners were taken in the first hours of the ground war, though some military officials "
     "later said the total may have climbed above 8,000.", "climbed above 8,000", "increase", None, 8000, None, None, None, None),
    ("w2-drop-below", "Mr Cardoso told reporters that the bank expected inflation to drop below 15% by December.", "drop below 15%", "decrease",
     None, 15, None, None, None, None),
    # a headline verb the tagger reads as a plural noun of change, before the level it crossed (written-facts-2 #23: written
    # text, unlabelled for changes; negative: r10-gains-above-noun)
    ("wf2-rises-above-headline", "The price of gold rises above $5,000 an ounce for the first time, as the U.S. dollar weakens.",
     "rises above $5,000", "increase", None, 5000, None, None, None, None),
    # round 12 (ids w5-: written-changes-5, written text, not real news; the others news forms written for this check).
    # A number counting a compound of the object names the quantity, not a value (negative: r12-number-of-object-head)
    ("w5-compound-number-in-object", "In swimming, China's Pan Zhanle lowered his 100 metres freestyle world record to 46.40 seconds, from 46.80, the "
     "first time a man had broken it at an Olympics since 2008.", "lowered his 100 metres freestyle world record to 46.40 seconds, from 46.80",
     "decrease", 46.8, 46.4, None, None, None, -0.4 / 46.8 * 100),
    # a time noun that is the change verb's direct object is the amount cut (negatives: r12-minutes-after, r12-minutes-after-open)
    ("w5-cutting-seconds", "Kenyan runner Kelvin Kiptum set a men's marathon world record of 2 hours and 35 seconds at the Chicago Marathon on "
     "Sunday, cutting 34 seconds from the previous record set by his compatriot Eliud Kipchoge in Berlin in 2022.", "cutting 34", "decrease",
     None, None, 34, "second", None, None),
    ("r12-cut-minutes-from", "The airline cut 20 minutes from the flight time.", "cut 20", "decrease", None, None, 20, "minute", None, None),
    # "past" as a level crossed after a verb of change (negatives: r12-walked-past, r12-rose-past-midday)
    ("r12-surges-past", "Bitcoin surges past US$100,000 for the first time.", "surges past US$100,000", "increase", None, 1e5, None, None, None, None),
    ("r12-climbs-past-points", "The Dow climbs past 40,000 points.", "climbs past 40,000", "increase", None, 40000, None, None, None, None),
    # the age of a level between the article and the level noun ("a 31-year low of"; negative: r12-year-low-no-value)
    ("r12-year-low-of", "The pound slumped to a 31-year low of $1.20.", "slumped to a 31-year low of $1.20", "decrease", None, 1.2, None, None, None,
     None),
    ("r12-month-high-of-spelled", "The yen fell to a three-month low of 150 per dollar.", "fell to a three-month low of 150", "decrease", None, 150,
     None, None, None, None),
    # a currency's value, a percent only right after the word (negatives: r12-appreciated-count, r12-depreciated-machines)
    ("r12-depreciated-by", "The currency has depreciated by 30% against the dollar this year.", "depreciated by 30%", "decrease", None, None, 30,
     "%", None, -30.0),
    ("r12-appreciated-percent", "The rupee appreciated 2% against the dollar on Monday.", "appreciated 2%", "increase", None, None, 2, "%", None,
     2.0),
    ("r12-depreciated-percent-to", "The lira depreciated 5% to 18 per dollar.", "depreciated 5% to 18", "decrease", None, 18, 5, "%", None, -5.0),
    # a passive verb of change through a preposition takes a percent right after it (negatives: r12-active-raised-percent-of,
    # r12-passive-raised-distance)
    ("r12-passive-reduced-percent", "Emissions have been reduced 40% since 1990.", "reduced 40%", "decrease", None, None, 40, "%", None, -40.0),
    ("r12-passive-raised-percent", "Fuel prices were raised 20 percent on Friday.", "raised 20 percent", "increase", None, None, 20, "%", None, 20.0),
    # round 13 (twelfth session; news forms written for this check, no sentence of the readable text holds them): a hedge that
    # ends with the article of an article-led number ("over a", "more than a") leaves the number whole (negative:
    # r13-more-than-a-little)
    ("r13-hedge-article-hundred", "Casualties increased by over a hundred overnight.", "increased by over a hundred", "increase", None, None, 100, None,
     None, None),
    ("r13-hedge-article-more-than", "The death toll rose by more than a hundred.", "rose by more than a hundred", "increase", None, None, 100, None, None,
     None),
    # an article-led single point that the parse makes a verb's object or the object of "by" is one point (negatives:
    # r13-to-a-point-where, r13-at-a-point, r13-point-of-order)
    ("r13-full-percentage-point", "The unemployment rate dropped a full percentage point in March.", "dropped a full percentage point", "decrease", None,
     None, 1, "%", None, -1.0),
    ("r13-by-a-percentage-point", "The central bank raised rates by a percentage point.", "raised rates by a percentage point", "increase", None, None,
     1, "%", None, 1.0),
    ("r13-by-a-full-point-to", "The rate fell by a full point to 4%.", "fell by a full point to 4%", "decrease", None, 4, 1, None, None, None),
    # a spelled fraction the parse hangs on a date's noun is the amount, not an adjective ("a fifth last year"; negatives:
    # r13-fifth-year-running, r13-fifth-time)
    ("r13-fraction-before-date", "Sales fell by about a fifth last year.", "fell by about a fifth", "decrease", None, None, 20, "%", None, -20.0),
]


@pytest.mark.parametrize(
    ("text", "span", "direction", "from_", "to", "by", "by_unit", "multiplier", "pct"), [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES]
)
def test_change_statements(run, text, span, direction, from_, to, by, by_unit, multiplier, pct) -> None:
    found = run(text)
    rows = [c for c in found["changes"] if c["kind"] == "change"]
    assert [c["text"] for c in rows] == [span], found["changes"]
    row = rows[0]
    assert row["direction"] == direction
    for col, want in (("from_value", from_), ("to_value", to), ("by_value", by), ("multiplier", multiplier), ("relative_change", pct)):
        assert row[col] == (None if want is None else pytest.approx(want)), col
    assert row["by_unit"] == by_unit
    for part in ("from", "to", "by"):
        if row[f"{part}_start"] is not None:  # the reference is the number's own span
            assert text[row[f"{part}_start"] : row[f"{part}_end"]] in span


# (id, sentence): change words without a change statement
NOT_CHANGES = [
    # ... without both values or a percent it says what was added or what it cost
    ("particle-object-one-value", "He picked up the phone to 5 people."),
    ("particle-object-from-only", "She turned down the offer from 3 firms."),
    ("filler-is-a-whole-word", "The umpire said prices are high, 5 percent of buyers complained."),
    ("expansion-of-stores", "The chain announced an expansion of 500 stores."),
    ("expansion-cost", "A $2 billion expansion of the plant was approved."),
    ("expansion-into", "The expansion into 12 countries began."),
    ("up-to-bound", "The app has up to 5 million users."),
    ("cutting-off", "Israel is cutting off water to about 10,000 homes."),
    ("made-up-share", "Women made up 40% of the board."),
    ("raised-funding", "The startup raised $50 million in a Series B round."),
    ("lost-money", "The company lost $2 billion last year."),
    ("no-number", "Vaccination rates dropped sharply in 2018."),
    ("fall-of-year", "He left office in the fall of 1989."),
    ("equal-to", "The firm will lay off staff, equal to at least 240 people."),
    ("dev-lower-adjective", "Mukherjee was also elected to the Lok Sabha, the lower legislature, for two terms in addition to his five terms in Rajya Sabha."),
    ("tb-third-quarter", "Most of Compaq's decline is being attributed to a third-quarter earnings report."),
    ("events-not-amount", "The central bank announced three increases this year."),
    ("lost-games", "The team lost 3 games in a row."),
    ("lost-score", "The Lakers lost 102-98 on Sunday."),
    ("down-payment", "Buyers need a 10% down payment."),
    ("higher-adjective", "Up to 40% higher doses were used."),
    ("aq-added-said", "\"We cannot accept this,\" he added, referring to the two proposals."),
    ("tb-possessive-share", "The sale boosts Nestle's 7% share of the U.S. candy market."),
    ("tb-due-to-loss-of", "The company said it cut the dividend due to its third-quarter loss of $992,000, or 15 cents a share."),
    ("tb-estimate-of", "Earnings could fall below a recent analyst's estimate of $1.65 a share."),
    # round 3: false changes (ranges, "from A to B" of places and dates, poll margins, "rose to power")
    ("dev-range-from-to", "A large number of homes have been destroyed with some estimates by the Red Cross and government officials ranging from 45% to 60% destruction."),
    ("dev-poll-margin", "In an April 30 – May 4 Monmouth poll, Biden led Trump 47 percent to 40 percent with 5 percent for Amash."),
    ("dev-extended-by-days", "The parliament of Portugal voted to extend the national state of emergency by 15 days; the vote passed with 215 votes in favor."),
    ("dates-from-to", "He served as mayor from 2001 to 2009."),
    ("places-from-to", "He moved from Chicago to New York in 1990."),
    ("rose-to-power", "The party rose to power in 1933."),
    ("escalated-no-number", "The conflict escalated to a full-scale war within two days."),
    ("spelled-odds-need-hyphens", "One in five voters rose early to vote."),
    ("lost-children", "The couple lost three children in the fire."),
    ("lost-soldiers", "The army lost 12 soldiers in the attack."),
    ("slow-adjective", "Progress was slow in 2020, with 5 projects finished."),
    ("plural-noun-root-with-verb", "Sinks and toilets were replaced in 20 homes."),
    ("by-a-third-party", "The data was reduced by a third party contractor."),
    ("determiner-no-amount", "Prices rose all day as 3 banks failed."),
    ("held-at", "The Bank of England held rates at 5.25%."),
    ("since-clause-stops", "Prices rose sharply since the war began, with 5 ships sunk."),
    # round 4: a gain in money is a profit; a shortfall; a person falling; a change noun modifying a noun; structures
    ("tb4-gain-money-profit", "The charge is offset by an after-tax gain of about $30 million in the quarter from the previously announced pact to sell "
     "National Aluminum's rolling division."),
    ("tb4-gain-from-sale-of", "Company officials also said that any gain from the sale of Westinghouse's 55% stake in its transmission and distribution "
     "venture will be offset by a restructuring charge in the fourth quarter."),
    ("netted-money", "The company netted $5 million from the sale."),
    ("tb4-fell-short", "Mr. Thompson noted that the disappointing earnings, which fell five cents a share short of his own projections, contributed to "
     "the sell-off by an edgy and currently unforgiving investing public."),
    ("brief-fell-feet", "He fell 20 feet from the roof."),
    ("tb4-growth-range-compound", "Even if the gross national product is either flat or in the growth range of 2% to 2.5%, \"we can handle that,\" Mr. Marous said."),
    ("dev-structures-from-to", "The overhaul cuts the consumption tax from a four-tier structure to a two-rate structure."),
    ("picked-up-share-of", "The party picked up 5% of the vote."),
    ("possessive-count-not-value", "The firm raised wages to the company's 500 employees."),
    # round 5: nouns spelled like the historic-present verbs added ("dives", "axes" stay out of the rules)
    ("r5-dives-noun", "The team made three dives to 40 metres."),
    ("r5-axes-noun", "The graph's two axes show 5 values."),
    ("r5-contracts-noun", "The firm signed contracts worth $5 billion."),
    ("went-up-in-flames", "The house went up in flames in 2 minutes."),
    # a level with no value written is no statement ("at" a value needs the level phrase after "to")
    ("r5-highest-no-value", "Mortgage rates climb to the highest since 2000."),
    # a rate held or a level crossed is no change
    ("r5-holds-at", "Sweden's Riksbank holds its policy rate at 2.25%."),
    # scores and a player's tally are no change (negative of r5-index-added-points)
    ("aside-then-clause", "Prices rose, Reuters said, and 5 banks failed."),
    ("r5-score-down", "The team was down 2–0 at half-time but came back to win 3–2."),
    ("r5-score-fell", "The Lakers fell 110-102 to the Celtics."),
    ("r5-player-added-points", "He added 15 points and 7 rebounds."),
    # round 6: a person moving after a verb of moving is no change ("prices went up 5%" is one: r5-went-up-from-to)
    ("r6-person-went-up-to-floors", "He went up to 5 floors."),
    ("r6-person-went-up-floors", "She went up 3 floors."),
    # money after "lose"/"wipe" needs a value noun after it (positives: w2-wiping-off-market-value, w2-adding-to-market-value)
    ("r6-lost-money-to", "The company lost $2 billion to fraud."),
    ("r6-wiped-out", "The flood wiped out 300 homes."),
    # a level hedge with no change word; a range lead before no range; a count after a verb that takes only a percent;
    # a value of "recover" only after a preposition (positives: w3-falls-as-low-as, w3-by-between-percent, w3-expands,
    # w3-recovered-to)
    ("r6-as-low-as-no-change", "Prices were as low as $45 in May."),
    ("r6-between-dates", "Prices rose between May and June, with 5% of shops closed."),
    ("r6-expanded-stores", "The chain expanded 500 stores."),
    ("r6-recovered-bodies", "Police recovered 30 bodies."),
    ("r6-up-to-other-unit", "The app has up to 5 million users from 20 countries."),
    # a period's number is no gap word before any value is read ("extend ... by 15 days" stays no change: dev-extended-by-days)
    ("r6-period-slot", "The curfew was extended for 15 days to the end of May."),
    # a bare number before "times" is how often, never an amount (positive: times-by-year, a multiplier of a change)
    ("r6-cut-times-frequency", "The man was cut 15 times with a knife."),
    # a length then "from" and a bare noun: the place something fell from (positive: r6-fell-feet-from-record-levels)
    ("w2-falling-from-scaffolding", "A worker dies after falling 20 feet from scaffolding at the construction site of a new office tower."),
    # round 7: a fall's end (positive: r6-fell-feet-from-record-levels); durations with no change word, or a time ago
    ("r7-fell-to-his-death", "The climber fell 200 metres to his death."),
    ("r7-sentenced-to", "He was sentenced to 10 years in prison."),
    ("r7-delayed-by", "The launch was delayed by two weeks."),
    ("r7-third-party-date", "The account was hacked by a third party last year, and the losses rose."),
    # round 7, planted non-changes of the fourth written corpus (written-changes-4.texts.jsonl: written text, not real news; ids w4-)
    # and their mirrors: a supply cut off from a count of people; "of" after a level reached counts its set; a time after a
    # change word; adjectives of temperature
    ("w4-cut-power-to-customers", "Pacific Gas and Electric cut power to about 172,000 customers on Tuesday to reduce the risk of new fires."),
    ("w4-highest-of-its-four", "President Moon Jae-in on Sunday raised the country's infectious disease alert to the highest of its four levels."),
    ("r7-collapsed-minutes-after", "The roof collapsed 20 minutes after the blast."),
    ("r7-fell-minutes-after", "Shares fell 20 minutes after the opening bell."),
    ("r7-a-warm-degrees", "It was a warm 25 degrees on Sunday."),
    ("r7-collapsed-killing", "The building collapsed, killing 12 people."),
    # an article, money and the noun it modifies after "by": a thing, no amount (read in written-facts-2 texts; positives:
    # r7-to-a-money-record, cut-an-additional)
    ("r7-by-a-money-noun", "Netflix says its profit was reduced by a $619 million dispute with Brazilian tax authorities."),
    ("r7-went-to-charities", "The money went to 45 charities."),
    ("r7-went-from-years", "He went from 2019 to 2021 without a job."),
    ("r7-gerund-clause", "The firm raised $5 million after selling shares from 2019 to 2021."),
    # round 9, read in the written-facts and written-counts-1 texts (labelled for other types, not for changes: written text):
    # a supply as the passive subject (positive: r9-staff-was-cut-to); the margin of a contest lost, after the verb's own
    # object (positives: r9-gained-seats-object-amount, r9-lost-value-object); an amount put or paid after a verb of placing
    # (positives: r9-prices-were-put-up, r9-inched-up-money)
    ("r9-power-was-cut-to-homes", "Power was cut to about 724,000 homes as a precaution."),
    ("r9-lost-seat-by-votes", "The Liberal Democrats won 11 seats; their leader Jo Swinson lost her seat in East Dunbartonshire by 149 votes."),
    ("r9-lost-race-by-points", "The Democrat lost the race by 3 points."),
    ("r9-puts-down-percent", "A buyer who puts down 20% on a median-priced home now faces a monthly mortgage payment of about $2,200."),
    ("r9-put-up-money", "Investors put up $50 million for the project."),
    ("r9-accelerated-minutes-later", "The car accelerated 30 minutes later."),
    ("r9-lost-to-fraud", "The company lost $5 million to fraud."),
    ("r9-hash-rank", "The song rose to #1 on the chart."),
    ("r9-sweetened-deal-with", "He sweetened the deal with 5 extra shares."),
    # "up to" after a present form of "go" is a range's bound (positives: r9-went-up-to, r9-go-up-to-from)
    ("r9-goes-up-to-bound", "The temperature goes up to 20,000 Kelvin."),
    ("r9-can-go-up-to-bound", "It can go up to 30%."),
    # the amount after a change adverb is a verb's direct object: the adverb is its particle (wsj_0376, a tuning document;
    # positives: r9-inched-up-money, the "off" rows of the tuning set)
    ("tb-spin-off-pounds", "It is dwarfed by B.A.T Industries PLC's plans to spin roughly off #4 billion in assets to help fend off a takeover bid."),
    ("r9-wrote-off-money", "The bank wrote off $500 million in bad loans."),
    ("r9-retreated-miles", "The troops retreated 20 miles to the border."),
    ("r9-lost-games-score", "The team lost 3 games to 1."),
    ("r9-improved-classrooms", "The school improved 5 classrooms."),
    ("r9-fell-back-to-place", "They fell back to the city."),
    ("r9-at-a-percent-discount", "Prices rose at a 5% discount to the index."),
    ("r9-slowed-at-a-rate", "Growth slowed at a 3% annual rate."),
    ("dev-accelerate-object-to", "Spanish Prime Minister Pedro Sánchez announces that Spain will accelerate defense spending to 2% of its GDP in four years."),
    # round 10: a level reached with no change verb stays a level (positives: r10-climbed-above, level-crossed)
    ("r10-topped", "Oil topped $50 a barrel."),
    ("xie-number-injured-topped", "Bombs at the U.S. embassies killed at least 110 people, and the number injured topped 2,200."),
    ("r10-surpassed", "Netflix says it has surpassed 325 million paid memberships worldwide."),
    ("r10-up-above", "Sales were up above $5 million."),
    ("r10-gains-above-noun", "Gains above 5% are taxed."),
    # a valuation multiple is no change (positives: r10-times-book-value, r10-times-earnings)
    ("r10-trades-at-times-book", "The stock trades at 1.65 times book value."),
    ("r10-pe-multiple-of", "The company trades at a price-earnings multiple of 15."),
    # round 12 mirrors: a number of the object's own head noun still ends the object (positive: w5-compound-number-in-object);
    # a time that is no object of the change word is when, not how much (positive: w5-cutting-seconds)
    ("r12-number-of-object-head", "Ryanair raised 2 fares to 50 euros."),
    ("r12-minutes-after", "The roof collapsed 20 minutes after the blast."),
    ("r12-minutes-after-open", "Shares fell 20 minutes after the open."),
    ("r12-walked-past", "He walked past 3 shops."),
    ("r12-rose-past-midday", "Stocks rose past midday."),
    ("r12-year-low-no-value", "The pound slumped to a 31-year low."),
    ("r12-appreciated-count", "We appreciated 2 of the speeches."),
    ("r12-depreciated-machines", "The company depreciated 3 machines last year."),
    ("r12-active-raised-percent-of", "The bank raised 20 percent of its capital."),
    ("r12-passive-raised-distance", "He was raised 5 miles from here."),
    ("r13-more-than-a-little", "Sales rose more than a little last year."),
    ("r13-to-a-point-where", "The fund fell to a point where it could not pay."),
    ("r13-at-a-point", "The index rose at a point in the afternoon."),
    ("r13-point-of-order", "He made a point of order after rates rose."),
    ("r13-fifth-year-running", "Prices fell a fifth year running."),
    ("r13-fifth-time", "Profits rose a fifth time last year."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_CHANGES], ids=[c[0] for c in NOT_CHANGES])
def test_not_change_statements(run, text) -> None:
    found = run(text)
    assert not [c for c in found["changes"] if c["kind"] == "change"], found["changes"]


# round 5: sentences of the written corpus (benchmarks/newsdev/written-changes.texts.jsonl: written in the style of 2019-2026
# portal days and Wikinews, not real news), each a class the round-5 rules fix: (id, sentence, [(span, from, to, by), ...])
WRITTEN = [
    # a headline verb the tagger reads as a plural noun, an amount right after it
    ("w5-plummets-noun-tag", "After the United States and Iran agree to a ceasefire, Brent crude plummets 13% to US$94.80 a barrel, while the Stoxx "
     "Europe 600 index jumps 3.9%.", [("plummets 13% to US$94.80", None, 94.8, 13), ("jumps 3.9%", None, None, 3.9)]),
    ("w5-soars-appos", "Trump announces a 90-day pause on most reciprocal tariffs but raises the tariff on Chinese imports to 125%; the S&P 500 "
     "soars 9.5%, its biggest one-day gain since 2008.", [("raises the tariff on Chinese imports to 125%", None, 125, None), ("soars 9.5%", None, None, 9.5)]),
    ("w5-soars-to-a-record", "The price of gold soars to a record US$3,600 an ounce.", [("soars to a record US$3,600", None, 3600, None)]),
    # "up to" after a verb of a small move is a change to a later value (negative: up-to-bound)
    ("w5-edges-up-to-from", "Eurozone inflation edges up to 2% in June from 1.9% in May.", [("up to 2% in June from 1.9%", 1.9, 2, None)]),
    ("w5-ticks-up-to", "In the United States, employers add just 22,000 jobs in August, and the unemployment rate ticks up to 4.3%, the highest since 2021.",
     [("add just 22,000", None, None, 22000), ("up to 4.3%", None, 4.3, None)]),
    ("w5-weakens-percent", "The S&P/TSX Composite Index in Toronto slumps 1.8%, while the Mexican peso weakens 1.2% against the U.S. dollar.",
     [("slumps 1.8%", None, None, 1.8), ("weakens 1.2%", None, None, 1.2)]),
    # money after "lose" with a value noun, a count after "add" with a new total, a measure after "add" (negatives: lost-money, gained-users)
    ("w5-loses-market-value", "Nvidia's shares plunge 17% and the company loses nearly US$593 billion in market value, the largest single-day loss for "
     "any company in history.", [("plunge 17%", None, None, 17), ("loses nearly US$593 billion", None, None, 593e9)]),
    ("w5-added-bringing-total", "Netflix said on Tuesday that it added 18.9 million paid subscribers in the fourth quarter of 2024, bringing its total to "
     "301.6 million.", [("added 18.9 million paid subscribers in the fourth quarter of 2024, bringing its total to 301.6 million", None, 301.6e6, 18.9e6)]),
    ("w5-added-measure", "The world added 585 gigawatts of renewable power capacity in 2024.", [("added 585", None, None, 585)]),
    # a rate after "at" is the amount; a value before a change noun is no earlier value ("from a 0.5% contraction")
    ("w5-grows-at-rate", "The United States economy grows at an annualized rate of 3% in the second quarter, rebounding from a 0.5% contraction in "
     "the first quarter.", [("grows at an annualized rate of 3%", None, None, 3), ("0.5% contraction", None, None, 0.5)]),
    # a restatement after unit words; ranges another stage read: two values after "from", or when far apart; a range after "of"
    ("w5-restatement-after-unit", "The Dow Jones Industrial Average tumbles 1,679 points, or 4%, to 40,545, its largest one-day point drop since 2020, while "
     "the Nasdaq Composite sinks 6% to 16,550.", [("tumbles 1,679 points, or 4%, to 40,545", None, 40545, 1679), ("sinks 6% to 16,550", None, 16550, 6)]),
    ("w5-money-amount-to-value", "The Hang Seng Index surges 3% to 23,549 points, and Brent crude rises more than US$2 to US$66 a barrel.",
     [("surges 3% to 23,549", None, 23549, 3), ("rises more than US$2 to US$66", None, 66, 2)]),
    ("w5-from-range-two-values", "Concentrations of nitrous oxide have risen from about 270 to 338 parts per billion since 1750.",
     [("risen from about 270 to 338", 270, 338, None)]),
    ("w5-noun-of-range", "Walmart shares fall 6.5% after the retailer forecasts annual sales growth of 3% to 4%, down from 5.1% in the fiscal year just ended.",
     [("fall 6.5%", None, None, 6.5), ("growth of 3% to 4%", None, None, 3.5), ("down from 5.1%", 5.1, None, None)]),
    # "compared with <year>" is the baseline, "a quarter of a percentage point" an amount, "to a record <count>" a later value
    ("w5-compared-with-year", "The area burned by wildfires in the European Union in 2025 doubled compared with 2024 to more than one million hectares.",
     [("doubled compared with 2024 to more than one million", None, 1e6, None)]),
    ("w5-quarter-of-a-point", "The Bank of Canada on Wednesday lowered its overnight rate by a quarter of a percentage point to 2.75%, its seventh "
     "consecutive cut, citing the threat of a trade war with the United States.", [("lowered its overnight rate by a quarter of a percentage point to 2.75%", None, 2.75, 0.25)]),
    ("w5-to-a-record-count", "The number of people aged 65 and older rose to a record 36.2 million, or 29.4% of the population, and the share of the "
     "working-age population shrank to 59.6%.", [("rose to a record 36.2 million", None, 36.2e6, None), ("shrank to 59.6%", None, 59.6, None)]),
    # sentences of the other written corpus (written-facts.texts.jsonl, labelled for money and user counts, read here for
    # changes only; ids wf-): a predeterminer fraction after a change verb; a range after "to between"
    ("wf-lost-half-its-value", "Bitcoin falls to about US$63,000, its lowest level since October 2024, having lost roughly half its value since its peak "
     "in October.", [("falls to about US$63,000", None, 63000, None), ("lost roughly half", None, None, 50)]),
    ("wf-to-between-range", "Meta Platforms says its family of apps now has 3.43 billion daily active people, and raises its 2025 capital expenditure "
     "forecast to between US$64 billion and US$72 billion.", [("raises its 2025 capital expenditure forecast to between US$64 billion and US$72 billion", None, 68e9, None)]),
    # a change adverb as an adjective after an article is no change
    ("wf-a-lower-percent-noun", "Japan and the United States reach a trade agreement under which Japan will invest US$550 billion in American projects in "
     "exchange for a lower 15% tariff on its cars and other goods.", []),
    # round 6 (written-changes-2.texts.jsonl, ids w2-): money after "add"/"wipe" with a value noun after a preposition and a
    # possessive (negatives: r6-lost-money-to, r6-wiped-out)
    ("w2-wiping-off-market-value", "Tesla shares fall 14% in one day, wiping about US$150 billion off the company's market value.",
     [("fall 14%", None, None, 14), ("wiping about US$150 billion", None, None, 150e9)]),
    ("w2-adding-to-market-value", "Oracle shares soar 36% in a single day, adding about US$244 billion to the company's market value.",
     [("soar 36%", None, None, 36), ("adding about US$244 billion", None, None, 244e9)]),
    # round 7 (ids w4-: written-changes-4, written text, not real news): a period "between A and B" after an amount, then a
    # gapped clause led by a preposition
    ("w4-between-dates-gapped", "Arthropod biomass on German grasslands fell by 67% between 2008 and 2017, and in forests by 41%, according to a study.",
     [("fell by 67%", None, None, 67), ("by 41%", None, None, 41)]),
    ("r7-relative-after-value", "Exports rose to $5 billion, which was more than the 3 billion analysts expected.", [("rose to $5 billion", None, 5e9, None)]),
    ("r7-three-over-four", "The ratio was three over four in 2014, and costs rose 5% over 2013.", [("rose 5%", None, None, 5)]),
    # round 7: a gerund after a word that ends an object starts no object (positive: r7-gerund-in-object)
    ("w2-gerund-after-stopper", "The price of silver plunges 26% in a single session to US$85.30 an ounce, its largest one-day fall since 1980, a week "
     "after reaching a record of US$121.", [("plunges 26% in a single session to US$85.30", None, 85.3, 26)]),
    # planted non-changes: matter that fell, a distance moved
    ("w5-snow-and-fall", "A winter storm drops up to 60 centimetres of snow across New England; a hiker in New Hampshire survives after falling 20 feet "
     "into a ravine.", []),
    # round 11 (ids w5-: written-changes-5, written text, not real news). A neutral particle before a level crossed ("climbs
    # back above"; negative: r11-back-no-change-word); a comma-led amount merged past "for the first time since <date>"
    # (negative: r11-adjunct-other-direction)
    ("w5-climbs-back-above", "South Korea's KOSPI climbs back above 2,600 for the first time since July, up 1.8% on the day, led by shares of "
     "chipmakers.", [("climbs back above 2,600 for the first time since July, up 1.8%", None, 2600, 1.8)]),
    ("r11-climbed-back-above", "The KOSPI climbed back above 2,600 on Monday.", [("climbed back above 2,600", None, 2600, None)]),
    ("r11-back-no-change-word", "The index came back above 2,600 on Monday.", []),
    ("w5-falls-below-first-time-since", "Bitcoin falls below US$70,000 for the first time since November 2024, down 44% from its peak in October.",
     [("falls below US$70,000 for the first time since November 2024, down 44%", None, 70000, 44)]),
    ("r11-adjunct-other-direction", "Bitcoin falls below US$70,000 for the first time since November 2024, up 44% on the year.",
     [("falls below US$70,000", None, 70000, None), ("up 44%", None, None, 44)]),
    # the same fall restated in the index points of the later value: one statement (negative: w2-wiping-off-market-value,
    # money against an index level, stays two)
    ("w5-fall-of-points-restated", "Japan's Nikkei 225 stock index plunged 12.4% on Monday to close at 31,458.42, a fall of 4,451.28 points and its "
     "biggest one-day drop in points ever.", [("plunged 12.4% on Monday to close at 31,458.42, a fall of 4,451.28", None, 31458.42, 12.4)]),
    ("w5-gaining-points-restated", "On Tuesday the Nikkei rebounded 10.2% to 34,675.46, gaining 3,217.04 points, its biggest one-day rise in points.",
     [("rebounded 10.2% to 34,675.46, gaining 3,217.04", None, 34675.46, 10.2)]),
    ("r11-no-restatement-without-percent", "The Nikkei rose 300 points to 34,675, gaining 2,000 points this year.",
     [("rose 300 points to 34,675", None, 34675, 300), ("gaining 2,000", None, None, 2000)]),
    # pence glued to their number (no other stage reads them; negative: r11-pm-not-pence)
    ("w5-pence", "Petrol prices, however, fell 1.2p to 165.4p a litre, the RAC said, as the price of oil eased.",
     [("fell 1.2p to 165.4p", None, 1.654, 0.012)]),
    ("r11-pm-not-pence", "The index rose 5% before 3p.m. on Friday.", [("rose 5%", None, None, 5)]),
    # "ease" in the historic present of a Current-events item (negative: r11-to-ease-the-shortage)
    ("w5-prices-ease", "Gold prices ease 1.3% to US$3,100 an ounce after reaching a record high of US$3,167 on Wednesday.",
     [("ease 1.3% to US$3,100", None, 3100, 1.3)]),
    ("r11-to-ease-the-shortage", "To ease the shortage, the government began auctioning 210,000 tonnes from its emergency stockpile this month.", []),
    # a participle of reaching gives the later value of a change verb with none of its own (negatives: r11-reaching-no-value,
    # r11-noun-reaching)
    ("w5-increased-further-reaching", "Cases in Birmingham have since increased further, reaching 216 in January.",
     [("increased further, reaching 216", None, 216, None)]),
    ("r11-rose-sharply-reaching", "Inflation rose sharply, reaching a record 11.1% in October.", [("rose sharply, reaching a record 11.1%", None, 11.1, None)]),
    ("r11-reaching-no-value", "Prices rose, reaching consumers in 5 states.", []),
    ("r11-noun-reaching", "The rise, reaching 5%, surprised economists.", []),
    # "wipe out" with money before a value noun (negatives: r6-wiped-out, a count destroyed; r11-wiped-out-money-no-value-noun)
    ("w5-wiping-out-wealth", "On the Bombay Stock Exchange the Sensex index fell 5.7% to 72,079.05 on Tuesday as counting showed the BJP short of a "
     "majority, wiping out about ₹30 trillion of investors' wealth.", [("fell 5.7% to 72,079.05", None, 72079.05, 5.7), ("wiping out about ₹30 trillion", None, None, 30e12)]),
    ("r11-wiped-out-money-no-value-noun", "The fire wiped out $5 million of crops.", []),
    # "to reach / to total N" after an amount gives the later value, as "to close at" (negatives: r11-to-reach-no-value,
    # r11-to-reach-its-goal)
    ("w5-gained-seats-to-reach", "The Greens gained 22 seats to reach 74, their best result.", [("gained 22 seats to reach 74", None, 74, 22)]),
    ("r11-to-total", "Sales grew 8% to total $5 billion.", [("grew 8% to total $5 billion", None, 5e9, 8)]),
    ("r11-to-reach-no-value", "Prices rose 5% to reach consumers in 12 states.", [("rose 5%", None, None, 5)]),
    ("r11-to-reach-its-goal", "The company cut 300 jobs to reach its goal of 5,000 savings.", [("cut 300", None, None, 300)]),
    # a parenthesis holds a restatement as a comma does: the earlier value with a period, a change adverb after the later
    # value (negatives: r11-paren-other-direction, r11-paren-from-restated)
    ("w5-paren-up-after-level", "Japan's Nikkei 225 index closes at 27,105.20 (up 1.2%) after the yen falls to its weakest level against the U.S. "
     "dollar since 1990.", [("27,105.20 (up 1.2%", None, 27105.2, 1.2)]),
    ("r11-paren-down-from-merged", "Unemployment fell to 4.1% (down from 4.3%) in March.", [("fell to 4.1% (down from 4.3%", 4.3, 4.1, None)]),
    ("r11-paren-from-with-period", "Revenue rose 5% to $2 billion (from $1.9 billion a year earlier).",
     [("rose 5% to $2 billion (from $1.9 billion", 1.9e9, 2e9, 5)]),
    ("r11-paren-up-from-after-level", "Turnout was 61.2% (up from 58.4% in 2019).", [("61.2% (up from 58.4%", 58.4, 61.2, None)]),
    ("r11-paren-other-direction", "Sales fell to $5 billion (up 3% in dollar terms) last year.", [("fell to $5 billion", None, 5e9, None), ("up 3%", None, None, 3)]),
    ("r11-paren-from-restated", "Profit rose to $2 billion (from $1.5 billion, or 33%).", [("rose to $2 billion", None, 2e9, None)]),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in WRITTEN], ids=[c[0] for c in WRITTEN])
def test_written_corpus_statements(run, text, want) -> None:
    found = run(text)
    got = [(c["text"], c["from_value"], c["to_value"], c["by_value"]) for c in found["changes"] if c["kind"] == "change"]
    assert [g[0] for g in got] == [w[0] for w in want], got
    for g, w in zip(got, want):
        for a, b in zip(g[1:], w[1:]):
            assert a == (None if b is None else pytest.approx(b)), (g, w)


# (id, sentence, [(span, from, to, by), ...]): one change word shared by several statements
GAPPED = [
    ("brief-gapped-subject", "Revenue rose 12% and profit 8%.", [("rose 12%", None, None, 12), ("8%", None, None, 8)]),
    ("brief-and-then-to", "Passengers rose from 40 million to 52 million and then to 60 million.",
     [("rose from 40 million to 52 million", 40e6, 52e6, None), ("to 60 million", 52e6, 60e6, None)]),
    ("gapped-prep", "Oil rose, with Brent rising to US$80.10 per barrel and West Texas Intermediate to US$76.40 per barrel.",
     [("rising to US$80.10", None, 80.1, None), ("to US$76.40", None, 76.4, None)]),
    ("dev-respectively", "On Sunday and Saturday evening, Woolworths and Coles lowered their purchase restrictions on toilet paper to two and one package per transaction in all stores on national level, respectively.",
     [("lowered their purchase restrictions on toilet paper to two", None, 2, None), ("one", None, 1, None)]),
    ("two-verbs-not-gapped", "The Nasdaq Composite falls 4% and the S&P 500 falls 2.7%.", [("falls 4%", None, None, 4), ("falls 2.7%", None, None, 2.7)]),
    ("no-respectively-no-list", "Prices rose to 5 and 6 in two days.", [("rose to 5", None, 5, None)]),
    ("and-clause-with-verb", "Prices rose to $80 and traders sold 500 contracts.", [("rose to $80", None, 80, None)]),
    # round 9 (WSJ earnings forms written for this check): a gapped amount then its own later value after a statement that
    # ended on its later value (negative: r9-gapped-amount-other-unit)
    ("r9-gapped-amount-then-to", "Revenue rose 3% to $2 billion, and operating profit 5% to $300 million.",
     [("rose 3% to $2 billion", None, 2e9, 3), ("5% to $300 million", None, 3e8, 5)]),
    ("r9-gapped-amount-other-unit", "Revenue rose 3% to $2 billion and 500 jobs to 2,000.", [("rose 3% to $2 billion", None, 2e9, 3)]),
    # round 3: subjects listed after a value-less change word; coordinated objects of one change word
    ("dev-listed-subjects", "Oil prices rise amid fears of a prolonged war and the draining of world oil reserves, including West Texas Intermediate "
     "to US$102.76 per barrel and Brent Crude to US$112.89 per barrel.", [("to US$102.76", None, 102.76, None), ("to US$112.89", None, 112.89, None)]),
    ("listed-but-number-before-lead", "Sales rose in 3 regions, including Asia to $5 billion.", []),
    ("dev-coordinated-objects", "British oil and gas company BP announces that it will lay off 4,700 employees and 3,000 contractors globally to reduce costs.",
     [("lay off 4,700", None, None, 4700), ("3,000", None, None, 3000)]),
    ("coordinated-clause-not-object", "The company will cut 4,800 jobs and hire 300 engineers.", [("cut 4,800", None, None, 4800)]),
    ("no-merge-without-later-value", "Growth fell 5%, down from 7% a year earlier.", [("fell 5%", None, None, 5), ("down from 7%", 7, None, None)]),
    # round 4: amounts coordinated each with its own "from <date>"
    ("tb4-gapped-dated-amounts", "The Financial Times 100-share index shed 47.3 points to close at 2082.1, down 4.5% from the previous Friday and 6.8% from "
     "Oct. 13, when Wall Street's plunge helped spark the current weakness in London.",
     [("shed 47.3 points to close at 2082.1", None, 2082.1, 47.3), ("down 4.5%", None, None, 4.5), ("6.8%", None, None, 6.8)]),
    ("undated-amount-not-gapped", "Prices were up 3% from January and 20 ships sank.", [("up 3%", None, None, 3)]),
    # round 6: amounts each with its own period after "in"/"since" (written-changes-2, written text), a qualifier before the second
    ("w2-gapped-periods", "Gold extended a rally that has seen the metal rise 9% in September alone and about 60% since January.",
     [("rise 9%", None, None, 9), ("60%", None, None, 60)]),
    ("period-then-share-not-gapped", "Sales rose 9% in September and about 60% of the stores closed.", [("rose 9%", None, None, 9)]),
    # round 10: items of a list after a bare comma, each its own subject and value; a number ending an index's name is part
    # of the subject ("S&P 500"); a comma clause with a verb, a coordinator or no noun is no item
    ("r10-index-list", "The Dow rose 15 points, the S&P 500 2 points and the Nasdaq 3 points.",
     [("rose 15", None, None, 15), ("2", None, None, 2), ("3", None, None, 3)]),
    ("r10-listed-percents", "Revenue rose 12%, profit 8% and sales 3%.", [("rose 12%", None, None, 12), ("8%", None, None, 8), ("3%", None, None, 3)]),
    ("r10-ftse-list", "The FTSE 100 fell 30 points, the DAX 45 points and the CAC 40 12 points.",
     [("fell 30", None, None, 30), ("45", None, None, 45), ("12", None, None, 12)]),
    ("r10-comma-clause-verb", "Sales rose 5%, the company said.", [("rose 5%", None, None, 5)]),
    ("r10-comma-appositive", "Oil rose 2%, its biggest gain in a month.", [("rose 2%", None, None, 2)]),
    ("r10-comma-or-restatement", "Sales rose 5%, or $20 million.", [("rose 5%", None, None, 5)]),
    # round 11 (ids w5-: written-changes-5, written text, not real news): the earlier value in parentheses after the later
    # one, and listed items a preposition leads (negatives: r11-paren-restates-later, r11-prep-item-no-value)
    ("w5-paren-earlier-listed", "Among the largest economies, inflation in Germany slowed to 2.3% (from 3.0%), in France to 3.8% (from 4.5%) and in "
     "Italy to 0.7% (from 1.8%).", [("slowed to 2.3% (from 3.0%", 3.0, 2.3, None), ("to 3.8% (from 4.5%", 4.5, 3.8, None), ("to 0.7% (from 1.8%", 1.8, 0.7, None)]),
    ("r11-paren-restates-later", "Revenue rose to £5 billion (US$6.3 billion) in 2024.", [("rose to £5 billion", None, 5e9, None)]),
    ("r11-prep-item-no-value", "Sales rose to 5% in May, in line with forecasts.", [("rose to 5%", None, 5, None)]),
    # a period of the statement before the comma of a gapped clause (negative: r11-period-then-clause)
    ("w5-gapped-after-period", "Globally, measles cases rose by 18% to about 9 million in 2022, and deaths by 43% to 136,000, the WHO and the US "
     "Centers for Disease Control and Prevention said in November.", [("rose by 18% to about 9 million", None, 9e6, 18), ("by 43% to 136,000", None, 136000, 43)]),
    ("r11-period-then-clause", "Cases rose by 18% to 9 million in 2022, and 500 clinics closed.", [("rose by 18% to 9 million", None, 9e6, 18)]),
    # round 12 (news forms written for this check): amounts coordinated each with its own baseline words (negative:
    # r12-baseline-then-clause)
    ("r12-gapped-baselines", "Consumer prices rose 0.4% month-on-month and 3.2% year-on-year.", [("rose 0.4%", None, None, 0.4), ("3.2%", None, None, 3.2)]),
    ("r12-gapped-baselines-from", "Exports fell 3% from a year earlier and 1% from the previous month.",
     [("fell 3%", None, None, 3), ("1%", None, None, 1)]),
    ("r12-baseline-then-clause", "Prices rose 0.4% month-on-month and analysts expect 3%.", [("rose 0.4%", None, None, 0.4)]),
]


@pytest.mark.parametrize(("text", "want"), [c[1:] for c in GAPPED], ids=[c[0] for c in GAPPED])
def test_gapped_statements(run, text, want) -> None:
    found = run(text)
    rows = [c for c in found["changes"] if c["kind"] == "change"]
    got = [(c["text"], c["from_value"], c["to_value"], c["by_value"]) for c in rows]
    assert [g[0] for g in got] == [w[0] for w in want], got
    for g, w in zip(got, want):
        for a, b in zip(g[1:], w[1:]):
            assert a == (None if b is None else pytest.approx(b)), (g, w)


def test_baseline_period_is_kept(run) -> None:
    found = run("Revenue was $5.2 billion, up 12% from a year earlier.")
    assert [c["baseline"] for c in found["changes"]] == ["a year earlier"]
    found = run("China's exports rise 8.7% year-on-year in March.")
    assert [c["baseline"] for c in found["changes"]] == ["year-on-year"]
    found = run("Home prices fell 2.3% compared to the same period a year ago.")
    assert [c["baseline"] for c in found["changes"]] == ["the same period a year ago"]
    found = run("Acme said revenue doubled last year.")
    assert [c["baseline"] for c in found["changes"]] == [None]  # "last year" is when, not the baseline
    # round 12: each coordinated amount keeps its own baseline (the date after "from", or the baseline words)
    found = run("The Financial Times 100-share index shed 47.3 points to close at 2082.1, down 4.5% from the previous Friday and 6.8% from "
                "Oct. 13, when Wall Street's plunge helped spark the current weakness in London.")
    assert [c["baseline"] for c in found["changes"]] == [None, "the previous Friday", "Oct. 13"]
    found = run("Consumer prices rose 0.4% month-on-month and 3.2% year-on-year.")
    assert [c["baseline"] for c in found["changes"]] == ["month-on-month", "year-on-year"]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Revenue fell to $2.1 billion from $2.6 billion.", "$2.1 billion", (2.6e9, -500 / 26)),
        ("Revenue fell to $2.1 billion from $2.6 billion.", "$2.6 billion", None),
        ("Revenue was $5.2 billion, up 12% from a year earlier.", "$5.2 billion", (None, 12.0)),
        ("Shares rose by 18% on Monday.", "18%", (None, 18.0)),
        ("Acme said revenue doubled last year.", "doubled", (None, 100.0)),
        ("The new chip is 3x faster than its predecessor.", "3x", None),
        ("Passengers rose from 40 million to 52 million and then to 60 million.", "60 million", (52e6, 800 / 52)),
        ("Revenue rose 12% and profit 8%.", "8%", (None, 8.0)),
    ],
    ids=["to-value", "from-value-is-not-the-fact", "to-before-up", "by-percent", "multiplier", "comparison", "gapped-and-then", "gapped-subject"],
)
def test_change_for(run, text, mention, expected) -> None:
    found = run(text)
    start = text.index(mention)
    got = change_for(start, start + len(mention), found["changes"])
    if expected is None:
        assert got is None
    else:
        assert got is not None and got[0] == (None if expected[0] is None else pytest.approx(expected[0]))
        assert got[1] == pytest.approx(expected[1])


# (id, sentence, the later value or amount of each change row, the words its gapped subject span holds: None when not gapped)
GAPPED_SUBJECTS = [
    ("w5-gapped-name", "Bank shares were hit hardest: Mitsubishi UFJ Financial Group dropped 17.8%, and Mizuho 19.7%.", [None, "Mizuho"]),
    ("gapped-list", "Revenue rose 12% to $5.1 billion, profit 8% to $900 million and orders 3%.", [None, "profit", "orders"]),
    ("gapped-index-name", "The Dow rose 15 points, the S&P 500 2 points and the Nasdaq 3 points.", [None, "the S&P 500", "the Nasdaq"]),
    ("gapped-period-no-subject", "Gold extended a rally that has seen the metal rise 9% in September alone and about 60% since January.", [None, None]),
    ("two-clauses-no-gap", "Tesla reports that its first-quarter net income fell 71% to $409 million and its automotive revenue dropped 20% to $14 billion.",
     [None, None]),
]


@pytest.mark.parametrize("text,expected", [g[1:] for g in GAPPED_SUBJECTS], ids=[g[0] for g in GAPPED_SUBJECTS])
def test_gapped_item_records_its_subject_span(run, text, expected) -> None:
    rows = [r for r in run(text)["changes"] if r["kind"] == "change"]
    got = [text[r["subject_start"] : r["subject_end"]] if r["subject_start"] is not None else None for r in rows]
    assert got == expected
