"""Labels: what each number counts, copied from the sentence (paragraphs written here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from lawgov_ie.doc_data import RecordDraft
from lawgov_ie.errors import PatternError
from lawgov_ie.models import Record, Report
from lawgov_ie.rules.files import load_patterns
from lawgov_ie.steps.labels.reader import LabelReader


def report_of(nlp: Language, text: str, year: int = 2024) -> Report:
    doc = nlp.make_doc(text)
    doc._.lawgov_year_hint = year
    result: Report = nlp(doc)._.report
    return result


def record(report: Report, text: str, nth: int = 0) -> Record:
    found = [r for r in report.records if r.text == text]
    assert len(found) > nth, f"no record {text!r} in {[r.text for r in report.records]}"
    return found[nth]


@pytest.fixture(scope="module")
def reader() -> LabelReader:
    return LabelReader.from_patterns(load_patterns())


def draft(text: str, quantity: str, value: float, unit: str, kind: str = "count",
          implicit: bool = False) -> RecordDraft:
    start = text.index(quantity)
    return RecordDraft(start=start, end=start + len(quantity), text=quantity, value=value,
                       unit=unit, kind=kind, qualifier="exact", implicit=implicit)


@pytest.mark.parametrize(("text", "quantity", "label"), [
    ("我乡共设立14个信访评理室，覆盖全部行政村。", "14个", "信访评理室"),
    ("今年以来，全镇累计调处矛盾纠纷52起。", "52起", "调处矛盾纠纷"),
    ("全年共审查镇级合同15份。", "15份", "审查镇级合同"),
    ("2024年全镇共培育“法律明白人”86人。", "86人", "培育“法律明白人”"),
    ("组织行政执法人员集中培训4次。", "4次", "集中培训"),
    ("全镇23名干部持有行政执法证。", "23名", "持有行政执法证"),
    ("镇司法所接待群众法律咨询310人次。", "310人次", "接待群众法律咨询"),
    ("分管负责人100%出庭应诉。", "100%", "出庭应诉"),
    ("案件数量较上年同比增长12.5%。", "12.5%", "同比增长"),
])
def test_label_before_or_after_the_number(reader: LabelReader, text: str, quantity: str,
                                          label: str) -> None:
    value = float(quantity.rstrip("%个起份人次名"))
    unit = "%" if quantity.endswith("%") else quantity.lstrip("0123456789.")
    item = draft(text, quantity, value, unit, "rate" if unit == "%" else "count")
    assert reader.label_all(text, [item]) == []
    assert item.label == label
    assert item.label_start is not None and item.label_end is not None
    assert text[item.label_start:item.label_end] == item.label


def test_second_figure_of_a_list_item_shares_its_label(reader: LabelReader) -> None:
    text = "全年共开展普法宣传36次、5200人次，发放宣传资料900余份。"
    items = [draft(text, "36次", 36, "次"), draft(text, "5200人次", 5200, "人次"),
             draft(text, "900余份", 900, "份")]
    reader.label_all(text, items)
    assert [i.label for i in items] == ["开展普法宣传", "开展普法宣传", "发放宣传资料"]


def test_list_of_rate_words_gives_one_record_per_word(reader: LabelReader) -> None:
    text = "热线工单按时办结，办结率、回访率均为100%。"
    item = draft(text, "100%", 100, "%", "rate")
    extra = reader.label_all(text, [item])
    assert item.label == "办结率"
    assert [e.label for e in extra] == ["回访率"]
    assert (extra[0].start, extra[0].end) == (item.start, item.end)


def test_implicit_zero_is_labelled_per_item(reader: LabelReader) -> None:
    text = "全年没有因征地拆迁引发的行政复议、行政诉讼的案件。"
    item = draft(text, "没有因征地拆迁引发的行政复议、行政诉讼的案件", 0, "", implicit=True)
    extra = reader.label_all(text, [item])
    assert [item.label, *(e.label for e in extra)] == ["行政复议", "行政诉讼"]


def test_records_already_labelled_are_left_alone(reader: LabelReader) -> None:
    text = "调处矛盾纠纷52起。"
    item = draft(text, "52起", 52, "起")
    item.label = "纠纷"
    assert reader.label_all(text, [item]) == []
    assert item.label == "纠纷"


def test_pipeline_adds_the_shared_rate_records(nlp_char: Language) -> None:
    text = "全年受理群众诉求件220件，及时答复办结220件，办结率、满意率均为100%。"
    report = report_of(nlp_char, text)
    rates = [r for r in report.records if r.text == "100%"]
    assert [r.label for r in rates] == ["办结率", "满意率"]
    assert len({r.id for r in rates}) == 2
    assert [r.label for r in report.records if r.unit == "件"] == ["受理群众诉求件", "及时答复办结"]


def test_labels_on_the_seed_reports_are_copied_from_their_sentence(
        nlp: Language, seed_texts: dict[str, str]) -> None:
    for text in seed_texts.values():
        for item in report_of(nlp, text).records:
            assert item.label, f"record {item.text!r} has no label"
            if not item.implicit:
                assert item.label in text


def test_rate_words_joined_by_and_but_not_by_jishi(reader: LabelReader) -> None:
    text = "信访事项及时受理率、按期办结率均达100%。"
    item = draft(text, "100%", 100, "%", "rate")
    extra = reader.label_all(text, [item])
    assert [item.label, *(e.label for e in extra)] == ["信访事项及时受理率", "按期办结率"]


def test_bad_cue_line_names_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "cues.jsonl"
    bad.write_text('{"kind": "label_cue", "id": "x", "role": "leadin", "words": ["今年"]}\n'
                   '{"kind": "rate_link", "id": "y", "rate": "(", "numerator": "成功"}\n',
                   encoding="utf-8")
    with pytest.raises(PatternError) as caught:
        load_patterns([bad])
    message = str(caught.value)
    assert f"{bad}:1: field 'role'" in message
    assert f"{bad}:2: field 'rate'" in message


@pytest.mark.parametrize(("text", "total", "value", "unit", "label", "last_part"), [
    ("在本年度办件评价中，满意410条，基本满意37条，合计447条。",
     "447条", 447, "条", "办件评价", "基本满意"),
    ("司法所接到的求助件里，来电58件，来访21件，现场求助9件，共计88件。",
     "88件", 88, "件", "求助件", "现场求助"),
    ("全年审结行政复议案件，决定维持26件、决定撤销4件，总计30件。",
     "30件", 30, "件", "审结行政复议案件", "决定撤销"),
])
def test_a_closing_total_takes_the_topic_of_its_parts(nlp_char: Language, text: str, total: str,
                                                      value: float, unit: str, label: str,
                                                      last_part: str) -> None:
    # the total after 合计/共计/总计 has no label of its own: the clause before the parts names
    # what they are kinds of (its head after 的, without 中/里), never the last part
    report = report_of(nlp_char, text)
    found = record(report, total)
    assert (found.value, found.unit, found.label) == (value, unit, label)
    parts = [r for r in report.records if r.text != total]
    assert parts[-1].label == last_part


def test_a_quoted_topic_opening_the_first_part_labels_the_total(nlp_char: Language) -> None:
    text = "本季度“掌上评”很满意210条，较满意45条，合计255条，满意率100%。"
    report = report_of(nlp_char, text)
    total = record(report, "255条")
    assert (total.value, total.unit, total.label) == (255, "条", "掌上评")
    assert [record(report, t).label for t in ("210条", "45条")] == ["很满意", "较满意"]
    clause = record(report_of(nlp_char, "对窗口的“好差评”中，很满意90条，满意8条，共计98条。"),
                    "98条")
    assert clause.label == "好差评"
    # parts that each name a quoted activity keep their names: no topic opens the list
    listed = report_of(nlp_char, "开展“法治进村”活动12场，“法治进校”活动8场，合计20场。")
    assert record(listed, "12场").label == "开展“法治进村”活动"


def test_a_total_after_parts_of_another_unit_keeps_the_usual_label(nlp_char: Language) -> None:
    text = "举办讲座6场，发放手册900册，合计覆盖群众1200人次。"
    found = record(report_of(nlp_char, text), "1200人次")
    assert (found.value, found.unit, found.label) == (1200, "人次", "覆盖群众")


@pytest.mark.parametrize(("text", "quantity", "value", "label"), [
    ("全镇综合执法人员持证上岗率达100%。", "100%", 100, "综合执法人员持证上岗率"),
    ("机关领导干部参加年度学法考试参考率为98.5%。", "98.5%", 98.5,
     "机关领导干部参加年度学法考试参考率"),
    ("各部门负责人出庭应诉率100%，", "100%", 100, "部门负责人出庭应诉率"),
])
def test_people_before_a_rate_name_stay_in_it(nlp_char: Language, text: str, quantity: str,
                                              value: float, label: str) -> None:
    # a rate name is a noun: the subject trim that drops people before a verb phrase
    # (执法人员参加培训20次 → 参加培训) does not cut the people the rate is about
    found = record(report_of(nlp_char, text), quantity)
    assert (found.value, found.unit, found.label) == (value, "%", label)


def test_people_before_a_counted_verb_phrase_still_go(nlp_char: Language) -> None:
    found = record(report_of(nlp_char, "今年镇执法人员参加业务培训15次。"), "15次")
    assert found.label == "参加业务培训"


def test_the_noun_scan_skips_only_places_no_ending_word_opens(reader: LabelReader) -> None:
    """The noun after a number skips the lexicon questions at a place holding no character
    their words open with: every noun found equals the one found asking at every place."""
    import itertools

    texts = ["全镇3个村被评为民主法治示范村，12名人大代表、政协委员参加旁听。",
             "14个村对调解员进行培训，10家企业为群众提供服务，8个司法所办理案件20件。",
             "5家商户超范围经营行为作出警告，300名务工人员追回欠薪，2人考取律师资格证。",
             "开展2场共180人次的业务培训，部署9方面33条具体举措，6个方面20项具体任务。"]
    enders = reader._noun_enders
    assert enders is not None  # (the bundled lexicons all say what they open with)
    for text in texts:
        starts = frozenset(i for i, c in enumerate(text) if c.isdigit())
        for end, unit, subject, head in itertools.product(range(len(text)), ("个", "名", "件"),
                                                          (True, False), (True, False)):
            fast = reader._after(text, end, starts, starts, unit, subject, head)
            reader._noun_enders = None
            try:
                slow = reader._after(text, end, starts, starts, unit, subject, head)
            finally:
                reader._noun_enders = enders
            assert fast == slow, (text, end)
