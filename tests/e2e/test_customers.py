"""Customers through the real bot: the shared link's copy, /mis_recargas with a verified
number, notices of new top-ups, and the privacy rules around them."""

from __future__ import annotations

import pytest

from bot.domain.formatting import format_datetime
from bot.domain.purchases import Status
from bot.domain.sharing import MAX_FAILURES
from bot.i18n import plain
from tests.e2e.receipt_steps import (
    CUSTOMER,
    ENGLISH_CUSTOMER,
    LINK,
    add_customers,
    customer_folios,
    labels,
    share_contact,
    text,
    verified,
)
from tests.harness import ADMIN, ENGLISH_RESELLER, RESELLER, STRANGER, Harness, text_of
from tests.receipts_seed import add_purchases

HOME = "5537686660"


async def _shared_link(bot: Harness, folio: int) -> str:
    """The reseller shares receipt `folio`; returns the link they would forward."""
    [receipt] = await bot.say(RESELLER, f"/recibo {folio}")
    [message] = await bot.tap(RESELLER, "📤", receipt.message_id)
    match = LINK.search(text(message))
    assert match is not None
    return match[0]


def _start(link: str) -> str:
    """What Telegram sends when someone opens the deep link."""
    return "/start " + link.rsplit("=", 1)[1]


async def test_anyone_with_the_link_sees_the_customer_copy(bot: Harness) -> None:
    add_customers(bot)
    await bot.buy(RESELLER, amount="150")
    [purchase] = await bot.purchases()
    link = await _shared_link(bot, purchase.id)
    [copy] = await bot.say(CUSTOMER, _start(link))
    when = format_datetime(purchase.completed_at or purchase.created_at, bot.settings.zone, "es")
    assert text(copy).splitlines() == [
        "🧾 Comprobante de recarga",
        "",
        "Compañía: Movistar",
        "Producto: Tiempo aire",
        "Número: 55 3768 6660",
        "Monto: $150 MXN",
        f"Fecha y hora: {when}",
        f"Folio: {purchase.folio}",
        f"Número de autorización: {purchase.auth_code}",
        f"Referencia: {purchase.reference}",
        "Estado: ✅ Exitosa",
        "",
        "Conserva este comprobante para aclaraciones.",
        "",
        "¿Es tu número? Ve todas sus recargas con /mis_recargas",
    ]
    # Nothing of the seller's: no balance, provider transaction ids, or name.
    assert purchase.transaction_id and purchase.transaction_id not in text(copy)
    assert purchase.distributor_transaction_id not in text(copy)
    assert purchase.balance_after and purchase.balance_after.split(".")[0] not in text(copy)
    assert "Rita" not in text(copy) and "Saldo" not in text(copy)
    # Strangers (no role at all) and resellers open it too, each in their language.
    [for_stranger] = await bot.say(STRANGER, _start(link))
    assert text(for_stranger) == text(copy)
    [english] = await bot.say(ENGLISH_CUSTOMER, _start(link))
    assert "Keep this receipt" in text(english) and "Company: Movistar" in text(english)


async def test_a_wrong_link_gets_one_neutral_answer_and_guessing_slows_down(
    bot: Harness,
) -> None:
    add_customers(bot)
    [folio] = await add_purchases(bot.database, 1, reseller_id=RESELLER)
    link = await _shared_link(bot, folio)
    token = link.rsplit("=", 1)[1]
    invalid = plain("es", "shared.invalid")
    wrong = [
        "/start " + token[:-1] + ("B" if token[-1] == "A" else "A"),  # one character off
        "/start " + token[:10],  # cut short
        "/start " + "A" * 22,
        "/start 000001",  # a folio is not a link
        "/start " + "x" * 64,
    ]
    assert len(wrong) == MAX_FAILURES
    for attempt in wrong:
        [reply] = await bot.say(CUSTOMER, attempt)
        assert text(reply) == invalid, attempt
    # Now even the right link is refused for a while, with no hint it is right.
    [slowed] = await bot.say(CUSTOMER, _start(link))
    assert text(slowed) == plain("es", "shared.slow_down")
    [other] = await bot.say(ENGLISH_CUSTOMER, _start(link))
    assert "Top-up receipt" in text(other)


