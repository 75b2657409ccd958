"""Words of narrative counts: channels, measures, units, qualifiers, periods, exclusions.

One module reviewed as a set, following ``../shared/spec/metrics.md``; every rule that uses a
list is pinned by an example in ``tests/metrics/test_extract.py``. Lists are ordered longest first where one word contains another
(微信视频号 before 微信).
"""

from __future__ import annotations

import re

# ---- channels (closed set) --------------------------------------------------------------------
CHANNEL_WORDS: dict[str, tuple[str, ...]] = {
    "wechat_channels": ("微信视频号", "视频号"),
    "wechat_official": ("微信公众号", "微信公众平台", "公众号", "微信"),
    "website": (
        "政务公开网站", "政府门户网站", "门户网站", "政府网站平台", "网站平台", "政府网站", "部门网站", "官方网站", "官网", "网站",
        "省网上办事大厅", "网上办事大厅", "省网",  # the provincial online service portal (福建省网上办事大厅)
        "上网发布",  # "上网发布的184条公安政府信息": posted on the website
    ),
    "weibo": ("政务微博", "微博"),
    "douyin": ("抖音号", "抖音"),
    "toutiao": ("今日头条", "头条号"),
    "kuaishou": ("快手号", "快手"),
    "bilibili": ("哔哩哔哩", "B站"),
    "app": ("客户端", "APP", "App", "app"),
    "mini_program": ("小程序",),
    "new_media": ("政务新媒体", "新媒体矩阵", "新媒体平台", "新媒体"),
    # the disclosure column of a website is the online disclosure zone (annotators agree on it)
    "disclosure_zone": ("政务公开专区", "政府信息公开专区", "公开专区", "政府信息公开专栏", "信息公开专栏", "政务公开专栏", "政务公开栏"),
    "hotline": ("12345", "热线", "咨询电话", "投诉电话", "服务电话"),
    "press_conference": ("新闻发布会", "发布会"),
    "gazette": ("政府公报",),
    "service_hall": ("政务服务大厅", "政务服务中心", "行政服务中心", "实体大厅", "服务大厅", "办事大厅", "通办大厅", "审批服务中心", "便民服务中心"),
    # a named platform outside the closed set ("惠企通"服务平台, 爱山东·济e办 平台), and the press
    # and broadcast media ("福建电视台…、平潭时报…等媒介上报道", "接受电视采访5人次")
    "other": ("网上服务平台", "服务平台", "平台", "小红书", "其他形式", *(MEDIA := ("广播电视台", "电视台", "电台", "电视", "广播", "报纸", "报刊", "日报", "时报", "学习强国", "融媒体", "媒体采访", "媒体报道"))),
}
# "other" words that are a channel only after a quoted name (“惠企通”服务平台), not bare
NAMED_ONLY = ("服务平台", "平台")
# websites written as names: the city portal "中国平潭网" / "中国·平潭网" is the website; a site
# for one kind of business (政府采购网, 公共资源交易网, 信用平潭网) is another channel
_SITE_END = r"网(?![站络民页格点办])"  # 网, but not 网站/网络/网民/网页/网格/网点/网办
RE_SITE = (
    rf"中国[·•・]?[“\"]?[\u4e00-\u9fff]{{2,4}}[”\"]?{_SITE_END}|(?:政府)?采购(?:信息)?{_SITE_END}"
    rf"|公共资源交易(?:信息)?网|信用[\u4e00-\u9fff]{{2,3}}{_SITE_END}"
)
# a named programme is a channel of its own (other): "6期《问政平潭》", "《问政平潭》《…》等相关栏目"
# and a bulletin of issues is one ("编制印发《工作简报》42期")
RE_PROGRAMME = r"(?<=[期场])《[^》]{2,20}》|《[^》]{2,20}》(?=(?:《[^》]{2,20}》)*等?(?:相关)?(?:栏目|节目)|\d+期)"
RE_NAMED_BEFORE = re.compile(r"[”\"」』]\s*$|[”\"」』](?:服务|政务|办事)$")
# the spec carries channels over inside a sentence only
CARRY_ACROSS_SENTENCES = False
CHANNEL_OF = {w: ch for ch, words in CHANNEL_WORDS.items() for w in words}
RE_CHANNEL = re.compile("|".join([RE_PROGRAMME, RE_SITE, *sorted(map(re.escape, CHANNEL_OF), key=len, reverse=True)]))


