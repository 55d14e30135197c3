"""/exportar: a period's sales and balance movements as two CSV documents that open
right in a spreadsheet, admins' of anyone, a reseller's of their own; bad input sends
nothing."""

from __future__ import annotations

import asyncio
import random
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.domain.periods import day_start, local_today
from bot.domain.wallets import JoinedHow, MovementKind
from bot.usecases import export_files
from storage import exports as exports_storage
from storage.resellers import ResellerRepository
from storage.wallets import WalletRepository, append
from tests.e2e.depositing import PREPAID, add_prepaid
from tests.e2e.exporting import by_header, csv_bytes, documents, pesos, read, table
from tests.e2e.settling import pending_list, sell_pending
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, Harness, text_of

ZONE = ZoneInfo("America/Mexico_City")
TRAP = '=HYPERLINK("http://malo.example/x","Peñaloza")'  # a shop name that is an attack
PURCHASE_HEADER = [
    "Fecha", "Hora", "Folio", "ID vendedor", "Tienda", "Teléfono", "Producto", "Monto",
    "Costo", "Comisión", "Estado", "ID de transacción", "Transacción del proveedor",
    "Referencia", "Autorización", "Liquidada por", "ID de quien liquidó", "Liquidada el",
]  # fmt: skip
LEDGER_HEADER = [
    "Fecha", "Hora", "Movimiento", "ID vendedor", "Tienda", "Tipo", "Importe", "Apartado",
    "Saldo después", "Apartado después", "Folio", "Depósito", "Nota", "ID de quien lo hizo",
]  # fmt: skip


def local(stamp: str | None) -> tuple[str, str]:
    if stamp is None:
        return "", ""
    moment = datetime.fromisoformat(stamp).astimezone(ZONE)
    return moment.strftime("%Y-%m-%d"), moment.strftime("%H:%M:%S")


async def a_month_of_business(bot: Harness) -> None:
    """Every kind of sale and movement: approved, declined, pending, settled as not
    charged, an admin's own; a prepaid shop whose name is a formula, its deposit and
    two corrections whose notes start like formulas."""
    await bot.say(ADMIN, "/start")
    await add_prepaid(bot, shop=TRAP)
    await bot.say(ADMIN, "/abonar 6 1500 depósito en Oxxo, señor Núñez")
    await bot.say(ADMIN, "/ajustar 6 -20.50 @corrección del día")
    await bot.say(ADMIN, "/ajustar 6 +3 =1+1 bono")
    await bot.buy(PREPAID)  # approved, from the wallet
    await bot.buy(PREPAID, phone="55 1234 9905")  # declined: released
    await bot.buy(RESELLER, amount="250")  # unrestricted: booked too
    settled = await sell_pending(bot)
    await sell_pending(bot, ENGLISH_RESELLER, "33 1234 9973")  # left pending
    page = await pending_list(bot)
    [question] = await bot.tap(ADMIN, f"❌ {settled.folio}", page.message_id)
    await bot.tap(ADMIN, "❌ Sí, no se cobró", question.message_id)
    await bot.buy(ADMIN, amount="30")  # an admin's own sale: no cost stored


