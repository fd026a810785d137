"""Breakdowns (``part_of``): each construction in a paragraph of our own, with its exact links."""

from __future__ import annotations

from relation_helpers import all_codes, part_links, part_links_at
from report_helpers import record, report_of
from spacy.language import Language

# --- with a cue word -------------------------------------------------------------------------


def test_breakdown_in_parentheses_links_parts_to_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年调处矛盾纠纷120起（其中婚姻家庭纠纷30起，邻里纠纷50起），"
                                 "调解成功率100%。")
    assert part_links(report) == {("30起", "120起"), ("50起", "120起")}
    assert all_codes(report) == []  # parts adding up to less is not an error


def test_breakdown_after_a_full_stop_and_across_list_punctuation(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理行政处罚案件86件，罚没款12万元。其中适用简易程序31件、"
                                 "适用一般程序55件。")
    assert part_links(report) == {("31件", "86件"), ("55件", "86件")}
    assert all_codes(report) == []


def test_breakdown_with_baokuo(nlp_char: Language) -> None:
    report = report_of(nlp_char, "调解委员会调处纠纷210件，包括婚姻家庭纠纷60件，邻里纠纷90件，"
                                 "土地纠纷60件。")
    assert [record(report, t).label for t in ("60件", "90件")] == ["婚姻家庭纠纷", "邻里纠纷"]
    assert {part for part, _ in part_links(report)} == {"60件", "90件"}
    assert len(part_links_at(report)) == 3


def test_two_breakdowns_of_one_total_in_one_sentence(nlp_char: Language) -> None:
    report = report_of(nlp_char, "服务中心全年办件560件（含线上办件310件），其中：即办件220件，"
                                 "承诺件340件。")
    assert part_links(report) == {("310件", "560件"), ("220件", "560件"), ("340件", "560件")}
    assert all_codes(report) == []  # 310 | 220 + 340: each breakdown fits the total


def test_each_part_goes_to_the_total_of_its_own_unit(nlp_char: Language) -> None:
    report = report_of(nlp_char, "审结民事案件45宗、涉案金额320万元，"
                                 "其中调解结案30宗、金额200万元，判决结案15宗、金额120万元。")
    assert part_links(report) == {("30宗", "45宗"), ("15宗", "45宗"),
                                  ("200万元", "320万元"), ("120万元", "320万元")}


# --- without a cue word ----------------------------------------------------------------------


def test_parts_with_no_cue_that_add_up(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理行政复议案件6件，撤销2件，维持4件。")
    assert part_links(report) == {("2件", "6件"), ("4件", "6件")}
    evidence = record(report, "2件").relation_evidence
    assert [(e.link, e.cue, e.sums, e.label_relation, e.position) for e in evidence] == [
        ("part_of", None, "exact", "outcome:review-outcomes", "after_total")]
    assert evidence[0].score >= 2.0


def test_outcomes_with_the_number_before_the_label(nlp_char: Language) -> None:
    report = report_of(nlp_char, "本年度收到行政复议申请7件，2件维持，1件撤销，1件驳回，"
                                 "3件正在审理。")
    assert part_links_at(report) == {(r.start, record(report, "7件").start)
                                     for r in report.records if r.text != "7件"}


def test_outcomes_that_do_not_add_up_are_parts_by_their_labels(nlp_char: Language) -> None:
    report = report_of(nlp_char, "参与行政应诉案件15件，胜诉9件，败诉1件。")
    assert part_links(report) == {("9件", "15件"), ("1件", "15件")}
    assert record(report, "9件").relation_evidence[0].sums == "under"


def test_total_after_its_parts_with_heji(nlp_char: Language) -> None:
    report = report_of(nlp_char, "群众评价中非常满意520条，满意210条，合计730条。")
    assert part_links(report) == {("520条", "730条"), ("210条", "730条")}
    evidence = record(report, "520条").relation_evidence[0]
    assert (evidence.cue, evidence.sums, evidence.position) == ("合计", "exact", "before_total")


def test_total_after_its_parts_with_gong_only_when_they_add_up(nlp_char: Language) -> None:
    added = report_of(nlp_char, "新收案件40件，上年结转6件，共办理46件。")
    assert part_links(added) == {("40件", "46件"), ("6件", "46件")}
    not_added = report_of(nlp_char, "新收案件40件，上年结转6件，共办理50件。")
    assert part_links(not_added) == set()


def test_breakdown_across_a_semicolon(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年受理行政复议申请10件；维持6件，撤销3件，终止1件。")
    assert part_links(report) == {("6件", "10件"), ("3件", "10件"), ("1件", "10件")}


def test_two_breakdowns_separated_by_a_semicolon_keep_their_totals(nlp_char: Language) -> None:
    report = report_of(nlp_char, "行政复议案件5件，撤销2件，维持3件；行政诉讼案件4件，维持1件，"
                                 "另3件尚未审结。")
    review, lawsuit = record(report, "5件").start, record(report, "4件").start
    starts = {r.text + str(i): r.start for i, r in enumerate(report.records)}
    assert part_links_at(report) == {
        (starts["2件1"], review), (starts["3件2"], review),
        (starts["1件4"], lawsuit), (starts["3件5"], lawsuit)}


def test_nested_breakdown(nlp_char: Language) -> None:
    report = report_of(nlp_char, "办理代表建议和政协提案40件，其中代表建议25件，"
                                 "主办15件、会办10件；政协提案15件。")
    starts = {r.text + str(i): r.start for i, r in enumerate(report.records)}
    assert part_links_at(report) == {
        (starts["25件1"], starts["40件0"]), (starts["15件4"], starts["40件0"]),
        (starts["15件2"], starts["25件1"]), (starts["10件3"], starts["25件1"])}
    inner = record(report, "10件").relation_evidence[0]
    assert (inner.position, inner.sums) == ("nested", "exact")
    assert all_codes(report) == []


def test_labels_that_name_kinds_of_the_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "共建成调解室9个，镇级调解室1个，村级调解室6个。")
    assert part_links(report) == {("1个", "9个"), ("6个", "9个")}
    assert record(report, "6个").relation_evidence[0].label_relation == "narrows"


# --- what is not a breakdown -----------------------------------------------------------------


def test_a_later_stage_of_the_same_items_is_no_part(nlp_char: Language) -> None:
    assert part_links(report_of(nlp_char, "受理群众来信56件，办结50件。")) == set()
    assert part_links(report_of(nlp_char, "排查发现问题13个，整改12个。")) == set()


def test_parallel_figures_are_no_parts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "办理行政复议案件15件，行政应诉案件8件，行政诉讼案件5件。")
    assert part_links(report) == set()