def channel_of(word: str) -> str:
    """The channel a match of ``RE_CHANNEL`` names."""
    if word in CHANNEL_OF:
        return CHANNEL_OF[word]
    return "website" if word.startswith("中国") else "other"  # the portal, or another site / a programme
# channels listed together: "微信视频号、抖音号" / "微博和抖音"
RE_CHANNEL_JOINER = re.compile(r"^[、和及与，,/\s]{1,2}$")

# ---- measures (closed set); the word nearest the number decides ---------------------------------
MEASURE_WORDS: dict[str, tuple[str, ...]] = {
    "followers": ("关注用户", "关注人数", "关注量", "关注数", "粉丝量", "粉丝数", "粉丝", "订阅数", "订阅用户", "订阅量", "订阅", "用户"),
    "views": ("浏览量", "阅读量", "访问量", "点击量", "播放量", "观看量", "浏览", "阅读", "访问", "点击", "播放", "观看"),
    "likes": ("点赞量", "点赞"),
    "videos": ("短视频", "微视频", "视频"),
    "interpretations": ("政策解读", "解读材料", "解读信息", "解读文章", "一图读懂", "图解", "解读"),
    "consultations": ("咨询", "留言", "来信", "诉求", "网民", "解答"),
    "solicitations": ("意见征集", "民意征集", "征求意见", "网上调查", "问卷调查", "问卷", "征集", "调查"),
    "events": ("在线访谈", "访谈", "直播", "开放日", "开放活动", "新闻发布会", "发布会", "采访", "专访", "座谈会", "活动"),
    "trainings": ("培训",),
    "requests": ("政府信息公开申请", "依申请公开", "公开申请", "申请", "答复件数"),
    "suggestions": ("人大代表建议", "代表建议", "建议"),
    "proposals": ("政协提案", "提案"),
    "documents": ("行政规范性文件", "规范性文件", "政策文件", "文件", "公文"),
    "services": ("政务服务事项", "服务事项", "事项", "审批事项"),
    "posts": ("政府信息", "信息", "新闻", "文章", "稿件", "动态", "推文", "发文", "推送", "发布", "公告", "公示"),
    # counted things that are none of the above: the nearest of these makes the measure "other"
    "other": ("账号", "企业", "单位", "行政复议", "复议", "行政诉讼", "诉讼"),
}
# "other" words naming who is counted among an earlier count ("收到申请75件，涉及自然人72件、商业企业3件"):
# such a count takes that count's measure; other "other" words (行政复议1件) keep theirs
OTHER_CARRIED = ("企业", "单位")
# measures that only take these units ("申请36起" is not a count of requests)
MEASURE_UNITS = {
    "services": ("项", "个", "件", "类", "大项", "小项", "种", "项次", "批"),  # "全部事项均可30分钟内办结" is a duration
    "requests": ("件", "个", "次", "份", "项"),
    "documents": ("件", "个", "份", "部", "篇", "条", "项"),  # "3轮次政策文件清理" is not 3 documents
    # published information is counted in 条/篇/期…; "政策法规信息1件" counts requests by subject
    "posts": ("条", "篇", "期", "次", "个", "则", "份", "万次", "条次", "批", "组", "幅", "项", "类", "宗"),
    "suggestions": ("件", "条", "个"),
    # campaigns, not the opinions they gathered ("征集到意见建议41条")
    "solicitations": ("期", "次", "份", "场", "轮", "项"),
    "proposals": ("件", "条", "个"),
}
MEASURE_OF = {w: m for m, words in MEASURE_WORDS.items() for w in words}
RE_MEASURE = re.compile("|".join(sorted(map(re.escape, MEASURE_OF), key=len, reverse=True)))
# a measure noun right after the unit ("120期短视频", "5个高频事项", "8个主题服务") wins over words
# before the number; a channel noun there ("29个政务新媒体") is what is counted
RE_MEASURE_AFTER = re.compile(r"(?:短视频|微视频|视频|解读|访谈|直播|培训|提案|建议|文件|信息|文章|稿件|活动)")
AFTER_UNIT_WINDOW = 8
RE_AFTER_UNIT_RUN = re.compile(rf"[\u4e00-\u9fff“”\"]{{1,{AFTER_UNIT_WINDOW}}}")
AFTER_UNIT_MEASURES = {"事项": "services", "服务": "services", "审批项目": "services", "大项": "services", "小项": "services", "一件事": "services", "栏目": "other"}
# parts of a count of published information ("…信息33条，其中…规范性文件1条") are categories of it:
# posts, when the words naming them point at one of these measures
CATEGORY_MEASURES = ("documents", "services", "interpretations", "other")
RE_JOINED = re.compile(r"[及和与、等]")
RE_LIST_INTRO = re.compile(r"其中|包括|类别|分别为|主要有|中[，,：:]")  # "在主动公开的116条政府信息中，…"
# "6期《问政平潭》": issues of a named programme are events held
RE_PROGRAMME_AFTER = re.compile(r"《[^》]{2,20}》")
PROGRAMME_UNITS = ("期", "场")
# what a hotline counts in these units is calls and messages received or answered
# ("受理各类12345市民服务热线295起", "累计接听电话84472通")
HOTLINE_CALL_UNITS = ("起", "通", "件", "人次")
# how a consultation or request came in, written right before its word, is its channel (the
# count's own words naming its medium): 电话咨询 → hotline, 信函申请 / 当面申请 → other
RE_MODE_BEFORE = re.compile(r"(电话|信函|当面|现场|电子邮件|邮件|邮寄|传真|网上|网络|在线)$")
MODE_CHANNELS = {
    "consultations": {"电话": "hotline", "网上": "website", "网络": "website", "在线": "website"},
    "requests": {},
}  # any other mode word: other
# a share right after a count ("电话咨询3200人次，占65.31%") is of that count: its channels
SHARE_JOINERS = ("，占", ",占", "占", "，约占", "，占比")
# one percentage stated for several rates: one record per rate ("按时办结率、群众满意率均为100%")
RE_RATE_LIST = re.compile(r"[^，。；：\s]{1,12}?率(?:[、和及与][^，。；、%]{1,12}?率)+(?:均|都|皆)(?:为|达到|达|是)?$")
RATE_LIST_WINDOW = 60
RE_RATE_JOINER = re.compile(r"率[、和及与]")
# "微博、微信分别发布信息495条和632条": the listed channels, in order, to the counts that follow
RE_RESPECTIVELY = re.compile(r"分别")
RE_COUNT_LIST_END = re.compile(r"[，。；！？,;!?]")
# counts of the old template's information table that are neither posts nor requests
# ("依申请公开信息数374条", "不予公开信息数55条"): information items, measure other
# and, in 条, "依申请公开政府信息86条" / "依申请公开173条" (information disclosed on request: items, not
# requests, which are counted in 件 or after a verb of receiving)
# (not after 主动公开和…, nor after a verb of receiving or answering — 受理/收到/办结/回应/答复 —
# checked one character back)
_NOT_ITEMS_AFTER = "和及与受理收到办结回应答复"
RE_INFO_ITEMS = re.compile(
    rf"(?:(?<![、{_NOT_ITEMS_AFTER}])(?:作为)?依申请公开(?:的)?(?:政府)?信息(?:数|数量)"
    rf"|(?<![{_NOT_ITEMS_AFTER}])依申请公开(?:的)?(?:政府)?(?:信息)?(?=$)"
    r"|不予(?:以)?公开(?:的)?(?:政府)?(?:信息)?(?:数|数量)?)(?:为|共|达)?$"
)
# information sent to the archives and library ("送交两馆的公文类政府信息220条") is not published:
# measure other, and its channel is other (the archives), for that count only
RE_ARCHIVED = re.compile(r"(?:送交?|报送)\S{0,3}(?:两馆|档案馆|图书馆)")
# what an agency produced or obtained is not what it published: "制作、获取政府信息总数1873条"
RE_PRODUCED = re.compile(r"(?:制作|获取|制发)[、和及与]?(?:获取)?(?:的)?(?:政府|政务)?信息(?:[（(][^（）()]{1,6}[）)])?(?:总数|总量|数)?(?:为|共|达)?$")
# units that posts take only after a verb of publishing in the clause
PUBLISHED_UNITS = ("件",)
PUBLISH_VERBS = "发布|推送|发文|公布|刊发|转发"
RE_PUBLISH_VERB = re.compile(PUBLISH_VERBS)
# a count with no measure word after a verb of publishing is posts ("主动公开99条政策"), but not
# the 公开 of a noticeboard's name (刊出政务公开栏12期)
RE_PUBLISHED_NO_WORD = re.compile(rf"(?:{PUBLISH_VERBS}|公开)(?:了|共|的)?$")
# a category of published information right before its count: "公示公告类46条", "政策解读类1条",
# "民政扶贫救灾社会保障就业类信息2条" are posts, whatever the words naming the category
RE_CATEGORY_BEFORE = re.compile(r"类(?:政府)?(?:信息)?(?:数)?(?:为|共)?$")
CATEGORY_UNITS = ("条", "篇")
PUBLISHED_NO_WORD_UNITS = ("条", "篇", "则", "份")
RE_DISCLOSE_VERB = re.compile(r"公开|发布|公布")
# units of one kind: "130大项、259小项" are both counts of items
UNIT_FAMILY = {"大项": "项", "小项": "项"}
# requests counted by their outcome: "“同意公开”的件数为1件", "“不予公开”的4件"
RE_OUTCOME_COUNT = re.compile(r"[”\"]的(?:件数)?(?:为|共|是)?$")
# a run of words after the unit that ends in requests ("1条信息公开申请"; "2件依申请公开信息" does
# not, and is found among the run's words by its unit)
RE_REQUESTS_END = re.compile(r"(?:公开申请|依申请公开|申请)$")
# the items of a request are requests ("收到依申请公开事项0项")
RE_REQUESTS_BEFORE_ITEMS = re.compile(r"(?:依申请公开|公开申请)$")
# a gloss in parentheses right before the number ("政府信息（文件）687份"): skipped when looking for
# the measure word
RE_GLOSS_BEFORE = re.compile(r"[（(][^（）()，。]{1,10}[）)]\s*$")
# complaints and petitions are not administrative services ("信访投诉事项7733件")
RE_NOT_SERVICES = re.compile(r"(?:信访|投诉|举报)$")
# requests counted in 条 right after the word ("收到…申请7条", "网上申请数3条", "受理申请的数量为0条"),
# not the 信息N条 of a sentence about requests
RE_REQUESTS_RIGHT_BEFORE = re.compile(r"(?:的)?(?:数|数量)?(?:为|共|达)?$")
# posts is the generic measure (发布/信息): a more specific measure in the same clause wins over it;
# a word of the "other" list does only when it is the nearest ("各单位主动公开政府信息1397条" is posts)
GENERIC_MEASURES = ("posts", "other")
# documents are counted when issued: a document word followed by 类/等/信息 names a category of
# published information ("政策、规范性文件类信息95条" is posts), and one after a verb of
# repealing or revising is not an issued document ("废止规范性文件5件")
RE_DOCUMENT_CATEGORY = re.compile(r"(?:类|等|相关)?(?:信息|类)")  # used with .match at a position
# a document category after a verb of issuing is documents issued ("印发公文类政府信息共510条")
RE_ISSUED = re.compile(r"(?:印发|制发|下发)$")
RE_NOT_ISSUED = re.compile(r"(?:废止|清理|失效|修改|修订|宣布废止)\S{0,4}$")

