"""Narrative counts -> metric records (``../shared/spec/metrics.md``).

For every count (a number with a unit, or a percentage) in a sentence: the measure is the measure
word nearest before the number in its clause (or the noun right after the unit: "120期短视频"),
found on the project's jieba tokens (domain dictionary: 关注用户, 微信视频号, 政策解读 … are one
token each); the channels are the last channel words named before it in the same sentence, a list
joined by 、/和 counting as one group (so they carry over: "微信公众号发布信息5400余篇，关注用户6万余人");
the account is a quoted name next to a channel word; qualifier, unit and period come from the
words around the number.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from nlp.metrics import vocab as V
from nlp.metrics.numbers import to_number

RE_CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?、（）()]")
RE_SENTENCE_BREAK = re.compile(r"[。！？!?]")
RE_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,20})[”\"」』]")
MEASURE_WINDOW = 16  # characters before the number searched for its measure word
RE_LIST_HEAD = re.compile(r"[^，。；：！？,;:!?（）()\d]+$")  # a noun list's first items (no counts among them)


@dataclass
class Metric:
    channels: list[str]
    account: str | None
    measure: str
    value: int | float
    qualifier: str
    unit: str
    text: str
    period: str
    start: int  # offsets of ``text`` in the text it was found in
    end: int
    passage_id: int | None = None

    def to_dict(self) -> dict:
        # the fields in order, channels copied (dataclasses.asdict deep-copies every field)
        d = dict(self.__dict__)
        d["channels"] = list(self.channels)
        return d


@lru_cache(maxsize=256)
def _sentence_ends(text: str) -> tuple[int, ...]:
    """Where each sentence break of ``text`` ends (a str caches its hash, so the key is cheap)."""
    return tuple(b.end() for b in RE_SENTENCE_BREAK.finditer(text))


def _sentence_start(text: str, pos: int) -> int:
    """Start of the sentence holding ``pos``: the end of the last break before it."""
    ends = _sentence_ends(text)
    i = bisect_right(ends, pos)
    return ends[i - 1] if i else 0


def _same_sentence(text: str, start: int, end: int) -> bool:
    return not RE_SENTENCE_BREAK.search(text, start, end)


def _inside(text: str, pos: int, open_: str, close: str) -> bool:
    """Whether ``pos`` is inside ``open_``…``close``."""
    return text.rfind(open_, 0, pos) > text.rfind(close, 0, pos)


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` is inside “…”, 《…》 or "…" (a name or slogan, not a count)."""
    if _inside(text, pos, "“", "”") or _inside(text, pos, "《", "》"):
        return True
    return text.count('"', 0, pos) % 2 == 1


def _is_excluded(text: str, m: re.Match[str]) -> bool:
    num = m.group("num")
    before = text[max(0, m.start("num") - 6) : m.start("num")]
    after = text[m.end("num") : m.end("num") + 4]
    hit = V.RE_NOT_BEFORE.search(before)
    if hit and not (hit.group(0).rstrip().endswith("电话") and m.group("unit") in V.CALL_UNITS):
        return True  # a phone number, unless counted in calls ("接听电话84472通")
    if len(num) == 1 and not num.isdigit():  # a single Chinese numeral ("两项功能")
        if V.RE_SINGLE_CN_NOT_AFTER.match(text, m.end()) or _inside_quotes(text, m.start("num")):
            return True
    if not m.group("unit") and not m.group("mult"):
        return True
    if V.RE_NOT_AFTER.match(after) and not m.group("unit"):
        return True
    if V.RE_YEARISH.match(num) and (after.lstrip().startswith("年") or m.group("unit") is None):
        return True
    if m.group("unit") == "周" and text.startswith("年", m.end("unit")):
        return True  # 20周年 is an anniversary
    if m.group("unit") == "小时" and V.RE_HOURS.fullmatch(text, m.start("num"), m.end()):
        return True
    if V.RE_HOTLINE_NUMBER.fullmatch(num):
        return True
    if _inside(text, m.start("num"), "《", "》"):
        return True  # inside a document title (《…二十条措施的通知》)
    if m.group("unit") == "个" and V.RE_STRUCTURE_AFTER.match(text, m.end()):
        return True  # "从以下3个方面": the structure of the text
    # part of a longer code (a phone number, an account number)
    if m.start("num") > 0 and text[m.start("num") - 1] in "-－—/":
        return True
    return False


