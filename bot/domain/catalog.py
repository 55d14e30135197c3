"""The Movistar products the distributor sells, exactly as the contract lists them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CARRIER = "Movistar"

ProductKind = Literal["airtime", "package"]


@dataclass(frozen=True, slots=True)
class Product:
    """One sellable product. Airtime takes any whole amount in `min_amount..max_amount`;
    a package has a fixed `price`, and its bounds are that price."""

    product_id: str
    kind: ProductKind
    name_es: str
    name_en: str
    price: int | None
    min_amount: int
    max_amount: int

    def __post_init__(self) -> None:
        # A malformed entry would silently sell at the wrong amount; fail at import instead.
        if self.kind == "package":
            if self.price is None or not self.min_amount == self.max_amount == self.price:
                raise ValueError(f"package {self.product_id} needs price == min == max")
        elif self.price is not None or not 0 < self.min_amount <= self.max_amount:
            raise ValueError(f"airtime {self.product_id} needs no price and 0 < min <= max")

    @property
    def is_package(self) -> bool:
        """True for a fixed-price package, False for free-amount airtime."""
        return self.kind == "package"

    def name(self, lang: str) -> str:
        """The display name: English for "en", Spanish for anything else."""
        return self.name_en if lang == "en" else self.name_es


def _package(number: int, price: int) -> Product:
    return Product(
        product_id=f"MOVISTAR_PAQUETE_{number}",
        kind="package",
        name_es=f"Paquete ${price}",
        name_en=f"Package ${price}",
        price=price,
        min_amount=price,
        max_amount=price,
    )


AIRTIME = Product(
    product_id="MOVISTAR_TAE",
    kind="airtime",
    name_es="Tiempo aire",
    name_en="Airtime",
    price=None,
    min_amount=10,
    max_amount=5000,
)

PACKAGES: tuple[Product, ...] = tuple(
    _package(number, price)
    for number, price in (
        (16, 30),
        (17, 50),
        (18, 70),
        (19, 90),
        (20, 110),
        (21, 150),
        (22, 210),
        (23, 320),
        (24, 400),
        (25, 420),
    )
)

CATALOG: tuple[Product, ...] = (AIRTIME, *PACKAGES)

_BY_ID = {product.product_id: product for product in CATALOG}


def get_product(product_id: str) -> Product | None:
    """The product with this id, or None when the catalog has no such product."""
    return _BY_ID.get(product_id)
