"""Apps depend downwards only, as the layers contract in pyproject.toml lists them."""

import tomllib
from pathlib import Path

import grimp
import pytest

CONTRACT = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())["tool"]["importlinter"]
# "a | b" is a layer of independent siblings: neither may import the other.
LAYERS = [grimp.Layer(*layer.split(" | ")) for layer in CONTRACT["contracts"][0]["layers"]]
APPS = [app for layer in LAYERS for app in layer.module_tails]


@pytest.fixture
def graph():
    return grimp.build_graph(*APPS, cache_dir=None)


def upward_imports(graph):
    return {
        f"{dependency.importer} imports {dependency.imported}"
        for dependency in graph.find_illegal_dependencies_for_layers(layers=LAYERS)
    }


def test_the_layers_run_from_the_root_urls_through_the_public_pages_down_to_the_govuk_kit():
    assert [sorted(layer.module_tails) for layer in LAYERS] == [
        ["idmg"],
        ["circulation", "imports", "publication"],
        ["minutes", "search"],
        ["actions", "members"],
        ["meetings"],
        ["govuk"],
    ]


def test_every_app_is_in_the_contract():
    assert sorted(APPS) == sorted(CONTRACT["root_packages"])


def test_no_app_imports_an_app_above_it(graph):
    assert upward_imports(graph) == set()


def test_an_upward_import_would_be_found(graph):
    graph.add_import(importer="meetings.models", imported="actions.models")
    assert upward_imports(graph) == {"meetings imports actions"}


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        ("members.models", "actions.models"),
        ("imports.views", "publication.views"),
        ("search.views", "minutes.views"),
    ],
)
def test_apps_on_one_layer_do_not_import_each_other(graph, importer, imported):
    graph.add_import(importer=importer, imported=imported)
    assert upward_imports(graph) == {f"{importer.split('.')[0]} imports {imported.split('.')[0]}"}