def _measure(text: str, m: re.Match[str]) -> tuple[str, int]:
    """(measure, start of the measure word or of the number)."""
    unit = m.group("unit")
    if unit == "%" or unit in V.POINT_UNITS:
        return "rate", _clause_start(text, m.start())  # the rate's own words: "网上可办率99.9%"
    if unit in V.PROGRAMME_UNITS and V.RE_PROGRAMME_AFTER.match(text, m.end()):
        return "events", m.start()
    run = V.RE_AFTER_UNIT_RUN.match(text, m.end())
    if run and unit and V.RE_REQUESTS_END.search(run.group(0)):
        return "requests", m.start()  # "收到1条信息公开申请": what is counted is the requests
    after = V.RE_MEASURE_AFTER.match(text, m.end())
    if after:
        return V.MEASURE_OF[after.group(0)], m.start()
    if run and unit:
        words = [w for w in V.RE_MEASURE.finditer(run.group(0))] + [
            w for w in re.finditer("|".join(V.AFTER_UNIT_MEASURES), run.group(0))
        ]
        if words:
            # the last word wins, unless the unit does not fit it and an earlier one it fits names
            # what is counted ("2件依申请公开信息" counts requests)
            ranked = sorted(words, key=lambda x: x.end(), reverse=True)
            of = [V.MEASURE_OF.get(w.group(0)) or V.AFTER_UNIT_MEASURES[w.group(0)] for w in ranked]
            if _unit_fits(of[0], unit):
                return of[0], m.start()
            fitting = [ms for ms in of[1:] if ms in V.MEASURE_UNITS and _unit_fits(ms, unit)]
            # none fits: "3轮次政策文件清理" counts rounds, not documents
            return (fitting[0] if fitting else "other"), m.start()
    # a parenthesis right before the number glosses the word before it ("政府信息（文件）687份"):
    # the clause and its words are those before the parenthesis
    pos = m.start()
    gloss = V.RE_GLOSS_BEFORE.search(text, max(0, pos - 14), pos)
    if gloss:
        pos = gloss.start()
    clause_start = _clause_start(text, pos)
    if V.RE_OUTCOME_COUNT.search(text, clause_start, m.start()):
        return "requests", m.start()  # "“同意公开”的件数为1件": requests by outcome
    clause = text[clause_start:pos]
    best: tuple[str, int] | None = None
    from nlp.tokenizer import token_starts, tokens_with_offsets

    found: list[tuple[str, int]] = []
    # the whole text's tokens (cached per passage), those inside the clause (found by bisection:
    # a passage with many counts would otherwise scan all its tokens for each)
    tokens = tokens_with_offsets(text)
    starts = token_starts(text)
    for word, s, e in tokens[bisect_left(starts, clause_start) : bisect_right(starts, pos)]:
        if e <= pos and word in V.MEASURE_OF:
            found.append((V.MEASURE_OF[word], s))
    if not found:  # a measure word jieba cut differently ("获点赞"): fall back to the word list
        found = [(V.MEASURE_OF[w.group(0)], clause_start + w.start()) for w in V.RE_MEASURE.finditer(clause)]
    if not found and unit in V.PUBLISHED_NO_WORD_UNITS and clause_start > 0 and text[clause_start - 1] == "、":
        # the count ends a list of what it counts ("公布网上信息、安全提示等1000余条"): the list's
        # first item names the measure
        head = RE_LIST_HEAD.search(text, max(0, clause_start - MEASURE_WINDOW), clause_start - 1)
        if head and (head.start() == 0 or text[head.start() - 1] in "，。；：！？,;:!?（）()"):
            found = [(V.MEASURE_OF[w.group(0)], head.start() + w.start()) for w in V.RE_MEASURE.finditer(head.group(0))]
            clause_start = head.start()  # and its verb: "全年公开核准企业资质、施工许可证76条"
    found = [_what_the_word_counts(text, f, clause_start) for f in found]
    specific = [f for f in found if f[0] not in V.GENERIC_MEASURES]
    if found and found[-1][0] == "other":
        best = found[-1]  # "短视频等官方宣传账号135个": the nearest word names what is counted
        if unit in V.PUBLISHED_NO_WORD_UNITS and V.RE_DISCLOSE_VERB.search(text, clause_start, best[1]):
            best = ("posts", best[1])  # "全年公开核准企业资质50条": published information
    elif specific:
        best = specific[-1]  # "解读类信息发布21条": interpretations, not posts
        later = [f for f in found if f[0] == "posts" and f[1] > best[1]]
        if later and not _unit_fits(best[0], unit) and _unit_fits("posts", unit):
            best = later[-1]  # "主动公开和依申请公开的政府信息共468条" counts information
    elif found:
        best = found[-1]
    if best is not None and best[0] == "documents" and any(f[0] == "interpretations" for f in found):
        best = next(f for f in found if f[0] == "interpretations")  # "解读政策性文件8条", "政策性解读文件14条"
    if best is None:
        if unit in V.PUBLISHED_NO_WORD_UNITS and V.RE_PUBLISHED_NO_WORD.search(clause):
            return "posts", m.start()
        return "other", m.start()
    if unit in V.MONEY_UNITS:
        return "other", m.start()  # 0元 is money
    # 行政复议36起 is not a request; but what a verb of publishing counts in 件 is posts
    # ("发布政府信息393件", "发布行政处罚23件"), not the 信息1件 of a request's subject
    published = best[0] == "posts" and unit in V.PUBLISHED_UNITS and V.RE_PUBLISH_VERB.search(clause)
    if best[0] == "requests" and unit == "条":
        word = V.RE_MEASURE.match(text, best[1])
        if word and V.RE_REQUESTS_RIGHT_BEFORE.fullmatch(text, word.end(), m.start()):
            return best
    if not _unit_fits(best[0], unit) and not published:
        return "other", m.start()
    return best


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause holding ``pos``: the end of the last clause break in the
    ``MEASURE_WINDOW`` characters before it, or the window's start."""
    start = max(0, pos - MEASURE_WINDOW)
    for b in RE_CLAUSE_BREAK.finditer(text, start, pos):
        start = b.end()
    return start


