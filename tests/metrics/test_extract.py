"""Metric records: the examples of ../shared/spec/metrics.md and the issue, as literal cases."""

import pytest

from nlp.ingest.normalize import normalize
from nlp.metrics.extract import extract_metrics
from nlp.metrics.numbers import to_number


def records(text):
    return [(m.channels, m.account, m.measure, m.value, m.qualifier, m.unit, m.text, m.period) for m in extract_metrics(text)]


@pytest.mark.parametrize(
    "num,mult,value",
    [
        ("6", "万", 60000),
        ("4.2", "万", 42000),
        ("1.6", "万", 16000),
        ("20", "万", 200000),
        ("三十", None, 30),
        ("两千", None, 2000),
        ("一百二十", None, 120),
        ("1,234", None, 1234),
        ("99.9", None, 99.9),
        ("2", "亿", 200000000),
    ],
)
def test_numbers(num, mult, value):
    assert to_number(num, mult) == value


@pytest.mark.parametrize(
    "text,expected",
    [
        # the spec's worked example: 关注用户6万余人 -> wechat_official, followers, 60000, over
        (
            "截至目前，微信公众号对外发布信息5400余篇，关注用户6万余人。",
            [
                (["wechat_official"], None, "posts", 5400, "over", "篇", "信息5400余篇", "cumulative"),
                (["wechat_official"], None, "followers", 60000, "over", "人", "关注用户6万余人", "cumulative"),
            ],
        ),
        # a list of channels gives both, and carries over inside the sentence
        (
            "微信视频号、抖音号发布120期短视频，粉丝近9万人，获点赞20余万个。",
            [
                (["douyin", "wechat_channels"], None, "videos", 120, "exact", "期", "120期短视频", "year"),
                (["douyin", "wechat_channels"], None, "followers", 90000, "under", "人", "粉丝近9万人", "year"),
                (["douyin", "wechat_channels"], None, "likes", 200000, "over", "个", "点赞20余万个", "year"),
            ],
        ),
        # a percentage
        ("网上可办率99.9%。", [(["unspecified"], None, "rate", 99.9, "exact", "", "网上可办率99.9%", "year")]),
        # a quoted account name
        (
            "“济宁审批服务”微信公众号发文472篇。",
            [(["wechat_official"], "济宁审批服务", "posts", 472, "exact", "篇", "发文472篇", "year")],
        ),
        # Chinese numerals
        ("开展政务公开培训三十场次。", [(["unspecified"], None, "trainings", 30, "exact", "场", "培训三十场", "year")]),
        ("发布信息两千条，其中一百多条为政策文件。", [
            (["unspecified"], None, "posts", 2000, "exact", "条", "信息两千条", "year"),
            # a part of the information published (其中…为政策文件) is a category of it: posts
            (["unspecified"], None, "posts", 100, "over", "条", "一百多条", "year"),
        ]),
        # a count without a unit right after its measure word
        ("订阅数4.2万，粉丝数54373。", [
            (["unspecified"], None, "followers", 42000, "exact", "", "订阅数4.2万", "year"),
            (["unspecified"], None, "followers", 54373, "exact", "", "粉丝数54373", "year"),
        ]),
        # the channel counted after the unit
        ("全区共有2个政府网站、29个政务新媒体。", [
            (["website"], None, "other", 2, "exact", "个", "2个", "year"),
            (["new_media"], None, "other", 29, "exact", "个", "29个", "year"),
        ]),
        # sub-counts keep the sentence's measure
        ("共承办人大代表建议14件，其中主办1件，会办13件。", [
            (["unspecified"], None, "suggestions", 14, "exact", "件", "人大代表建议14件", "year"),
            (["unspecified"], None, "suggestions", 1, "exact", "件", "1件", "year"),
            (["unspecified"], None, "suggestions", 13, "exact", "件", "13件", "year"),
        ]),
        # approx and the report year's own 累计 is not cumulative
        ("2025年，门户网站累计主动公开政府信息约7700条。", [
            (["website"], None, "posts", 7700, "approx", "条", "信息约7700条", "year"),
        ]),
    ],
)
def test_spec_examples(text, expected):
    assert records(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "本报告所列数据统计期限自2022年1月1日起至2022年12月31日止。",  # dates and years
        "根据《关于印发……的通知》（济政办字〔2022〕16号）要求。",  # document number
        "联系电话：0537-3239633，邮编：350400。",  # phone, postcode
        "依据《条例》第二十条第（一）项规定，国务院令第711号。",  # article numbers
        "一是加强领导；二是完善制度；第三次会议。",  # ordinals
        "贯彻党的二十大和二十届二中、三中全会精神，落实“十四五”规划。",
        "严格执行“三审三校”制度，推进“一网通办”。",
        "建成3处24小时自助服务区，24小时公安服务窗口从一点向多点铺开。"[9:],  # service hours
        "全年公开工作着力围绕三种方式展开。",
        "各处室每2周至少更新一次信息公开栏目。",  # a frequency
        "我们考虑从以下3个方面做进一步的改进。",  # the structure of the text
        "从政治导向、法律依据、保密要求、文字表述五个维度进行全面审核。",
        "出台了《关于支持中小微企业应对疫情度过难关二十条措施的通知》。",  # a document title
        "各科（室）、工商所及12315台负责人为成员。",  # a hotline's number
    ],
)
def test_not_counts(text):
    assert records(text) == []