# ---- numbers, units, qualifiers ---------------------------------------------------------------
CN_NUM = "零〇一二两三四五六七八九十百千"
# a single Chinese numeral counts only before a counting unit ("两项功能", "四个区级非遗代表性项目");
# 一 is an article there ("一项重要工作") and is left out
SINGLE_CN_UNITS = "个项种张家名位批所"
NUMBER = (
    rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{CN_NUM}]{{2,}}|[{CN_NUM}](?=[余多]?[万千百])"
    rf"|(?<![{CN_NUM}第])[两二三四五六七八九](?=[{SINGLE_CN_UNITS}]))"
)
# what a single numeral with a unit must not be followed by: the structure of a text or a plan
# ("三个方面", "六个部分"), set phrases ("三个一批"), nor stand inside quotes (“四个结合”)
# nor is any number of 个 before these ("从以下3个方面做进一步的改进")
RE_STRUCTURE_AFTER = re.compile(r"方面|部分|维度")
RE_SINGLE_CN_NOT_AFTER = re.compile(r"(?:方面|方式|部分|维度|环节|层面|阶段|重点|结合|一|字|步|目标|原则|任务|机制|平台建设)")
MULTIPLIER = r"(?:万|亿)"
MONEY_UNITS = ("亿元", "万元", "元")
# a change of a rate in points is a rate: "较2018年上升1.14个百分点"
POINT_UNITS = ("个百分点", "百分点")
UNITS = (
    *MONEY_UNITS, *POINT_UNITS, "批次", "大项", "小项", "人次", "万次", "个工作日", "条次", "分钟", "小时", "天", "周", "宗", "通", "处", "篇", "条", "人", "个", "期", "部", "次", "场", "件", "项", "家", "户", "份",
    "本", "批", "组", "套", "名", "位", "台", "册", "张", "轮", "起", "类", "幅", "种", "所",
)
RE_UNIT = "|".join(sorted(map(re.escape, UNITS), key=len, reverse=True))
QUAL_BEFORE = {"近": "under", "将近": "under", "接近": "under", "不到": "under", "约": "approx", "大约": "approx",
               "超": "over", "超过": "over", "逾": "over"}
