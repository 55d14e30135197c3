"""An export's files: a CSV until it is large, then a zip, then zips in parts, each part
under the limit and a CSV of its own (BOM, header, CRLF), no row lost or split."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from pathlib import Path

import pytest

from bot.domain.exports import Table
from bot.usecases import export_files
from bot.usecases.export_files import CsvParts

HEADER = ["Fecha", "Tienda", "Nota"]
BOM = b"\xef\xbb\xbf"


def rows(count: int, seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    return [
        [f"2026-12-{n % 28 + 1:02d}", f"Tienda Peña {n}", "".join(rng.choices('añ,"\n x', k=20))]
        for n in range(count)
    ]


def parsed(content: bytes) -> list[list[str]]:
    assert content.startswith(BOM)
    return list(csv.reader(io.StringIO(content[3:].decode("utf-8"), newline="")))


def write(folder: Path, data: list[list[str]], max_file: int) -> CsvParts:
    parts = CsvParts(Table.PURCHASES, folder, "ventas_2026-12", HEADER, max_file)
    for at in range(0, len(data), 100):
        parts.write(data[at : at + 100])
    return parts


def test_a_small_export_is_one_plain_csv(tmp_path: Path) -> None:
    data = rows(250)
    [written] = write(tmp_path, data, 1_000_000).close()
    assert (written.name, written.zipped, written.parts, written.rows) == (
        "ventas_2026-12.csv", False, 1, 250,
    )  # fmt: skip
    content = written.path.read_bytes()
    assert parsed(content) == [HEADER, *data]
    assert b"\r\n" in content
    assert [p.name for p in tmp_path.iterdir()] == ["ventas_2026-12.csv"]


def test_a_larger_one_is_zipped_with_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(export_files, "DEFLATE_LAG", 0)  # a small limit, for a small test
    data = rows(2_000)
    [written] = write(tmp_path, data, 60_000).close()
    assert (written.name, written.zipped, written.parts, written.rows) == (
        "ventas_2026-12.zip", True, 1, 2_000,
    )  # fmt: skip
    with zipfile.ZipFile(written.path) as archive:
        assert archive.namelist() == ["ventas_2026-12.csv"]
        assert parsed(archive.read("ventas_2026-12.csv")) == [HEADER, *data]
    assert [p.name for p in tmp_path.iterdir()] == ["ventas_2026-12.zip"]


def test_too_large_for_one_zip_is_numbered_parts_each_whole(tmp_path: Path) -> None:
    data = rows(20_000)
    written = write(tmp_path, data, 60_000).close()
    assert len(written) > 2
    assert [w.name for w in written] == [
        f"ventas_2026-12_parte{n}.zip" for n in range(1, len(written) + 1)
    ]
    assert {(w.parts, w.zipped) for w in written} == {(len(written), True)}
    back: list[list[str]] = []
    for file in written:
        assert file.path.stat().st_size <= 60_000
        with zipfile.ZipFile(file.path) as archive:
            [name] = archive.namelist()
            header, *part = parsed(archive.read(name))
        assert header == HEADER
        assert len(part) == file.rows
        back += part
    assert back == data
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(w.name for w in written)


def test_no_rows_no_file(tmp_path: Path) -> None:
    assert write(tmp_path, [], 1_000).close() == []
    assert list(tmp_path.iterdir()) == []
