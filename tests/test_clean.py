"""Cleaning: glued sentences repaired, boilerplate dropped, CamelCase names kept, offsets exact."""

from __future__ import annotations

import pytest

from pipeline.clean import Edit, apply_edits, clean
from tests.conftest import RAW

GLUED = [
    ("fruitionAmidst", "have come to fruitionAmidst a surging demand", "fruition. Amidst"),
    ("ChinaThis", "while reigning supreme in ChinaThis unexpected triumph", "China. This"),
    ("globallyRemarkably", "placing it 22nd globallyRemarkably, Doubao", "globally. Remarkably"),
    ("TikTokTheir", "and Zhou Shouzi, the CEO of TikTokTheir collective insights", "TikTok. Their"),
    ("sectorThe", "springing up within this booming sectorThe year 2024 has", "sector. The"),
    ("KuaishouData", "prompting a shift to alternatives like KuaishouData from AI xinxibu", "Kuaishou. Data"),
    ("rivalsByteDance", "the combined total of these three rivalsByteDance has notably", "rivals. ByteDance"),
    ("ByteDanceMajor", "equally enjoyed by Tencent and ByteDanceMajor corporations", "ByteDance. Major"),
    ("billionNevertheless", "at a cost exceeding ¥1.5 billionNevertheless, established", "billion. Nevertheless"),
    ("tokensDoubao", "and ¥2 for output tokensDoubao promptly followed", "tokens. Doubao"),
]

KEPT = [
    ("ByteDance", "ByteDance reportedly committed"),
    ("DeepSeek", "models like DeepSeek pushing"),
    ("TikTok", "the parent company of TikTok, has"),
    ("OpenAI", "second only to OpenAI's ChatGPT"),
    ("iFlyTek", "ByteDance, iFlyTek, and Tencent"),
    ("AppGrowing", "mobile marketing platform AppGrowing indicates"),
    ("HuggingFace", "models on HuggingFace were all based"),
    ("ChatGPT", "second only to OpenAI's ChatGPT and"),
    ("OpenCompass", "the Chinese evaluation platform OpenCompass."),
    ("AutoGLM", "operations-AutoGLM Rumination"),
    ("MoE", "Mixture-of-Experts (MoE) models"),
    ("ResNet", "co-authors of the ResNet paper"),
]


@pytest.mark.parametrize("sentence,expected", [(s, e) for _, s, e in GLUED], ids=[i for i, _, _ in GLUED])
def test_glued_sentences_are_split(rules, sentence: str, expected: str) -> None:
    cleaned = clean(sentence, rules)
    assert expected in cleaned.text


@pytest.mark.parametrize("sentence", [s for _, s in KEPT], ids=[i for i, _ in KEPT])
def test_camelcase_names_survive(rules, sentence: str) -> None:
    assert clean(sentence, rules).text == sentence


@pytest.mark.parametrize(
    "line",
    ["Advertisements", "Leave a reply", "Leave a comments", "Share:", "alefox", "  Advertisements  "],
)
def test_boilerplate_lines_are_dropped(rules, line: str) -> None:
    raw = f"First paragraph.\n\n{line}\n\nSecond paragraph."
    cleaned = clean(raw, rules)
    assert line.strip() not in cleaned.text
    assert "First paragraph." in cleaned.text and "Second paragraph." in cleaned.text


def test_single_capitalised_word_line_is_kept(rules) -> None:
    raw = "Intro text.\nDoubao\nMore text."
    assert "Doubao" in clean(raw, rules).text


def test_offset_map_round_trips_every_word(rules) -> None:
    raw = "the CEO of TikTokTheir insights\n\nAdvertisements\n\nreigning in ChinaThis triumph ¥1.5 billionNevertheless"
    cleaned = clean(raw, rules)
    for word in ("TikTok", "Their", "insights", "China", "This", "triumph", "¥1.5 billion", "Nevertheless"):
        start = cleaned.text.index(word)
        rs, re_ = cleaned.to_raw(start, start + len(word))
        assert raw[rs:re_] == word


def test_span_over_inserted_boundary_maps_to_real_characters(rules) -> None:
    raw = "in ChinaThis triumph"
    cleaned = clean(raw, rules)
    start = cleaned.text.index("China. This")
    rs, re_ = cleaned.to_raw(start, start + len("China. This"))
    assert raw[rs:re_] == "ChinaThis"
    # a span consisting only of inserted characters collapses to an empty raw span
    dot = cleaned.text.index(". This")
    assert cleaned.to_raw(dot, dot + 2)[0] == cleaned.to_raw(dot, dot + 2)[1]


def test_apply_edits_overlapping_keeps_first() -> None:
    cleaned = apply_edits("abcdef", [Edit(1, 3, "X", "a"), Edit(2, 4, "Y", "b")])
    assert cleaned.text == "aXdef"
    assert cleaned.to_raw(1, 2) == (1, 3)  # "X" stands for the replaced "bc"
    assert cleaned.raw_span_text(0, 3) == (0, 4, "abcd")


@pytest.mark.parametrize("path", sorted(p.name for p in RAW.glob("*.txt")))
def test_every_clean_character_maps_back_in_real_articles(rules, path: str) -> None:
    raw = (RAW / path).read_text(encoding="utf-8-sig")
    cleaned = clean(raw, rules)
    for i, ch in enumerate(cleaned.text):
        rs, re_ = cleaned.to_raw(i, i + 1)
        if re_ > rs:
            assert raw[rs:re_] == ch
