"""The four DVA-C02 exam domains (kept apart from the schemas so light modules can name them cheaply)."""

from __future__ import annotations

from typing import Literal

Domain = Literal["development", "security", "deployment", "troubleshooting"]
DOMAINS: tuple[Domain, ...] = ("development", "security", "deployment", "troubleshooting")
