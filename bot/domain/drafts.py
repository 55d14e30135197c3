"""The top-up conversation's rules: phone → product → amount → confirm, kept in a draft.

A draft is the purchase a reseller is putting together. Every change gives it a new
version, so a button shown for an older version no longer matches; storage bumps the
version, these functions say what the fields become. A button names a draft and a
version only: what a purchase trusts (phone, product, amount) is read from the draft.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from bot.domain import DomainError
from bot.domain.catalog import Product, get_product


class Step(StrEnum):
    """Where a draft stands in phone → product → amount → confirm."""

    PHONE = "phone"
    PRODUCT = "product"
    AMOUNT = "amount"
    CONFIRM = "confirm"


class DraftStatus(StrEnum):
    """A draft is open until it is placed (submitted), cancelled, or replaced by a newer
    /recarga of the same user: one open draft per user."""

    OPEN = "open"
    SUBMITTED = "submitted"
    CANCELLED = "cancelled"
    REPLACED = "replaced"


class Refusal(StrEnum):
    """Why a button of the conversation changed nothing (✅ included)."""

    NOT_FOUND = "not_found"
    NOT_YOURS = "not_yours"
    ALREADY_PLACED = "already_placed"
    CANCELLED = "cancelled"
    CHANGED = "changed"  # ✅ of a summary the reseller has changed since
    EARLIER = "earlier"  # another button of a screen the draft has moved on from
    RESTARTING = "restarting"  # ✅ while the bot is stopping: nothing new is placed
    SUSPENDED = "suspended"  # ✅ of a reseller an admin suspended: nothing is placed


@dataclass(frozen=True, slots=True)
class Draft:
    id: int
    user_id: int
    chat_id: int
    lang: str
    step: Step
    phone: str | None
    product_id: str | None
    amount: int | None
    version: int
    status: DraftStatus
    summary_message_id: int | None

    @property
    def product(self) -> Product | None:
        return get_product(self.product_id) if self.product_id else None

    def with_phone(self, phone: str) -> Draft:
        """A new number: product and amount are chosen again for it."""
        return replace(self, step=Step.PRODUCT, phone=phone, product_id=None, amount=None)

    def with_product(self, product: Product) -> Draft:
        """Airtime asks for the amount; a package has its price and goes to the summary."""
        if product.price is None:
            return replace(self, step=Step.AMOUNT, product_id=product.product_id, amount=None)
        return replace(
            self, step=Step.CONFIRM, product_id=product.product_id, amount=product.price
        )

    def with_amount(self, amount: int) -> Draft:
        return replace(self, step=Step.CONFIRM, amount=amount)

    def back_to_phone(self) -> Draft:
        """✏️ Cambiar número: the number is asked again; what was chosen waits for it."""
        return replace(self, step=Step.PHONE)


def refusal(
    draft: Draft | None, user_id: int, version: int, *, confirming: bool = False
) -> Refusal | None:
    """Why a button naming `draft` at `version`, pressed by `user_id`, must change nothing;
    None when it may. ✅ (`confirming`) also needs the draft at its summary."""
    if draft is None:
        return Refusal.NOT_FOUND
    if draft.user_id != user_id:
        return Refusal.NOT_YOURS
    if draft.status is DraftStatus.SUBMITTED:
        return Refusal.ALREADY_PLACED
    if draft.status is not DraftStatus.OPEN:
        return Refusal.CANCELLED
    if confirming and (draft.version != version or draft.step is not Step.CONFIRM):
        return Refusal.CHANGED
    if draft.version != version:
        return Refusal.EARLIER
    return None


@dataclass(frozen=True, slots=True)
class Invalid:
    """The answer to the draft's step was not one it takes: `error` says why, and the
    step is asked again. `typed` is what the reseller wrote, to quote back."""

    draft: Draft
    error: DomainError
    typed: str = ""


class Nudge(StrEnum):
    """Input that answers no step: what the reseller is told to do instead."""

    NO_DRAFT = "no_draft"  # nothing under way: /recarga
    USE_BUTTONS = "use_buttons"  # the step is a choice of buttons
    SUSPENDED = "suspended"  # /recarga of a reseller an admin suspended: nothing starts


@dataclass(frozen=True, slots=True)
class Refused:
    """A button changed nothing; `lang` is the draft's when it is the presser's own."""

    reason: Refusal
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Cancelled:
    draft: Draft


# What typing, sharing a contact or pressing a button did to the conversation: the draft
# at its new step (shown as that step's screen), or why not.
Answered = Draft | Invalid | Nudge | Cancelled | Refused


class NoRepeat(StrEnum):
    """Why 🔁 Repetir under a receipt opened no new summary."""

    GONE = "gone"  # no such receipt among the presser's
    NOT_NOW = "not_now"  # its outcome is unknown yet: not to be sold again now
    UNAVAILABLE = "unavailable"  # the catalog no longer sells it so
    SUSPENDED = "suspended"  # an admin suspended the presser: they sell nothing now