async def test_an_admin_exports_every_sale_and_movement_as_the_database_holds_them(
    bot: Harness,
) -> None:
    await a_month_of_business(bot)
    before = len(bot.telegram.bot_messages(ADMIN))
    await bot.say(ADMIN, "/exportar")

    sales, movements = documents(bot, ADMIN)
    assert len(bot.telegram.bot_messages(ADMIN)) == before + 2
    today = local_today(ZONE, datetime.now(UTC))
    first = today.replace(day=1).isoformat()
    span = first if today.day == 1 else f"{first}_{today.isoformat()}"
    assert sales.document is not None and movements.document is not None
    assert sales.document["file_name"] == f"ventas_{span}.csv"
    assert movements.document["file_name"] == f"movimientos_{span}.csv"
    assert text_of(sales).startswith("📄 Ventas de ")
    assert text_of(sales).endswith("todos los vendedores: 6 filas")

    rows = read(bot, sales)
    assert rows[0] == PURCHASE_HEADER
    found = await bot.database.read(
        "SELECT p.*, r.shop_name FROM purchases p LEFT JOIN resellers r "
        "ON r.user_id = p.reseller_id ORDER BY p.created_at, p.id"
    )
    assert len(rows) - 1 == len(found) == 6
    words = {
        "approved": "Aprobada",
        "declined": "Rechazada",
        "pending": "Pendiente de verificación",
    }
    for row, stored in zip(by_header(rows), found, strict=True):
        shop = stored["shop_name"] or stored["reseller_name"]
        assert (row["Fecha"], row["Hora"]) == local(stored["created_at"])
        assert row["Folio"] == str(stored["id"])
        assert row["ID vendedor"] == str(stored["reseller_id"])
        assert row["Tienda"] == ("'" + shop if shop.startswith("=") else shop)
        assert row["Teléfono"] == stored["phone"]
        assert row["Producto"] == "Tiempo aire"
        assert pesos(row["Monto"]) == stored["amount"] * 100
        cost, commission = stored["cost"], stored["commission"]
        assert pesos(row["Costo"]) == (stored["amount"] * 100 if cost is None else cost)
        assert pesos(row["Comisión"]) == (0 if commission is None else commission)
        assert row["Estado"] == words[stored["status"]]
        assert row["ID de transacción"] == stored["distributor_transaction_id"]
        assert row["Transacción del proveedor"] == (stored["transaction_id"] or "")
        assert row["Referencia"] == (stored["reference"] or "")
        assert row["Autorización"] == (stored["auth_code"] or "")
        assert row["Liquidada por"] == (stored["settled_by_name"] or "")
        assert row["ID de quien liquidó"] == str(stored["settled_by"] or "")
        assert row["Liquidada el"] == " ".join(local(stored["settled_at"])).strip()
    table = by_header(rows)
    assert [r["Estado"] for r in table].count("Pendiente de verificación") == 1
    [trap] = [r for r in table if r["ID vendedor"] == str(PREPAID)][:1]
    assert trap["Tienda"] == "'" + TRAP  # no formula, the accent intact
    [settled] = [r for r in table if r["Liquidada por"]]
    assert (settled["Estado"], settled["ID de quien liquidó"]) == ("Rechazada", str(ADMIN))
    [own] = [r for r in table if r["ID vendedor"] == str(ADMIN)]
    assert (own["Monto"], own["Costo"], own["Comisión"]) == ("30.00", "30.00", "0.00")

    ledger = read(bot, movements)
    assert ledger[0] == LEDGER_HEADER
    stored_ledger = await bot.database.read("SELECT * FROM ledger ORDER BY created_at, id")
    assert len(ledger) - 1 == len(stored_ledger)
    kinds = {
        "hold": "Apartado",
        "sale": "Venta",
        "release": "Liberación",
        "deposit": "Depósito",
        "adjustment": "Ajuste",
    }
    for row, movement in zip(by_header(ledger), stored_ledger, strict=True):
        assert (row["Fecha"], row["Hora"]) == local(movement["created_at"])
        assert row["Movimiento"] == str(movement["id"])
        assert row["ID vendedor"] == str(movement["reseller_id"])
        assert row["Tipo"] == kinds[movement["kind"]]
        assert pesos(row["Importe"]) == movement["amount"]
        assert pesos(row["Apartado"]) == movement["held"]
        assert pesos(row["Saldo después"]) == movement["balance_after"]
        assert pesos(row["Apartado después"]) == movement["held_after"]
        assert row["Folio"] == str(movement["purchase_id"] or "")
        assert row["Depósito"] == str(movement["deposit_id"] or "")
        assert row["ID de quien lo hizo"] == str(movement["actor_id"] or "")
    notes = [r["Nota"] for r in by_header(ledger) if r["Nota"]]
    assert notes == ["depósito en Oxxo, señor Núñez", "'@corrección del día", "'=1+1 bono"]
    assert "-20.50" in [r["Importe"] for r in by_header(ledger)]  # numbers stay numbers


