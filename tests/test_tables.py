"""Curated tables: schema checks, atomic generation swap, the data dictionary."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from ldn_review.errors import TableError
from ldn_review.schemas import TABLES, render_data_dictionary
from ldn_review.tables import CuratedStore, mark_complete, rows_to_table

ROOT = Path(__file__).resolve().parents[1]


def _claims(statement: str) -> list[dict]:
    return [
        {
            "claim_id": "C1",
            "kind": "efficacy",
            "condition": "neuropathic_pain",
            "conditions": ["neuropathic_pain"],
            "statement": statement,
            "cited_journal": "Pain Medicine",
            "outcome_domains": ["pain"],
        }
    ]


def test_rows_must_fit_the_schema():
    with pytest.raises(TableError, match="claim_id"):
        rows_to_table("claims", [{**_claims("x")[0], "claim_id": None}])
    with pytest.raises(TableError, match="lack columns"):
        rows_to_table("claims", [{"claim_id": "C1"}])


def test_publish_swaps_all_tables_at_once(tmp_path):
    store = CuratedStore(tmp_path)
    first = store.new_generation("g1")
    first.write("claims", rows_to_table("claims", _claims("old")))
    mark_complete(first)
    store.publish(first)
    assert pd.read_parquet(tmp_path / "curated" / "claims.parquet")["statement"].tolist() == ["old"]

    second = store.new_generation("g2")
    second.write("claims", rows_to_table("claims", _claims("new")))
    # not yet published: readers still see the old generation
    assert store.read("claims")["statement"].tolist() == ["old"]
    mark_complete(second)
    store.publish(second)
    assert store.read("claims")["statement"].tolist() == ["new"]


def test_abandoned_generation_is_removed_and_never_published(tmp_path):
    store = CuratedStore(tmp_path)
    live = store.new_generation("g1")
    live.write("claims", rows_to_table("claims", _claims("live")))
    mark_complete(live)
    store.publish(live)
    half = store.new_generation("g2")  # a run killed while writing
    half.write("claims", rows_to_table("claims", _claims("half")))
    store.new_generation("g3")
    assert not half.path.exists()
    assert store.read("claims")["statement"].tolist() == ["live"]


def test_missing_table_reads_as_empty_frame_with_columns(tmp_path):
    frame = CuratedStore(tmp_path).read("runs")
    assert frame.empty and list(frame.columns) == TABLES["runs"].names


def test_data_dictionary_is_current():
    """docs/data_dictionary.md is generated from the schemas: regenerate with `make docs`."""
    assert (ROOT / "docs" / "data_dictionary.md").read_text(
        encoding="utf-8"
    ) == render_data_dictionary() + "\n"


def test_data_dictionary_types_are_the_written_files_types(tmp_path):
    """The dictionary shows each type as pq.read_schema shows the file (lists as list<element: ...>)."""
    import pyarrow.parquet as pq

    from ldn_review.schemas import file_type
    from ldn_review.tables import write_parquet_atomic

    for name, schema in TABLES.items():
        path = tmp_path / f"{name}.parquet"
        write_parquet_atomic(schema.empty_table(), path)
        written = pq.read_schema(path)
        for field in schema:
            assert file_type(field.type) == str(written.field(field.name).type), f"{name}.{field.name}"


def test_every_column_is_documented():
    for name, schema in TABLES.items():
        for field in schema:
            assert (field.metadata or {}).get(b"description"), (
                f"{name}.{field.name} has no description"
            )
