"""Extractive summaries, derived indicators and cross-report comparison."""
