"""Each fault class of the contract, end to end over real sockets, ends in the right state.

The bot talks to the stand-in Telegram through its own Bot API transport (aiohttp) and to
the sandbox provider over HTTP on 127.0.0.1, so the timeouts and dropped connections are
real ones.
Every test checks the stored purchase, what the reseller and the admins were shown, and
what reached the provider (`CountingTransport` sees each attempt on the wire).
"""

from __future__ import annotations

import pytest

from bot.domain.purchases import Purchase, Status
from bot.i18n import plain
from bot.latcom.sandbox import Fault
from tests.faults.chat import RECEIPTS
from tests.faults.live import ADMIN, LiveBot, MakeLive
from tests.faults.wires import CountingTransport, closed_port

SELLER = 100
DECLINE_CODES = {"9905": "05", "9912": "12", "9913": "13", "9914": "14", "9983": "83"}
DECLINE_CODES |= {"9991": "91", "9951": "51"}


async def buy(live: LiveBot, phone: str) -> tuple[Status, str, Purchase]:
    """A package bought by SELLER; the receipt shown, and the purchase as stored."""
    summary = await live.chats.to_confirm(SELLER, phone)
    status, text = await live.chats.confirm(SELLER, summary, phone)
    await live.wait_until_quiet()
    purchase = (await live.purchases())[-1]
    assert purchase.phone == phone.replace(" ", "")
    assert purchase.status is status, "the receipt shown is the state stored"
    return status, text, purchase


def assert_pending_everywhere(live: LiveBot, text: str, purchase: Purchase) -> None:
    """Pending: charged at the provider, shown as pending, raised to the admins."""
    assert text.startswith(RECEIPTS[Status.PENDING])
    assert f"Folio: {purchase.folio}" in text
    assert purchase.distributor_transaction_id in live.sandbox.charges
    assert live.sandbox.received == [purchase.distributor_transaction_id]
    [alert] = live.chats.alerts_for(purchase.distributor_transaction_id)
    assert f"Folio: {purchase.folio}" in alert
    assert live.telegram.last_bot_message(ADMIN).text == alert


async def test_no_connection_is_retried_once_then_declined(make_live: MakeLive) -> None:
    wire = CountingTransport()
    url = f"http://127.0.0.1:{closed_port()}/api/distributor"
    live = await make_live(latcom_url=url, transport=lambda: wire)

    status, text, purchase = await buy(live, "55 0000 6660")

    assert status is Status.DECLINED
    assert plain("es", "decline.unreachable") in text
    assert (purchase.response_code, purchase.response_message) == (
        "unreachable",
        "could not reach the provider",
    )
    assert wire.attempts == [("login", "ConnectError")] * 2  # once, then once more
    assert live.chats.alerts_for(purchase.distributor_transaction_id) == []


async def test_a_provider_gone_after_login_is_retried_once_then_declined(
    make_live: MakeLive,
) -> None:
    wire = CountingTransport()
    live = await make_live(transport=lambda: wire)
    first, _, _ = await buy(live, "55 0000 6660")
    await live.stop_provider()

    status, text, purchase = await buy(live, "55 0001 6660")

    assert first is Status.APPROVED
    assert status is Status.DECLINED
    assert plain("es", "decline.unreachable") in text
    assert wire.sent("product_purchase") == ["answered", "ConnectError", "ConnectError"]
    assert purchase.distributor_transaction_id not in live.sandbox.received


@pytest.mark.parametrize(
    ("phone", "fault", "on_the_wire"),
    [
        ("55 0000 9971", None, "ReadTimeout"),  # timeout after sending
        ("55 0000 9972", None, "RemoteProtocolError"),  # connection dropped after sending
        ("55 0000 9973", None, "answered"),  # HTTP 500
        ("55 0000 9974", None, "answered"),  # HTTP 502 with an HTML page (not JSON)
        ("55 0000 9996", None, "answered"),  # code 96
        ("55 0000 6660", Fault.GARBLED_200, "answered"),  # HTTP 200, body not JSON
    ],
    ids=["timeout", "dropped", "http-500", "http-502-html", "code-96", "http-200-not-json"],
)
async def test_unknown_outcomes_are_pending_verification(
    make_live: MakeLive, phone: str, fault: Fault | None, on_the_wire: str
) -> None:
    wire = CountingTransport()
    live = await make_live(transport=lambda: wire)
    live.sandbox.fault = fault

    status, text, purchase = await buy(live, phone)

    assert status is Status.PENDING
    assert_pending_everywhere(live, text, purchase)
    assert wire.sent("product_purchase") == [on_the_wire], "sent once, never again"
    assert purchase.pending_reason


async def test_a_401_from_the_9975_number_means_one_login_and_one_resend(
    make_live: MakeLive,
) -> None:
    wire = CountingTransport()
    live = await make_live(transport=lambda: wire)

    status, text, purchase = await buy(live, "55 0000 9975")

    assert status is Status.APPROVED
    charge = live.sandbox.charges[purchase.distributor_transaction_id]
    assert charge.transaction_id in text
    assert wire.sent("login") == ["answered", "answered"]
    assert wire.sent("product_purchase") == ["answered", "answered"]  # the 401, then the same
    assert live.sandbox.received == [purchase.distributor_transaction_id]


async def test_tokens_expiring_mid_flow_mean_one_login_and_one_resend(
    make_live: MakeLive,
) -> None:
    wire = CountingTransport()
    live = await make_live(transport=lambda: wire)
    await buy(live, "55 0000 6660")
    live.sandbox.expire_tokens()

    status, _, purchase = await buy(live, "55 0001 6660")

    assert status is Status.APPROVED
    assert live.sandbox.logins == 2
    assert wire.sent("product_purchase") == ["answered"] * 3
    assert purchase.distributor_transaction_id in live.sandbox.charges
    assert len(live.sandbox.received) == 2


async def test_every_decline_code_is_declined_with_its_reason(make_live: MakeLive) -> None:
    live = await make_live()
    balance = live.sandbox.balance

    for index, (ending, code) in enumerate(DECLINE_CODES.items()):
        status, text, purchase = await buy(live, f"55 00{index:02d} {ending}")

        assert status is Status.DECLINED
        assert (purchase.response_code, purchase.transaction_id) == (code, None)
        assert plain("es", f"decline.{code}") in text
        assert live.sandbox.received[-1] == purchase.distributor_transaction_id
        assert live.chats.alerts_for(purchase.distributor_transaction_id) == []
    assert live.sandbox.charges == {}
    assert live.sandbox.balance == balance