async def test_the_csv_totals_are_the_databases(bot: Harness) -> None:
    await a_month_of_business(bot)
    await bot.say(ADMIN, "/exportar hoy")
    sales, movements = (by_header(read(bot, m)) for m in documents(bot, ADMIN))
    [[face, cost, commission, approved]] = await bot.database.read(
        "SELECT SUM(amount) * 100, SUM(COALESCE(cost, amount * 100)), "
        "SUM(COALESCE(commission, 0)), SUM(CASE WHEN status = 'approved' THEN amount END) * 100 "
        "FROM purchases"
    )
    assert sum(pesos(r["Monto"]) for r in sales) == face
    assert sum(pesos(r["Costo"]) for r in sales) == cost
    assert sum(pesos(r["Comisión"]) for r in sales) == commission
    assert sum(pesos(r["Monto"]) for r in sales if r["Estado"] == "Aprobada") == approved
    [[amount, held]] = await bot.database.read("SELECT SUM(amount), SUM(held) FROM ledger")
    assert sum(pesos(r["Importe"]) for r in movements) == amount
    assert sum(pesos(r["Apartado"]) for r in movements) == held
    last = {r["ID vendedor"]: pesos(r["Saldo después"]) for r in movements}
    [[charged]] = await bot.database.read(
        "SELECT cost FROM purchases WHERE reseller_id = ? AND status = 'approved'", (PREPAID,)
    )
    assert last[str(PREPAID)] == 150_000 - 2_050 + 300 - charged  # the declined one released


async def test_a_reseller_exports_only_their_own(bot: Harness) -> None:
    await a_month_of_business(bot)
    await bot.say(RESELLER, "/exportar mes 2")  # naming themselves is the same
    sales, movements = documents(bot, RESELLER)
    table = by_header(read(bot, sales))
    assert {r["ID vendedor"] for r in table} == {str(RESELLER)}
    assert len(table) == 2  # the approved sale and the one settled as not charged
    assert {r["ID vendedor"] for r in by_header(read(bot, movements))} == {str(RESELLER)}
    assert text_of(sales).endswith("Rita <Tienda> (2): 2 filas")
    assert sales.document is not None
    assert sales.document["file_name"].endswith(f"_{RESELLER}.csv")


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("/exportar mes Ed", "❌ Solo puedes exportar tus propias ventas: escribe /exportar."),
        ("/exportar hoy 4", "❌ Solo puedes exportar tus propias ventas: escribe /exportar."),
        ("/exportar hoy Nadie", "❌ Solo puedes exportar tus propias ventas: escribe /exportar."),
        ("/exportar Ed", "❌ «Ed» no es un periodo, y solo puedes exportar tus propias ventas."),
        ("/exportar quincena", "❌ «quincena» no es un periodo, y solo puedes exportar tus"),
    ],
)
async def test_a_reseller_naming_anyone_else_gets_nothing(
    bot: Harness, typed: str, answer: str
) -> None:
    await a_month_of_business(bot)
    [refused] = await bot.say(RESELLER, typed)
    assert text_of(refused).startswith(answer)
    assert documents(bot, RESELLER) == []


def _days(offset: int) -> str:
    return (local_today(ZONE, datetime.now(UTC)) + timedelta(days=offset)).isoformat()


