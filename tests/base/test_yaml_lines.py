"""base/yaml_lines.py: YAML with line numbers, stricter than YAML where its leniency hurts editors."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safeguarding_site.base.errors import DataError
from safeguarding_site.base.yaml_lines import LineDict, load_yaml, load_yaml_text

NAME = "cross_refs/x.yaml"


def error_of(text: str) -> DataError:
    with pytest.raises(DataError) as info:
        load_yaml_text(text, NAME)
    return info.value


def test_lines_are_remembered() -> None:
    data = load_yaml_text("a: 1\nb:\n  c: 2\n", NAME)
    assert isinstance(data, LineDict) and data.line_of("b") == 2 and data["b"].line_of("c") == 3


def test_a_key_given_twice_is_reported_at_the_second() -> None:
    error = error_of("recommendations:\n- id: 58\n  response_2009: Agreed.\n  progress_2010: Done.\n"
                     "  response_2009: Rejected.\n")
    assert error.line == 5
    assert "duplicate key 'response_2009' (first given on line 3)" in error.message


def test_a_top_level_key_given_twice_is_reported() -> None:
    assert error_of("schema: 1\nterms: []\nschema: 1\n").line == 3


@pytest.mark.parametrize("text", ["a: &x [1]\nb: *x\n", "a: &x 1\n", "base: &b {k: 1}\nother:\n  <<: *b\n"])
def test_anchors_and_aliases_are_refused(text: str) -> None:
    error = error_of(text)
    assert error.line == 1 and "anchor or alias" in error.message


def test_an_alias_bomb_fails_in_milliseconds() -> None:
    levels = ["l0: &l0 [lol]", *(f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10))]
    text = "schema: 1\n" + "\n".join(levels) + "\n"
    started = time.perf_counter()
    error = error_of(text)
    assert time.perf_counter() - started < 0.1
    assert str(error).startswith(f"{NAME}:2: ")


def test_an_unclosed_quote_is_reported_where_it_opened() -> None:
    text = "terms:\n- term: DCSF\n  expansion: 'Department for Children\n" + "- term: X\n  note: y\n" * 170
    error = error_of(text)
    assert (error.line, error.column) == (3, 14)
    assert str(error).startswith(f"{NAME}:3:14: YAML syntax error: this quote is never closed")


def test_a_stray_byte_is_reported_by_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes("schema: 1\nterms:\n- term: ‘DCSF’ \xe9t\n".encode().replace(b"\xc3\xa9", b"\xe9"))
    with pytest.raises(DataError) as info:
        load_yaml(path, NAME)
    assert str(info.value).startswith(f"{NAME}:3:16: not UTF-8 text (byte 0xe9")


def test_a_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=f"^{NAME}: file not found$"):
        load_yaml(tmp_path / "absent.yaml", NAME)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_give_data_or_a_data_error(tmp_path_factory: pytest.TempPathFactory, content: bytes) -> None:
    path = tmp_path_factory.mktemp("any") / "x.yaml"
    path.write_bytes(content)
    try:
        load_yaml(path, NAME)
    except DataError as exc:
        assert str(exc).startswith(NAME) and exc.message.strip()


yaml_ish = st.text(st.sampled_from(list("ab: -[]{},'\"&*!|>#%@`?\n\t\\x1é")), max_size=200)


@settings(max_examples=500, deadline=None)
@given(yaml_ish)
def test_any_yaml_like_text_gives_data_or_a_data_error_at_a_line_in_it(text: str) -> None:
    try:
        load_yaml_text(text, NAME)
    except DataError as exc:
        assert exc.line is None or 1 <= exc.line <= text.count("\n") + 2, exc
