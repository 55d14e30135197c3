"""The files of an export, written as rows come: a CSV, zipped once it grows large, in
numbered parts once a zip would be too large to send.

Telegram takes documents up to 50 MB from bots, and python-telegram-bot reads a whole
document into memory to upload it (and the socket's buffer may hold a second copy while
Telegram reads it); so no file sent is over `MAX_FILE` (10 MiB), which keeps what the bot
holds for an upload small beside everyone else's steps:

- up to `MAX_FILE` of CSV: the CSV itself;
- more: the same CSV in a zip (deflated, written as rows come: `ZipFile.open(name, "w")`),
  the rows written so far copied in first;
- a zip that could reach `MAX_FILE` with the next chunk of rows: closed at a row's end,
  and the next rows go to a new zip whose CSV starts with the header again, so each part
  opens on its own.

Every CSV is UTF-8 with a BOM (Excel then reads accents right), CRLF line ends and commas,
as RFC 4180 and Excel (Mexico) read it. Memory holds one chunk of rows at a time.
"""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from bot.domain.exports import Cell, Table, Written

MAX_FILE = 10 * 1024 * 1024
# Deflate gives its output a block at a time: what is on the disk lags what was written by
# at most one block's output (zlib's default: 16,384 symbols, well under 1 MiB).
DEFLATE_LAG = 1024 * 1024
# Deflate's fastest level: a fifth of level 6's time for a CSV a little larger.
COMPRESS_LEVEL = 1
BOM = "\ufeff"


class CsvParts:
    """One table's rows into `folder/stem.csv`, or `stem.zip`, or `stem_parteN.zip`."""

    def __init__(
        self,
        table: Table,
        folder: Path,
        stem: str,
        header: Sequence[str],
        max_file: int | None = None,
    ) -> None:
        self._table, self._folder, self._stem = table, folder, stem
        self._max = MAX_FILE if max_file is None else max_file
        self._text = io.StringIO()
        self._csv = csv.writer(self._text, lineterminator="\r\n")
        self._csv.writerow(header)
        self._header = (BOM + self._take()).encode("utf-8")
        self._plain: IO[bytes] | None = None
        self._size = len(self._header)  # of the plain CSV
        self._zipping = False
        self._archive: tuple[Path, zipfile.ZipFile, IO[bytes], IO[bytes]] | None = None
        self._rows = 0  # in the file being written
        self._closed: list[tuple[Path, int]] = []
        self.total = 0

    @property
    def _plain_path(self) -> Path:
        return self._folder / f"{self._stem}.csv"

    def _take(self) -> str:
        text = self._text.getvalue()
        self._text.seek(0)
        self._text.truncate()
        return text

    def write(self, rows: Sequence[Sequence[Cell]]) -> None:
        """A chunk of rows; a file is closed only between chunks (at a row's end)."""
        count = len(rows)
        if not count:
            return
        self._csv.writerows(rows)
        data = self._take().encode("utf-8")
        self.total += count
        if not self._zipping and self._size + len(data) <= self._max:
            if self._plain is None:
                self._plain = self._plain_path.open("wb")
                self._plain.write(self._header)
            self._plain.write(data)
            self._size += len(data)
            self._rows += count
            return
        if not self._zipping:
            self._zipping = True
            self._open_zip(with_header=self._plain is None)
            self._zip_the_plain()
        elif self._archive is None:
            self._open_zip(with_header=True)
        assert self._archive is not None  # noqa: S101 - opened just above
        _, _, raw, member = self._archive
        member.write(data)
        self._rows += count
        # What is on the disk, what deflate still holds back and the next chunk (about
        # this one's size, uncompressed at worst) must stay under the limit.
        if raw.tell() + DEFLATE_LAG + len(data) >= self._max:
            self._close_zip()

    def _zip_the_plain(self) -> None:
        """From here on, a zip: what the plain CSV holds goes in first."""
        if self._plain is None or self._archive is None:
            return
        self._plain.close()
        self._plain = None
        with self._plain_path.open("rb") as written:
            shutil.copyfileobj(written, self._archive[3])
        self._plain_path.unlink()

    def _open_zip(self, *, with_header: bool) -> None:
        part = len(self._closed) + 1
        name = f"{self._stem}.csv" if part == 1 else f"{self._stem}_parte{part}.csv"
        path = self._folder / f"{self._stem}_{part}.zip.tmp"
        raw = path.open("wb")
        archive = zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL)
        member = archive.open(name, "w", force_zip64=True)
        self._archive = (path, archive, raw, member)
        if with_header:
            member.write(self._header)

    def _close_zip(self) -> None:
        if self._archive is None:
            return
        path, archive, raw, member = self._archive
        member.close()
        archive.close()
        raw.close()
        self._closed.append((path, self._rows))
        self._archive = None
        self._rows = 0

    def close(self) -> list[Written]:
        """The files to send, in order; none when no row was written."""
        if self._plain is not None:
            self._plain.close()
            self._plain = None
            path = self._plain_path
            return [Written(self._table, path, path.name, 1, 1, False, self._rows)]
        self._close_zip()
        parts = len(self._closed)
        written = []
        for number, (path, rows) in enumerate(self._closed, start=1):
            name = f"{self._stem}.zip" if parts == 1 else f"{self._stem}_parte{number}.zip"
            final = path.with_name(name)
            path.rename(final)
            written.append(Written(self._table, final, name, number, parts, True, rows))
        return written

    def discard(self) -> None:
        """Close whatever is open (the caller removes the folder): after a failure."""
        if self._plain is not None:
            self._plain.close()
            self._plain = None
        if self._archive is not None:
            _, archive, raw, member = self._archive
            member.close()
            archive.close()
            raw.close()
            self._archive = None
