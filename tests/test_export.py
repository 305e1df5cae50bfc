import pytest

from actions.export import spreadsheet_safe


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://x")', "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1"])
def test_it_stops_a_spreadsheet_running_a_formula_someone_typed(formula):
    assert spreadsheet_safe(formula) == f"'{formula}"


@pytest.mark.parametrize("text", ["Home Office to lead work", "IDMG 2013-03 A4", "", "2013-03-11"])
def test_it_leaves_ordinary_text_as_typed(text):
    assert spreadsheet_safe(text) == text