@pytest.mark.parametrize(
    ("typed", "answer"),
    [
        ("quincena", "❌ «quincena» no es un periodo ni un vendedor."),
        ("2026-02-30", "❌ «2026-02-30» no es una fecha que exista."),
        (f"{_days(-1)} {_days(-9)}", f"❌ El periodo termina ({_days(-9)}) antes de empezar"),
        (_days(1), f"❌ El {_days(1)} todavía no llega"),
        (f"{_days(-400)} {_days(-1)}", "❌ Son 400 días; un periodo puede tener hasta 366."),
        ("mes Nadie", "No hay ningún vendedor «Nadie»."),
        ("hoy tienda", "«tienda» puede ser más de un vendedor:"),
    ],
)
async def test_bad_input_is_told_and_nothing_is_sent(
    bot: Harness, typed: str, answer: str
) -> None:
    await a_month_of_business(bot)
    await ResellerRepository(bot.database).add(7, "Tienda Sol", JoinedHow.ADMIN)
    await ResellerRepository(bot.database).add(8, "Tienda Luna", JoinedHow.ADMIN)
    [refused] = await bot.say(ADMIN, f"/exportar {typed}")
    assert text_of(refused).startswith(answer)
    assert documents(bot, ADMIN) == []


async def test_an_admin_names_a_reseller_by_shop_name_alone(bot: Harness) -> None:
    await a_month_of_business(bot)
    await bot.say(ADMIN, "/exportar Rita <Tienda>")
    sales, _ = documents(bot, ADMIN)
    assert {r["ID vendedor"] for r in by_header(read(bot, sales))} == {str(RESELLER)}


async def test_an_empty_period_says_so_and_sends_no_file(bot: Harness) -> None:
    await a_month_of_business(bot)
    [said] = await bot.say(ADMIN, "/exportar ayer")
    assert text_of(said) == (f"No hay nada que exportar de {_days(-1)}: ni ventas ni movimientos.")
    assert documents(bot, ADMIN) == []
    [said] = await bot.say(ENGLISH_RESELLER, "/export yesterday")
    assert text_of(said) == (
        f"Nothing to export for {_days(-1)} of Ed (4): no sales and no movements."
    )
    assert documents(bot, ENGLISH_RESELLER) == []


async def test_only_the_table_with_rows_is_sent(bot: Harness) -> None:
    """A new shop with a deposit and no sale yet: its export is the movements alone."""
    await add_prepaid(bot)
    await bot.say(ADMIN, "/abonar 6 100")
    await bot.say(ADMIN, "/exportar hoy 6")
    [only] = documents(bot, ADMIN)
    assert only.document is not None
    assert only.document["file_name"].startswith("movimientos_")


async def test_headers_and_words_in_english_for_an_english_reader(bot: Harness) -> None:
    await a_month_of_business(bot)
    await bot.say(ENGLISH_RESELLER, "/export month")
    sales, movements = documents(bot, ENGLISH_RESELLER)
    rows = read(bot, sales)
    assert rows[0][:8] == [
        "Date",
        "Time",
        "Folio",
        "Reseller ID",
        "Shop",
        "Phone",
        "Product",
        "Amount",
    ]
    assert [row[10] for row in rows[1:]] == ["Pending verification"]
    assert rows[1][6] == "Airtime"
    assert read(bot, movements)[0][5] == "Kind"
    assert text_of(sales).startswith("📄 Sales of ")


