"""Widgets the screens compose; each posts past-tense messages up to its screen."""