async def test_my_topups_asks_for_the_contact_button(bot: Harness) -> None:
    add_customers(bot)
    [ask] = await bot.say(CUSTOMER, "/mis_recargas")
    assert "Compartir mi número" in text(ask)
    assert ask.reply_keyboard is not None
    [[button]] = ask.reply_keyboard["keyboard"]
    assert button == {"text": "📱 Compartir mi número", "request_contact": True}


async def test_own_contact_verifies_and_lists_every_receipt_newest_first(bot: Harness) -> None:
    add_customers(bot)
    rita = await add_purchases(bot.database, 8, reseller_id=RESELLER)
    ed = await add_purchases(bot.database, 4, reseller_id=ENGLISH_RESELLER, status=Status.DECLINED)
    await add_purchases(bot.database, 3, reseller_id=RESELLER, phone="3312345678")
    await bot.say(CUSTOMER, "/mis_recargas")
    done, listing = await share_contact(bot, CUSTOMER, "+52 55 3768 6660", CUSTOMER)
    assert text(done).startswith("✅ Número verificado: 55 3768 6660")
    assert done.reply_keyboard == {"remove_keyboard": True}
    newest_first = (rita + ed)[::-1]
    assert text(listing).startswith("📋 Recargas a 55 3768 6660")
    assert customer_folios(listing) == newest_first[:10]
    assert "❌ Rechazada" in text(listing) and "Aut. AUTH07" in text(listing)
    assert "👤" not in text(listing) and str(RESELLER) not in text(listing).split()
    assert labels(listing) == ["Anteriores ▶"]
    await bot.tap(CUSTOMER, "Anteriores", listing.message_id)
    assert customer_folios(bot.telegram.message(CUSTOMER, listing.message_id)) == newest_first[10:]
    # The number is kept: the next /mis_recargas lists at once.
    [again] = await bot.say(CUSTOMER, "/mis_recargas")
    assert customer_folios(again) == newest_first[:10]


async def test_a_verified_customer_is_shown_their_commands_not_turned_away(
    bot: Harness,
) -> None:
    add_customers(bot)
    await bot.say(CUSTOMER, "/mis_recargas")
    await share_contact(bot, CUSTOMER, "+52 55 3768 6660", CUSTOMER)

    for typed in ("/start", "/ayuda", "hola", "/recarga"):
        [answer] = await bot.say(CUSTOMER, typed)
        assert text(answer) == (
            "👋 Con estos comandos ves las recargas a tu número 55 3768 6660:\n\n"
            "/mis_recargas — las recargas a tu número\n/avisos — avisos de tus recargas"
        ), typed
    [stranger] = await bot.say(STRANGER, "/start")
    assert text(stranger).startswith("🚫 No tienes acceso a este bot.")


async def test_only_your_own_contact_counts(bot: Harness) -> None:
    add_customers(bot)
    await bot.say(CUSTOMER, "/mis_recargas")
    [others] = await share_contact(bot, CUSTOMER, "525537686660", ENGLISH_CUSTOMER)
    assert text(others) == plain("es", "customers.not_own")
    [no_account] = await share_contact(bot, CUSTOMER, "525537686660", None)
    assert text(no_account) == plain("es", "customers.no_user_id")
    [typed] = await bot.say(CUSTOMER, "55 3768 6660")
    assert text(typed) == plain("es", "customers.typed")
    assert typed.reply_keyboard is not None  # the button again, to do it right
    [foreign] = await share_contact(bot, CUSTOMER, "+1 415 555 0123", CUSTOMER)
    assert text(foreign) == plain("es", "customers.not_mexican")
    [still] = await bot.say(CUSTOMER, "/mis_recargas")
    assert "Compartir mi número" in text(still)
    # Other text from someone without a role still gets the refusal with their id.
    [refusal] = await bot.say(CUSTOMER, "hola")
    assert "No tienes acceso" in text(refusal) and str(CUSTOMER) in text(refusal)
    # Told a moment ago: a stranger's next refusals are not sent (see test_strangers.py).
    assert await bot.say(CUSTOMER, "/recarga") == []