async def test_a_second_export_while_one_runs_is_told_to_wait(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await a_month_of_business(bot)
    exports = bot.services.exports
    release = threading.Event()
    write = exports._write

    def held(*args: Any) -> Any:
        release.wait(10)
        return write(*args)

    monkeypatch.setattr(exports, "_write", held)
    telegram = bot.telegram
    sent = len(telegram.bot_messages(ADMIN))
    telegram.send_text(ADMIN, "/exportar")
    telegram.send_text(ADMIN, "/exportar hoy")
    telegram.send_text(ADMIN, "/saldo")  # the admin's other steps go on meanwhile
    async with asyncio.timeout(10):
        while len(telegram.bot_messages(ADMIN)) < sent + 2:  # noqa: ASYNC110 - the stand-in's chat
            await asyncio.sleep(0.01)
    busy, balance = telegram.bot_messages(ADMIN)[sent:]
    assert text_of(busy) == "⏳ Tu exportación anterior sigue en curso. Espera a que llegue."
    assert "Saldo" in text_of(balance)
    assert documents(bot, ADMIN) == []
    release.set()
    await bot.wait_until_quiet()
    assert len(documents(bot, ADMIN)) == 2
    await bot.say(ADMIN, "/exportar hoy")  # done: the next one runs
    assert len(documents(bot, ADMIN)) == 4


def _seed(rng: random.Random, now: datetime) -> Callable[[sqlite3.Connection], None]:
    """Six hundred sales of today so far, of every status (some settled by an admin),
    each reseller's holds, debits and releases, deposits and corrections among them."""
    start = day_start(local_today(ZONE, now), ZONE)

    def seed(conn: sqlite3.Connection) -> None:
        moments = sorted(start + (now - start) * rng.random() for _ in range(600))
        for n, at in enumerate(moments):
            who = rng.choice((RESELLER, ENGLISH_RESELLER, PREPAID, ADMIN))
            if who != ADMIN and rng.random() < 0.1:
                amount = rng.choice((50_000, -1_250, 777))
                kind = MovementKind.DEPOSIT if amount > 0 else MovementKind.ADJUSTMENT
                note = None if amount > 0 else "-corrección ñ"
                append(conn, who, kind, amount, note=note, actor_id=ADMIN, now=at)
                continue
            face = rng.choice((20, 50, 100, 200, 420))
            status = rng.choice(("approved", "approved", "declined", "pending"))
            settled = status != "pending" and rng.random() < 0.2
            cost = None if who == ADMIN else face * 100 - face * rng.choice((0, 3, 5))
            [[purchase_id]] = conn.execute(
                "INSERT INTO purchases (distributor_transaction_id, reseller_id, reseller_name, "
                "chat_id, lang, phone, product_id, amount, status, created_at, notified_at, "
                "admins_alerted_at, cost, commission, transaction_id, settled_by, "
                "settled_by_name, settled_at) VALUES (?, ?, ?, ?, 'es', ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    f"seed-{n}",
                    who,
                    f"Vendedor {who}",
                    who,
                    f"55{rng.randint(0, 99_999_999):08d}",
                    rng.choice(("MOVISTAR_TAE", "MOVISTAR_PAQUETE_25")),
                    face,
                    status,
                    at.isoformat(),
                    at.isoformat(),
                    at.isoformat(),
                    cost,
                    None if cost is None else face * 100 - cost,
                    f"T{n}" if status == "approved" else None,
                    ADMIN if settled else None,
                    "Ana Admin" if settled else None,
                    (at + timedelta(seconds=1)).isoformat() if settled else None,
                ),
            ).fetchall()
            if cost is None:
                continue
            append(conn, who, MovementKind.HOLD, 0, cost, purchase_id=purchase_id, now=at)
            if status == "approved":
                append(conn, who, MovementKind.SALE, -cost, -cost, purchase_id=purchase_id, now=at)
            elif status == "declined":
                append(conn, who, MovementKind.RELEASE, 0, -cost, purchase_id=purchase_id, now=at)

    return seed


