"""The top-up conversation: /recarga, the phone, the product, the amount, the summary.

The state lives in the draft in storage, read on every update, so a restart leaves a
reseller exactly where they were. A typed answer is checked against the domain's rules
(a Mexican number, an amount the product takes) and either moves the draft on or is
refused with what to do; a button moves it on only if it is the user's open draft at
the version that button was shown for. ✅ is the purchases' (bot/usecases/purchases.py).
"""

from __future__ import annotations

from bot.callback_data import CancelDraft, ChangePhone, ChooseProduct, DraftButton, QuickAmount
from bot.domain import DomainError
from bot.domain.amounts import AmountError, parse_amount
from bot.domain.catalog import get_product
from bot.domain.drafts import (
    Answered,
    Cancelled,
    Draft,
    Invalid,
    NoRepeat,
    Nudge,
    Refusal,
    Refused,
    Step,
    refusal,
)
from bot.domain.history import Scope
from bot.domain.phones import PhoneError, parse_phone
from bot.domain.roles import Role
from bot.usecases.people import People
from storage.drafts import DraftRepository
from storage.history import HistoryRepository


class TopUp:
    def __init__(
        self, drafts: DraftRepository, history: HistoryRepository, people: People
    ) -> None:
        self._drafts = drafts
        self._history = history
        self._people = people

    async def start(
        self, user_id: int, chat_id: int, lang: str, typed_phone: str | None = None
    ) -> Answered:
        """A fresh draft asking for the number, replacing any the user left open;
        `/recarga 55 1234 5678` answers that question at once. A suspended reseller
        starts nothing (their receipts stay theirs to read)."""
        if self._people.is_suspended(user_id):
            return Nudge.SUSPENDED
        draft = await self._drafts.start(user_id, chat_id, lang)
        if typed_phone is None:
            return draft
        return await self._phone(draft, typed_phone)

    async def current(self, user_id: int) -> Draft | None:
        return await self._drafts.current(user_id)

    async def typed(self, user_id: int, text: str) -> Answered:
        """Text: the answer to whatever step the user's draft is at. A reseller suspended
        with a draft open goes no further with it (reactivated, they go on)."""
        draft = await self._drafts.current(user_id)
        if draft is None:
            return Nudge.NO_DRAFT
        if self._people.is_suspended(user_id):
            return Nudge.SUSPENDED
        if draft.step is Step.PHONE:
            return await self._phone(draft, text)
        if draft.step is Step.AMOUNT:
            return await self._amount(draft, text)
        return Nudge.USE_BUTTONS

    async def not_text(self, user_id: int, contact_number: str | None = None) -> Answered:
        """A contact card at the phone step is the number (the customer's card from the
        address book); a photo, a sticker, a voice note is told what the step needs."""
        draft = await self._drafts.current(user_id)
        if draft is None:
            return Nudge.NO_DRAFT
        if self._people.is_suspended(user_id):
            return Nudge.SUSPENDED
        if draft.step is Step.PHONE:
            if contact_number is not None:
                return await self._phone(draft, contact_number)
            return Invalid(draft, PhoneError("phone.empty"))
        if draft.step is Step.AMOUNT:
            return Invalid(draft, AmountError("amount.empty"))
        return Nudge.USE_BUTTONS

    async def press(self, user_id: int, button: DraftButton) -> Answered:
        """A button of the conversation (✅ aside), if it is of the draft as it stands."""
        draft = await self._drafts.current(user_id)
        if draft is None or (draft.id, draft.version) != (button.draft_id, button.version):
            return await self._closed(user_id, button)
        if self._people.is_suspended(user_id) and not isinstance(button, CancelDraft):
            return Refused(Refusal.SUSPENDED, draft.lang)
        match button:
            case CancelDraft():
                await self._drafts.cancel(user_id)
                return Cancelled(draft)
            case ChangePhone():
                return await self._save(draft.back_to_phone(), draft)
            case ChooseProduct() if draft.step is Step.PRODUCT:
                product = get_product(button.product_id)
                if product is None:
                    return Refused(Refusal.NOT_FOUND, draft.lang)
                return await self._save(draft.with_product(product), draft)
            case QuickAmount() if draft.step is Step.AMOUNT and draft.product is not None:
                try:
                    amount = parse_amount(str(button.amount), draft.product)
                except DomainError:
                    return Refused(Refusal.NOT_FOUND, draft.lang)
                return await self._save(draft.with_amount(amount), draft)
        return Refused(Refusal.CHANGED, draft.lang)

    async def summary_shown(self, draft: Draft, message_id: int) -> None:
        """The summary is on screen in `message_id`: its purchase will show there."""
        await self._drafts.set_summary_message(draft.id, message_id)

    async def cancel(self, user_id: int) -> Draft | None:
        """/cancelar: the user's open draft, cancelled; None when there was none."""
        return await self._drafts.cancel(user_id)

    async def repeat_sale(
        self, user_id: int, role: Role, chat_id: int, lang: str, folio: int
    ) -> Draft | NoRepeat:
        """🔁 Repetir: a new draft at its summary with the receipt's number, product and
        amount. It is a new purchase like any other: its ✅ goes through the usual
        reservation, the repeat guard included."""
        purchase = await self._history.find(folio, Scope.of_reader(user_id, role))
        if purchase is None:
            return NoRepeat.GONE
        if self._people.is_suspended(user_id):
            return NoRepeat.SUSPENDED
        if purchase.unsettled:
            return NoRepeat.NOT_NOW
        product = get_product(purchase.product_id)
        try:
            if product is None:
                return NoRepeat.UNAVAILABLE
            amount = parse_amount(str(purchase.amount), product)  # the catalog may have changed
        except DomainError:
            return NoRepeat.UNAVAILABLE
        return await self._drafts.start_at_confirm(
            user_id,
            chat_id,
            lang,
            phone=purchase.phone,
            product_id=product.product_id,
            amount=amount,
        )

    async def _phone(self, draft: Draft, text: str) -> Answered:
        try:
            phone = parse_phone(text)
        except DomainError as error:
            return Invalid(draft, error, text)
        return await self._save(draft.with_phone(phone), draft)

    async def _amount(self, draft: Draft, text: str) -> Answered:
        product = draft.product
        if product is None:  # no amount step without a product; a draft from a newer bot
            return Nudge.USE_BUTTONS
        try:
            amount = parse_amount(text, product)
        except DomainError as error:
            return Invalid(draft, error, text)
        return await self._save(draft.with_amount(amount), draft)

    async def _save(self, changed: Draft, before: Draft) -> Answered:
        saved = await self._drafts.save(changed)
        return saved if saved is not None else Refused(Refusal.CHANGED, before.lang)

    async def _closed(self, user_id: int, button: DraftButton) -> Refused:
        """A button of a draft that is not open as the message showed it: say why."""
        draft = await self._drafts.get(button.draft_id)
        reason = refusal(draft, user_id, button.version) or Refusal.EARLIER
        own = draft is not None and draft.user_id == user_id
        return Refused(reason, draft.lang if own and draft else None)