async def test_forged_customer_pages_show_only_the_verified_number(bot: Harness) -> None:
    add_customers(bot)
    await add_purchases(bot.database, 2, reseller_id=RESELLER, phone="3312345678")
    mine = await add_purchases(bot.database, 2, reseller_id=RESELLER)
    [ask] = await bot.say(CUSTOMER, "/mis_recargas")
    await bot.press_raw(CUSTOMER, ask.message_id, "mine:o:999999")
    assert bot.alerts(CUSTOMER)[-1] == plain("es", "customers.not_verified")
    await share_contact(bot, CUSTOMER, "525537686660", CUSTOMER)
    listing = bot.last(CUSTOMER)
    for data in ("mine:o:999999", "mine:n:0", "mine:o:3"):
        await bot.press_raw(CUSTOMER, listing.message_id, data)
        shown = bot.telegram.message(CUSTOMER, listing.message_id)
        assert set(customer_folios(shown)) <= set(mine), data


async def test_customers_hear_of_approved_top_ups_until_they_opt_out(bot: Harness) -> None:
    add_customers(bot)
    await verified(bot)
    await bot.buy(RESELLER, amount="100")
    notice = bot.last(CUSTOMER)
    [purchase] = await bot.purchases()
    assert text(notice).startswith("✅ Recarga recibida")
    assert "Tu número 55 3768 6660 recibió una recarga Movistar de $100 MXN" in text(notice)
    assert f"Autorización: {purchase.auth_code}" in text(notice)
    assert "Rita" not in text(notice)

    [off] = await bot.say(CUSTOMER, "/avisos")
    assert text(off).startswith("🔕")
    await bot.buy(RESELLER, amount="50")
    assert bot.last(CUSTOMER).message_id == off.message_id  # nothing new
    [on] = await bot.say(CUSTOMER, "/avisos")
    assert text(on).startswith("🔔")
    await bot.buy(ENGLISH_RESELLER, amount="30")
    assert "$30 MXN" in text(bot.last(CUSTOMER))


async def test_a_notice_of_a_settled_top_up_has_no_empty_authorization(bot: Harness) -> None:
    add_customers(bot)
    await verified(bot, phone="525512349996")  # the sandbox leaves this one pending
    await bot.say(ADMIN, "/start")
    await bot.buy(RESELLER, phone="55 1234 9996", amount="100")
    [page] = await bot.say(ADMIN, "/pendientes")
    [purchase] = await bot.purchases()
    await bot.tap(ADMIN, f"✅ {purchase.folio}", page.message_id)
    await bot.say(ADMIN, "/omitir")

    notice = text(bot.last(CUSTOMER))
    assert notice.startswith("✅ Recarga recibida")
    assert f"Folio: {purchase.folio}" in notice.splitlines()
    assert "Autorización" not in notice and "—" not in notice


async def test_declined_top_ups_and_other_numbers_are_not_news(bot: Harness) -> None:
    add_customers(bot)
    await verified(bot, phone="525512349905")  # the sandbox declines this one
    await verified(bot, ENGLISH_CUSTOMER)
    before = {CUSTOMER: bot.last(CUSTOMER), ENGLISH_CUSTOMER: bot.last(ENGLISH_CUSTOMER)}
    await bot.buy(RESELLER, phone="55 1234 9905", amount="100")
    await bot.buy(RESELLER, phone="33 1234 5678", amount="100")
    assert bot.last(CUSTOMER) == before[CUSTOMER]
    assert bot.last(ENGLISH_CUSTOMER) == before[ENGLISH_CUSTOMER]


