"""Button data, in one place: every button family as a typed value with `encode` and
`parse`, used by the views that draw buttons and the handlers that answer them.

Telegram carries 1-64 bytes of data per button, and anyone can send any data, so a
value names only what the button is about (a draft and the version shown, a folio, a
page's cursor), never what a purchase trusts: that is read from storage again. Data is
words and digits joined by ":" ("confirm:12:3:repeat"). Buttons drawn before this
encoding (still in people's chats) are read too, as the same values (`_LEGACY`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.catalog import CATALOG
from bot.domain.history import Direction

MAX_BYTES = 64
_ID = r"[0-9]{1,12}"  # [0-9], not \d: Python's \d takes any script's digits
_VERSION = r"[0-9]{1,9}"


@dataclass(frozen=True, slots=True)
class ChooseProduct:
    """📱 or a package, at the product step."""

    draft_id: int
    version: int
    product_id: str

    def encode(self) -> str:
        return f"product:{self.draft_id}:{self.version}:{self.product_id}"


@dataclass(frozen=True, slots=True)
class QuickAmount:
    """$20 … $500, at the amount step."""

    draft_id: int
    version: int
    amount: int

    def encode(self) -> str:
        return f"amount:{self.draft_id}:{self.version}:{self.amount}"


@dataclass(frozen=True, slots=True)
class ChangePhone:
    draft_id: int
    version: int

    def encode(self) -> str:
        return f"phone:{self.draft_id}:{self.version}"


@dataclass(frozen=True, slots=True)
class CancelDraft:
    draft_id: int
    version: int

    def encode(self) -> str:
        return f"cancel:{self.draft_id}:{self.version}"


@dataclass(frozen=True, slots=True)
class Confirm:
    """✅ of a summary; `repeat`: the second, explicit confirmation of a repeat."""

    draft_id: int
    version: int
    repeat: bool = False

    def encode(self) -> str:
        return f"confirm:{self.draft_id}:{self.version}" + (":repeat" if self.repeat else "")


@dataclass(frozen=True, slots=True)
class ReceiptsPage:
    """◀ ▶ under /recibos: which way from which folio, and the number filter."""

    direction: Direction
    cursor: int
    phone: str | None = None

    def encode(self) -> str:
        return f"receipts:{self.direction.value}:{self.cursor}:{self.phone or ''}"


@dataclass(frozen=True, slots=True)
class MyTopupsPage:
    """◀ ▶ under /mis_recargas: the presser's own verified number, never the button's."""

    direction: Direction
    cursor: int

    def encode(self) -> str:
        return f"mine:{self.direction.value}:{self.cursor}"


@dataclass(frozen=True, slots=True)
class RepeatSale:
    """🔁 Repetir under a receipt."""

    folio: int

    def encode(self) -> str:
        return f"again:{self.folio}"


@dataclass(frozen=True, slots=True)
class ShareReceipt:
    """📤 Compartir under a receipt."""

    folio: int

    def encode(self) -> str:
        return f"share:{self.folio}"


@dataclass(frozen=True, slots=True)
class Settle:
    """An admin's answer about a pending purchase: `charged` (✅ se cobró, which asks for
    the provider's reference), or not charged, asked to be sure first (`sure` False) and
    then settled (`sure` True)."""

    purchase_id: int
    charged: bool
    sure: bool = False

    def encode(self) -> str:
        outcome = "charged" if self.charged else "not_charged"
        return f"settle:{outcome}:{self.purchase_id}" + (":sure" if self.sure else "")


@dataclass(frozen=True, slots=True)
class PendingList:
    """◀ ▶ under /pendientes: the page after (NEWER) or before (OLDER) a purchase id."""

    direction: Direction
    purchase_id: int

    def encode(self) -> str:
        return f"pending:{self.direction.value}:{self.purchase_id}"


@dataclass(frozen=True, slots=True)
class StatementPage:
    """◀ ▶ under /movimientos: which way from which ledger id, in whose statement (a
    reseller's press on anyone else's is refused: bot/usecases/statement.py)."""

    direction: Direction
    cursor: int
    reseller_id: int

    def encode(self) -> str:
        return f"statement:{self.direction.value}:{self.cursor}:{self.reseller_id}"


@dataclass(frozen=True, slots=True)
class ResellersPage:
    """◀ ▶ under /vendedores: which page (from 0)."""

    page: int

    def encode(self) -> str:
        return f"resellers:{self.page}"


@dataclass(frozen=True, slots=True)
class DepositDecision:
    """✅ Aprobar / ❌ Rechazar on an admin's card of a reported deposit."""

    deposit_id: int
    approve: bool

    def encode(self) -> str:
        return f"deposit:{'approve' if self.approve else 'reject'}:{self.deposit_id}"


