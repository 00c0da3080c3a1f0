"""Curated tables: conversion to Arrow with the one schema per table, and the atomic swap.

``<data-dir>/curated`` is a symbolic link to one complete *generation* directory under
``<data-dir>/.generations/``. A run writes every table of a new generation, validates them, and
only then points ``curated`` at it with a single ``rename`` of a symlink (atomic on POSIX). A
process killed at any moment therefore leaves readers with the wholly old or the wholly new set of
tables; half-written generations are removed by the next run. Analysts read
``data/curated/<table>.parquet`` as plain files.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from .crashpoints import crash_point
from .errors import TableError
from .schemas import TABLES

GENERATIONS_DIRNAME = ".generations"
# Generations kept besides the live one, so a reader that opened the previous one can finish.
KEEP_OLD_GENERATIONS = 1
PARQUET_OPTIONS: dict[str, Any] = {"compression": "zstd", "use_dictionary": True}


def schema_of(name: str) -> pa.Schema:
    try:
        return TABLES[name]
    except KeyError as exc:
        raise TableError(f"unknown table {name!r}; known tables: {', '.join(TABLES)}") from exc


def rows_to_table(name: str, rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """Build an Arrow table from row dicts, checked against the table's schema."""
    schema = schema_of(name)
    missing = [f.name for f in schema if rows and f.name not in rows[0]]
    if missing:
        raise TableError(f"rows for table {name!r} lack columns {missing}")
    try:
        table = pa.Table.from_pylist(list(rows), schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise TableError(f"rows for table {name!r} do not fit its schema: {exc}") from exc
    return validate_table(name, table)


def frame_to_table(name: str, frame: pd.DataFrame) -> pa.Table:
    """Build an Arrow table from a DataFrame, columns in schema order, checked against the schema."""
    schema = schema_of(name)
    missing = [f.name for f in schema if f.name not in frame.columns]
    if missing:
        raise TableError(f"frame for table {name!r} lacks columns {missing}")
    frame = frame[[f.name for f in schema]]
    records = frame.to_dict(orient="records")
    cleaned = [{k: _none_if_na(v) for k, v in rec.items()} for rec in records]
    return rows_to_table(name, cleaned) if cleaned else schema.empty_table()


def _none_if_na(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):
        return value.tolist()
    return value


def validate_table(name: str, table: pa.Table) -> pa.Table:
    schema = schema_of(name)
    if not table.schema.equals(schema, check_metadata=False):
        raise TableError(f"table {name!r} schema differs from the declared one:\n{table.schema}")
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise TableError(f"table {name!r}: column {field.name!r} has nulls but must not")
    return table.cast(schema)  # carries the field descriptions into the Parquet metadata


def write_parquet_atomic(table: pa.Table, path: Path) -> None:
    """Write a Parquet file to a temporary name, fsync, then rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, **PARQUET_OPTIONS)
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Generation:
    """A directory being filled with the tables of a new generation."""

    def __init__(self, root: Path, gen_id: str) -> None:
        self.path = root / gen_id
        self.gen_id = gen_id
        self.path.mkdir(parents=True, exist_ok=False)

    def write(self, name: str, table: pa.Table) -> Path:
        table = validate_table(name, table)
        path = self.path / f"{name}.parquet"
        write_parquet_atomic(table, path)
        crash_point("table-written")
        return path

    def link_from(self, previous: Path | None, names: Iterable[str]) -> None:
        """Carry unchanged tables over from the live generation (hard links, no copy)."""
        if previous is None:
            return
        for name in names:
            src = previous / f"{name}.parquet"
            dst = self.path / f"{name}.parquet"
            if src.exists() and not dst.exists():
                try:
                    os.link(src, dst)
                except OSError:
                    shutil.copy2(src, dst)


def read_table(directory: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """``<directory>/<name>.parquet`` as a frame; an absent table reads as an empty frame with its
    schema's columns."""
    path = directory / f"{name}.parquet"
    if not path.exists():
        return schema_of(name).empty_table().to_pandas()
    return pd.read_parquet(path, columns=columns)


class CuratedStore:
    """The ``curated`` symlink and its generations."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.link = data_dir / "curated"
        self.generations = data_dir / GENERATIONS_DIRNAME

    def live_dir(self) -> Path | None:
        """The directory the tables are read from now (None before the first run)."""
        if self.link.is_symlink():
            target = self.link.resolve()
            return target if target.is_dir() else None
        if self.link.is_dir():  # a plain directory (older layout or copied by hand)
            return self.link
        return None

    def read(self, name: str, columns: list[str] | None = None) -> pd.DataFrame:
        live = self.live_dir()
        if live is None:
            return schema_of(name).empty_table().to_pandas()
        return read_table(live, name, columns)

    def read_arrow(self, name: str) -> pa.Table | None:
        live = self.live_dir()
        path = live / f"{name}.parquet" if live else None
        if path is None or not path.exists():
            return None
        return pq.read_table(path)

    def new_generation(self, gen_id: str) -> Generation:
        self.generations.mkdir(parents=True, exist_ok=True)
        self.remove_abandoned()
        return Generation(self.generations, gen_id)

    def publish(self, generation: Generation) -> None:
        """Point ``curated`` at the generation in one atomic rename."""
        crash_point("before-publish")
        if self.link.exists() and not self.link.is_symlink():
            # Migrate a plain directory once: move it aside as a generation of its own.
            legacy = self.generations / "legacy"
            if not legacy.exists():
                os.replace(self.link, legacy)
            else:
                raise TableError(
                    f"{self.link} is a plain directory and {legacy} exists; move one of them away"
                )
        tmp_link = self.data_dir / f".curated.{os.getpid()}.tmp"
        tmp_link.unlink(missing_ok=True)
        os.symlink(Path(GENERATIONS_DIRNAME) / generation.gen_id, tmp_link)
        os.replace(tmp_link, self.link)
        self._prune(keep=generation.gen_id)

    def remove_abandoned(self) -> None:
        """Remove generation directories left half-written by a killed run."""
        live = self.live_dir()
        if not self.generations.exists():
            return
        for child in self.generations.iterdir():
            if child.name.startswith(".") or (live and child.resolve() == live):
                continue
            if not (child / ".complete").exists():
                shutil.rmtree(child, ignore_errors=True)

    def _prune(self, keep: str) -> None:
        complete = sorted(
            (
                c
                for c in self.generations.iterdir()
                if (c / ".complete").exists() and c.name != keep
            ),
            key=lambda c: c.name,
        )
        for old in complete[: max(0, len(complete) - KEEP_OLD_GENERATIONS)]:
            shutil.rmtree(old, ignore_errors=True)


def mark_complete(generation: Generation) -> None:
    marker = generation.path / ".complete"
    marker.write_text(generation.gen_id + "\n")
    with open(marker, "rb") as fh:
        os.fsync(fh.fileno())
