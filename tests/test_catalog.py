"""The catalog matches the contract's product table exactly."""

from __future__ import annotations

import dataclasses

import pytest

from bot.domain.catalog import AIRTIME, CARRIER, CATALOG, PACKAGES, Product, get_product

CONTRACT_PACKAGES = [
    ("MOVISTAR_PAQUETE_16", 30),
    ("MOVISTAR_PAQUETE_17", 50),
    ("MOVISTAR_PAQUETE_18", 70),
    ("MOVISTAR_PAQUETE_19", 90),
    ("MOVISTAR_PAQUETE_20", 110),
    ("MOVISTAR_PAQUETE_21", 150),
    ("MOVISTAR_PAQUETE_22", 210),
    ("MOVISTAR_PAQUETE_23", 320),
    ("MOVISTAR_PAQUETE_24", 400),
    ("MOVISTAR_PAQUETE_25", 420),
]


def test_catalog_has_the_contracts_eleven_products_in_order() -> None:
    assert len(CATALOG) == 11
    assert [p.product_id for p in CATALOG] == [
        "MOVISTAR_TAE",
        *(product_id for product_id, _ in CONTRACT_PACKAGES),
    ]
    assert (AIRTIME, *PACKAGES) == CATALOG


def test_airtime_takes_10_to_5000_and_has_no_price() -> None:
    assert AIRTIME.product_id == "MOVISTAR_TAE"
    assert AIRTIME.kind == "airtime"
    assert not AIRTIME.is_package
    assert AIRTIME.price is None
    assert (AIRTIME.min_amount, AIRTIME.max_amount) == (10, 5000)
    assert (AIRTIME.name_es, AIRTIME.name_en) == ("Tiempo aire", "Airtime")


@pytest.mark.parametrize(("product_id", "price"), CONTRACT_PACKAGES)
def test_each_package_has_its_contract_price(product_id: str, price: int) -> None:
    product = get_product(product_id)
    assert product is not None
    assert product.kind == "package"
    assert product.is_package
    assert product.price == product.min_amount == product.max_amount == price
    assert product.name_es == f"Paquete ${price}"
    assert product.name_en == f"Package ${price}"


def test_get_product_returns_none_for_unknown_ids() -> None:
    assert get_product("MOVISTAR_TAE") is AIRTIME
    assert get_product("MOVISTAR_PAQUETE_26") is None
    assert get_product("movistar_tae") is None
    assert get_product("") is None


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Package $30"), ("es", "Paquete $30"), ("fr", "Paquete $30"), ("", "Paquete $30")],
)
def test_name_is_english_only_for_en(lang: str, expected: str) -> None:
    product = get_product("MOVISTAR_PAQUETE_16")
    assert product is not None
    assert product.name(lang) == expected


def test_carrier_is_movistar() -> None:
    assert CARRIER == "Movistar"


def test_products_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        AIRTIME.max_amount = 10_000  # type: ignore[misc]


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "package", "price": 30, "min_amount": 30, "max_amount": 50},
        {"kind": "package", "price": None, "min_amount": 30, "max_amount": 30},
        {"kind": "airtime", "price": 30, "min_amount": 10, "max_amount": 5000},
        {"kind": "airtime", "price": None, "min_amount": 0, "max_amount": 5000},
        {"kind": "airtime", "price": None, "min_amount": 50, "max_amount": 10},
    ],
)
def test_inconsistent_products_are_rejected(fields: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="needs"):
        Product(product_id="X", name_es="x", name_en="x", **fields)  # type: ignore[arg-type]
