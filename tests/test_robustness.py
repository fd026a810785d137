"""``extract`` on scraped, converted and hostile text: it never raises on a str, every offset holds
its text in the caller's string, the output is deterministic, text appended after a paragraph
break leaves earlier quantities alone, and long texts read in pieces give the same records.

Examples are bounded (``max_examples``) so the suite runs in CI with the char segmenter; one
smaller test runs the pkuseg pipeline.
"""

from __future__ import annotations

import itertools
import os
import unicodedata
import warnings
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawgov_ie
from lawgov_ie.api import OffsetWarning, _make_doc, _pipeline_text
from lawgov_ie.models import Report
from lawgov_ie.pipeline import Segmenter
from lawgov_ie.text.pieces import chunk_spans

RAW = Path(__file__).resolve().parent.parent / "corpus" / "raw"
SEED_LINES = [line for path in sorted(RAW.glob("*.txt"))
              for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

# Bounded for CI; LAWGOV_IE_FUZZ=<n> runs n examples a test to hunt for bugs locally.
_FUZZ = int(os.environ.get("LAWGOV_IE_FUZZ", "0"))
FAST = settings(max_examples=_FUZZ or 60, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SMALL = settings(max_examples=_FUZZ // 4 or 15, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- strategies: report text, then what scraping and conversion do to it --------------------

TRADITIONAL = str.maketrans("万亿个发处执纠纷门应复议诉调审训员两区县镇乡场项条岁书记务开与为后",
                            "萬億個發處執糾紛門應復議訴調審訓員兩區縣鎮鄉場項條歲書記務開與為後")
INSERTS = ["\n", "\n\n", "\r\n", "\r", " ", "  ", "\t", "\u3000", "\x00", "\x01", "\x0b", "\x0c",
           "\x1b", "\x7f", "\x85", "\u2028", "\u2029", "\u200b", "\u200d", "\ufeff", "\ufffd",
           "😀", "👍🏽", "👨‍👩‍👧", "🇨🇳", "\u0301", "\ufe0f", "\ud800", "\udfff", "𠀀", "…", "——",
           "（", "）", "《", "》", "、", "。", "：", "1", "１", "%", "％", "余", "万", "件"]
NUMBERISH = "0123456789０１２３４５６７８９.．,，%％一二三四五六七八九十百千万亿两余多约近以上下"
ALPHABET = st.one_of(
    st.sampled_from(NUMBERISH + "件起人次元宗个场项年月日号第《》〔〕（）()、，。；：！？"),
    st.sampled_from("\n \u3000"),
    st.sampled_from("".join(sorted(set("".join(SEED_LINES[:60]))))),
    st.characters(codec=None),
)


def to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c
                   for c in text)


def to_half_width(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


@st.composite
def report_text(draw: st.DrawFn) -> str:
    """A few consecutive seed paragraphs."""
    first = draw(st.integers(0, len(SEED_LINES) - 1))
    count = draw(st.integers(1, 6))
    return "\n".join(SEED_LINES[first:first + count])


@st.composite
def mutated_report_text(draw: st.DrawFn) -> str:
    """Seed paragraphs with the damage scraping, PDF conversion and typing do."""
    text = draw(report_text())
    for _ in range(draw(st.integers(0, 8))):
        what = draw(st.sampled_from(["insert", "insert", "delete", "full", "half", "traditional",
                                     "one_line", "repeat", "random"]))
        at = draw(st.integers(0, len(text)))
        to = draw(st.integers(at, min(len(text), at + 80)))
        if what == "insert":
            text = text[:at] + draw(st.sampled_from(INSERTS)) + text[at:]
        elif what == "delete":
            text = text[:at] + text[to:]
        elif what == "full":
            text = text[:at] + to_full_width(text[at:to]) + text[to:]
        elif what == "half":
            text = text[:at] + to_half_width(text[at:to]) + text[to:]
        elif what == "traditional":
            text = text[:at] + text[at:to].translate(TRADITIONAL) + text[to:]
        elif what == "one_line":
            text = text.replace("\n", draw(st.sampled_from(["", " ", "，"])))
        elif what == "repeat":
            text = text[:to] + text[at:to] * draw(st.integers(1, 20)) + text[to:]
        else:
            text = text[:at] + draw(st.text(ALPHABET, max_size=30)) + text[at:]
    return text


ANY_TEXT = st.one_of(mutated_report_text(), st.text(ALPHABET, max_size=300))

# --- what must hold for every report ------------------------------------------------------------


def read(text: str, **options: object) -> Report:
    """``extract`` with the char segmenter, failing on any span the API had to drop."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OffsetWarning)
        report = lawgov_ie.extract(text, segmenter="char", **options)  # type: ignore[arg-type]
    dropped = [str(w.message) for w in caught if issubclass(w.category, OffsetWarning)]
    assert not dropped, dropped
    return report


def assert_offsets_hold(text: str, report: Report) -> None:
    for record in report.records:
        assert 0 <= record.start < record.end <= len(text), record
        assert text[record.start:record.end] == record.text, record
    for entity in report.entities:
        assert text[entity.start:entity.end] == entity.text, entity
    for section in report.sections:
        assert 0 <= section.start <= section.end <= len(text), section
    ids = [r.id for r in report.records]
    assert len(set(ids)) == len(ids)
    for record in report.records:
        assert record.part_of is None or record.part_of in ids
        assert record.rate_of is None or set(record.rate_of) <= set(ids)
    starts = [(r.start, r.end) for r in report.records]
    assert starts == sorted(starts), "records are in text order"
    assert Report.model_validate_json(report.model_dump_json()) == report


def quantities(report: Report, before: int) -> list[tuple[str, int, int, float, str]]:
    return [(r.text, r.start, r.end, r.value, r.unit) for r in report.records if r.start < before]


@FAST
@given(ANY_TEXT)
def test_extract_never_raises_and_every_offset_holds(text: str) -> None:
    report = read(text)
    assert_offsets_hold(text, report)
    again = read(text)
    assert again.model_dump() == report.model_dump(), "extract is deterministic"


@FAST
@given(mutated_report_text(), st.sampled_from(["\n", "\n\n", "\r\n"]), ANY_TEXT)
def test_text_after_a_paragraph_break_leaves_earlier_quantities_alone(
        before: str, brk: str, after: str) -> None:
    alone = read(before)
    together = read(before + brk + after)
    assert quantities(together, len(before)) == quantities(alone, len(before))


@FAST
@given(ANY_TEXT, st.integers(1, 400))
def test_pieces_cover_the_text_within_the_limit(text: str, max_chars: int) -> None:
    spans = chunk_spans(text, max_chars)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(0 < e - s <= max_chars for s, e in spans) or text == ""
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    for start, end in spans[:-1]:
        window = text[start:start + max_chars]
        if "\n" in window:  # a paragraph break in reach: the piece ends right after one
            assert text[end - 1] == "\n"
            assert "\n" not in text[end:start + max_chars]


@SMALL
@given(st.lists(report_text(), min_size=2, max_size=6), st.integers(0, 600))
def test_reading_in_pieces_finds_the_same_records(paragraphs: list[str], extra: int) -> None:
    """Pieces cut at paragraph breaks (each paragraph fits in a piece) lose and add nothing."""
    text = "\n".join(paragraphs)
    max_chars = max(len(line) for line in text.split("\n")) + 1 + extra
    whole = read(text)
    pieces = read(text, max_chars=max_chars)
    assert_offsets_hold(text, pieces)
    assert [(r.text, r.start, r.value, r.unit, r.kind) for r in pieces.records] == \
        [(r.text, r.start, r.value, r.unit, r.kind) for r in whole.records]
    assert [r.id for r in pieces.records] == [f"r{n}" for n in range(1, len(pieces.records) + 1)]
    # GPE and ORG may rest on the whole document's context (a town's short name is a place when
    # the text names the town in full; a known place joins an organisation's name): each piece
    # decides those from its own text (docs/robustness.md). The other labels never do.
    free = ("LAW", "DOC_NO", "PERSON")
    assert [(e.label, e.start, e.end) for e in pieces.entities if e.label in free] == \
        [(e.label, e.start, e.end) for e in whole.entities if e.label in free]


@SMALL
@given(st.lists(report_text(), min_size=1, max_size=4), st.lists(report_text(), min_size=1,
                                                                  max_size=4), st.integers(0, 300))
def test_appended_paragraphs_leave_earlier_quantities_alone_in_pieces(
        before: list[str], after: list[str], extra: int) -> None:
    head, tail = "\n".join(before), "\n".join(after)
    max_chars = max(len(line) for line in (head + "\n" + tail).split("\n")) + 1 + extra
    alone = read(head, max_chars=max_chars)
    together = read(head + "\n" + tail, max_chars=max_chars)
    assert quantities(together, len(head)) == quantities(alone, len(head))


@SMALL
@given(ANY_TEXT, st.integers(1, 50))
def test_tiny_pieces_still_hold_their_offsets(text: str, max_chars: int) -> None:
    assert_offsets_hold(text, read(text, max_chars=max_chars))


def test_sections_run_on_across_pieces(yinglin_text: str) -> None:
    whole = read(yinglin_text)
    pieces = read(yinglin_text, max_chars=len(yinglin_text) // 5)
    assert whole.sections, "the seed report has headings"
    assert [(s.title, s.level, s.start, s.end) for s in pieces.sections] == \
        [(s.title, s.level, s.start, s.end) for s in whole.sections]
    assert [r.section for r in pieces.records] == [r.section for r in whole.records]


def test_relations_stay_within_a_piece(yinglin_text: str) -> None:
    limit = len(yinglin_text) // 4
    spans = chunk_spans(yinglin_text, limit)
    report = read(yinglin_text, max_chars=limit)
    piece_of = {r.id: next(i for i, (s, e) in enumerate(spans) if s <= r.start < e)
                for r in report.records}
    for record in report.records:
        for other in ([record.part_of] if record.part_of else []) + (record.rate_of or []):
            assert piece_of[other] == piece_of[record.id]


def test_meta_comes_from_the_start_of_a_long_document(yinglin_text: str) -> None:
    whole = read(yinglin_text)
    tail = "\n".join(SEED_LINES) * 3
    pieces = read(yinglin_text + "\n" + tail, max_chars=len(yinglin_text) + 1)
    assert pieces.meta.year == whole.meta.year
    assert pieces.meta.place == whole.meta.place


def test_lone_surrogates_keep_their_offsets() -> None:
    text = "\ud800全年调处矛盾纠纷444起\udc00，成功率100%。"
    report = read(text)
    assert_offsets_hold(text, report)
    assert [r.text for r in report.records] == ["444起", "100%"]


def test_a_span_over_a_lone_surrogate_is_left_out() -> None:
    law = "《中华人民共和国行政\ud800处罚法》"
    report = read(f"学习{law}，办理案件12件。")
    assert [r.text for r in report.records] == ["12件"]
    assert all("\ud800" not in e.text for e in report.entities)
    clean = law.replace("\ud800", "")
    assert clean in [e.text for e in read(clean).entities], "the same law is found when clean"


@pytest.mark.parametrize("segmenter", ["char", pytest.param("pkuseg", marks=pytest.mark.pkuseg)])
def test_the_pipeline_itself_names_a_lone_surrogate(segmenter: Segmenter) -> None:
    """``load()(text)`` cannot replace characters (the Doc must spell the text): it says which
    character it cannot take, and where, instead of failing deep inside spaCy."""
    nlp = lawgov_ie.load(segmenter=segmenter)
    with pytest.raises(ValueError, match=r"lone surrogate \(U\+DC00\) at character 9.*extract"):
        nlp("全年办理案件12件\udc00。")
    assert nlp("全年办理案件12件。").text == "全年办理案件12件。"


def test_long_lines_read_in_pieces_keep_their_numbers() -> None:
    line = "，".join(f"办理案件{n}件" for n in range(1000, 1400))  # one line, no 。 to cut at
    report = read(line, max_chars=333)
    assert_offsets_hold(line, report)
    assert [r.value for r in report.records] == [float(n) for n in range(1000, 1400)]


def test_hard_cuts_do_not_split_a_quantity() -> None:
    line = "".join(f"办理案件{n}件" for n in range(1000, 1400))  # no punctuation at all
    spans = chunk_spans(line, 333)
    assert len(spans) > 10
    report = read(line, max_chars=333)
    assert_offsets_hold(line, report)
    assert [(r.text, r.value) for r in report.records] == \
        [(f"{n}件", float(n)) for n in range(1000, 1400)]


def test_a_cut_through_a_run_of_digits_makes_no_quantity() -> None:
    text = "共" + "1" * 500 + "件，另有12件。"
    report = read(text, max_chars=100)
    assert_offsets_hold(text, report)
    assert [r.text for r in report.records] == ["12件"]


@pytest.mark.parametrize("bad", [b"\xe5\x85\xa8\xe5\xb9\xb4", bytearray(b"x"), None, 12, 3.5,
                                 ["text"], {"text": 1}])
def test_non_text_raises_type_error_naming_the_type(bad: object) -> None:
    with pytest.raises(TypeError, match=type(bad).__name__):
        lawgov_ie.extract(bad, segmenter="char")  # type: ignore[arg-type]


@pytest.mark.usefixtures("workers_always")
@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_names_the_bad_text_and_its_type(n_process: int) -> None:
    with pytest.raises(TypeError, match=r"#2.*bytes"):
        list(lawgov_ie.extract_many(["全年办理案件12件。", b"x"], segmenter="char",  # type: ignore[list-item]
                                    n_process=n_process))


@pytest.mark.parametrize("bad", [0, -5])
def test_max_chars_must_be_positive(bad: int) -> None:
    with pytest.raises(ValueError, match="max_chars"):
        lawgov_ie.extract("全年办理案件12件。", segmenter="char", max_chars=bad)
    with pytest.raises(TypeError, match="str"):
        lawgov_ie.extract("全年办理案件12件。", segmenter="char", max_chars="100")  # type: ignore[arg-type]


@pytest.mark.usefixtures("workers_always")
@pytest.mark.parametrize("n_process", [1, 2])
def test_extract_many_reads_long_short_and_blank_texts_in_order(seed_texts: dict[str, str],
                                                                n_process: int) -> None:
    texts = list(seed_texts.values())
    mixed = [texts[0], "", texts[1] * 3, "  \n", texts[2]]
    limit = len(texts[1]) + 10
    many = list(lawgov_ie.extract_many(mixed, segmenter="char", max_chars=limit,
                                       n_process=n_process))
    assert [m.model_dump() for m in many] == \
        [lawgov_ie.extract(t, segmenter="char", max_chars=limit).model_dump() for t in mixed]


@pytest.mark.pkuseg
@SMALL
@given(mutated_report_text())
def test_pkuseg_pipeline_keeps_the_text_and_its_offsets(text: str) -> None:
    nlp = lawgov_ie.load()
    safe = _pipeline_text(text)
    assert len(safe) == len(text)
    doc = _make_doc(nlp, safe, None, None)
    # traditional script is read as simplified, the caller's text kept beside it
    assert (doc._.lawgov_original or doc.text) == safe and len(doc.text) == len(safe)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", OffsetWarning)
        report = lawgov_ie.extract(text)
    assert not [w for w in caught if issubclass(w.category, OffsetWarning)]
    assert_offsets_hold(text, report)