def _unit_fits(measure: str, unit: str | None) -> bool:
    """Whether ``unit`` is one ``measure`` is counted in (measures without a list take any)."""
    return measure not in V.MEASURE_UNITS or unit in V.MEASURE_UNITS[measure]


def _what_the_word_counts(text: str, found: tuple[str, int], clause_start: int) -> tuple[str, int]:
    """What a services or documents word counts, read with the words before it: 依申请公开事项 are
    requests and 信访投诉事项 are not services; a document word that names a category of
    published information is posts, and one after a verb of repealing or revising counts no
    issued document (other)."""
    measure, start = found
    if measure == "services":
        if V.RE_REQUESTS_BEFORE_ITEMS.search(text, clause_start, start):
            return "requests", start
        if V.RE_NOT_SERVICES.search(text, clause_start, start):
            return "other", start
        return found
    if measure != "documents":
        return found
    word = V.RE_MEASURE.match(text, start)
    end = word.end() if word else start
    if V.RE_DOCUMENT_CATEGORY.match(text, end) and not V.RE_ISSUED.search(text, clause_start, start):
        return "posts", start
    if V.RE_NOT_ISSUED.search(text, clause_start, start):
        return "other", start
    if word and word.group(0) == "文件" and text.endswith("公开", 0, start):
        return "posts", start  # "主动公开文件51份": documents disclosed are published information
    return found


