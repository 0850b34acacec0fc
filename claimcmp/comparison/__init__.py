"""Comparison: lining up two documents' claims (diff) and scoring claims against gold (evaluate)."""