async def test_randomized_totals_agree_with_the_database_across_zipped_parts(
    bot: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await add_prepaid(bot)
    monkeypatch.setattr(export_files, "MAX_FILE", 6_000)  # parts, as a million rows makes
    monkeypatch.setattr(exports_storage, "CHUNK", 25)
    await bot.database.write(_seed(random.Random(15), datetime.now(UTC)), durable=True)
    await bot.say(ADMIN, "/exportar hoy")

    sent = documents(bot, ADMIN)
    sales = [m for m in sent if text_of(m).startswith("📄 Ventas")]
    movements = [m for m in sent if text_of(m).startswith("📄 Movimientos")]
    assert len(sales) > 1 and len(movements) > 1
    for group in (sales, movements):
        for number, message in enumerate(group, start=1):
            assert text_of(message).endswith(
                f" (CSV comprimido en zip) · parte {number} de {len(group)}"
            )
            assert message.document is not None
            assert message.document["file_name"].endswith(f"_parte{number}.zip")
    sale_rows = [
        row for m in sales for part in csv_bytes(bot, m) for row in by_header(table(part))
    ]
    ledger_rows = [
        row for m in movements for part in csv_bytes(bot, m) for row in by_header(table(part))
    ]
    assert [int(r["Folio"]) for r in sale_rows] == [
        row[0]
        for row in await bot.database.read("SELECT id FROM purchases ORDER BY created_at, id")
    ]
    words = {
        "Aprobada": "approved",
        "Rechazada": "declined",
        "Pendiente de verificación": "pending",
    }
    found = await bot.database.read(
        "SELECT reseller_id, status, COUNT(*), SUM(amount) * 100, "
        "SUM(COALESCE(cost, amount * 100)), SUM(COALESCE(commission, 0)), "
        "COUNT(settled_by) FROM purchases GROUP BY reseller_id, status"
    )
    expected = {(row[0], row[1]): tuple(row[2:]) for row in found}
    totals: dict[tuple[int, str], list[int]] = {}
    for r in sale_rows:
        key = (int(r["ID vendedor"]), words[r["Estado"]])
        sums = totals.setdefault(key, [0, 0, 0, 0, 0])
        for at, value in enumerate(
            (
                1,
                pesos(r["Monto"]),
                pesos(r["Costo"]),
                pesos(r["Comisión"]),
                bool(r["Liquidada por"]),
            )
        ):
            sums[at] += int(value)
    assert {key: tuple(sums) for key, sums in totals.items()} == expected
    assert len(expected) >= 12  # every reseller has sales of every status

    assert len(ledger_rows) == (await bot.database.read("SELECT COUNT(*) FROM ledger"))[0][0]
    by_kind = await bot.database.read(
        "SELECT reseller_id, kind, SUM(amount), SUM(held) FROM ledger GROUP BY reseller_id, kind"
    )
    kinds = {"Apartado": "hold", "Venta": "sale", "Liberación": "release"}
    kinds |= {"Depósito": "deposit", "Ajuste": "adjustment"}
    ledger_totals: dict[tuple[int, str], list[int]] = {}
    for r in ledger_rows:
        sums = ledger_totals.setdefault((int(r["ID vendedor"]), kinds[r["Tipo"]]), [0, 0])
        sums[0] += pesos(r["Importe"])
        sums[1] += pesos(r["Apartado"])
    assert {k: tuple(v) for k, v in ledger_totals.items()} == {
        (row[0], row[1]): (row[2], row[3]) for row in by_kind
    }
    for who in (RESELLER, ENGLISH_RESELLER, PREPAID):
        wallet = await WalletRepository(bot.database).wallet(who)
        assert wallet is not None
        [last] = [r for r in ledger_rows if r["ID vendedor"] == str(who)][-1:]
        assert (pesos(last["Saldo después"]), pesos(last["Apartado después"])) == (
            wallet.balance,
            wallet.held,
        )
    assert {r["Nota"] for r in ledger_rows if r["Tipo"] == "Ajuste"} == {"'-corrección ñ"}


async def test_temporary_files_are_removed_sent_or_failed(
    bot: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    await a_month_of_business(bot)
    await bot.say(ADMIN, "/exportar")
    assert len(documents(bot, ADMIN)) == 2
    assert list(scratch.iterdir()) == []

    def broken(folder: Path, *_: Any) -> Any:
        (folder / "ventas_a_medias.csv").write_text("Fecha\r\n")
        raise OSError("No space left on device")

    monkeypatch.setattr(bot.services.exports, "_write", broken)
    [told] = await bot.say(ADMIN, "/exportar")
    assert text_of(told) == (
        "❌ No se pudo preparar la exportación. Intenta de nuevo en un momento."
    )
    assert len(documents(bot, ADMIN)) == 2
    assert list(scratch.iterdir()) == []
