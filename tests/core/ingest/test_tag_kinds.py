"""Tag kinds from real knowledge (gazetteer, given names, organisation words) and a curated list."""

import threading

import pytest

from newsarchive.core.ingest.tag_kinds import TagKinds
from newsarchive.core.ingest.tag_knowledge import tag_knowledge
from newsarchive.core.model import TAG_KINDS

PERSONS = [
    "Delcy Rodriguez",
    "Delcy Rodríguez",
    "Dmitry Peskov",
    "Nicolás Maduro",
    "Nicolas Maduro",
    "Luiz Inácio Lula da Silva",
    "Xi Jinping",
    "Kamala Harris",
    "Evo Morales",
    "Victoria Nuland",
    "RAFAEL CORREA",  # a tag heading written in capitals
    "Cristina Fernández de Kirchner",
    "Andrés Manuel López Obrador",
    "Miguel Díaz-Canel",
    "Bashar al-Assad",
    "Mohammed bin Salman",
    "Ursula von der Leyen",
    "Jean-Luc Mélenchon",
    "Martin Luther King Jr.",
    "John F. Kennedy",
    "Kim Jong Un",
    "Pope Francis",
    "President Biden",
    "Maduro, Nicolás",  # catalogue order
    "Karl Marx",  # also an old name of a city: a person's name wins over alternate city names
    "Hernán Cortés",
    "Grace Mwangi",
    "Chen Jing",
]
PLACES = [
    "Caracas",
    "Venezuela",
    "San José",
    "Santa Cruz",
    "Victoria",  # a place when alone
    "São Paulo",
    "Bogotá",
    "Ciudad de México",
    "La Habana",  # Spanish name of Havana
    "Kyiv",
    "Kiev",
    "Estados Unidos",  # Spanish country names
    "Rusia",
    "Alemanha",  # Portuguese
    "EEUU",
    "U.S.",
    "Latin America",
    "América Latina",
    "Middle East",
    "Donbass",
    "Texas",
    "Zulia",  # a Venezuelan state
    "Africa",
    "CARACAS",
]
ORGANISATIONS = [
    "NATO",
    "OPEC",
    "ALBA",
    "CELAC",
    "EU",
    "UN",
    "U.N.",
    "ONU",
    "G20",
    "United Nations",
    "Socialist Party",
    "Partido Socialista Unido de Venezuela",
    "Partido dos Trabalhadores",
    "Ministerio de Relaciones Exteriores",
    "Supreme Court",
    "Banco Central de Venezuela",
    "Consejo Nacional Electoral",
    "National Assembly",
    "Workers' Party",
    "European Union",
    "Human Rights Watch",
    "Amnesty International",
    "Red Cross",
    "Harvard University",
    "The Guardian",
    "Christian Democrats",
]
TOPICS = [
    "Culture",
    "Human Rights",
    "Climate Change",
    "Cold War",
    "COVID-19",
    "Sanctions",
    "BLOCKADE",
    "Free Trade",
    "Independence",  # also a town in Missouri
    "Copa América",
    "Día de la Mujer",
    "Me Too",
    "Maduro",  # a lone surname is not enough to know a person
    "Mas",  # the party is written MAS
    "Ice Hockey",
    "Marathon",  # a town in Greece and one in Florida, but as a tag the word
    "Summit",
    "",
]


@pytest.fixture(scope="module")
def kinds() -> TagKinds:
    return TagKinds()


@pytest.mark.parametrize("tag", PERSONS)
def test_persons(kinds, tag):
    assert kinds.kind_of(tag) == "person"


@pytest.mark.parametrize("tag", PLACES)
def test_places(kinds, tag):
    assert kinds.kind_of(tag) == "place"


@pytest.mark.parametrize("tag", ORGANISATIONS)
def test_organisations(kinds, tag):
    assert kinds.kind_of(tag) == "organisation"


@pytest.mark.parametrize("tag", TOPICS)
def test_topics(kinds, tag):
    assert kinds.kind_of(tag) == "topic"


def test_people_keeps_persons_in_order_once_each(kinds):
    tags = [
        "Venezuela", "Delcy Rodriguez", "Culture", "Nicolás Maduro", " nicolas MADURO ",
        "NATO", "Xi Jinping", "Caracas",
    ]
    assert kinds.people(tags) == ("Delcy Rodriguez", "Nicolás Maduro", "Xi Jinping")
    assert kinds.people([]) == ()


def test_the_seed_articles_tag_is_a_person(kinds):
    assert kinds.people(["Dmitry Peskov"]) == ("Dmitry Peskov",)


def test_curated_kinds_win_case_and_accent_insensitively():
    kinds = TagKinds({"victoria": "person", "MADURO": "person", "Nicolas Maduro": "topic"})
    assert kinds.kind_of("Victoria") == "person"
    assert kinds.kind_of("Maduro") == "person"
    assert kinds.kind_of("Nicolás  Maduro") == "topic"
    tags = ["Victoria", "Caracas", "Nicolás Maduro", "Maduro"]
    assert kinds.people(tags) == ("Victoria", "Maduro")
    # the built-in knowledge is still there, and other tags are guessed as before
    assert kinds.guess("Victoria") == "place"
    assert kinds.guess("Nicolás Maduro") == "person"
    assert kinds.kind_of("Caracas") == "place"


def test_curated_kinds_accept_the_usual_spellings():
    kinds = TagKinds({"Lima Group": "Organization", "Lula": " Person "})
    assert kinds.kind_of("Lima Group") == "organisation"
    assert kinds.kind_of("lula") == "person"


def test_an_unknown_curated_kind_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match=r"Unknown tag kind 'persn' for the tag 'Lula'.*person"):
        TagKinds({"Lula": "persn"})
    with pytest.raises(ValueError, match="must map tag names to kinds"):
        TagKinds({"Lula": 3})  # type: ignore[dict-item]


def test_every_answer_is_a_tag_kind(kinds):
    for tag in ["x", "123", "¿?", "a b c d e f g h", "Ñ", "—", "O'Neill", "  "]:
        assert kinds.kind_of(tag) in TAG_KINDS


def test_key_is_the_comparison_form():
    assert TagKinds.key("  Nicolás   MADURO ") == TagKinds.key("nicolas maduro") == "nicolas maduro"
    assert TagKinds.key("Workers’ Party") == "workers' party"


def test_knowledge_is_loaded_once_and_shared():
    knowledge = tag_knowledge()
    assert tag_knowledge() is knowledge
    assert all(key in knowledge.places for key in ("caracas", "venezuela", "la habana"))
    assert all(key in knowledge.given_names for key in ("dmitry", "delcy", "xi"))


def test_concurrent_first_use_gives_the_same_answers():
    results: list[str] = []
    kinds = TagKinds()

    def work() -> None:
        results.extend(kinds.kind_of(t) for t in ("Evo Morales", "Caracas", "NATO", "Culture"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == ["person", "place", "organisation", "topic"] * 4
