"""The conversation's rules in the domain: what each answer does to a draft, and when a
button of a draft must change nothing."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.domain.catalog import AIRTIME, PACKAGES
from bot.domain.drafts import Draft, DraftStatus, Refusal, Step, refusal

DRAFT = Draft(
    id=1,
    user_id=7,
    chat_id=7,
    lang="es",
    step=Step.CONFIRM,
    phone="5537686660",
    product_id=AIRTIME.product_id,
    amount=100,
    version=4,
    status=DraftStatus.OPEN,
    summary_message_id=None,
)


def test_a_new_number_clears_what_was_chosen_for_the_old_one() -> None:
    changed = DRAFT.with_phone("3312345678")
    assert (changed.step, changed.phone, changed.product_id, changed.amount) == (
        Step.PRODUCT,
        "3312345678",
        None,
        None,
    )


def test_airtime_asks_for_the_amount_and_a_package_goes_to_the_summary() -> None:
    airtime = DRAFT.with_phone("5537686660").with_product(AIRTIME)
    assert (airtime.step, airtime.amount) == (Step.AMOUNT, None)
    package = airtime.with_product(PACKAGES[0])
    assert (package.step, package.amount) == (Step.CONFIRM, PACKAGES[0].price)
    assert airtime.with_amount(250).step is Step.CONFIRM


def test_changing_the_number_keeps_what_waits_for_it() -> None:
    back = DRAFT.back_to_phone()
    assert back.step is Step.PHONE and back.product_id == DRAFT.product_id


@pytest.mark.parametrize(
    ("draft", "user_id", "version", "confirming", "expected"),
    [
        (None, 7, 4, True, Refusal.NOT_FOUND),
        (DRAFT, 8, 4, True, Refusal.NOT_YOURS),
        (DRAFT.with_amount(100), 7, 4, True, None),
        (DRAFT, 7, 3, True, Refusal.CHANGED),
        (DRAFT, 7, 3, False, Refusal.EARLIER),
        (DRAFT.back_to_phone(), 7, 4, True, Refusal.CHANGED),
        (DRAFT.back_to_phone(), 7, 4, False, None),
    ],
)
def test_a_button_stands_only_for_its_owner_s_open_draft_as_shown(
    draft: Draft | None, user_id: int, version: int, confirming: bool, expected: Refusal | None
) -> None:
    assert refusal(draft, user_id, version, confirming=confirming) is expected


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (DraftStatus.SUBMITTED, Refusal.ALREADY_PLACED),
        (DraftStatus.CANCELLED, Refusal.CANCELLED),
        (DraftStatus.REPLACED, Refusal.CANCELLED),
    ],
)
def test_a_closed_draft_says_why(status: DraftStatus, expected: Refusal) -> None:
    assert refusal(replace(DRAFT, status=status), 7, 4, confirming=True) is expected
