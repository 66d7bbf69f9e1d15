"""Counts written in words or digits ("93", "1,000", "Forty", "a thousand")."""

from __future__ import annotations

import re


def parse_count(text: str) -> int | None:
    """The whole number ``text`` spells, or ``None``.

    >>> parse_count("Forty"), parse_count("1,000"), parse_count("a thousand"), parse_count("93")
    (40, 1000, 1000, 93)
    >>> parse_count("more than 1 million")
    1000000
    """
    s = text.strip().lower().replace(",", "")
    s = re.sub(r"^(?:more than|over|at least|around|about|nearly|almost|some|up to|"
               r"fewer than|less than|roughly|approximately|an estimated)\s+", "", s)
    s = re.sub(r"^(?:a|an|one)\s+(?=hundred|thousand|million|billion)", "one ", s)
    if re.fullmatch(r"\d+", s):
        return int(s)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s+(hundred|thousand|million|billion)", s)
    if m:
        scale = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
        return int(float(m.group(1)) * scale[m.group(2)])
    from text_to_num import text2num

    try:
        return int(text2num(s, "en"))
    except (ValueError, TypeError):
        return None
