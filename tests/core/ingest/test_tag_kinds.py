"""Tag kinds from real knowledge (gazetteer, given names, organisation words) and a curated list."""

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# Kinds from the article's text: persons and places the built-in knowledge does not know.

UNKNOWN_PERSONS_IN_TEXT = [
    # a title or office right before the name
    ("Nemonte Nenquimo", "La dirigente Nemonte Nenquimo encabezó la marcha hasta Puyo."),
    ("Tsegaye Berhe", "The farmer Tsegaye Berhe lost his harvest. Berhe said rain never came."),
    # an apposition with a person noun, then a verb of saying
    ("Wendkouni Zongo", "Wendkouni Zongo, a nurse at the clinic, said supplies ran out."),
    # "who" after the name, and a later mention by surname alone
    ("Nkemdirim Obiorah-Ezeh", "Nkemdirim Obiorah-Ezeh, who owns the shop, closed early. "
     "Obiorah-Ezeh blamed the blackouts."),
    # Portuguese: a verb of saying after the name and a later mention with "segundo"
    ("Tiyamike Mwakasungula", "Tiyamike Mwakasungula disse que a água subiu. Segundo "
     "Mwakasungula, ninguém avisou."),
    # an age in the apposition
    ("Yupanqui Condori", "Yupanqui Condori, 54, camina cada día hasta el mercado. Condori dijo "
     "que el precio subió."),
]

UNKNOWN_PLACES_IN_TEXT = [
    ("Hawzen", "Food reached the village of Hawzen on Monday."),
    ("Bameno", "En Bameno, los pobladores celebraron. Cerca de Bameno salieron las canoas."),
    # a place preposition, and "and" with a known place
    ("Sogakope", "Traders in Sogakope and Accra welcomed the bridge."),
    ("Dadu", "Floods hit Dadu district again, and in Dadu schools closed."),
    ("Uraricoera", "Os garimpeiros voltaram ao rio Uraricoera."),
]


@pytest.mark.parametrize(("tag", "text"), UNKNOWN_PERSONS_IN_TEXT)
def test_a_person_the_knowledge_does_not_know_is_found_in_the_text(kinds, tag, text):
    (alone,) = kinds.decide([tag])
    assert alone.kind == "topic" and not alone.sure  # the knowledge alone cannot tell
    assert kinds.kind_of(tag, text) == "person"
    assert kinds.people(["Cocoa", tag], text) == (tag,)


@pytest.mark.parametrize(("tag", "text"), UNKNOWN_PLACES_IN_TEXT)
def test_a_place_the_knowledge_does_not_know_is_found_in_the_text(kinds, tag, text):
    assert kinds.kind_of(tag, text) == "place"
    assert kinds.people([tag], text) == ()


def test_a_single_hit_is_not_enough_and_the_tag_is_listed_as_unsure(kinds):
    (decision,) = kinds.decide(["Wendpouiré Sawadogo"], "The talks failed, Sawadogo said.")
    assert decision.kind == "topic" and not decision.sure
    (decision,) = kinds.decide(["Batbayar Dorjsuren"], "Batbayar Dorjsuren said snow fell.")
    assert decision.kind == "topic"
    assert not decision.sure
    assert decision.review == 'tag kind unsure: "Batbayar Dorjsuren"'


def test_confident_knowledge_wins_over_the_text(kinds):
    text = "Caracas said the talks failed. NATO said so too. President Caracas Nato arrived."
    assert kinds.kind_of("Caracas", text) == "place"
    assert kinds.kind_of("NATO", text) == "organisation"
    assert kinds.kind_of("Human Rights", "Human Rights said nothing, said Human Rights.") == "topic"


def test_strong_text_overturns_a_likely_answer_but_not_a_weak_hint(kinds):
    # "Lang" and "Stone" are given names, but these are a hamlet and a quarter
    hamlet = "A landslide buried the hamlet of Lang Nu in Lao Cai province."
    assert kinds.kind_of("Lang Nu") == "person"
    assert kinds.kind_of("Lang Nu", hamlet) == "place"
    (decision,) = kinds.decide(["Stone Town"], "Tourists crowd the alleys in Stone Town.")
    assert decision.kind == "person" and not decision.sure  # one cue only: kept, but doubted


def test_a_place_name_written_as_a_common_word_is_a_topic(kinds):
    text = "O samba que ouvia na infância está em todas as faixas."
    assert kinds.kind_of("Samba") == "place"  # a town in India
    assert kinds.kind_of("Samba", text) == "topic"
    assert kinds.kind_of("Samba", "The Samba district council met in Samba on Monday.") == "place"


