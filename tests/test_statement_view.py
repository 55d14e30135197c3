"""A statement page fits one Telegram message whatever its lines hold, and a sale in
flight reads as held, not yet as charged or released."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.purchases import Status
from bot.domain.statements import (
    STATEMENT_PAGE_SIZE,
    LedgerPage,
    SaleFacts,
    Statement,
    StatementLine,
)
from bot.domain.wallets import (
    NOTE_MAX,
    SHOP_NAME_MAX,
    AccountKind,
    JoinedHow,
    Movement,
    MovementKind,
    Reseller,
    ResellerStatus,
)
from bot.views.history import plain_text
from bot.views.statement import statement

WHEN = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)
ZONE = ZoneInfo("America/Mexico_City")
RESELLER = Reseller(
    user_id=999_999_999_999_999,
    shop_name="<Tienda>" * (SHOP_NAME_MAX // 8),
    status=ResellerStatus.ACTIVE,
    account=AccountKind.PREPAID,
    credit_limit=0,
    airtime_bp=None,
    package_bp=None,
    max_per_sale=None,
    max_per_day=None,
    joined_at=WHEN,
    joined_how=JoinedHow.ADMIN,
)


def _movement(n: int, kind: MovementKind, amount: int, held: int, note: str | None) -> Movement:
    return Movement(
        id=n,
        reseller_id=RESELLER.user_id,
        kind=kind,
        amount=amount,
        held=held,
        balance_after=-99_999_999_999,
        held_after=99_999_999_999,
        purchase_id=None if note else n,
        deposit_id=None,
        note=note,
        actor_id=None,
        created_at=WHEN,
    )


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_longest_page_fits_one_message(lang: str) -> None:
    note = "&<>" * (NOTE_MAX // 3)
    lines = [
        StatementLine(_movement(n, MovementKind.ADJUSTMENT, -99_999_999_999, 0, note), None)
        for n in range(STATEMENT_PAGE_SIZE, 0, -1)
    ]
    page = LedgerPage(lines, newer=True, older=True)
    for own in (True, False):
        text, markup = statement(Statement(RESELLER, page), lang, ZONE, own=own)
        assert len(plain_text(text)) <= 4096
        assert markup is not None
        for button in markup.inline_keyboard[0]:
            assert len(str(button.callback_data).encode()) <= 64


def test_a_sale_in_flight_reads_as_held() -> None:
    sale = SaleFacts(12, "5537686660", "MOVISTAR_TAE", 100, Status.SENDING)
    line = StatementLine(_movement(3, MovementKind.HOLD, 0, 9_700, None), sale)
    text, _ = statement(
        Statement(RESELLER, LedgerPage([line], False, False)), "es", ZONE, own=True
    )
    assert "⏳ Apartado, en curso · /recibo_000012" in plain_text(text)
    assert "$97.00 apartados" in plain_text(text)
