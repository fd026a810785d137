"""A small corpus written for the tests: two places, two years each (no devset sentence)."""

from __future__ import annotations

from pathlib import Path

_TEMPLATE = """{issuer}关于{year}年度法治政府建设情况的报告

县委、县政府：
{year}年，{place}深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：
一、主要成效
（一）化解矛盾纠纷。全年共调处矛盾纠纷{disputes}起，其中婚姻家庭纠纷{family}起、邻里纠纷{neighbours}起，调解成功率{rate}%。
（二）加强法治培训。举办法治培训班{courses}期，组织法治专题讲座{lectures}次，培训干部职工{attendances}人次，其中新任职干部{persons}人。
（三）开展普法宣传。开展普法宣传活动{events}场次，发放宣传资料{materials}份。
（四）规范行政执法。办理行政处罚案件{penalties}件。{previous}年办理行政处罚案件{earlier}件。
二、存在的问题
执法人员力量仍显不足。
三、下一步工作计划
{next}年计划开展普法宣传活动{planned}场次。

{issuer}
{next}年1月15日
"""

FIGURES: dict[tuple[str, int], dict[str, int]] = {
    ("东山镇", 2023): dict(disputes=120, family=30, neighbours=50, rate=98, courses=4,
                          lectures=6, attendances=300, persons=80, events=15, materials=3000,
                          penalties=20, earlier=12, planned=30),
    ("东山镇", 2024): dict(disputes=150, family=40, neighbours=60, rate=99, courses=5,
                          lectures=5, attendances=360, persons=90, events=18, materials=2500,
                          penalties=26, earlier=20, planned=35),
    ("西河乡", 2023): dict(disputes=80, family=20, neighbours=30, rate=95, courses=3,
                          lectures=2, attendances=200, persons=50, events=10, materials=1000,
                          penalties=8, earlier=5, planned=12),
    # its parts (30 + 25) exceed its total (40): a failed check
    ("西河乡", 2024): dict(disputes=40, family=30, neighbours=25, rate=96, courses=2,
                          lectures=7, attendances=150, persons=40, events=12, materials=1500,
                          penalties=11, earlier=8, planned=14),
}
FILE_NAMES = {("东山镇", 2023): "dongshan-2023", ("东山镇", 2024): "dongshan-2024",
              ("西河乡", 2023): "xihe-2023", ("西河乡", 2024): "xihe-2024"}


def text(place: str, year: int) -> str:
    return _TEMPLATE.format(issuer=f"{place}人民政府", place=place, year=year,
                            previous=year - 1, next=year + 1, **FIGURES[(place, year)])


def write(folder: Path) -> Path:
    """The four reports as text files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for key, name in FILE_NAMES.items():
        (folder / f"{name}.txt").write_text(text(*key), encoding="utf-8")
    return folder
