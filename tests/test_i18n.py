"""The text catalogs stay in step, and parameters are escaped."""

from __future__ import annotations

import string

from bot.i18n import CATALOGS, language_for, plain, t
from bot.views.receipt import decline_reason


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogs_have_the_same_keys_and_placeholders() -> None:
    es, en = CATALOGS["es"], CATALOGS["en"]
    assert es.keys() == en.keys()
    for key in es:
        assert _fields(es[key]) == _fields(en[key]), key


def test_parameters_are_escaped() -> None:
    text = t("es", "start.reseller", name="<b>Ana</b> & co")
    assert "&lt;b&gt;Ana&lt;/b&gt; &amp; co" in text
    assert "<b>Ana" not in text


def test_language_follows_telegram() -> None:
    assert language_for("en-US") == "en"
    assert language_for("es-MX") == "es"
    assert language_for("pt") == "es"
    assert language_for(None) == "es"


def test_button_labels_spanish_first() -> None:
    assert "Tiempo aire" in plain("es", "button.airtime")
    assert "Airtime" in plain("en", "button.airtime")
    assert plain("es", "button.package", price=50).endswith("Paquete $50")
    assert plain("es", "button.confirm").startswith("✅")
    assert plain("en", "button.cancel_confirm").startswith("❌")


def test_a_decline_reads_as_words_never_as_a_raw_code() -> None:
    assert decline_reason("es", "http_400")[0] == ("El proveedor rechazó la operación (HTTP 400).")
    assert decline_reason("en", None)[0] == (
        "The provider declined the operation without saying why."
    )
    assert decline_reason("es", "51")[0].startswith("La cuenta del distribuidor con el proveedor")
    assert decline_reason("es", "77")[0] == "El proveedor rechazó la operación (código 77)."
