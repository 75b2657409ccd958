"""The wording of the three standard tables: canonical keys and the label patterns that find them.

One module, reviewed as a set (``tests/tables/test_vocab.py``): every row of
``../shared/spec/tables.md`` with the label variants the corpus shows (typos such as 本年废纸件数,
labels broken by PDF extraction such as 其他法律行政止公开, whitespace inside words).
"""

from __future__ import annotations

import re


def _fuzzy(word: str) -> str:
    """A label word that tolerates whitespace between its characters ("本年 新收")."""
    return r"\s*".join(re.escape(c) for c in word)


def _any(*words: str) -> re.Pattern[str]:
    return re.compile("|".join(_fuzzy(w) if not w.startswith("re:") else w[3:] for w in words))


# ---- table 3: applications ---------------------------------------------------------------------
APPLICANT_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_organization",
    "legal_service_agency",
    "other_organization",
    "total",
)
# (key, label pattern) in the template's order; matched one after the other through the table.
APPLICATION_ROWS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("new_received", _any("本年新收")),
    ("carried_over", _any("上年结转")),
    ("granted", _any("予以公开")),
    ("partially_granted", _any("部分公开")),
    ("denied_state_secret", _any("国家秘密")),
    ("denied_prohibited_by_law", _any("其他法律行政", "法规禁止公开")),
    ("denied_security_stability", _any("三安全一稳定", "危及")),
    ("denied_third_party_rights", _any("第三方合法权益", "第三方")),
    ("denied_internal_affairs", _any("内部事务")),
    ("denied_process_information", _any("过程性信息", "四类过程")),
    ("denied_enforcement_files", _any("行政执法案卷", "执法案卷")),
    ("denied_administrative_inquiry", _any("行政查询事项", "行政查询")),
    ("unable_not_held", _any("不掌握")),
    ("unable_needs_creation", _any("没有现成信息", "另行制作")),
    ("unable_unclear", _any("补正后", "申请内容仍不明确")),
    ("rejected_petition", _any("信访举报投诉", "信访")),
    ("rejected_duplicate", _any("重复申请")),
    ("rejected_publication", _any("公开出版物")),
    ("rejected_excessive", _any("大量反复")),
    ("rejected_confirmation", _any("重新出具", "确认或重新")),
    ("other_no_correction", _any("逾期不补正", "re:逾期不\\s*正", "不再处理其政府信息公开申请")),
    ("other_unpaid_fee", _any("缴纳费用", "收费通知")),
    ("other_other", re.compile(r"(?<![\u4e00-\u9fff])3\s*[.．、]?\s*其\s*他")),
    ("results_total", _any("（七）总计", "(七)总计", "re:七\\s*[)）]\\s*总\\s*计")),
    ("carried_forward", _any("结转下年度", "下年度继续办理")),
)
APPLICATION_ROW_KEYS = tuple(k for k, _ in APPLICATION_ROWS)
# The 2019 template (and some later reports) print （六）其他处理 as one row.
OTHER_PROCESSING = "other_processing"
RE_OTHER_PROCESSING = _any("其他处理")
OTHER_SPLIT = ("other_no_correction", "other_unpaid_fee", "other_other")
# the 21 result rows whose sum is 三（七）总计 (rule 2)
RESULT_ROWS = APPLICATION_ROW_KEYS[2:23]
RE_APPLICATIONS_START = _any("本年新收")

# ---- table 4: review and litigation -----------------------------------------------------------
REVIEW_BLOCKS = ("review", "litigation_direct", "litigation_after_review")
REVIEW_FIELDS = ("upheld", "corrected", "other", "pending", "total")
# the header ends with the last 总计 / 审结 before the values
RE_REVIEW_HEADER_END = re.compile(r"(?:总\s*计|审\s*结)(?=[^总审]*$)")
RE_REVIEW_START = _any("行政复议")

# ---- table 2: active disclosure ---------------------------------------------------------------
# field names per template; the 2019 template's columns have no exact 2021 equivalent except
# 处理决定数量 (decisions), so they keep their own names.
ACTIVE_ROWS_2021: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("regulations", re.compile(r"(?<!行政)规\s*章(?!制度)"), ("made", "repealed", "in_force")),
    ("normative_documents", _any("规范性文件"), ("made", "repealed", "in_force")),
    ("administrative_licensing", _any("行政许可"), ("decisions",)),
    ("administrative_penalty", _any("行政处罚"), ("decisions",)),
    ("administrative_coercion", _any("行政强制"), ("decisions",)),
    ("administrative_fees", _any("行政事业性收费"), ("amount",)),
)
ACTIVE_ROWS_2019: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("regulations", re.compile(r"(?<!行政)规\s*章(?!制度)"), ("new_made", "new_published", "total_published")),
    ("normative_documents", _any("规范性文件"), ("new_made", "new_published", "total_published")),
    ("administrative_licensing", _any("行政许可"), ("previous_year_items", "change", "decisions")),
    ("other_external_management", _any("其他对外管理服务事项"), ("previous_year_items", "change", "decisions")),
    ("administrative_penalty", _any("行政处罚"), ("previous_year_items", "change", "decisions")),
    ("administrative_coercion", _any("行政强制"), ("previous_year_items", "change", "decisions")),
    ("administrative_fees", _any("行政事业性收费"), ("previous_year_items", "change")),
    ("government_procurement", _any("政府集中采购"), ("projects", "amount")),
)
RE_ACTIVE_START = re.compile(r"第\s*二\s*十\s*条|信\s*息\s*内\s*容")
# decimal fields (万元 / 元 amounts): kept as exact decimal strings, never floats
DECIMAL_FIELDS = {"amount"}

# ---- cells ------------------------------------------------------------------------------------
# a cell written as one of these is null ("not filled in"), not 0
NULL_MARKERS = {"/", "／", "-", "－", "—", "–", "——", "无", "\\"}

# ---- 2008-era statistics table (统计表 / 附表): kept under its own row names ---------------------
# "主动公开文件数 条 2543 78967": label, unit, this year's value, cumulative value
RE_STATS_2008_START = re.compile(
    r"指\s*标\s*名\s*称\s*(?:计\s*量\s*单\s*位)?(?P<cols>(?:\s*(?:\d{4}\s*年\s*度?|本\s*年\s*度?|年\s*末\s*统\s*计|历\s*年\s*累\s*计|数\s*量))*)"
)
RE_STATS_2008_ROW = re.compile(
    r"(?P<label>[\u4e00-\u9fff（）()、，“”\s]{2,40}?(?:数|公开|申请|答复|金额|支出|人数|费用|总数)[\u4e00-\u9fff（）()]{0,8}?)"
    r"\s*(?P<unit>万元|元|条|件|人次|人|次|个|项|份|期)(?![\u4e00-\u9fff])\s*"
    r"(?P<values>(?:\d+(?:\.\d+)?(?![.．、]\s*[\u4e00-\u9fff])\s*)*)"
)
RE_STATS_2008_LABEL_PREFIX = re.compile(r"^[、，\s]*(?:其中[:：]?)?\s*(?:\d{1,2}\s*[.．、])?[、，\s]*")
def stats_2008_fields(cols: str) -> tuple[str, ...]:
    """The value columns named in the header: 2014年度 / 年末统计 -> year, 历年累计 -> cumulative."""
    cols = re.sub(r"\s+", "", cols)
    fields = []
    for m in re.finditer(r"\d{4}年度?|本年度?|年末统计|数量|历年累计", cols):
        fields.append("cumulative" if m.group(0) == "历年累计" else "year")
    return tuple(fields) or ("year",)
