"""parse_phone: the contract's examples, the refusals, and properties over any text."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain import DomainError
from bot.domain.phones import PhoneError, parse_phone

NATIONAL = "5537686660"


def is_valid_mx(national: str) -> bool:
    """libphonenumber's own verdict on ten national digits."""
    try:
        number = phonenumbers.parse(national, "MX")
    except phonenumbers.NumberParseException:
        return False
    return bool(
        str(number.national_number) == national
        and phonenumbers.is_valid_number_for_region(number, "MX")
    )


@pytest.mark.parametrize(
    "text",
    [
        "5537686660",
        "55 3768 6660",
        "55-3768-6660",
        "55.3768.6660",
        "(55) 3768 6660",
        "+52 55 3768 6660",
        "+525537686660",
        "52 5537686660",
        "+52 1 55 3768 6660",
        "521 55 3768 6660",
        "045 55 3768 6660",
        "044 55 3768 6660",
        "  55 3768 6660\n",
        "55\u00a03768\u00a06660",
        "55–3768–6660",
        "(+52) 55 3768 6660",
        "00 52 55 3768 6660",
        "0052 1 55 3768 6660",
        "\u200e55 3768 6660",  # copied with a direction mark
        "\u202a+52 55 3768 6660\u202c",
        "\u2066+52 1 55 3768 6660\u2069",
        "55\u200b3768\u200b6660",
    ],
)
def test_accepted_forms_normalise_to_ten_digits(text: str) -> None:
    assert parse_phone(text) == NATIONAL


def test_other_area_codes_are_accepted() -> None:
    assert parse_phone("222 123 4567") == "2221234567"
    assert parse_phone("+52 1 81 1234 5678") == "8112345678"


@pytest.mark.parametrize(
    ("text", "key", "params"),
    [
        ("", "phone.empty", {}),
        ("   \t\n", "phone.empty", {}),
        ("abc", "phone.letters", {}),
        ("55 3768 666O", "phone.letters", {}),
        ("tel: 55 3768 6660", "phone.letters", {}),
        ("55/3768/6660", "phone.letters", {}),
        ("５５３７６８６６６０", "phone.letters", {}),
        ("٥٥٣٧٦٨٦٦٦٠", "phone.letters", {}),
        ("55 3768 6660²", "phone.letters", {}),
        ("55 +3768 6660", "phone.letters", {}),
        ("++52 55 3768 6660", "phone.letters", {}),
        ("12345", "phone.length", {"digits": 5}),
        ("553768666", "phone.length", {"digits": 9}),
        ("55376866601", "phone.length", {"digits": 11}),
        ("01 55 3768 6660", "phone.old_prefix", {}),
        ("00 1 555 123 4567", "phone.length", {"digits": 13}),
        ("1 55 3768 6660", "phone.length", {"digits": 11}),
        ("046 55 3768 6660", "phone.length", {"digits": 13}),
        ("+52 553768666", "phone.length", {"digits": 11}),
        ("+52 2 55 3768 6660", "phone.length", {"digits": 13}),
        ("+52", "phone.length", {"digits": 2}),
        ("+", "phone.length", {"digits": 0}),
        ("- ( ) .", "phone.length", {"digits": 0}),
        ("+1 212 555 0100", "phone.foreign", {}),
        ("+55 11 91234 5678", "phone.foreign", {}),
        ("+44 20 7946 0958", "phone.foreign", {}),
        ("0000000000", "phone.invalid", {}),
        ("1234567890", "phone.invalid", {}),
        ("52 0000000000", "phone.invalid", {}),
        ("0012345678", "phone.invalid", {}),
        ("0052123456", "phone.invalid", {}),
        ("0155376866", "phone.invalid", {}),
    ],
)
def test_refusals_carry_the_right_key(text: str, key: str, params: dict[str, int]) -> None:
    with pytest.raises(PhoneError) as caught:
        parse_phone(text)
    assert caught.value.key == key
    assert caught.value.params == params


def test_phone_error_is_a_domain_error() -> None:
    assert issubclass(PhoneError, DomainError)
    assert repr(PhoneError("phone.length", {"digits": 3})) == (
        "PhoneError('phone.length', {'digits': 3})"
    )


def test_absurdly_long_input_is_refused_cheaply() -> None:
    with pytest.raises(PhoneError) as caught:
        parse_phone("5" * 1_000_000)
    assert caught.value.params == {"digits": 1_000_000}
    with pytest.raises(PhoneError) as caught:
        parse_phone(" " * 500_000 + "x")
    assert caught.value.key == "phone.letters"


KEYS = {
    "phone.empty",
    "phone.letters",
    "phone.length",
    "phone.old_prefix",
    "phone.foreign",
    "phone.invalid",
}


def parse_or_error(text: str) -> str | PhoneError:
    try:
        return parse_phone(text)
    except PhoneError as error:
        return error


def assert_parses_to_valid_or_refuses(text: str) -> None:
    """Anything other than PhoneError escapes parse_or_error and fails the test."""
    result = parse_or_error(text)
    if isinstance(result, PhoneError):
        assert result.key in KEYS
        return
    assert len(result) == 10
    assert result.isascii()
    assert result.isdigit()
    assert is_valid_mx(result)


@given(st.text())
def test_any_text_parses_to_a_valid_number_or_raises_phone_error(text: str) -> None:
    assert_parses_to_valid_or_refuses(text)


_TOKENS = st.sampled_from(
    ["+", "+52", "52", "521", "+52 1", "044", "045", "01", "1", " ", "-", ".", "(", ")", "–"]
)
_DIGIT_RUNS = st.text(alphabet="0123456789", max_size=5)


@given(st.lists(st.one_of(_TOKENS, _DIGIT_RUNS), max_size=12).map("".join))
def test_phone_like_text_parses_to_a_valid_number_or_raises_phone_error(text: str) -> None:
    assert_parses_to_valid_or_refuses(text)


_VALID_NATIONAL = st.text(alphabet="0123456789", min_size=10, max_size=10).filter(is_valid_mx)
_ACCEPTED_PREFIXES = st.sampled_from(
    ["", "+52", "+521", "52", "521", "044", "045", "0052", "00521"]
)
_SEPARATORS = st.sampled_from(["", "", " ", "-", ".", "(", ")", "\u00a0", "–"])


@given(_VALID_NATIONAL, _ACCEPTED_PREFIXES, st.data())
def test_valid_numbers_round_trip_through_any_written_form(
    national: str, prefix: str, data: st.DataObject
) -> None:
    written = ""
    for char in prefix + national:
        written += char + data.draw(_SEPARATORS)
    written = data.draw(st.sampled_from(["", " ", "("])) + written
    assert parse_phone(written) == national
