from tvatakt.core.i18n import swedish_order


def test_names_sort_in_swedish_alphabetical_order():
    names = ["Östermalm", "Ängby", "Zinkensdamm", "Årsta", "Akalla", "Bromma", "älvsjö"]
    assert sorted(names, key=swedish_order) == [
        "Akalla",
        "Bromma",
        "Zinkensdamm",
        "Årsta",
        "älvsjö",
        "Ängby",
        "Östermalm",
    ]