@dataclass(frozen=True, slots=True)
class ReportPage:
    """◀ ▶ under /reporte: the period's days (as dates, so "hoy" stays the day it was) and
    which page (from 0)."""

    first: date
    last: date
    page: int

    def encode(self) -> str:
        return f"report:{self.first:%Y%m%d}:{self.last:%Y%m%d}:{self.page}"


def _date(digits: str) -> date | None:
    try:
        return datetime.strptime(digits, "%Y%m%d").date()  # noqa: DTZ007 - a calendar day
    except ValueError:
        return None


def _report_page(m: re.Match[str]) -> ReportPage | None:
    first, last = _date(m["f"]), _date(m["l"])
    if first is None or last is None:
        return None
    return ReportPage(first, last, int(m["n"]))


DraftButton = ChooseProduct | QuickAmount | ChangePhone | CancelDraft
Button = (
    DraftButton
    | Confirm
    | ReceiptsPage
    | MyTopupsPage
    | RepeatSale
    | ShareReceipt
    | Settle
    | PendingList
    | StatementPage
    | ResellersPage
    | DepositDecision
    | ReportPage
)
ReceiptAction = RepeatSale | ShareReceipt
SettleButton = Settle | PendingList

_WAY = r"(?P<way>older|newer)"
_Match = re.Match[str]
_FORMS: tuple[tuple[re.Pattern[str], Callable[[_Match], Button | None]], ...] = tuple(
    (re.compile(pattern), build)
    for pattern, build in (
        (
            rf"product:(?P<d>{_ID}):(?P<v>{_VERSION}):(?P<p>[A-Z0-9_]{{1,40}})",
            lambda m: ChooseProduct(int(m["d"]), int(m["v"]), m["p"]),
        ),
        (
            rf"amount:(?P<d>{_ID}):(?P<v>{_VERSION}):(?P<a>[0-9]{{1,6}})",
            lambda m: QuickAmount(int(m["d"]), int(m["v"]), int(m["a"])),
        ),
        (
            rf"phone:(?P<d>{_ID}):(?P<v>{_VERSION})",
            lambda m: ChangePhone(int(m["d"]), int(m["v"])),
        ),
        (
            rf"cancel:(?P<d>{_ID}):(?P<v>{_VERSION})",
            lambda m: CancelDraft(int(m["d"]), int(m["v"])),
        ),
        (
            rf"confirm:(?P<d>{_ID}):(?P<v>{_VERSION})(?P<r>:repeat)?",
            lambda m: Confirm(int(m["d"]), int(m["v"]), repeat=m["r"] is not None),
        ),
        (
            rf"receipts:{_WAY}:(?P<c>[0-9]{{1,19}}):(?P<phone>[0-9]{{10}})?",
            lambda m: ReceiptsPage(Direction(m["way"]), int(m["c"]), m["phone"]),
        ),
        (
            rf"mine:{_WAY}:(?P<c>[0-9]{{1,19}})",
            lambda m: MyTopupsPage(Direction(m["way"]), int(m["c"])),
        ),
        (rf"again:(?P<f>{_ID})", lambda m: RepeatSale(int(m["f"]))),
        (rf"share:(?P<f>{_ID})", lambda m: ShareReceipt(int(m["f"]))),
        (
            rf"settle:(?P<o>charged|not_charged):(?P<p>{_ID})(?P<s>:sure)?",
            lambda m: Settle(int(m["p"]), m["o"] == "charged", sure=m["s"] is not None),
        ),
        (rf"pending:{_WAY}:(?P<p>{_ID})", lambda m: PendingList(Direction(m["way"]), int(m["p"]))),
        (
            rf"statement:{_WAY}:(?P<c>[0-9]{{1,19}}):(?P<r>[0-9]{{1,15}})",
            lambda m: StatementPage(Direction(m["way"]), int(m["c"]), int(m["r"])),
        ),
        (r"resellers:(?P<n>[0-9]{1,6})", lambda m: ResellersPage(int(m["n"]))),
        (
            rf"deposit:(?P<a>approve|reject):(?P<d>{_ID})",
            lambda m: DepositDecision(int(m["d"]), m["a"] == "approve"),
        ),
        (r"report:(?P<f>[0-9]{8}):(?P<l>[0-9]{8}):(?P<n>[0-9]{1,4})", _report_page),
    )
)


