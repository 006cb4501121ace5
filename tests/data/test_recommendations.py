"""Property-based tests of the recommendations loader on generated and mutated data.

Whatever an editor (or a bad merge) leaves in cross_refs/recommendations.yaml, loading it gives either the
recommendations or problems that name the file and a line in it: never a traceback, and never an entry
silently lost. An entry is dropped only when it has no usable id, and then a problem says so.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from safeguarding_site.base.errors import DataError, DataErrors, Problems
from safeguarding_site.data.recommendations import COLUMNS, EVIDENCE_COLUMNS, load_recommendations
from safeguarding_site.data.site_data import load_site_data

NAME = "cross_refs/recommendations.yaml"
CHAPTERS = set(range(1, 13))
FIELDS = ("id", *COLUMNS, "implemented_by", "mentions", "short_title")

# Words as editors write them, in any script, without the Markdown characters a quote comparison ignores
# (emphasis, links, escapes) or the ones the loader rejects on purpose (tags, "javascript:").
_PUNCTUATION = " .,;!?'\"()-–—‘’“”…%£&/"
words = st.text(st.characters(categories=["L", "N"]) | st.sampled_from(list(_PUNCTUATION)), min_size=1, max_size=80)
prose = words.filter(lambda text: text.strip() != "")
any_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=10), inner, max_size=3),
    max_leaves=8,
)


@st.composite
def recommendation(draw: st.DrawFn, rid: int) -> dict:
    # "The" first: a text that starts like a list item ("- ", "1. ") has that marker ignored when quoted.
    texts = {key: "The " + draw(prose) for key in COLUMNS}
    refs = []
    for _ in range(draw(st.integers(0, 2))):
        column = draw(st.sampled_from(EVIDENCE_COLUMNS))
        tokens = texts[column].split()
        start = draw(st.integers(0, len(tokens) - 1))
        quote = " ".join(tokens[start: draw(st.integers(start + 1, len(tokens)))])
        refs.append({"chapter": draw(st.integers(1, 12)), "status": draw(st.sampled_from(["implements", "promises"])),
                     "column": column, "quote": quote})
    return {"id": rid, "short_title": f"Short title {rid}", **texts, "implemented_by": refs, "mentions": []}


@st.composite
def valid_file(draw: st.DrawFn) -> dict:
    count = draw(st.integers(0, 8))
    return {"schema": 1, "recommendations": [draw(recommendation(rid)) for rid in range(1, count + 1)]}


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def load(scratch: Path, text: str) -> tuple[list, list[DataError]]:
    """The loader's result and problems; any exception but DataError fails the test with its traceback."""
    path = scratch / "recommendations.yaml"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    try:
        recs = load_recommendations(path, NAME, CHAPTERS, problems)
    except DataError as exc:  # the file as a whole cannot be read (YAML syntax)
        return [], [exc]
    return recs, problems.errors


def assert_well_reported(problems: list[DataError], text: str) -> None:
    lines = text.count("\n") + 1
    for problem in problems:
        assert problem.file == NAME and str(problem).startswith(NAME)
        assert problem.line is None or 1 <= problem.line <= lines + 1, problem
        assert problem.message.strip()


