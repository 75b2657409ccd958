"""Passage tags (problem, improvement, innovation, participation): corpus, features, models,
training and evaluation. Models load lazily; nothing here runs at import."""

LABELS = ("problem", "improvement", "innovation", "participation")
