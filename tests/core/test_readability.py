from hypothesis import given
from hypothesis import strategies as st

from tvatakt.core.readability import lix


def test_lix_of_a_known_text():
    # 8 words, 2 sentences, 2 long words ("Stadshuset", "tillsammans"): 8/2 + 100*2/8 = 4 + 25 = 29
    assert lix("Vi går till Stadshuset. Där lär vi tillsammans.") == 29


def test_long_words_and_long_sentences_raise_lix():
    easy = lix("Vi ses i dag. Du får en kod. Kom i tid.")
    hard = lix(
        "Digitaliseringsavdelningens verksamhetsutvecklingsinitiativ förutsätter organisationsövergripande "
        "samverkansstrukturer och kompetensförsörjningsplaner avseende informationssäkerhetsarbete"
    )
    assert easy < 20 < 45 < hard


def test_text_without_words_has_no_lix():
    assert lix("") is None
    assert lix("123 456 — 7.") is None


@given(st.lists(st.sampled_from(["hej", "du", "staden", "dataportalen", "medborgare"]), min_size=1, max_size=60))
def test_one_sentence_lix_is_word_count_plus_long_word_share(words):
    long_words = sum(len(word) > 6 for word in words)
    assert abs(lix(" ".join(words) + ".") - (len(words) + 100 * long_words / len(words))) < 1e-9