QUAL_AFTER = {"余": "over", "多": "over", "以上": "over", "左右": "approx"}
# the count: [qualifier] number [余/多] [万/亿] [余/多] unit | % ; [以上/左右]
RE_COUNT = re.compile(
    # the lookahead lets the scan skip, in one step, every position where no count can start
    rf"(?=[{''.join(sorted({q[0] for q in QUAL_BEFORE}))}\d{CN_NUM}])"
    rf"(?P<qb>将近|接近|不到|大约|超过|近|约|超|逾)?"
    rf"(?P<num>{NUMBER})\s*(?P<q1>余|多)?\s*(?P<mult>{MULTIPLIER})?\s*(?P<q2>余|多)?\s*"
    rf"(?:(?P<unit>{RE_UNIT}|%)|(?P<bare>(?<=[万亿])(?=[，。；、）),;\s]|$)))"
    rf"(?P<qa>以上|左右)?"
)
CUMULATIVE = re.compile(r"截至|截止|累计|共计|总计|历年|至今|以来|现行有效|依旧有效|目前")
# 累计/共 limited to the report year is not cumulative: "全年累计", "2025年…累计"
NOT_CUMULATIVE = re.compile(r"全年|今年|本年|年内|(?:19|20)\d{2}\s*年(?!\d)")
# a count written without a unit right after its measure word: "粉丝数54373", "订阅数4.2万"
RE_BARE_COUNT = re.compile(
    r"(?P<mw>粉丝数|粉丝量|订阅数|订阅量|关注人数|关注数|关注量|浏览量|阅读量|访问量|点击量|播放量|观看量|点赞量|点赞数|信息数)"
    r"(?:达到|达|为|超过|超|近)?(?P<num>\d+(?:\.\d+)?)(?P<mult>万|亿)?(?P<q2>余|多)?"
    r"(?![\d%.万亿年月日号]|[\u4e00-\u9fff])"
)

# ---- not counts -------------------------------------------------------------------------------
# preceding context that makes a number a date, article, ordinal, document number, phone …
CALL_UNITS = ("通", "次", "个", "人次", "件")
# (每 before a number is a frequency: "每2周至少更新一次")
RE_NOT_BEFORE = re.compile(r"(?:第|〔|\[|【|编号|邮编|电话|传真|热线电话|号码|国务院令|每)\s*$")
# a service hotline's number is its name, not a count ("12315台", "12345热线")
RE_HOTLINE_NUMBER = re.compile(r"123\d\d")
# service hours, not counts: "24小时自助服务区", "7×24小时"
RE_HOURS = re.compile(r"24\s*小时")
RE_NOT_AFTER = re.compile(r"^(?:\s*(?:年|月|日|号|时|分|届|周年|岁|级|号文|〕|\]|[-－—]\d))")
RE_YEARISH = re.compile(r"^(?:19|20)\d{2}$")
