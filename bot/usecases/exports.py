"""/exportar: a period's purchases and ledger movements as two CSV files.

Who may export what: an admin anyone's (no reseller named: everyone's, admins' own sales
included); a reseller only their own, refused the same whether the one they name exists
or not. One export at a time per person.

The files are written in a worker thread (`asyncio.to_thread`) that reads through a
read-only snapshot of its own (storage/exports.py), a chunk of rows at a time, into a
temporary folder (bot/usecases/export_files.py): the event loop and the shared reader
stay free for everyone else, and memory holds one chunk. The export runs in the
background, so the reader's own next steps (a sale) do not wait behind it; the folder is
removed once the files are sent, whatever happened.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path
from typing import Protocol, TypeVar
from zoneinfo import ZoneInfo

from bot.background import Background
from bot.domain.clock import utcnow
from bot.domain.exports import (
    Cell,
    Exported,
    ExportRefusal,
    LocalTimes,
    Refused,
    Scope,
    Table,
    Written,
    ledger_cells,
    purchase_cells,
    read_request,
)
from bot.domain.periods import local_today
from bot.domain.roles import Role
from bot.domain.wallets import Ambiguous, NoSuchReseller, Reseller
from bot.usecases.export_files import CsvParts
from bot.usecases.resellers import Resellers
from bot.views import exports as view
from storage.exports import ExportReader

logger = logging.getLogger(__name__)

WORKING_EVERY_SECONDS = 4.5  # Telegram shows a chat action for five seconds
Line = TypeVar("Line")
Refusal = Refused | NoSuchReseller | Ambiguous


class Reply(Protocol):
    """How the reader hears of their export (the handler's side)."""

    async def working(self) -> None:
        """Show that the files are being written (again every few seconds)."""

    async def deliver(self, exported: Exported | None) -> None:
        """Send the files (None: writing them failed), read while this runs."""


class Exports:
    def __init__(
        self,
        reader: ExportReader,
        resellers: Resellers,
        background: Background,
        zone: ZoneInfo,
    ) -> None:
        self._reader = reader
        self._resellers = resellers
        self._background = background
        self._zone = zone
        self._running: set[int] = set()

    async def start(
        self, reader_id: int, role: Role, text: str, lang: str, reply: Reply
    ) -> Scope | Refusal:
        """Begin the export `text` asks for, in the background (the reader's other
        updates go on meanwhile), in the reader's language; or why not. A period that
        cannot be is raised as its DomainError (`periods.*`)."""
        if reader_id in self._running:  # one person's updates come in order (bot/processor.py)
            return Refused(ExportRefusal.BUSY)
        scope = await self._scope(reader_id, role, text)
        if not isinstance(scope, Scope):
            return scope
        self._running.add(reader_id)
        self._background.spawn(self._run(reader_id, scope, lang, reply), f"export-{reader_id}")
        return scope

    async def _run(self, reader_id: int, scope: Scope, lang: str, reply: Reply) -> None:
        folder = Path(tempfile.mkdtemp(prefix="export-"))
        try:
            writing = asyncio.create_task(asyncio.to_thread(self._write, folder, scope, lang))
            while not writing.done():
                await reply.working()
                await asyncio.wait({writing}, timeout=WORKING_EVERY_SECONDS)
            try:
                files = writing.result()
            except Exception:
                logger.exception("Writing an export of %s failed", scope)
                await reply.deliver(None)
                return
            await reply.deliver(Exported(scope, tuple(files)))
        finally:
            self._running.discard(reader_id)
            await asyncio.to_thread(shutil.rmtree, folder, True)

    async def _scope(self, reader_id: int, role: Role, text: str) -> Scope | Refusal:
        typed, today = " ".join(text.split()), local_today(self._zone, utcnow())
        asked = read_request(typed, today)
        who = typed if asked is None else asked.who
        found = await self._resellers.find(who) if who else None
        if role is not Role.ADMIN:
            mine = isinstance(found, Reseller) and found.user_id == reader_id
            if asked is None:
                if not mine:  # the same whether the one named exists or not
                    return Refused(ExportRefusal.UNKNOWN_OWN, typed)
                asked = read_request("", today)
            elif who and not mine:
                return Refused(ExportRefusal.NOT_YOURS)
            assert asked is not None  # noqa: S101 - read just above
            own = await self._resellers.find(str(reader_id))
            label = own.label if isinstance(own, Reseller) else str(reader_id)
            return Scope(asked.period, reader_id, label)
        if isinstance(found, NoSuchReseller) and asked is None:
            return Refused(ExportRefusal.UNKNOWN, typed)
        if isinstance(found, NoSuchReseller | Ambiguous):
            return found
        if asked is None:
            asked = read_request("", today)
        assert asked is not None  # noqa: S101 - an empty request is the default period
        return Scope.of(asked.period, found)

    def _write(self, folder: Path, scope: Scope, lang: str) -> list[Written]:
        """Both files (blocking: run in a worker thread)."""
        words, times = view.words(lang), LocalTimes(self._zone)
        start, end = scope.period.bounds(self._zone)
        who = scope.reseller_id
        with self._reader.snapshot() as snapshot:
            files = self._table(
                folder,
                scope,
                lang,
                Table.PURCHASES,
                snapshot.purchases(start, end, who),
                lambda row: purchase_cells(row, words, times),
            )
            files += self._table(
                folder,
                scope,
                lang,
                Table.LEDGER,
                snapshot.ledger(start, end, who),
                lambda row: ledger_cells(row, words, times),
            )
        return files

    @staticmethod
    def _table(
        folder: Path,
        scope: Scope,
        lang: str,
        table: Table,
        chunks: Iterator[list[Line]],
        cells: Callable[[Line], list[Cell]],
    ) -> list[Written]:
        parts = CsvParts(table, folder, view.stem(lang, table, scope), view.header(lang, table))
        try:
            with closing(chunks):  # type: ignore[type-var]
                for chunk in chunks:
                    parts.write([cells(row) for row in chunk])
        except BaseException:
            parts.discard()
            raise
        return parts.close()
