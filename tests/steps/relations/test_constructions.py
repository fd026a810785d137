"""Breakdowns of the genre that carry no cue the older rules needed, and figures that look like
parts but are not: each construction in a paragraph of our own, with its exact links."""

from __future__ import annotations

from relation_helpers import all_codes, part_links, part_links_at, rate_links
from report_helpers import record, report_of
from spacy.language import Language

# --- 其中，…；…；… : a list over its sentence's semicolon items ---------------------------------


def test_a_qizhong_comma_list_runs_over_its_semicolon_items(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全市法院共受理各类案件3.2万宗，其中，民事案件1.8万宗；"
                                 "刑事案件0.4万宗；行政案件0.2万宗。")
    assert part_links(report) == {("1.8万宗", "3.2万宗"), ("0.4万宗", "3.2万宗"),
                                  ("0.2万宗", "3.2万宗")}
    assert record(report, "0.2万宗").relation_evidence[0].sums == "under"


def test_each_item_of_a_semicolon_list_goes_to_the_total_of_its_unit(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年查处违法案件260件，罚没款1.2亿元，其中，食品安全类案件80件，"
                                 "罚没款0.3亿元；市场秩序类案件60件，罚没款0.5亿元；"
                                 "知识产权类案件40件，罚没款0.1亿元。")
    assert part_links(report) == {
        ("80件", "260件"), ("60件", "260件"), ("40件", "260件"),
        ("0.3亿元", "1.2亿元"), ("0.5亿元", "1.2亿元"), ("0.1亿元", "1.2亿元")}
    assert all_codes(report) == []


def test_a_semicolon_list_stops_before_items_that_go_over_the_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "组织法治培训12场，其中，领导干部专场4场；执法人员专场5场；"
                                 "举办宣讲活动30场。")
    assert part_links(report) == {("4场", "12场"), ("5场", "12场")}


def test_a_semicolon_item_named_unlike_the_list_ends_it(nlp_char: Language) -> None:
    report = report_of(nlp_char, "共受理案件100件，其中，民事案件60件；开展调解30件。")
    assert part_links(report) == {("60件", "100件")}


def test_an_item_with_a_breakdown_of_its_own_ends_the_list(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年受理行政复议案件20件，其中维持15件；办理行政应诉案件3件，"
                                 "胜诉2件。")
    assert part_links(report) == {("15件", "20件"), ("2件", "3件")}


def test_a_colon_after_a_total_opens_a_list_over_semicolons(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年共办理行政复议案件20件：维持12件；撤销5件；终止1件。")
    assert part_links(report) == {("12件", "20件"), ("5件", "20件"), ("1件", "20件")}


# --- outcomes after a received and a concluded figure ------------------------------------------


def test_outcomes_after_received_and_concluded_are_parts_of_the_concluded(
        nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年收到行政复议申请20件，审结17件，维持10件，撤销5件，"
                                 "确认违法1件。")
    assert part_links(report) == {("10件", "17件"), ("5件", "17件"), ("1件", "17件")}
    evidence = record(report, "10件").relation_evidence[0]
    assert evidence.label_relation == "outcome:review-outcomes of 审结"


def test_pending_cases_go_to_the_received_when_they_add_up(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理行政复议申请15件，已办结12件，作出维持决定8件、撤销决定2件、"
                                 "驳回申请1件，另有3件正在审理。")
    assert part_links(report) == {("8件", "12件"), ("2件", "12件"), ("1件", "12件"),
                                  ("3件", "15件")}


def test_a_concluded_figure_is_no_part_of_the_received(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年收到行政复议申请20件，审结18件，维持12件，撤销6件，"
                                 "2件正在审理中。")
    assert part_links(report) == {("12件", "18件"), ("6件", "18件"), ("2件", "20件")}


def test_a_pending_case_is_no_part_of_the_concluded(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年收到行政复议申请20件，审结18件，其中维持12件，撤销4件；"
                                 "2件正在审理中。")
    assert part_links(report) == {("12件", "18件"), ("4件", "18件")}
    assert record(report, "4件").relation_evidence[0].sums == "under"


# --- 分别, comparisons, years, side-by-side outcomes: no parts ---------------------------------


def test_fenbie_names_its_own_items_parts_only_when_they_add_up(nlp_char: Language) -> None:
    other_unit = report_of(nlp_char, "组织培训5场，培训干部、群众分别为120人次、3000人次。")
    assert part_links(other_unit) == set()
    not_added = report_of(nlp_char, "全年办理案件40件，办理行政复议、行政诉讼案件分别为12件、8件。")
    assert part_links(not_added) == set()
    added = report_of(nlp_char, "全年受理行政复议和行政诉讼案件共30件，分别为18件、12件。")
    assert part_links(added) == {("18件", "30件"), ("12件", "30件")}


def test_figures_compared_with_last_year_are_no_parts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "受理行政复议案件20件，比上年的15件增加5件。")
    assert part_links(report) == set()
    later = report_of(nlp_char, "受理行政复议案件20件，较上年减少2件，维持15件，撤销3件。")
    assert part_links(later) == {("15件", "20件"), ("3件", "20件")}