async def test_a_number_follows_its_newest_holder(bot: Harness) -> None:
    add_customers(bot)
    await verified(bot, CUSTOMER)
    await verified(bot, ENGLISH_CUSTOMER)  # Telegram now says the number is theirs
    [ask] = await bot.say(CUSTOMER, "/mis_recargas")
    assert "Compartir mi número" in text(ask)
    [alerts] = await bot.say(CUSTOMER, "/avisos")
    assert text(alerts) == plain("es", "customers.not_verified")
    await bot.buy(RESELLER)
    assert "Top-up received" in text(bot.last(ENGLISH_CUSTOMER))


async def test_sellers_keep_selling_while_customers_use_the_bot(bot: Harness) -> None:
    add_customers(bot)
    await bot.say(RESELLER, "/recarga")
    # A customer's card shared mid-sale is the number to top up, not a verification.
    [products] = await share_contact(bot, RESELLER, "525537686660", CUSTOMER)
    assert "Número: 55 3768 6660" in text(products)
    [ask] = await bot.say(RESELLER, "/mis_recargas")
    assert "Compartir mi número" in text(ask)
    [amount] = await bot.tap(RESELLER, "📱", products.message_id)  # the sale goes on
    assert "Escribe el monto" in text(amount)
    # Their own contact verifies them like any customer.
    done, _listing = await share_contact(bot, RESELLER, "523312345678", RESELLER)
    assert text(done).startswith("✅ Número verificado: 33 1234 5678")
    [greeting] = await bot.say(ADMIN, "/start")
    assert "/recibos" in text(greeting)


async def test_a_customer_hears_of_a_pending_top_up_settled_as_charged(bot: Harness) -> None:
    await bot.say(STRANGER, "/mis_recargas")
    await bot.send_contact(STRANGER, "+52 1 55 1234 9996", STRANGER)
    before = len(bot.telegram.bot_messages(STRANGER))
    await bot.say(ADMIN, "/start")
    await bot.buy(RESELLER, phone="55 1234 9996")
    bot.pace.step(5)
    [page] = await bot.say(ADMIN, "/pendientes")
    [question] = await bot.tap(ADMIN, "✅", page.message_id)
    await bot.reply(ADMIN, question.message_id, "RRN-1")
    [purchase] = await bot.purchases()
    assert purchase.status is Status.APPROVED
    [notice] = bot.telegram.bot_messages(STRANGER)[before:]
    assert "55 1234 9996" in text_of(notice)


@pytest.mark.parametrize(
    "foreign",
    [
        "4512345678",  # Denmark, +45 1234 5678, sent without the "+"
        "4791234567",  # Norway, +47 9123 4567
        "6591234567",  # Singapore, +65 9123 4567
        "3545512345",  # Iceland, +354 551 2345
    ],
)
async def test_a_foreign_account_sent_without_its_plus_verifies_no_mexican_number(
    bot: Harness, foreign: str
) -> None:
    add_customers(bot)
    await bot.say(CUSTOMER, "/mis_recargas")
    [refused] = await share_contact(bot, CUSTOMER, foreign, CUSTOMER)
    assert text(refused) == plain("es", "customers.not_mexican")
    [still] = await bot.say(CUSTOMER, "/mis_recargas")
    assert "Compartir mi número" in text(still)  # nothing verified: asked again


async def test_a_mexican_account_sent_without_its_plus_verifies(bot: Harness) -> None:
    add_customers(bot)
    await bot.say(CUSTOMER, "/mis_recargas")
    [verified, _] = await share_contact(bot, CUSTOMER, "5215537686660", CUSTOMER)
    assert "55 3768 6660" in text(verified)