class _NoAliasDumper(yaml.SafeDumper):
    """As an editor writes YAML: every value in full (the loader refuses anchors and aliases, `&id001`)."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def dump(data: object) -> str:
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=100)


def usable_ids(entries: object) -> list[int]:
    """The ids the loader must keep: whole numbers from 1, each the first of its kind."""
    seen: list[int] = []
    for entry in entries if isinstance(entries, list) else []:
        rid = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(rid, int) and not isinstance(rid, bool) and rid >= 1 and rid not in seen:
            seen.append(rid)
    return seen


settings.register_profile("loader", max_examples=150, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@settings(settings.get_profile("loader"))
@given(data=valid_file())
def test_valid_data_loads_every_entry_exactly(scratch: Path, data: dict) -> None:
    text = dump(data)
    recs, problems = load(scratch, text)
    assert problems == []
    assert [r.id for r in recs] == [e["id"] for e in data["recommendations"]]
    for rec, entry in zip(recs, data["recommendations"], strict=True):
        assert [rec.recommendation, rec.response_2009, rec.progress_2010] == [entry[k] for k in COLUMNS]
        assert [(ref.chapter, ref.column) for ref in rec.implemented_by] == \
            [(ref["chapter"], ref["column"]) for ref in entry["implemented_by"]]
        assert rec.short_title


@settings(settings.get_profile("loader"))
@given(data=valid_file(), target=st.integers(0, 7), field=st.sampled_from(FIELDS), value=any_value,
       delete=st.booleans())
def test_a_wrong_or_missing_field_is_reported_and_no_other_entry_is_lost(
        scratch: Path, data: dict, target: int, field: str, value: object, delete: bool) -> None:
    entries = data["recommendations"]
    assume(entries)
    entry = entries[target % len(entries)]
    if delete:
        entry.pop(field, None)
    else:
        entry[field] = value
    text = dump(data)
    recs, problems = load(scratch, text)
    assert_well_reported(problems, text)
    assert [r.id for r in recs] == usable_ids(entries)
    # An untouched entry keeps its text, unless the changed entry took its id first (the first of an id wins).
    first_of_id = {}
    for e in entries:
        first_of_id.setdefault(repr(e.get("id")), e)
    untouched = [e for e in entries if e is not entry and first_of_id[repr(e["id"])] is e]
    for original in untouched:
        rec = next(r for r in recs if r.id == original["id"])
        assert rec.recommendation == original["recommendation"]
    original_id = next(e["id"] for e in data["recommendations"] if e is entry) if "id" in entry else None
    broken = (field in ("id", *COLUMNS) and delete) or (field in COLUMNS and not isinstance(value, str)) or \
        (field == "id" and not delete and (value != original_id or isinstance(value, bool))) or \
        (field == "recommendation" and isinstance(value, str) and not value.strip())
    if broken:
        assert problems, "a missing or mistyped required field must be reported"


@settings(settings.get_profile("loader"))
@given(data=valid_file(), order=st.randoms(use_true_random=False), duplicate=st.booleans())
def test_shuffled_or_duplicated_entries_keep_every_entry_and_say_what_is_wrong(
        scratch: Path, data: dict, order, duplicate: bool) -> None:
    entries = data["recommendations"]
    assume(len(entries) >= 2)
    shuffled = list(entries)
    order.shuffle(shuffled)
    if duplicate:
        shuffled.append(dict(shuffled[0]))
    data["recommendations"] = shuffled
    text = dump(data)
    recs, problems = load(scratch, text)
    assert_well_reported(problems, text)
    assert sorted(r.id for r in recs) == sorted(e["id"] for e in entries)  # all of them, once each
    in_order = [e["id"] for e in shuffled] == sorted(e["id"] for e in shuffled)
    if duplicate:
        assert any("duplicate id" in p.message for p in problems)
    elif not in_order:
        assert any("ids must run 1, 2, 3" in p.message for p in problems)
    else:
        assert problems == []


hashable = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)


@settings(settings.get_profile("loader"))
@given(data=valid_file(), target=st.integers(0, 7), key=st.sampled_from(["chapter", "column", "quote"]),
       value=hashable)
def test_a_wrong_value_inside_implemented_by_is_reported(scratch: Path, data: dict, target: int, key: str,
                                                         value: object) -> None:
    entries = data["recommendations"]
    assume(entries)
    entry = entries[target % len(entries)]
    entry["implemented_by"] = [*entry["implemented_by"], {"chapter": 3, "status": "promises", "column": "response_2009",
                                                          "quote": entry["response_2009"].split()[0]}]
    entry["implemented_by"][-1][key] = value
    text = dump(data)
    recs, problems = load(scratch, text)
    assert_well_reported(problems, text)
    assert [r.id for r in recs] == usable_ids(entries)
    rec = next(r for r in recs if r.id == entry["id"])
    a_chapter = isinstance(value, (int, float)) and not isinstance(value, bool) and value in CHAPTERS
    if key == "chapter" and not a_chapter:
        assert problems and len(rec.implemented_by) == len(entry["implemented_by"]) - 1


# A list or mapping as `chapter` once raised TypeError (looked up in a set before its type was checked),
# and 3.0 passed as chapter 3: Hypothesis found it.
@pytest.mark.parametrize("chapter", [[3], {"number": 3}, 3.0])
def test_a_list_or_mapping_as_chapter_is_reported(scratch: Path, chapter: object) -> None:
    entry = {"id": 1, "recommendation": "A unit.", "response_2009": "Agreed.", "progress_2010": "Done.",
             "implemented_by": [{"chapter": chapter, "status": "promises", "column": "response_2009",
                                 "quote": "Agreed"}]}
    recs, problems = load(scratch, dump({"schema": 1, "recommendations": [entry]}))
    assert [r.id for r in recs] == [1] and problems


@settings(settings.get_profile("loader"), max_examples=5)
@given(data=valid_file(), target=st.integers(0, 7), size=st.integers(100_000, 300_000))
def test_huge_text_loads(scratch: Path, data: dict, target: int, size: int) -> None:
    entries = data["recommendations"]
    assume(entries)
    entry = entries[target % len(entries)]
    entry["progress_2010"] += " Progress continues." * (size // 20)  # its quotes still occur in it
    recs, problems = load(scratch, dump(data))
    assert problems == []
    assert next(r for r in recs if r.id == entry["id"]).progress_2010 == entry["progress_2010"]


@settings(settings.get_profile("loader"))
@given(text=st.text(max_size=400))
def test_any_text_at_all_gives_recommendations_or_problems(scratch: Path, text: str) -> None:
    recs, problems = load(scratch, text)
    assert recs or problems or text.strip() == "" or "recommendations" in text
    assert_well_reported(problems, text)


@settings(settings.get_profile("loader"))
@given(document=any_value)
def test_any_yaml_document_gives_recommendations_or_problems(scratch: Path, document: object) -> None:
    text = dump(document)
    recs, problems = load(scratch, text)
    assert not recs
    assert any(p.line == 1 and "expected a mapping with a 'recommendations:' list" in p.message for p in problems)


@settings(settings.get_profile("loader"))
@given(data=valid_file(), entries=st.lists(any_value, min_size=1, max_size=4))
def test_entries_of_the_wrong_shape_are_reported_and_the_rest_kept(scratch: Path, data: dict,
                                                                    entries: list) -> None:
    good = list(data["recommendations"])
    data["recommendations"] = good + entries
    text = dump(data)
    recs, problems = load(scratch, text)
    assert_well_reported(problems, text)
    assert [r.id for r in recs][: len(good)] == [e["id"] for e in good]
    assert [r.id for r in recs] == usable_ids(data["recommendations"])
    assert problems


@pytest.mark.parametrize("content", [b"", b"\n", b"# only a comment\n", b"recommendations:\n", b"\xff\xfe\x00bad",
                                     b"schema: 1\nrecommendations: [\n"])
def test_empty_or_unreadable_files_are_problems_not_tracebacks(small_site: Path, content: bytes) -> None:
    cross_refs = small_site / "cross_refs"
    (cross_refs / "recommendations.yaml").write_bytes(content)
    with pytest.raises(DataErrors) as info:
        load_site_data(cross_refs, display_root=small_site)
    assert info.value.errors
    assert all(str(e).startswith(NAME) for e in info.value.errors), info.value.errors


# Every loader of cross_refs/, not only the recommendations': random bytes, random YAML-like text, and the
# real file with a random cut or a random line repeated (a duplicate key) give DataErrors, never a traceback.
DATA_FILES = ("documents.yaml", "working-together.yaml", "recommendations.yaml", "glossary.yaml", "guidance.yaml",
              "organisations.yaml", "site.yaml")
yaml_like = st.text(st.sampled_from(list("ab1: -[]{},'\"&*!|>#%@?\n  \té")), max_size=300)


@pytest.fixture(scope="module")
def data_copy(root: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(root / "cross_refs", Path(folder) / "cross_refs")
        yield Path(folder)


def load_everything(project: Path) -> list[DataError]:
    from safeguarding_site.data.registers import load_cross_link_data
    from safeguarding_site.pages.status_line import notice_problems

    cross_refs = project / "cross_refs"
    errors = notice_problems(cross_refs / "site.yaml", "cross_refs/site.yaml", None)
    try:
        data = load_site_data(cross_refs, display_root=project)
        load_cross_link_data(cross_refs, data, display_root=project)
    except DataErrors as exc:
        errors += exc.errors
    except DataError as exc:
        errors.append(exc)
    return errors


@settings(settings.get_profile("loader"))
@given(file=st.sampled_from(DATA_FILES), content=st.binary(max_size=300) | yaml_like.map(str.encode),
       mutation=st.sampled_from(["replace", "cut", "repeat a line"]), where=st.floats(0, 1))
def test_every_data_loader_gives_problems_not_tracebacks(data_copy: Path, root: Path, file: str, content: bytes,
                                                         mutation: str, where: float) -> None:
    path = data_copy / "cross_refs" / file
    original = (root / "cross_refs" / file).read_bytes()
    if mutation == "replace":
        text = content
    elif mutation == "cut":
        text = original[: int(len(original) * where)]
    else:
        lines = original.split(b"\n")
        at = int((len(lines) - 1) * where)
        text = b"\n".join([*lines[: at + 1], lines[at], *lines[at + 1:]])
    path.write_bytes(text)
    try:
        errors = load_everything(data_copy)
    finally:
        path.write_bytes(original)
    for error in errors:
        assert error.message.strip() and str(error).startswith("cross_refs/")
        if error.file == f"cross_refs/{file}" and error.line is not None:
            assert 1 <= error.line <= text.count(b"\n") + 2, error