def test_figures_of_other_years_are_no_parts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "2023年受理案件30件，2022年受理25件，2021年5件。")
    assert part_links(report) == set()


def test_outcomes_side_by_side_are_no_breakdown(nlp_char: Language) -> None:
    report = report_of(nlp_char, "经审理，维持原行政行为3件，撤销2件，驳回1件。")
    assert part_links(report) == set()


# --- totals stated elsewhere -------------------------------------------------------------------


def test_a_total_of_the_sentence_before_with_yishang(nlp_char: Language) -> None:
    report = report_of(nlp_char, "维持原行政行为3件，撤销2件，驳回1件。以上案件共计6件，"
                                 "均在法定期限内办结。")
    assert part_links(report) == {("3件", "6件"), ("2件", "6件"), ("1件", "6件")}
    assert record(report, "3件").relation_evidence[0].position == "before_total"


def test_a_restated_total_with_yishang_takes_no_parts(nlp_char: Language) -> None:
    text = "全年受理行政复议案件20件，维持12件，撤销8件。以上案件共计20件，均已办结。"
    report = report_of(nlp_char, text)
    first = text.index("20件")
    assert {total for _, total in part_links_at(report)} == {first}


def test_a_flattened_table_with_a_total_row(nlp_char: Language) -> None:
    report = report_of(nlp_char, "行政复议 12件 行政诉讼 7件 合计 19件")
    assert part_links(report) == {("12件", "19件"), ("7件", "19件")}


# --- shares ------------------------------------------------------------------------------------


