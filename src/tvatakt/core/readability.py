"""LIX, the Swedish readability index: words per sentence plus the share of long words (in percent).

LIX = W/S + 100·L/W, where W is the number of words, S the number of sentences and L the number of
words longer than six letters. Under 30 is very easy, 30–40 easy (children's books, klarspråk),
40–50 medium (newspapers), over 50 hard. Citizen pages in Tvåtakt stay at or under 45.
"""

import re

WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", re.UNICODE)
# A sentence ends at . ! ? or : followed by space or the end, or at a line break between blocks.
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")


def lix(text: str) -> float | None:
    """The LIX of `text`, or None when it has no words."""
    words = WORD.findall(text)
    if not words:
        return None
    sentences = max(1, len([part for part in SENTENCE_END.split(text) if WORD.search(part)]))
    long_words = sum(1 for word in words if len(word.replace("-", "")) > 6)
    return len(words) / sentences + 100 * long_words / len(words)