def _legacy_draft_button(m: _Match) -> Button | None:
    draft_id, version, action, arg = int(m["d"]), int(m["v"]), m["action"], m["arg"]
    if action in ("c", "r"):
        return Confirm(draft_id, version, repeat=action == "r")
    if action == "e":
        return ChangePhone(draft_id, version)
    if action == "x":
        return CancelDraft(draft_id, version)
    if arg is None:
        return None
    if action == "a":
        return QuickAmount(draft_id, version, int(arg))
    # "p": the product's place in the catalog, as it was then; past its end, no product
    # (the draft's own checks come first, as for any product button).
    index = int(arg)
    product_id = CATALOG[index].product_id if index < len(CATALOG) else ""
    return ChooseProduct(draft_id, version, product_id)


_OLD_WAYS = {"o": Direction.OLDER, "n": Direction.NEWER}
# The encoding before December 2026: letters for actions and directions.
_LEGACY: tuple[tuple[re.Pattern[str], Callable[[_Match], Button | None]], ...] = tuple(
    (re.compile(pattern), build)
    for pattern, build in (
        (
            rf"(?P<action>[pacexr]):(?P<d>{_ID}):(?P<v>{_VERSION})(?::(?P<arg>[0-9]{{1,6}}))?",
            _legacy_draft_button,
        ),
        (
            r"hist:(?P<way>[on]):(?P<c>[0-9]{1,19}):(?P<phone>[0-9]{10})?",
            lambda m: ReceiptsPage(_OLD_WAYS[m["way"]], int(m["c"]), m["phone"]),
        ),
        (
            r"mine:(?P<way>[on]):(?P<c>[0-9]{1,19})",
            lambda m: MyTopupsPage(_OLD_WAYS[m["way"]], int(m["c"])),
        ),
        (
            rf"s:(?P<action>[afF]):(?P<p>{_ID})",
            lambda m: Settle(int(m["p"]), m["action"] == "a", sure=m["action"] == "F"),
        ),
        (
            rf"s:(?P<action>[np]):(?P<p>{_ID})",
            lambda m: PendingList(
                Direction.NEWER if m["action"] == "n" else Direction.OLDER, int(m["p"])
            ),
        ),
    )
)


def parse(data: object) -> Button | None:
    """The button `data` stands for, or None when it stands for none of ours."""
    if not isinstance(data, str) or len(data.encode()) > MAX_BYTES:
        return None
    for pattern, build in (*_FORMS, *_LEGACY):
        if (found := pattern.fullmatch(data)) is not None:
            return build(found)
    return None


def family(*kinds: type) -> Callable[[object], bool]:
    """A CallbackQueryHandler pattern: data that parses as one of `kinds`."""
    return lambda data: isinstance(parse(data), kinds)


def unknown(data: object) -> bool:
    """The pattern of the last button handler: data that is none of ours."""
    return parse(data) is None
