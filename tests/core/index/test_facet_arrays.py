"""Facet vocabularies: values equal after folding share one id; section paths keep their parent's label."""

from newsarchive.core.index.facet_arrays import Vocabulary
from newsarchive.core.model import SECTION_SEPARATOR


def test_values_equal_after_folding_share_an_id_and_the_first_label():
    people = Vocabulary()
    first = people.id_of("Nicolás Maduro")
    assert people.id_of("nicolas maduro") == first
    assert people.labels[first] == "Nicolás Maduro"
    assert people.find("NICOLAS MADURO") == first


def test_a_section_path_is_labelled_under_the_parent_it_was_folded_with():
    sections = Vocabulary(SECTION_SEPARATOR)
    sections.id_of("Noticias")
    sections.id_of("Notícias")  # folded together with the first
    child = sections.id_of("Notícias > Brasil")
    assert sections.labels[child] == "Noticias > Brasil"
    assert sections.find("Notícias > Brasil") == child
    assert sections.labels[sections.id_of("Opinion > Columns")] == "Opinion > Columns"  # no parent seen
