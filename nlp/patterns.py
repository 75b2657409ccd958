"""Every pattern the toolkit matches text with, in one place, built from named parts and compiled once.

Functions elsewhere stay thin and import what they need from here; ``tests/test_patterns.py``
reviews the lists as sets against real report wording.
"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Character classes
# ---------------------------------------------------------------------------------------------
CJK = r"\u4e00-\u9fff\u3400-\u4dbf"
CJK_CHAR = f"[{CJK}]"
CN_DIGITS = "〇○零一二两三四五六七八九十"
# punctuation after which a new block may start in run-together (crawler) text
BLOCK_BOUNDARY = "。！？；：:;!?”』」）)】]"

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------
# Converter artefacts: Word/pandoc placeholders and Word-HTML conditional comments.
RE_ARTEFACT = re.compile(
    r"\[(?:image|bookmark)(?::[^\]\n]*)?\]"  # [image: …], [bookmark: _Hlk…]
    r"|<!--\[if[^\]]*\]-->|<!--\[endif\]-->"  # <!--[if !supportLists]-->
    r"|[\u200b\u200c\u200d\u2060\ufeff\u00ad]"  # zero-width characters, soft hyphen
)
# Full-width ASCII digits and letters, and a few symbols that PDF/Word text mixes in.
FULLWIDTH_MAP = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
    "\u3000": " ",  # ideographic space
    "\u00a0": " ",  # no-break space (&nbsp;)
    "\u2002": " ",
    "\u2003": " ",
    "\u2009": " ",
    "％": "%",
    "＠": "@",
}
# "1．2" (full-width full stop between digits) -> "1.2"
RE_FULLWIDTH_DOT_IN_NUMBER = re.compile(r"(?<=\d)．(?=\d)")
RE_CJK_SPACE_CJK = re.compile(rf"(?<={CJK_CHAR}) (?={CJK_CHAR})")
RE_LINE_SPACES = re.compile(r"[ \u3000]+$|^[ ]+(?=\S)", re.M)

# Crawler dumps start with "key: value" lines and a separator before the body.
CRAWLER_KEYS = ("标题", "发布时间", "文号", "发布机构", "栏目", "原文链接", "本地目录", "来源", "索引号")
RE_CRAWLER_FIELD = re.compile(r"^(" + "|".join(CRAWLER_KEYS) + r")[ \t]*[:：][ \t]*(.*)$", re.M)
RE_CRAWLER_NOTE = re.compile(r"^页面链接与图片详见.*$", re.M)
RE_CRAWLER_BODY_SEP = re.compile(r"^=+\s*正文\s*=+\s*$", re.M)
# Site chrome that leaks into crawled bodies: breadcrumbs, share bars, download links.
RE_PAGE_CHROME = re.compile(
    r"当前位置[:：].{0,300}?时间[:：]\s*[\d\-: ]+(?:-->)?\s*"
    r"(?:微信\s*微博\s*QQ空间\s*)?(?:全真版\s*文字版\s*)?(?:文件下载\s*)?(?:相关链接[:：]\s*)?"
)
RE_PAGE_CHROME_TITLE = re.compile(r"当前位置[:：].*?政府信息公开年报\s*(?P<title>\S.{0,80}?)\s*来源[:：]")

# ---------------------------------------------------------------------------------------------
# Report metadata
# ---------------------------------------------------------------------------------------------
CN_YEAR = r"[二][〇○零0O][一二三四五六七八九〇○零0O]{2}"
# "政府信息公开工作年度报告" and the variants seen: "信息公开 工作年度报告", "信息工作公开年度报告"
REPORT_WORDS = r"(?:政府|政务)?信息[^\n。，]{0,10}?报告|政务公开[^\n。，]{0,8}?报告"
# "济南市行政审批服务局2024年政府信息公开工作年度报告" -> issuer, year
RE_TITLE = re.compile(
    r"(?P<issuer>[^\s《》“”\"，。：:]{2,40}?)\s*(?P<year>(?:19|20)\d{2}|" + CN_YEAR + r")\s*年度?\s*"
    r"(?:度)?(?P<rest>" + REPORT_WORDS + r")"
)
RE_STAT_PERIOD = re.compile(r"统计(?:期限|周期|时限|时间)?[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
SIGNATURE_DATE = r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|" + CN_YEAR + r"年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
SIGNATURE_ORG = r"(?P<org>[^\s，。；：:、0-9]{4,40}?(?:局|委员会|委|政府|办公室|办公厅|中心|管委会|实验区|管理局|厅|办))"
# a signature is an organisation ending right before a date; it is found from the date (scanning
# every position of a long text with the lazy name pattern is slow)
RE_SIGNATURE_DATE = re.compile(SIGNATURE_DATE)
RE_SIGNATURE_ORG_BEFORE = re.compile(SIGNATURE_ORG + r"\s*$")
SIGNATURE_WINDOW = 80
ORG_SUFFIX = r"(?:局|委员会|委|政府|办公室|办公厅|中心|管委会|实验区|厅|办|院|署|所)"
RE_ORG = re.compile(r"^[^\s]{2,40}" + ORG_SUFFIX + "$")
RE_ISSUER_PREAMBLE = re.compile(r"(?:本报告由|现公布|编制完成了)(?P<org>[^\s，。；《]{4,40}?" + ORG_SUFFIX + ")")
RE_TITLE_YEAR_FIRST = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年度?\s*(?P<issuer>[^\s《》“”\"，。：:\d]{2,40}?)\s*(?P<rest>" + REPORT_WORDS + r")"
)
# Common short forms of agency names, expanded when the report never spells the name out.
AGENCY_ABBREVIATIONS = {
    "科委": "科学技术委员会",
    "发改委": "发展和改革委员会",
    "发改局": "发展和改革局",
    "卫健委": "卫生健康委员会",
    "住建局": "住房和城乡建设局",
    "人社局": "人力资源和社会保障局",
}
# strip wrappers around a title: 关于报送《…》的函
RE_TITLE_WRAPPER = re.compile(r"^关于(?:报送|印发|公布)?《(.+?)》的(?:函|通知|报告)$")

# Administrative level words (the issuer's own jurisdiction).
RE_LEVEL_CENTRAL = re.compile(r"^(?:国务院|中华人民共和国|国家|中央|最高人民)")
RE_LEVEL_TOWNSHIP = re.compile(r"(?:[乡镇](?:人民政府|政府)|街道办事处|街道|片区管理局|片区管委会)$")
# Special zones that sit outside the administrative-division tables: name -> (adcode, level).
SPECIAL_ZONES = {
    "平潭综合实验区": ("350128", "city"),
}

# Which template the report follows: markers read from the text.
# Table 2 is where the 2019 and 2021 templates differ most, so its layout decides first; the
# circulars cited and table-3 rows decide when table 2 is not there.
TABLE2_2021 = re.compile(r"本年制\s*发件数|本年\s*废[止纸]件数|[现先]行有效件数")
TABLE2_2019 = re.compile(r"本年新\s*制作数量|本年新\s*公开数量|对外公开\s*总数量|上一年项目数量")
TEMPLATE_2021_MARKERS = re.compile(r"国办公开办函〔2021〕30号|属于行政查询事项")
TEMPLATE_2019_MARKERS = re.compile(
    r"国办公开办函〔2019〕60号|第二十条第（九）项|本年度办理结果|本年新收政府信息公开申请数量|三安全一稳定"
)
TEMPLATE_2008_MARKERS = re.compile(
    r"概\s*述|统计表|依申请公开(?:工作)?情况|收费及减免|减免情况|因政府信息公开申请(?:提起)?行政复议"
)

# ---------------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------------
SECTION_KEYS = ("overview", "active_disclosure", "applications", "review_litigation", "problems", "other_matters")
CN_HEADING_NUMERALS = "一二三四五六七八九十"
HEADING_NUMERAL_VALUE = {c: i + 1 for i, c in enumerate(CN_HEADING_NUMERALS)}
# 一、 一． 一. 一， 一 (space) — or no delimiter at all ("一总体情况", seen in the corpus)
HEADING_DELIM = r"[、．.，,]|[ \t]+|(?=[\u4e00-\u9fff])(?![是要则来方些个般切直起同批项步定种])"
RE_HEADING_CANDIDATE = re.compile(
    rf"(?<![（(第{CN_DIGITS}])(?P<num>[{CN_HEADING_NUMERALS}])\s*(?P<delim>{HEADING_DELIM})\s*(?=\S)"
)
# Without a delimiter ("一总体情况") a heading must open with one of the standard heading words.
RE_UNDELIMITED_TITLE = re.compile(r"^(?:总体情况|概\s*述|主动公开|收到和处理|政府信息公开|存在的?主要问题|其他需要)")
# Heading titles end in one of these words (shortest match); continuations extend them.
HEADING_END = r"(?:情况|措施|事项|概述|概况|统计表|附表|附件|计划|打算|方面|问题|不足|保障|建设|管理|领导|思路|重点)"
RE_HEADING_TITLE = re.compile(
    rf"[^。；\n\t]{{0,34}}?{HEADING_END}"
    rf"(?:[和及与、]?(?:改进|整改|附表|统计表|明年工作计划|工作计划|改进措施|改进情况|整改措施)(?:情况|措施)?)*"
    rf"(?:（(?![{CN_HEADING_NUMERALS}\d]{{1,2}}）)[^）\n]{{1,12}}）)?"
)
RE_HEADING_TITLE_FALLBACK = re.compile(r"[^。；：:\n\t ，,0-9（(]{1,30}")
# Numbered items of the application table (table 3) are not section headings.
RE_NOT_A_SECTION = re.compile(r"^(?:本年新收|上年结转|本年度办理结果|结转下年度|本年度?办理|继续办理)")

# "主动公开政府信息情况（有关情况附表）": the note in brackets does not decide the key
RE_TITLE_PAREN_SUFFIX = re.compile(r"[（(][^）)]*[）)]\s*$")
# Order matters: the first key whose pattern matches a heading title wins.
SECTION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("other_matters", re.compile(r"其他需要?报告|其他事项|需要说明|其他需|统计表|统计数据|附\s*表|附件|收费|减免|支出|工作人员|信息处理费")),
    ("review_litigation", re.compile(r"复议|诉讼|申诉")),
    ("problems", re.compile(r"问题|不足|改进|整改|打算|工作计划|下一步")),
    ("applications", re.compile(r"申请|不予公开")),
    ("active_disclosure", re.compile(r"主动公开|重点领域|主要任务落实")),
    (
        "overview",
        re.compile(
            r"总体|概\s*述|概况|基本情况|工作情况|开展情况|工作机制|机制保障|信息管理|平台建设|监督保障|"
            r"组织|领导|突出重点|创新思路|工作概述|政务公开情况"
        ),
    ),
)
# Sub-headings that start the problems part when its numbered heading is lost (seen in the corpus).
RE_PROBLEMS_SUBHEADING = re.compile(
    r"(?:^|(?<=[。\n]))\s*(?:[（(][一二三][）)]|\d[.、．])?\s*(?:存在的)?主要问题(?:及|和|与)?(?:改进(?:情况|措施))?\s*(?=\n|$)",
    re.M,
)

# ---------------------------------------------------------------------------------------------
# Passages (see ../shared/spec/labels.md)
# ---------------------------------------------------------------------------------------------
SENTENCE_END = "。！？!?"
RE_SENTENCE = re.compile(rf"[^{SENTENCE_END}\n]*(?:[{SENTENCE_END}]+[”’』」）)]*|\n|$)")
# Enumerated items inside a sentence: 一是…；二是…, （一）…, 1.…, 首先/其次/再次/最后.
ENUM_ITEM = (
    rf"[{CN_HEADING_NUMERALS}]是"
    rf"|[（(][{CN_HEADING_NUMERALS}\d]{{1,2}}[）)]"
    rf"|(?<![\d.])\d{{1,2}}[.、．](?!\d)"
    rf"|[①②③④⑤⑥⑦⑧⑨⑩]"
    rf"|首先|其次|再次|最后"
)
RE_ENUM_START = re.compile(rf"(?:^|(?<=[；;：:，,。\s]))(?={ENUM_ITEM})")
# A marker that is only a label: "（一）", "1." — stripped from the passage text.
RE_ENUM_LABEL = re.compile(rf"\s*(?:[（(][{CN_HEADING_NUMERALS}\d]{{1,2}}[）)]|\d{{1,2}}[.、．](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])\s*")
# A heading-like line: a short title with no sentence punctuation inside, with a numbering label
# or ending in a heading word ("（五）监督保障情况", "政务公开专区建设").
_SUB_LABEL = rf"(?:[（(][{CN_HEADING_NUMERALS}\d]{{1,2}}[）)]|\d{{1,2}}[.、．]|[{CN_HEADING_NUMERALS}]{{1,2}}[、．])"
RE_SUBHEADING = re.compile(
    rf"^\s*(?:{_SUB_LABEL}\s*[^，。；！？,;!?]{{1,30}}|[^，。；！？,;!?]{{1,30}}?{HEADING_END}(?:工作)?)[：:]?$"
)
# Lines of the standard tables that stand alone in the text (table titles and headers)
RE_TABLE_TITLE_LINE = re.compile(r"^(?:第二十条第[（(][一二三四五六七八九十]+[)）]项|信息内容|申请人情况|法人或其他组织)$")
# Characters that make a fragment a statement rather than punctuation or a number.
RE_HAS_CJK = re.compile(CJK_CHAR)
# Words of the standard tables' headers and row labels: text made of these is a table, not prose.
RE_TABLE_TERMS = re.compile(
    r"信息内容|本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额|本年新制作数量|本年新公开数量|"
    r"对外公开总数量|第二十条第|申请人情况|自然人|商业企业|科研机构|社会公益组织|法律服务机构|"
    r"本年新收政府信息公开申请数量|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|"
    r"结转下年度|结果维持|结果纠正|其他结果|尚未审结|未经复议直接起诉|复议后起诉|勾稽关系|钩稽关系|"
    r"指标名称|计量单位|统计数|当面申请数|网络申请数|信函申请数"
)