def test_figures_of_another_unit_family_are_no_parts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "组织法治培训12场，其中领导干部专题培训5场、参训干部300人次。")
    assert part_links(report) == {("5场", "12场")}


def test_no_link_crosses_a_section_heading(nlp_char: Language) -> None:
    text = "一、行政复议\n全年受理行政复议案件10件\n二、行政诉讼\n维持6件，撤销4件。"
    report = report_of(nlp_char, text)
    assert len(report.sections) == 2
    assert part_links(report) == set()


def test_a_cue_list_that_goes_over_is_cut_where_its_parts_add_up(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年受理行政复议申请28件，已审结25件，其中维持16件、撤销3件、"
                                 "驳回4件、终止2件，正在审理3件。")
    total = record(report, "25件").start
    assert {part for part, of in part_links_at(report) if of == total} == {
        r.start for r in report.records if r.label in ("维持", "撤销", "驳回", "终止")}
    assert all_codes(report) == []


def test_a_list_without_a_cue_keeps_to_one_unit(nlp_char: Language) -> None:
    report = report_of(nlp_char, "发现问题38个，整改到位35个，立案查处3起。")
    assert part_links(report) == set()


def test_parts_that_add_up_go_to_the_stage_they_add_up_to(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理行政复议申请20件，办结18件，维持12件，撤销6件。")
    assert part_links(report) == {("12件", "18件"), ("6件", "18件")}


def test_named_parts_after_a_figure_of_a_later_stage(nlp_char: Language) -> None:
    report = report_of(nlp_char, "行政执法案件立案26件，结案24件，6件进入听证程序，"
                                 "20件适用简易程序。")
    assert part_links(report) == {("6件", "26件"), ("20件", "26件")}
    assert record(report, "20件").relation_evidence[0].label_relation == "kind:penalty-procedures"


def test_a_list_in_the_sentence_after_a_total_that_ends_its_sentence(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年共受理行政复议案件12件。经审理，维持8件，撤销4件。")
    assert part_links(report) == {("8件", "12件"), ("4件", "12件")}
    unrelated = report_of(nlp_char, "全年共受理行政复议案件12件。开展普法讲座8件，发放资料3件。")
    assert part_links(unrelated) == set()


def test_cue_and_label_words_in_traditional_script(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年辦理行政復議案件9件，撤銷2件，維持4件。")
    assert part_links(report) == {("2件", "9件"), ("4件", "9件")}
    assert record(report, "2件").relation_evidence[0].label_relation == "outcome:review-outcomes"


def test_two_figures_in_a_bracket_right_after_a_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理案件45件（复议30件、诉讼10件），办结40件。")
    assert part_links(report) == {("30件", "45件"), ("10件", "45件")}
    assert record(report, "30件").relation_evidence[0].position == "in_brackets"
    compared = report_of(nlp_char, "培训干部300人次（上年为280人次），考试合格290人次。")
    assert part_links(compared) == set()


def test_baokuo_zainei_opens_no_list(nlp_char: Language) -> None:
    report = report_of(nlp_char, "组织法治培训5场，开展包括宪法宣传周在内的普法活动12场。")
    assert part_links(report) == set()
    assert all_codes(report) == []


def test_people_are_no_parts_of_a_count_of_things(nlp_char: Language) -> None:
    report = report_of(nlp_char, "共办理农民工法律援助案件128件，其中，外省农民工91人。")
    assert part_links(report) == set()
    things = report_of(nlp_char, "设立调解组织25个，其中企业调解委员会20家。")
    assert part_links(things) == {("20家", "25个")}
