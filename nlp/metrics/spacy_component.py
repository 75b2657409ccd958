"""The metric extractor as a spaCy pipeline component, for users who live in spaCy.

    import spacy
    from nlp.metrics.spacy_component import make_pipeline
    nlp = make_pipeline()                 # blank Chinese pipeline, jieba segmenter, "xxgk_metrics"
    doc = nlp("微信公众号对外发布信息5400余篇，关注用户6万余人")
    [(s.text, s._.metric["measure"], s._.metric["value"]) for s in doc.spans["metrics"]]

The component is registered under the versioned name ``xxgk_metrics`` (factory
``xxgk.metrics.v1``); it writes ``doc.spans["metrics"]``, each span carrying its metric record in
``span._.metric``. Spans snap to token boundaries (``alignment_mode="expand"``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from nlp.metrics.extract import extract_metrics

SPAN_KEY = "metrics"

if not Span.has_extension("metric"):
    Span.set_extension("metric", default=None)


class MetricsComponent:
    def __init__(self, span_key: str = SPAN_KEY) -> None:
        self.span_key = span_key

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for m in extract_metrics(doc.text):
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            span._.metric = m.to_dict()
            spans.append(span)
        doc.spans[self.span_key] = spans
        return doc


@Language.factory("xxgk_metrics", default_config={"span_key": SPAN_KEY})
def make_metrics_component(nlp: Language, name: str, span_key: str) -> MetricsComponent:
    return MetricsComponent(span_key=span_key)


def make_pipeline():
    """A blank Chinese spaCy pipeline with the jieba segmenter and the metrics component."""
    import spacy

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("xxgk_metrics")
    return nlp
