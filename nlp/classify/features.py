"""Model input: a passage with its section as context, tokenised by the project's jieba tokenizer."""

from __future__ import annotations

import re

RE_WORD = re.compile(r"[\w\u4e00-\u9fff]")


def model_input(text: str, section: str | None, heading: str = "") -> str:
    """"SECproblems 〔存在的主要问题〕 一是……": the section is one token and the nearest sub-heading
    is context the features can use (position is only a hint: a problem admitted in 总体情况 is
    still a problem)."""
    ctx = f"〔{heading}〕 " if heading else ""
    return f"SEC{section or 'none'} {ctx}{text}"


RE_PREFIX = re.compile(r"^(SEC\S+ (?:〔[^〕]*〕 )?)")


def jieba_tokens(text: str) -> list[str]:
    """Word tokens (no punctuation or spaces) from ``nlp.tokenizer`` — a module-level function so
    that fitted vectorizers can be saved with skops and loaded without pickle. The context prefix
    and the passage are tokenised apart, so the passage's tokens come from the tokenizer's cache
    (the metric extractor asks for the same ones)."""
    from nlp.tokenizer import cut

    m = RE_PREFIX.match(text)
    if m:
        words = cut(m.group(1)) + cut(text[m.end() :])
    else:
        words = cut(text)
    return [t for t in words if RE_WORD.search(t)]
