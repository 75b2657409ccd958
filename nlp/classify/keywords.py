"""The keyword baseline: the cue words that ``../shared/spec/labels.md`` lists for each tag.

It is what the trained models must beat (by at least 10 points of macro-F1); it is not used for
tagging.
"""

from __future__ import annotations

import re

CUES = {
    "problem": ("不足", "有待", "欠缺", "差距", "不够", "薄弱", "尚未", "较少", "不到位", "仍存在", "短板"),
    "improvement": ("下一步", "将", "拟", "计划", "明年", "针对", "整改"),
    "innovation": ("创新", "首创", "率先", "首个", "新推出", "上线", "开发", "打造", "试点", "获评", "被评为"),
    "participation": (
        "意见征集", "征求意见", "开放日", "开放活动", "在线访谈", "政策直播", "留言", "咨询", "政民互动",
        "回应关切", "好差评", "政策评价", "热线",
    ),
}
PATTERNS = {label: re.compile("|".join(map(re.escape, words))) for label, words in CUES.items()}


def keyword_labels(text: str) -> list[str]:
    return sorted(label for label, p in PATTERNS.items() if p.search(text))