@lru_cache(maxsize=256)
def _all_channel_hits(text: str) -> tuple[re.Match[str], ...]:
    """Every channel word of ``text``, found once per text."""
    return tuple(
        h
        for h in V.RE_CHANNEL.finditer(text)
        # "平台" is a channel (other) only when it is a named platform: “惠企通”服务平台
        if h.group(0) not in V.NAMED_ONLY or V.RE_NAMED_BEFORE.search(text, max(0, h.start() - 3), h.start())
    )


def _channel_hits(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The channel words lying wholly inside ``text[start:end]``."""
    return [h for h in _all_channel_hits(text) if h.start() >= start and h.end() <= end]


def _group_at(text: str, hits: list[re.Match[str]], last: bool) -> list[re.Match[str]]:
    """The last hit (or the first), with the hits listed next to it ("微信视频号、抖音号")."""
    ordered = hits[::-1] if last else hits
    group = [ordered[0]]
    for h in ordered[1:]:
        left, right = (h, group[-1]) if last else (group[-1], h)
        if not V.RE_CHANNEL_JOINER.match(text[left.end() : right.start()]):
            break
        group.append(h)
    return sorted(group, key=lambda h: h.start())


def _trailing_group(text: str, pos: int) -> list[re.Match[str]]:
    """Channels the sentence names after its counts ("…事项41项，已在中国平潭网上公布";
    "…1053条，主要通过政府门户网站、政务新媒体发布"): the first channel group after ``pos``, if no
    count follows it in the sentence (a channel with counts of its own is theirs)."""
    brk = RE_SENTENCE_BREAK.search(text, pos)
    sent_end = brk.start() if brk else len(text)
    # the press after the counts reports on them ("经验做法被…日报刊发"); it published none of them
    hits = [h for h in _channel_hits(text, pos, sent_end) if h.group(0) not in V.MEDIA]
    if not hits:
        return []
    group = _group_at(text, hits, last=False)
    for m in V.RE_COUNT.finditer(text, group[-1].end(), sent_end):
        if not _is_excluded(text, m):
            return []
    # nor is a channel that is what another count counts ("…宣传活动及3场新闻发布会")
    for m in V.RE_COUNT.finditer(text, pos + 1, group[0].start()):
        if not text[m.end() : group[0].start()].strip() and not _is_excluded(text, m):
            return []
    return group


def _group_before(text: str, pos: int) -> list[re.Match[str]]:
    """The channel group named last before ``pos`` in its sentence ([] if none)."""
    hits = _channel_hits(text, _sentence_start(text, pos), pos)
    return _group_at(text, hits, last=True) if hits else []


def _channels(text: str, pos: int, context: str = "") -> tuple[list[str], str | None]:
    """Channel group named last before ``pos`` in the same sentence, and a quoted account name.

    A sentence that names no channel takes the channels of ``context`` (the sentence before it
    in the same paragraph), as in "开设…微信公众号…。2022年共发布信息856篇，订阅数4.2万。"."""
    sent_start = _sentence_start(text, pos)
    group = _group_before(text, pos) or _trailing_group(text, pos)
    if not group and context and V.CARRY_ACROSS_SENTENCES:
        return _channels(context, len(context.rstrip("。！？!? ")))
    if not group:
        return ["unspecified"], None
    channels = sorted({V.channel_of(h.group(0)) for h in group})
    account = None
    near = text[max(sent_start, group[0].start() - 24) : group[-1].end() + 24]
    q = RE_QUOTED.search(near)
    if q:
        account = q.group(1)
    return channels, account


def _respectively(text: str, pos: int) -> tuple[list[str], None] | None:
    """"微博、微信分别发布平潭旅游信息495条和632条": the i-th channel of the group before 分别 is
    the i-th count's, when the clause after 分别 holds as many counts as the group channels."""
    group = _group_before(text, pos)
    if not group:
        return None
    word = V.RE_RESPECTIVELY.search(text, group[-1].end(), pos)
    if not word:
        return None
    stop = V.RE_COUNT_LIST_END.search(text, word.end())
    end = stop.start() if stop else len(text)
    if pos >= end:
        return None
    counts = [c for c in V.RE_COUNT.finditer(text, word.end(), end) if not _is_excluded(text, c)]
    i = next((i for i, c in enumerate(counts) if pos in (c.start(), c.start("num"))), None)
    if i is None or len(counts) != len(group):
        return None
    return [V.channel_of(group[i].group(0))], None


def _period(text: str, sent_start: int, pos: int) -> str:
    before = text[sent_start:pos]
    if V.CUMULATIVE.search(before) and not V.NOT_CUMULATIVE.search(before):
        return "cumulative"
    return "year"


def _bare_counts(text: str, taken: list[tuple[int, int]], passage_id, context: str) -> list[Metric]:
    """Counts written without a unit right after their measure word ("粉丝数54373")."""
    out = []
    for m in V.RE_BARE_COUNT.finditer(text):
        if any(s <= m.start("num") < e for s, e in taken):
            continue
        value = to_number(m.group("num"), m.group("mult"))
        channels, account = _channels(text, m.start(), context)
        sent_start = _sentence_start(text, m.start())
        out.append(
            Metric(
                channels=channels,
                account=account,
                measure="other" if _information_items(text, m.start("num")) else
                V.MEASURE_OF.get(m.group("mw"), V.MEASURE_OF.get(m.group("mw")[:2], "other")),
                value=value,
                qualifier="over" if m.group("q2") else "exact",
                unit="",
                text=m.group(0),
                period=_period(text, sent_start, m.start()),
                start=m.start(),
                end=m.end(),
                passage_id=passage_id,
            )
        )
    return out


def _information_items(text: str, pos: int) -> bool:
    """Counts of information that are neither published posts nor requests: the old template's
    依申请公开信息数 / 不予公开信息数, and what the agency produced or obtained."""
    window = max(0, pos - 14)
    return bool(
        V.RE_INFO_ITEMS.search(text, window, pos)
        or V.RE_PRODUCED.search(text, window, pos)
        or V.RE_ARCHIVED.search(text, max(0, pos - 16), pos)
    )


def _qualifier(m: re.Match[str]) -> str:
    if m.group("qb"):
        return V.QUAL_BEFORE[m.group("qb")]
    for g in ("q1", "q2", "qa"):
        if m.group(g):
            return V.QUAL_AFTER[m.group(g)]
    return "exact"


def extract_metrics(text: str, *, passage_id: int | None = None, context: str = "") -> list[Metric]:
    """Metrics of ``text`` (a sentence, a passage or more); ``context`` is the sentence before it
    in the same paragraph, used only for channels when ``text`` names none."""
    out: list[Metric] = []
    for m in V.RE_COUNT.finditer(text):
        if _is_excluded(text, m):
            continue
        try:
            value = to_number(m.group("num"), m.group("mult"))
        except Exception:  # noqa: BLE001 - an unreadable numeral is not a count
            continue
        measure, start = _measure(text, m)
        # (only a count with no word of its own, or one naming who asked — 商业企业3件; one whose
        # word says what else it is — 行政复议1件, 废止文件7件 — keeps "other")
        own = V.RE_MEASURE.match(text, start) if start != m.start() else None  # its measure word
        if (
            measure == "other"
            and (own is None or own.group(0) in V.OTHER_CARRIED)
            and m.group("unit") not in (None, "%")
        ):
            # "承办人大代表建议14件，其中主办1件，会办13件": sub-counts keep the measure of the last
            # count in the same unit earlier in the sentence (rates in between do not interrupt)
            family = V.UNIT_FAMILY.get(m.group("unit"), m.group("unit"))
            same = next((x for x in reversed(out) if V.UNIT_FAMILY.get(x.unit, x.unit) == family), None)
            if same is not None and same.measure != "other" and _same_sentence(text, same.end, m.start()):
                measure = same.measure
        if (
            measure in V.CATEGORY_MEASURES
            and m.group("unit") in V.MEASURE_UNITS["posts"]
            # interpretations only as one of several things named ("政策及解读共7条"), not as the
            # category itself ("解读类信息发布21条")
            and (measure != "interpretations" or V.RE_JOINED.search(text, _clause_start(text, start), start))
        ):
            # "公开政府信息33条，其中地方性法规、政府规章和规范性文件1条，…重大事项1条": the parts of a
            # count of published information are categories of it, whatever words name them
            heads = (
                x
                for x in out
                if x.measure == "posts" and x.unit == m.group("unit") and _same_sentence(text, x.end, m.start())
            )
            if any(V.RE_LIST_INTRO.search(text, x.end, m.start()) for x in heads):
                measure = "posts"
        if (
            measure != "documents"  # 印发公文类政府信息共510条: documents issued
            and m.group("unit") in V.CATEGORY_UNITS
            and V.RE_CATEGORY_BEFORE.search(text, max(0, m.start() - 8), m.start())
        ):
            measure = "posts"
        archived = bool(V.RE_ARCHIVED.search(text, max(0, m.start() - 16), m.start()))
        if m.group("unit") != "件" and _information_items(text, m.start()):
            measure = "other"  # but "不予公开2件" counts requests
        end = m.end()
        after = V.RE_MEASURE_AFTER.match(text, end)
        if after and measure == V.MEASURE_OF.get(after.group(0)):
            end = after.end()
        channels, account = _channels(text, m.start(), context)
        if len(channels) > 1:
            channels, account = _respectively(text, m.start()) or (channels, account)
        counted = V.RE_AFTER_UNIT_RUN.match(text, m.end()) if m.group("unit") else None
        if counted:
            ch = V.RE_CHANNEL.match(counted.group(0))
            if ch and V.channel_of(ch.group(0)) != "other":
                channels, account = [V.channel_of(ch.group(0))], None  # "29个政务新媒体"
        if measure in V.MODE_CHANNELS:
            mode = V.RE_MODE_BEFORE.search(text, max(0, start - 4), start)
            if mode:
                channels, account = [V.MODE_CHANNELS[measure].get(mode.group(1), "other")], None
        if m.group("unit") == "%" and out and text[out[-1].end : m.start()] in V.SHARE_JOINERS:
            channels, account = out[-1].channels, out[-1].account
        if archived:
            channels, account = ["other"], None
        if measure == "other" and own is None and channels == ["hotline"] and m.group("unit") in V.HOTLINE_CALL_UNITS:
            measure = "consultations"
        sent_start = _sentence_start(text, m.start())
        period = _period(text, sent_start, m.start())
        unit = m.group("unit") or ""
        rates = V.RE_RATE_LIST.search(text, max(sent_start, m.start() - V.RATE_LIST_WINDOW), m.start()) if measure == "rate" else None
        if rates:
            start = rates.start()  # one record per listed rate, each spanning the whole list
        metric = Metric(
            channels=channels,
            account=account,
            measure=measure,
            value=value,
            qualifier=_qualifier(m),
            unit="" if unit == "%" else unit,
            text=text[start:end],
            period=period,
            start=start,
            end=end,
            passage_id=passage_id,
        )
        out.append(metric)
        out.extend(replace(metric) for _ in (V.RE_RATE_JOINER.findall(rates.group(0)) if rates else ()))
    taken = [(x.start, x.end) for x in out]
    out += _bare_counts(text, taken, passage_id, context)
    out.sort(key=lambda x: x.start)
    return out
