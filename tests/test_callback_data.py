"""Button data: every family encodes within Telegram's 64 bytes and parses back to the
same value; old buttons still in people's chats parse to what they meant; anything else
is none of ours."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import callback_data
from bot.callback_data import (
    Button,
    CancelDraft,
    ChangePhone,
    ChooseProduct,
    Confirm,
    DepositDecision,
    MyTopupsPage,
    PendingList,
    QuickAmount,
    ReceiptsPage,
    RepeatSale,
    ResellersPage,
    Settle,
    ShareReceipt,
    StatementPage,
)
from bot.domain.catalog import CATALOG
from bot.domain.history import Direction

IDS = st.integers(min_value=1, max_value=10**12 - 1)
VERSIONS = st.integers(min_value=1, max_value=10**9 - 1)
CURSORS = st.integers(min_value=0, max_value=2**63 - 1)
WAYS = st.sampled_from(Direction)
USER_IDS = st.integers(min_value=1, max_value=10**15 - 1)  # Telegram ids
PHONES = st.none() | st.from_regex(r"[0-9]{10}", fullmatch=True)

BUTTONS: st.SearchStrategy[Button] = st.one_of(
    st.builds(ChooseProduct, IDS, VERSIONS, st.sampled_from([p.product_id for p in CATALOG])),
    st.builds(QuickAmount, IDS, VERSIONS, st.integers(min_value=1, max_value=999_999)),
    st.builds(ChangePhone, IDS, VERSIONS),
    st.builds(CancelDraft, IDS, VERSIONS),
    st.builds(Confirm, IDS, VERSIONS, st.booleans()),
    st.builds(ReceiptsPage, WAYS, CURSORS, PHONES),
    st.builds(MyTopupsPage, WAYS, CURSORS),
    st.builds(RepeatSale, IDS),
    st.builds(ShareReceipt, IDS),
    st.builds(Settle, IDS, st.booleans(), st.booleans()),
    st.builds(PendingList, WAYS, IDS),
    st.builds(StatementPage, WAYS, CURSORS, USER_IDS),
    st.builds(ResellersPage, st.integers(min_value=0, max_value=999_999)),
    st.builds(DepositDecision, IDS, st.booleans()),
)


@given(BUTTONS)
def test_every_button_fits_telegram_and_parses_back(button: Button) -> None:
    data = button.encode()
    assert 1 <= len(data.encode()) <= callback_data.MAX_BYTES
    assert callback_data.parse(data) == button


@pytest.mark.parametrize(
    ("old", "meant"),
    [
        ("c:12:3", Confirm(12, 3)),
        ("r:12:3", Confirm(12, 3, repeat=True)),
        ("x:12:3", CancelDraft(12, 3)),
        ("e:12:3", ChangePhone(12, 3)),
        ("p:12:3:0", ChooseProduct(12, 3, CATALOG[0].product_id)),
        ("p:12:3:999", ChooseProduct(12, 3, "")),  # past the catalog: no product
        ("a:12:3:100", QuickAmount(12, 3, 100)),
        ("hist:o:55:5537686660", ReceiptsPage(Direction.OLDER, 55, "5537686660")),
        ("hist:n:0:", ReceiptsPage(Direction.NEWER, 0, None)),
        ("mine:o:9", MyTopupsPage(Direction.OLDER, 9)),
        ("again:7", RepeatSale(7)),
        ("share:7", ShareReceipt(7)),
        ("s:a:7", Settle(7, charged=True)),
        ("s:f:7", Settle(7, charged=False)),
        ("s:F:7", Settle(7, charged=False, sure=True)),
        ("s:n:7", PendingList(Direction.NEWER, 7)),
        ("s:p:7", PendingList(Direction.OLDER, 7)),
    ],
)
def test_buttons_drawn_before_this_encoding_mean_what_they_meant(old: str, meant: Button) -> None:
    assert callback_data.parse(old) == meant


@pytest.mark.parametrize(
    "forged",
    [
        "",
        "zz",
        "c:12",
        "confirm:12:3:again",
        "confirm:-12:3",
        "confirm:١٢:3",  # Arabic-Indic digits are no ids
        "settle:maybe:7",
        "s:x:7",
        "receipts:sideways:1:",
        "receipts:older:1:555",
        "amount:1:1:1234567",
        "ñ" * 33,  # over 64 bytes
        None,
    ],
)
def test_data_that_is_none_of_ours_parses_to_nothing(forged: str | None) -> None:
    assert callback_data.parse(forged) is None
    assert callback_data.unknown(forged)


def test_a_pattern_takes_its_own_families_only() -> None:
    confirm = callback_data.family(Confirm)
    assert confirm("confirm:1:1") and confirm("c:1:1")
    assert not confirm("cancel:1:1") and not confirm("zz")
