"""Reseller accounts and their wallets, in integer centavos.

Every reseller has a ledger of movements (`MovementKind`), appended and never changed: the
balance is the sum of their amounts, and what pending sales hold is the sum of their
`held`. A sale holds its cost at ✅, in the same transaction as its reservation; the
outcome resolves the hold exactly once (`resolution`): approved → the sale's debit,
declined → released, pending verification → held until an admin settles it.

A prepaid account sells only while `available` (balance + credit limit − holds) covers
the sale's cost; an unrestricted one sells as every reseller did before wallets, each
sale still booked. The reseller pays the face amount less their commission
(`commission_on`, rounded to the centavo, halves up); the customer pays and sees the face
amount only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from bot.domain.catalog import ProductKind
from bot.domain.purchases import Status

CENTAVOS_PER_PESO = 100
BASIS_POINTS_PER_PERCENT = 100
ALL_BASIS_POINTS = 100 * BASIS_POINTS_PER_PERCENT
# The most one movement, a deposit or a credit limit may be: a typo's extra zeros stop here.
MAX_CENTAVOS = 1_000_000 * CENTAVOS_PER_PESO
SHOP_NAME_MAX = 64
NOTE_MAX = 200


class ResellerStatus(StrEnum):
    ACTIVE = "active"
    SUSPENDED = "suspended"  # sells nothing; still reads their receipts and statement


class AccountKind(StrEnum):
    PREPAID = "prepaid"  # may not go below minus the credit limit
    UNRESTRICTED = "unrestricted"  # sells without limit, every sale still booked


class JoinedHow(StrEnum):
    IMPORT = "import"  # RESELLER_IDS at a start
    ADMIN = "admin"  # /alta <id> <shop name>
    INVITATION = "invitation"  # an admin's one-time link


class MovementKind(StrEnum):
    HOLD = "hold"  # a sale's cost held at ✅ (the balance unchanged, available down)
    SALE = "sale"  # the hold becomes the sale's debit
    RELEASE = "release"  # the hold is given back: the sale was not charged
    DEPOSIT = "deposit"  # money the reseller paid the distributor, approved
    ADJUSTMENT = "adjustment"  # an admin's correction, with its reason


@dataclass(frozen=True, slots=True)
class Commission:
    """A commission per product kind, in basis points (1 % = 100)."""

    airtime_bp: int = 0
    package_bp: int = 0

    def __post_init__(self) -> None:
        for value in (self.airtime_bp, self.package_bp):
            if not 0 <= value <= ALL_BASIS_POINTS:
                raise ValueError(f"a commission is 0 to 100 %, not {value} basis points")

    def rate(self, kind: ProductKind) -> int:
        return self.package_bp if kind == "package" else self.airtime_bp

    def as_pair(self) -> tuple[int, int]:
        return self.airtime_bp, self.package_bp


def commission_on(face_centavos: int, basis_points: int) -> int:
    """The commission on a face amount, to the centavo, halves rounded up (in the
    reseller's favour): 3.33 % of $50.00 is 166.5 centavos, so $1.67."""
    if face_centavos < 0 or not 0 <= basis_points <= ALL_BASIS_POINTS:
        raise ValueError("a face amount is not negative and a commission is 0 to 100 %")
    return (face_centavos * basis_points + ALL_BASIS_POINTS // 2) // ALL_BASIS_POINTS


@dataclass(frozen=True, slots=True)
class Price:
    """What a sale costs its reseller: the face amount less their commission."""

    face: int  # centavos, what the customer pays
    commission: int  # centavos, what the reseller earns

    @property
    def cost(self) -> int:
        return self.face - self.commission


def price(face_pesos: int, kind: ProductKind, commission: Commission) -> Price:
    face = face_pesos * CENTAVOS_PER_PESO
    return Price(face, commission_on(face, commission.rate(kind)))


@dataclass(frozen=True, slots=True)
class Reseller:
    user_id: int
    shop_name: str
    status: ResellerStatus
    account: AccountKind
    credit_limit: int  # centavos
    airtime_bp: int | None  # an override of the default, or None
    package_bp: int | None
    max_per_sale: int | None  # centavos of face amount
    max_per_day: int | None
    joined_at: datetime
    joined_how: JoinedHow

    @property
    def active(self) -> bool:
        return self.status is ResellerStatus.ACTIVE

    @property
    def prepaid(self) -> bool:
        return self.account is AccountKind.PREPAID

    def commission(self, default: Commission) -> Commission:
        """Their own rate per kind where an admin set one, else the default."""
        return Commission(
            default.airtime_bp if self.airtime_bp is None else self.airtime_bp,
            default.package_bp if self.package_bp is None else self.package_bp,
        )

    @property
    def label(self) -> str:
        """How admins read them: shop name and Telegram id."""
        return f"{self.shop_name} ({self.user_id})"


@dataclass(frozen=True, slots=True)
class Wallet:
    """A reseller's money as it stands: all in centavos."""

    balance: int  # the ledger's sum
    held: int  # held by sales not yet resolved (in flight, pending verification)
    credit_limit: int
    account: AccountKind

    @property
    def available(self) -> int:
        """What a prepaid reseller may still sell for: balance + credit limit − holds."""
        return self.balance + self.credit_limit - self.held

    def covers(self, cost: int) -> bool:
        return self.account is AccountKind.UNRESTRICTED or cost <= self.available


@dataclass(frozen=True, slots=True)
class Movement:
    id: int
    reseller_id: int
    kind: MovementKind
    amount: int  # what it adds to the balance, centavos (negative takes)
    held: int  # what it adds to the holds
    balance_after: int
    held_after: int
    purchase_id: int | None
    deposit_id: int | None
    note: str | None
    actor_id: int | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Short:
    """✅ placed nothing: the prepaid wallet's available balance does not cover the sale."""

    available: int
    cost: int


class OverLimit(StrEnum):
    """✅ placed nothing: an optional limit an admin set for the reseller."""

    PER_SALE = "per_sale"
    PER_DAY = "per_day"


@dataclass(frozen=True, slots=True)
class Limited:
    limit: OverLimit
    maximum: int  # centavos of face amount
    sold_today: int = 0


def resolution(status: Status) -> MovementKind | None:
    """How a sale's outcome resolves its hold: approved (or settled as charged) → the
    debit; declined (or settled as not charged) → released; in flight or pending
    verification → held until it is known."""
    if status is Status.APPROVED:
        return MovementKind.SALE
    if status is Status.DECLINED:
        return MovementKind.RELEASE
    return None


_PESOS = re.compile(r"^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$")


def parse_pesos(text: str, *, signed: bool = False) -> int | None:
    """Pesos as people type them ("1250", "$1,250.50", "99.5"; with `signed`, a leading
    + or −) as centavos; None for anything else, zero, or more than `MAX_CENTAVOS`."""
    cleaned = text.strip().replace("−", "-")
    sign = 1
    if signed and cleaned[:1] in "+-" and cleaned:
        sign = -1 if cleaned[0] == "-" else 1
        cleaned = cleaned[1:].strip()
    if not _PESOS.match(cleaned):
        return None
    try:
        value = Decimal(cleaned.lstrip("$").strip().replace(",", ""))
    except InvalidOperation:
        return None
    centavos = int((value * CENTAVOS_PER_PESO).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if centavos == 0 or centavos > MAX_CENTAVOS:
        return None
    return sign * centavos


_PERCENT = re.compile(r"^(\d{1,3})([.,](\d{1,2}))?\s*%?$")


def parse_percent(text: str) -> int | None:
    """A percentage as typed ("3", "3.5", "3,5 %") in basis points; None unless 0 to 100."""
    found = _PERCENT.match(text.strip())
    if not found:
        return None
    whole, decimals = int(found.group(1)), (found.group(3) or "0").ljust(2, "0")
    basis_points = whole * BASIS_POINTS_PER_PERCENT + int(decimals)
    return basis_points if basis_points <= ALL_BASIS_POINTS else None


def format_centavos(centavos: int) -> str:
    """$1,250.00 and -$3.50, as Mexico writes pesos."""
    sign = "-" if centavos < 0 else ""
    pesos, cents = divmod(abs(centavos), CENTAVOS_PER_PESO)
    return f"{sign}${pesos:,}.{cents:02d}"


def format_percent(basis_points: int) -> str:
    """3.5 %, 10 %, 0.25 %."""
    whole, rest = divmod(basis_points, BASIS_POINTS_PER_PERCENT)
    if rest == 0:
        return f"{whole} %"
    return f"{whole}.{rest:02d}".rstrip("0") + " %"


@dataclass(frozen=True, slots=True)
class NoSuchReseller:
    """An admin named a reseller nobody is: no such Telegram id or shop name."""

    asked: str


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """An admin's name matches several resellers: asked about, never guessed."""

    asked: str
    candidates: tuple[Reseller, ...]


Found = Reseller | NoSuchReseller | Ambiguous


def as_user_id(text: str) -> int | None:
    """A Telegram id as typed ("123456789"), else None."""
    cleaned = text.strip()
    # ASCII only: str.isdigit() is true of "²" too, which int() refuses.
    if cleaned.isascii() and cleaned.isdigit() and 0 < len(cleaned) <= 15:
        return int(cleaned)
    return None


def clean_shop_name(text: str) -> str | None:
    """A shop name as stored: spaces collapsed, 1 to `SHOP_NAME_MAX` characters, no
    control characters; None when nothing usable is left."""
    cleaned = " ".join(text.split())
    if not cleaned or len(cleaned) > SHOP_NAME_MAX:
        return None
    if any(ord(char) < 32 or 0x7F <= ord(char) < 0xA0 for char in cleaned):
        return None
    return cleaned
