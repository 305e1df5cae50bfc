"""Apps depend downwards only, as the layers contract in pyproject.toml lists them."""

import tomllib
from pathlib import Path

import grimp
import pytest

CONTRACT = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["tool"]["importlinter"]
LAYERS = CONTRACT["contracts"][0]["layers"]


def grimp_layers():
    """The contract's layers for grimp: "a | b" is a layer of independent siblings."""
    return [
        grimp.Layer(*(name.strip() for name in layer.split("|")), independent=True) if "|" in layer else layer
        for layer in LAYERS
    ]


@pytest.fixture
def graph():
    return grimp.build_graph(*CONTRACT["root_packages"], cache_dir=None)


def upward_imports(graph):
    return {
        f"{dependency.importer} imports {dependency.imported}"
        for dependency in graph.find_illegal_dependencies_for_layers(layers=grimp_layers())
    }


def test_the_layers_run_from_the_root_urls_through_the_public_pages_down_to_the_govuk_kit():
    assert LAYERS == ["idmg", "publication | imports", "minutes", "actions", "meetings", "govuk"]


def test_the_import_of_minutes_and_the_public_pages_do_not_import_each_other(graph):
    graph.add_import(importer="imports.views", imported="publication.views")
    assert upward_imports(graph) == {"imports imports publication"}


def test_no_app_imports_an_app_above_it(graph):
    assert upward_imports(graph) == set()


def test_an_upward_import_would_be_found(graph):
    graph.add_import(importer="meetings.models", imported="actions.models")
    assert upward_imports(graph) == {"meetings imports actions"}
