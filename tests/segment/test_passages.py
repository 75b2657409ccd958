import pytest

from nlp.segment.passages import split_passages


def texts(section_text: str) -> list[str]:
    return [p.text for p in split_passages("problems", section_text)]


@pytest.mark.parametrize(
    "section_text,expected",
    [
        # enumerated items inside one sentence (labels.md: 一是……；二是……)
        (
            "2024年，本局工作取得了一定成果，但仍存在一些问题和不足，主要表现在：一是政策主动公开力度不足，"
            "与政策文件库的衔接不到位，解读质量有提升空间；二是政府信息公开精准度有欠缺。",
            [
                "2024年，本局工作取得了一定成果，但仍存在一些问题和不足，主要表现在",
                "一是政策主动公开力度不足，与政策文件库的衔接不到位，解读质量有提升空间",
                "二是政府信息公开精准度有欠缺。",
            ],
        ),
        # a short lead-in title joins the sentence it introduces; the "1." label is left out
        (
            "1.惠企政策网上查。开发济宁市“惠企通”服务平台，实现政策“一键匹配”。\n2.群众购房掌上看。创新信息公开模式。",
            ["惠企政策网上查。开发济宁市“惠企通”服务平台，实现政策“一键匹配”。", "群众购房掌上看。创新信息公开模式。"],
        ),
        # headings are context, not passages
        ("（五）监督保障情况\n深化公众参与，积极开展意见征集。", ["深化公众参与，积极开展意见征集。"]),
        # table rows (tab-separated or run-together cells) are not passages
        ("规章\t0\t0\t0\n行政规范性文件\t0\t0\t2\n下一步将加强解读。", ["下一步将加强解读。"]),
        ("行政复议结果维持结果纠正其他结果尚未审结总计000000。下一步将加强解读。", ["下一步将加强解读。"]),
        # a written sentence that uses table wording is still a sentence (023_pingtan_2022)
        (
            "2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。",
            ["2022年，全区收到政府信息公开申请75件，涉及自然人72件、商业企业3件，均在法定期限内予以答复，办结率100%。"],
        ),
        (
            "不予公开的政府信息主要涉及政府机关内部文电，不予公开的原因主要是涉及政府机关内部事务。",
            ["不予公开的政府信息主要涉及政府机关内部文电，不予公开的原因主要是涉及政府机关内部事务。"],
        ),
        # ... but run-together cells ending in a sentence are not
        (
            "行政复议结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计"
            "10000100000000000我局严格规范政府信息公开流程，强化内部审核监督。",
            [],
        ),
        # sentences end in 。！？ or a line end
        ("首先加强领导！其次完善制度？\n最后抓好落实", ["首先加强领导！", "其次完善制度？", "最后抓好落实"]),
    ],
)
def test_split_passages(section_text, expected):
    assert texts(section_text) == expected


def test_offsets_are_verbatim():
    text = "（一）主动公开方面。全年公开信息100条；一是目录；二是解读。\n\t表格\t1\n结束。"
    for p in split_passages("overview", text):
        assert text[p.start : p.end] == p.text