def test_topics_made_of_common_words_are_sure(kinds):
    text = "Egypt raised the price of subsidised bread for the first time in decades."
    (decision,) = kinds.decide(["Bread Subsidy"], text)
    assert decision.kind == "topic" and decision.sure


def test_curated_kinds_win_over_the_text():
    kinds = TagKinds({"Nemonte Nenquimo": "topic"})
    text = "La dirigente Nemonte Nenquimo dijo que la selva no se vende."
    assert kinds.kind_of("Nemonte Nenquimo", text) == "topic"
    (decision,) = kinds.decide(["nemonte NENQUIMO"], text)
    assert decision.sure and decision.reason == "the library's list"


def test_decide_gives_each_tag_once_in_order_with_a_reason(kinds):
    text = "The fisherman Lamine Sarr said the catch fell. Sarr fishes off Kayar."
    decisions = kinds.decide(["Kayar", "Lamine Sarr", " kayar ", "NATO", ""], text)
    assert [d.tag for d in decisions] == ["Kayar", "Lamine Sarr", "NATO"]
    assert [d.kind for d in decisions] == ["place", "person", "organisation"]
    assert all(d.reason for d in decisions)
    assert all(d.review is None for d in decisions if d.sure)


def test_without_text_the_answers_are_the_knowledges(kinds):
    tags = ["Nemonte Nenquimo", "Caracas", "Delcy Rodríguez"]
    assert [d.kind for d in kinds.decide(tags)] == [kinds.kind_of(t) for t in tags]
    assert kinds.people(tags) == ("Delcy Rodríguez",)
    assert kinds.people(tags, "") == ("Delcy Rodríguez",)


def test_new_knowledge_shapes():
    kinds = TagKinds()
    assert kinds.kind_of("Park Ji-won") == "person"  # family name first
    assert kinds.kind_of("Leung Ka-ho") == "person"
    assert kinds.kind_of("Litani River") == "place"  # a word for a place at its head
    assert kinds.kind_of("Oyo State") == "place"
    assert kinds.kind_of("Union Island") == "place"
    assert kinds.kind_of("Gang Violence") == "topic"  # the head word decides
    assert kinds.kind_of("Health Ministry") == "organisation"
    assert kinds.kind_of("Ministerio de Salud") == "organisation"
    assert kinds.kind_of("West Kowloon") == "place"
    assert kinds.kind_of("San Pedro de Atacama") == "place"  # a saint's name: no person
    assert kinds.kind_of("PeruRail") == "organisation"  # written as a brand
    assert kinds.kind_of("McDonald") != "organisation"
    assert kinds.kind_of("SQM") == "organisation"  # written as an acronym
    assert kinds.kind_of("Media Luna Roja Palestina") == "organisation"
    assert kinds.kind_of("Guangdong") == "place"  # ISO writes "Guangdong Sheng"
    assert kinds.kind_of("Challapata") == "place"  # a town of a few thousand people


PRINTABLE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(tags=st.lists(PRINTABLE.filter(lambda t: len(t) < 40), max_size=6), text=PRINTABLE)
def test_any_tags_and_text_give_kinds_and_never_fail(tags, text):
    kinds = TagKinds({"Lula": "person"})
    decisions = kinds.decide(tags, text)
    keys = [TagKinds.key(d.tag) for d in decisions]
    assert len(keys) == len(set(keys))
    assert {TagKinds.key(t) for t in tags if TagKinds.key(t)} == set(keys)
    assert all(d.kind in TAG_KINDS for d in decisions)
    people = kinds.people(tags, text)
    assert people == tuple(d.tag for d in decisions if d.kind == "person")
    for tag in tags:
        assert kinds.kind_of(tag, text) in TAG_KINDS


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(["Nemonte Nenquimo", "Hawzen", "Caracas", "Samba", "Lang Nu"]),
    before=PRINTABLE,
    after=PRINTABLE,
)
def test_a_tags_decision_reads_only_the_text_around_its_mentions(kinds, name, before, after):
    # Text far from every mention of the tag (and free of its words) changes nothing.
    text = "En el barrio Hawzen dijo Nemonte Nenquimo que el samba de Lang Nu vive en Caracas."
    pad = " " * 200
    far = before.replace(name, "") + pad + text + pad + after.replace(name, "")
    for word in name.split():
        if word.lower() in far.lower().replace(text.lower(), ""):
            return
    assert kinds.kind_of(name, far) == kinds.kind_of(name, text)