def test_a_share_is_the_rate_of_its_part_in_the_total(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理行政处罚案件50件，其中适用简易程序30件，占比60%。")
    assert rate_links(report) == {("60%", "30件", "50件")}
    assert record(report, "60%").relation_evidence[0].label_relation == "share of its total"
    plain = report_of(nlp_char, "开展培训20场，占全年计划的80%。")
    assert rate_links(plain) == set()


def test_shares_of_several_parts_each_take_the_part_that_fits(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理行政处罚案件50件，其中简易程序30件、一般程序20件，"
                                 "分别占60%、40%。")
    assert rate_links(report) == {("60%", "30件", "50件"), ("40%", "20件", "50件")}


def test_a_share_that_does_not_fit_its_counts_is_not_linked(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理行政处罚案件50件，其中适用简易程序30件，占比70%。")
    assert rate_links(report) == set()


def test_concluded_kinds_that_add_up_are_parts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "审结民事案件45宗，调解结案30宗，判决结案15宗。")
    assert part_links(report) == {("30宗", "45宗"), ("15宗", "45宗")}
    outcomes = report_of(nlp_char, "调解纠纷120起，成功调解110起，调解不成功10起。")
    assert part_links(outcomes) == {("110起", "120起"), ("10起", "120起")}


def test_an_open_list_whose_items_add_up_keeps_a_nested_part(nlp_char: Language) -> None:
    report = report_of(nlp_char, "收到代表建议和政协提案31件，其中，代表建议11件，"
                                 "主办7件、会办4件；政协提案20件。")
    assert part_links(report) == {("11件", "31件"), ("20件", "31件"), ("7件", "11件"),
                                  ("4件", "11件")}


# --- a list opened by a category phrase, its total stated before -----------------------------


def test_a_list_opened_by_zhong_goes_to_the_total_of_the_sentence_before(
        nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年共收到各类投诉举报86件。在受理的投诉举报中，涉及食品安全"
                                 "的52件，涉及价格的34件。")
    assert part_links(report) == {("52件", "86件"), ("34件", "86件")}
    evidence = record(report, "52件").relation_evidence[0]
    assert (evidence.sums, evidence.position) == ("exact", "after_total")
    later = report_of(nlp_char, "全年共收到各类投诉举报86件，同比下降5%。均已按期办结。"
                                "在受理的投诉举报中，涉及食品安全的52件，涉及价格的34件。")
    assert part_links(later) == {("52件", "86件"), ("34件", "86件")}
    evidence = record(later, "52件").relation_evidence[0]
    assert (evidence.cue, evidence.sums, evidence.position) == ("中，", "exact", "after_total")


def test_a_list_opened_by_a_colon_two_sentences_after_its_total(nlp_char: Language) -> None:
    text = ("本季度平台共登记诉求320件。其中转交部门处理290件，现场答复30件。"
            "按诉求性质分：求助类150件、咨询类100件、投诉类70件。")
    report = report_of(nlp_char, text)
    total = record(report, "320件").start
    kinds = {r.start for r in report.records if r.label in ("求助类", "咨询类", "投诉类")}
    assert {part for part, of in part_links_at(report) if of == total} == kinds | {
        record(report, "290件").start, record(report, "30件").start}


def test_an_opened_list_that_does_not_add_up_goes_only_to_the_figure_it_names(
        nlp_char: Language) -> None:
    named = report_of(nlp_char, "全年共收到各类投诉举报86件。在受理的投诉举报中，涉及食品安全"
                                "的52件，涉及价格的30件。")
    assert part_links(named) == {("52件", "86件"), ("30件", "86件")}
    evidence = record(named, "52件").relation_evidence[0]
    assert (evidence.sums, evidence.label_relation) == ("under", "named by 在受理的投诉举报")
    report = report_of(nlp_char, "全年共收到各类投诉举报86件。在涉企事项中，涉及食品安全"
                                 "的52件，涉及价格的30件。")
    assert part_links(report) == set()
    other_unit = report_of(nlp_char, "组织执法培训8场。在培训内容中，法律知识5期，业务技能3期。")
    assert part_links(other_unit) == {("5期", "8场"), ("3期", "8场")}  # 场 and 期: one family
    another_kind = report_of(nlp_char, "全年开展普法宣传活动40次。活动中，发放资料25份，"
                                       "解答咨询15人次。")
    assert part_links(another_kind) == set()


def test_a_list_after_a_total_adds_up_over_semicolon_items(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年审查的合同60件中，涉及工程建设的合同为45件；涉及采购的15件。")
    assert part_links(report) == {("45件", "60件"), ("15件", "60件")}


def test_one_total_divided_two_ways_after_it(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年办理热线工单500件，转办部门420件，直接答复80件；"
                                 "按时办结488件，超时办结12件。")
    assert part_links(report) == {("420件", "500件"), ("80件", "500件"),
                                  ("488件", "500件"), ("12件", "500件")}
    unlike = report_of(nlp_char, "受理复议案件5件，维持2件，撤销3件；行政诉讼案件4件，胜诉1件。")
    assert ("4件", "5件") not in part_links(unlike)


def test_items_of_one_enumeration_are_no_total_and_parts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "投诉较多的领域依次是：物业服务40件、噪声扰民25件、"
                                 "停车管理15件、占道经营10件。")
    assert part_links(report) == set()


def test_cue_list_parts_larger_than_the_nearest_figure_go_to_their_sum(
        nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年派发工单300件，按时办结296件，超时办结4件，"
                                 "其中网络渠道派发210件，电话渠道派发90件。")
    assert part_links(report) == {("296件", "300件"), ("4件", "300件"),
                                  ("210件", "300件"), ("90件", "300件")}
    assert all_codes(report) == []


def test_figures_of_another_year_in_brackets_are_no_parts(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全区受理各类案件900件(2023年800件)，其中，街道受理"
                                 "600件(2023年500件)。")
    assert part_links(report) == {("600件", "900件")}


def test_a_gongji_inside_a_qizhong_list_says_in_all_of_its_item(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全市新收行政应诉案件700件，其中，市直部门案件共计120件，"
                                 "各区县案件共计580件。")
    assert part_links(report) == {("120件", "700件"), ("580件", "700件")}


def test_an_open_list_runs_over_items_named_as_categories(nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年受理群众诉求9000件。其中，咨询类诉求5000件；求助类2500件；"
                                 "投诉类1200件；其他类300件。")
    assert {part for part, _ in part_links(report)} == {"5000件", "2500件", "1200件", "300件"}


def test_received_and_concluded_items_of_a_list_go_to_their_own_stage(
        nlp_char: Language) -> None:
    report = report_of(nlp_char, "全区受理各类案件900件，审结880件，其中，街道受理600件，"
                                 "审结590件。")
    assert part_links(report) == {("600件", "900件"), ("590件", "880件")}
    no_stage = report_of(nlp_char, "全年收到复议申请120件，其中受理110件，审结100件。")
    assert part_links(no_stage) == {("110件", "120件")}


def test_a_bracket_closed_inside_the_lead_leaves_the_qizhong_before_it(
        nlp_char: Language) -> None:
    report = report_of(nlp_char, "全年审结复议案件80件，其中纠错（含撤销、确认违法）12件，"
                                 "纠错率15%。")
    assert part_links(report) == {("12件", "80件")}
    assert record(report, "12件").relation_evidence[0].cue == "其中"


def test_an_opened_list_in_two_units_cuts_its_total_and_the_amount_beside_it(
        nlp_char: Language) -> None:
    text = ("全区办理行政执法事项500宗，涉及金额90万元。其中，行政处罚200宗，罚没金额30万元。"
            "其他执法行为中，行政征收120宗，征收金额40万元；行政给付80宗，给付金额15万元。")
    report = report_of(nlp_char, text)
    assert {(p, t) for p, t in part_links(report) if t == "90万元"} == {
        ("30万元", "90万元"), ("40万元", "90万元"), ("15万元", "90万元")}
    assert {p for p, t in part_links(report) if t == "500宗"} == {"200宗", "120宗", "80宗"}
    assert record(report, "40万元").relation_evidence[0].label_relation == "beside 500宗"
    # 120 + 80 = 200, the 行政处罚 figure before: a part named like the items is no total of them