def test_fullwidth_and_spaced_numbers():
    text = normalize("解读 16 篇，关注用户６万余人。").text
    assert [(m.measure, m.value) for m in extract_metrics(text)] == [("interpretations", 16), ("followers", 60000)]


def short(text):
    return [(m.channels, m.measure, m.value) for m in extract_metrics(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a category of published information is posts, not documents issued
        (
            "主动公开政府信息的主要类别有：机构职能类信息612条，政策、规范性文件类信息223条。",
            [(["unspecified"], "posts", 612), (["unspecified"], "posts", 223)],
        ),
        ("法律法规、政策文件等信息共13条。", [(["unspecified"], "posts", 13)]),
        (
            "全年公开政府信息共33条，其中地方性法规、政府规章和规范性文件1条，城乡建设和管理的重大事项2条。",
            [(["unspecified"], "posts", 33), (["unspecified"], "posts", 1), (["unspecified"], "posts", 2)],
        ),
        # durations are counts too (other); an anniversary is not
        ("平均等候时长从42分钟缩减至19分钟，建馆20周年。", [(["unspecified"], "other", 42), (["unspecified"], "other", 19)]),
        # documents are counted when issued, not when repealed or reviewed
        ("本年度制发规范性文件34件。", [(["unspecified"], "documents", 34)]),
        ("经清理，已宣布废止规范性文件5件。", [(["unspecified"], "other", 5)]),
        ("先后开展3轮次政策文件清理工作。", [(["unspecified"], "other", 3)]),
        ("因政府信息公开产生行政复议共2件。", [(["unspecified"], "other", 2)]),
        # 订阅 counts followers; 行政服务中心 is the service hall; 省网 the provincial portal
        ("微信公众号发布信息23条，订阅8509个。", [(["wechat_official"], "posts", 23), (["wechat_official"], "followers", 8509)]),
        ("行政服务中心实现50%以上审批服务事项一趟不用跑。", [(["service_hall"], "rate", 50)]),
        # channels named after the counts, with no count of their own, are the sentence's
        (
            "完成梳理行政权力事项3646项、公共服务事项281项，已在政府门户网站上公布。",
            [(["website"], "services", 3646), (["website"], "services", 281)],
        ),
        ("公安行政审批事项已100%入驻省网。", [(["website"], "rate", 100)]),
        # information counted in 件 by subject inside a count of requests; sub-counts after a rate
        (
            "收到政府信息公开申请共计8件，申请事项涉及政策法规信息1件、小区备案信息6件。",
            [(["unspecified"], "requests", 8), (["unspecified"], "requests", 1), (["unspecified"], "requests", 6)],
        ),
        (
            "绑定事项共有89项，其中“一趟不用跑”的有45项，占比78.9%；“全程网办”的有41项。",
            [(["unspecified"], "services", 89), (["unspecified"], "services", 45), (["unspecified"], "rate", 78.9),
             (["unspecified"], "services", 41)],
        ),
        ("该5件政府信息公开申请均已答复。", [(["unspecified"], "requests", 5)]),
        # a single Chinese numeral before a counting unit is a count, but not a text's structure,
        # a quoted slogan, or 一 used as an article
        ("依托微信公众号开发两项功能，从以下三个方面改进，做到“四个结合”，作为一项重要工作。", [(["wechat_official"], "other", 2)]),
        # what a verb of publishing counts in 件 is posts; 宗 and 通 are units
        ("通过部门网站当年发布政府信息393件。", [(["website"], "posts", 393)]),
        ("发布征地告知书202宗，累计接听电话84472通。", [(["unspecified"], "posts", 202), (["unspecified"], "other", 84472)]),
        # issues of a named programme are events
        ("共组织开展6期《问政平潭》。", [(["other"], "events", 6)]),  # a named programme is a channel
        # the channel only: what 4次参加 counts is left as other (an annotator read events)
        ("共4次参加《问政平潭》《问政平潭之有事您说》等相关栏目。", [(["other"], "other", 4)]),
        ("共受理各类12345市民服务热线295起，按时办结率、群众满意率均为100%。",
         [(["hotline"], "consultations", 295), (["hotline"], "rate", 100), (["hotline"], "rate", 100)]),
        ("微博、微信分别发布信息495条和632条。", [(["weibo"], "posts", 495), (["wechat_official"], "posts", 632)]),
        ("微博、微信分别发布信息495条，阅读量1万次。", [(["wechat_official", "weibo"], "posts", 495), (["wechat_official", "weibo"], "views", 10000)]),
        ("依申请公开信息数374条，不予公开信息数55条，主动公开和依申请公开的政府信息共468条。",
         [(["unspecified"], "other", 374), (["unspecified"], "other", 55), (["unspecified"], "posts", 468)]),
        ("完成梳理行政权力事项3646项，已在中国平潭网上公布。", [(["website"], "services", 3646)]),
        ("在平潭政府采购信息网上主动公开政府采购项目信息189条。", [(["other"], "posts", 189)]),
        ("在福建电视台、平潭时报等媒介上报道新闻14篇。", [(["other"], "posts", 14)]),
        ("接受电视采访5人次。", [(["other"], "events", 5)]),
        ("各单位主动公开政府信息1397条。", [(["unspecified"], "posts", 1397)]),
        ("2011年制作、获取政府信息总数1873条，其中主动公开政府信息425条，作为依申请公开信息数46条，不予公开信息数1402。",
         [(["unspecified"], "other", 1873), (["unspecified"], "posts", 425), (["unspecified"], "other", 46), (["unspecified"], "other", 1402)]),
        ("全年印发公文类政府信息共510条，其中主动公开信息数169，不予公开24条。",
         [(["unspecified"], "documents", 510), (["unspecified"], "posts", 169), (["unspecified"], "other", 24)]),
        ("共收到政府信息公开申请3件，予以公开1件，不予公开2件。",
         [(["unspecified"], "requests", 3), (["unspecified"], "requests", 1), (["unspecified"], "requests", 2)]),
        ("全年通过政府门户网站主动公开99条政策。", [(["website"], "posts", 99)]),
        ("公布四个区级非遗代表性项目。", [(["unspecified"], "other", 4)]),
        ("解读政策性文件8条。政策性解读文件14条。", [(["unspecified"], "interpretations", 8), (["unspecified"], "interpretations", 14)]),
        ("全县共收到有关政府信息公开的申请7条，网上申请数3条。", [(["unspecified"], "requests", 7), (["other"], "requests", 3)]),
        ("2011年刊出政务公开栏12期。", [(["disclosure_zone"], "other", 12)]),
        ("其中现场咨询1600人次，占32.65%；电话咨询3200人次，占65.31%，网上咨询100人次。",
         [(["other"], "consultations", 1600), (["other"], "rate", 32.65), (["hotline"], "consultations", 3200),
          (["hotline"], "rate", 65.31), (["website"], "consultations", 100)]),
        ("从申请方式看，网络申请3件，占43%；信函申请4件，占57%。",
         [(["other"], "requests", 3), (["other"], "rate", 43), (["other"], "requests", 4), (["other"], "rate", 57)]),
        ("入驻区行政审批服务中心审批事项130大项、259小项。", [(["service_hall"], "services", 130), (["service_hall"], "services", 259)]),
        ("全年公开核准企业资质50条、施工许可证61条。", [(["unspecified"], "posts", 50), (["unspecified"], "posts", 61)]),
        ("我局主动公开的173条，其中公示公告类46条、政策解读类1条、财政资金类3条、行政许可77条。",
         [(["unspecified"], "posts", 173), (["unspecified"], "posts", 46), (["unspecified"], "posts", 1),
          (["unspecified"], "posts", 3), (["unspecified"], "posts", 77)]),
        ("民政扶贫救灾社会保障就业类信息2条。", [(["unspecified"], "posts", 2)]),
        ("局领导接受媒体采访6人次。", [(["other"], "events", 6)]),
        ("并通过《问政平潭》节目，线上线下解答群众关切问题约30个。", [(["other"], "consultations", 30)]),
        ("在“中国平潭”网开设专栏，集中公开相关信息11条。", [(["website"], "posts", 11)]),
        ("全部事项均可30分钟内办结。", [(["unspecified"], "other", 30)]),
        # a list of events, each naming its own medium (电台 is a broadcaster: other)
        ("全年共召开了新闻发布会8场、警媒座谈会2场、电台直播活动12场、微访谈活动1场；开展警民互动活动42场次。",
         [(["press_conference"], "events", 8), (["press_conference"], "events", 2), (["other"], "events", 12),
          (["other"], "events", 1), (["other"], "events", 42)]),
        # the provincial online service hall is a website; a portal's online service platform is other
        ("依托“福建省网上办事大厅”，发布207项行政监管类事项。", [(["website"], "services", 207)]),
        ("网上服务平台共受理公安业务6945件，办结率达99.3%。", [(["other"], "other", 6945), (["other"], "rate", 99.3)]),
        ("在流水便民服务中心再建2个24小时公安自助服务区。", [(["service_hall"], "other", 2)]),
        ("上网发布的184条公安政府信息，均落实了发布登记备案。", [(["website"], "posts", 184)]),
        ("发布户籍管理政策及动态7条、弃婴公告70期。", [(["unspecified"], "posts", 7), (["unspecified"], "posts", 70)]),
        # a count ending a list of what it counts takes its measure from the list's first item
        ("全年累计公布网上信息、安全提示等1000余条。", [(["unspecified"], "posts", 1000)]),
        # a channel that is what another count counts is not named after this one
        ("开展“国际禁毒日”等30余个集中宣传活动及3场新闻发布会。",
         [(["unspecified"], "events", 30), (["press_conference"], "events", 3)]),
        # information produced or issued, and its parts disclosed on request or withheld, are items
        ("共制发政府信息349条，其中，主动公开政府信息124条、依申请公开173条、不予公开52条。",
         [(["unspecified"], "other", 349), (["unspecified"], "posts", 124), (["unspecified"], "other", 173),
          (["unspecified"], "other", 52)]),
        ("2016年度我局依申请公开政府信息63条，不予以公开信息132条。受理申请的数量为0条。",
         [(["unspecified"], "other", 63), (["unspecified"], "other", 132), (["unspecified"], "requests", 0)]),
        ("全年共发布263条，送交两馆的公文类政府信息220条。", [(["unspecified"], "posts", 263), (["other"], "other", 220)]),
        ("通过微信公众号发布文章1220篇，累计阅读次数112万;通过今日头条发布文章37条。",
         [(["wechat_official"], "posts", 1220), (["wechat_official"], "views", 1120000), (["toutiao"], "posts", 37)]),
        # the parts of published information listed after "…N条政府信息中，" are categories of it
        ("在主动公开的116条政府信息中，规范性文件21条，占18%；计划总结类文件2条，占2%。",
         [(["unspecified"], "posts", 116), (["unspecified"], "posts", 21), (["unspecified"], "rate", 18),
          (["unspecified"], "posts", 2), (["unspecified"], "rate", 2)]),
        # … interpretations too when named with other things, but not as the category itself
        ("主动公开信息数共107条，其中:减税降费22条，财税金融等政策及解读共2条；财政预算、决算报告共7条。",
         [(["unspecified"], "posts", 107), (["unspecified"], "posts", 22), (["unspecified"], "posts", 2),
          (["unspecified"], "posts", 7)]),
        ("网站全年累计发布信息2139条，其中动态类信息发布1744条，解读类信息发布21条。",
         [(["website"], "posts", 2139), (["website"], "posts", 1744), (["website"], "interpretations", 21)]),
        # requests by outcome; who asked takes the request count's measure; a review does not
        ("已答复件数2件，已答复中“同意公开”的件数为1件，“部分公开”的件数为0件。",
         [(["unspecified"], "requests", 2), (["unspecified"], "requests", 1), (["unspecified"], "requests", 0)]),
        ("收到申请75件，涉及自然人72件、商业企业3件。",
         [(["unspecified"], "requests", 75), (["unspecified"], "requests", 72), (["unspecified"], "requests", 3)]),
        ("共受理政府信息公开申请6件；办理因政府信息公开引起的行政复议1件，行政诉讼0件。",
         [(["unspecified"], "requests", 6), (["unspecified"], "other", 1), (["unspecified"], "other", 0)]),
        ("制发行政规范性文件9件，按程序确认失效或废止文件7件。",
         [(["unspecified"], "documents", 9), (["unspecified"], "other", 7)]),
        ("围绕夜间消费等工作发布问卷调查4次，意见征集4次。",
         [(["unspecified"], "solicitations", 4), (["unspecified"], "solicitations", 4)]),
        ("今年我局共制作政务信息851条，主动公开政府信息56条。",
         [(["unspecified"], "other", 851), (["unspecified"], "posts", 56)]),
        # requests by outcome, requests named after the unit, items asked for
        ("已答复中“同意公开”的件数1件，“部分公开”的件数为5件。",
         [(["unspecified"], "requests", 1), (["unspecified"], "requests", 5)]),
        ("今年我局共受理办结2件依申请公开信息。", [(["unspecified"], "requests", 2)]),
        ("本年度收到依申请公开事项0项。", [(["unspecified"], "requests", 0)]),
        # a change of a rate in points is a rate
        ("占比高达90.62%，较2018年上升1.14个百分点。", [(["unspecified"], "rate", 90.62), (["unspecified"], "rate", 1.14)]),
        # information sent to the archives or the library
        ("2020年报送区档案馆和区图书馆政府公开信息141份。", [(["other"], "other", 141)]),
        # items of administrative services counted in 大项/小项, and after 其中 in 项
        ("对交建业务的131项大项、260小项审批项目进行梳理，其中模块化260项（行政审批154小项，公共服务106小项）。",
         [(["unspecified"], "services", 131), (["unspecified"], "services", 260), (["unspecified"], "services", 260),
          (["unspecified"], "services", 154), (["unspecified"], "services", 106)]),
        # solicitations are campaigns; the opinions they gathered are other
        ("公开征集群众对我局工作的意见建议，共征集到意见建议41条。", [(["unspecified"], "other", 41)]),
        # information and documents disclosed, counted in 份
        ("全年共制作、获取政府信息（文件）307份，其中主动公开51份。", [(["unspecified"], "other", 307), (["unspecified"], "posts", 51)]),
        ("2018年主动公开文件51份，截止2018年，共公开文件累计257份。", [(["unspecified"], "posts", 51), (["unspecified"], "posts", 257)]),
        # the archives are the channel of what is sent to them, not of the sentence's other counts
        ("每月装订政府信息公开材料送达“两馆”（档案馆、图书馆）政府信息查阅点，围绕防汛等工作发布问卷调查4次。",
         [(["unspecified"], "solicitations", 4)]),
        # a list after one verb of disclosing: every item is published information
        ("全年公开核准企业资质条、施工许可证76条、安全生产许可证121条。",
         [(["unspecified"], "posts", 76), (["unspecified"], "posts", 121)]),
        # a gloss in parentheses before the number does not hide the word before it
        ("共发布政府信息（文件）687份，其中主动公开299份。", [(["unspecified"], "posts", 687), (["unspecified"], "posts", 299)]),
        ("全年共制作、获取政府信息（文件）411份。", [(["unspecified"], "other", 411)]),
        # petitions and complaints are not administrative services; a bulletin's issues are its own channel
        ("今年以来，共接收处置信访、群众来信等信访投诉事项7733件。", [(["unspecified"], "other", 7733)]),
        ("全年通过政府网站主动公开政府信息290条，编制印发《工作简报》42期。",
         [(["website"], "posts", 290), (["other"], "other", 42)]),
        ("局领导围绕民生补短板攻坚战接受电视专访1次。", [(["other"], "events", 1)]),
        ("2018年，我局收到1条信息公开申请。", [(["unspecified"], "requests", 1)]),
        ("通过微信公众号发布20680批次农产品抽检情况。", [(["wechat_official"], "other", 20680)]),
        # requests by outcome without 件数; a stated "other form" of disclosure; integrated services
        ("共收到依申请公开信息4件。“同意公开”的4件。", [(["unspecified"], "requests", 4), (["unspecified"], "requests", 4)]),
        ("通过门户网站公开29条，其他形式公开8条。", [(["website"], "posts", 29), (["other"], "posts", 8)]),
        ("推出“我要开餐馆”等10个涉企“一件事”集成套餐服务清单。", [(["unspecified"], "services", 10)]),
        # … but a channel followed by its own count is not carried back
        ("发布信息20条，微信公众号发布信息30条。", [(["unspecified"], "posts", 20), (["wechat_official"], "posts", 30)]),
    ],
)
def test_measure_and_channel_rules(text, expected):
    assert short(text) == expected
