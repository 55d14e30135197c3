"""What counts as a Mexican phone number, and which typed variants are normalised.

Since 2019 a Mexican number is ten digits with no 044/045/01 prefix and no mobile "1"
after +52, but people still type the old forms. Accepted, with any mix of whitespace,
dots, dashes and parentheses (and characters nobody sees, such as the direction marks a
copied contact carries, dropped first):

- ``55 3768 6660`` (ten digits),
- ``+52 55 3768 6660`` and ``52 5537686660`` (twelve digits starting with 52),
- ``+52 1 55 3768 6660`` and ``521 55 3768 6660`` (the old mobile "1"),
- ``044 55 3768 6660`` and ``045 55 3768 6660`` (the old mobile prefixes),
- ``00 52 55 3768 6660`` (dialled abroad: "00" stands for the "+").

Refused: the old long-distance ``01`` prefix (told so: it was for landlines, and a
number written with it may be one), any other country code, letters and any
other symbol (including non-ASCII digits such as "５" or "٥", which ``str.isdigit``
would let through), and numbers libphonenumber does not consider valid for Mexico.
"""

from __future__ import annotations

import re

import phonenumbers

from bot.domain import DomainError, visible

# Nothing longer is a phone number someone typed; past this we only count digits.
_MAX_CHARS = 100
_MX = "MX"
_COUNTRY_CODE = "52"
_OLD_PREFIXES = ("521", "044", "045")
_OLD_LONG_DISTANCE = "01"
_DIALLED_ABROAD = "00"  # the international prefix, as "+" is written

# Separators people type or paste: whitespace (\s includes the no-break space), dots,
# parentheses, the ASCII hyphen and the Unicode dashes and minus editors substitute
# for it. [0-9] rather than \d: \d also matches "５" and "٥".
_FORBIDDEN = re.compile(r"[^0-9\s().+\-\u2010-\u2015\u2212]")
_DIGIT = re.compile(r"[0-9]")
_NOT_DIGIT = re.compile(r"[^0-9]")


class PhoneError(DomainError):
    """The text is not a Mexican phone number; `key` says why.

    Keys: "phone.empty", "phone.letters", "phone.length" (params: ``digits``, the
    number of digits seen), "phone.old_prefix", "phone.foreign", "phone.invalid".
    """


def parse_phone(text: str) -> str:
    """The ten-digit national number in `text`, or PhoneError saying what is wrong."""
    stripped = visible(text).strip()
    if not stripped:
        raise PhoneError("phone.empty")
    if _FORBIDDEN.search(stripped):
        raise PhoneError("phone.letters")
    if len(stripped) > _MAX_CHARS:
        raise PhoneError("phone.length", {"digits": _count_digits(stripped)})
    international = _has_leading_plus(stripped)
    digits = _NOT_DIGIT.sub("", stripped)
    abroad = _DIALLED_ABROAD + _COUNTRY_CODE  # then 10 digits, or the old "1" and 10
    if not international and digits.startswith(abroad) and len(digits) in (14, 15):
        digits, international = digits[len(_DIALLED_ABROAD) :], True
    national = _national_digits(digits, international=international)
    _require_valid(national)
    return national


def _count_digits(text: str) -> int:
    # str.count runs in C, so this stays cheap however long the text is.
    return sum(text.count(digit) for digit in "0123456789")


def _has_leading_plus(text: str) -> bool:
    """Whether the number is written in international form; a "+" anywhere but before
    the first digit, or more than one, is a stray symbol."""
    plus = text.find("+")
    if plus < 0:
        return False
    if text.count("+") > 1 or _DIGIT.search(text, 0, plus):
        raise PhoneError("phone.letters")
    return True


def _national_digits(digits: str, *, international: bool) -> str:
    """Strip the prefixes that unambiguously wrap a ten-digit national number."""
    if international:
        # "+5" may still become "+52": only a country code that cannot be 52 is foreign.
        if not digits.startswith(_COUNTRY_CODE) and not _COUNTRY_CODE.startswith(digits):
            raise PhoneError("phone.foreign")
        rest = digits[len(_COUNTRY_CODE) :]
        if len(rest) == 11 and rest.startswith("1"):
            rest = rest[1:]
        if len(rest) != 10:
            raise PhoneError("phone.length", {"digits": len(digits)})
        return rest
    if len(digits) == 10:
        return digits
    if len(digits) == 12 and digits.startswith(_COUNTRY_CODE):
        return digits[2:]
    if len(digits) == 13 and digits.startswith(_OLD_PREFIXES):
        return digits[3:]
    if len(digits) == 12 and digits.startswith(_OLD_LONG_DISTANCE):
        raise PhoneError("phone.old_prefix")
    raise PhoneError("phone.length", {"digits": len(digits)})


def _require_valid(national: str) -> None:
    """Ask libphonenumber whether ten digits form a number Mexico actually assigns."""
    try:
        number = phonenumbers.parse(national, _MX)
    except phonenumbers.NumberParseException as exc:
        raise PhoneError("phone.invalid") from exc
    # With region MX, libphonenumber reads a leading "00" as an international prefix and
    # "01" as a national one, so also insist it kept all ten digits as the number.
    if (
        number.country_code != int(_COUNTRY_CODE)
        or str(number.national_number) != national
        or not phonenumbers.is_valid_number_for_region(number, _MX)
    ):
        raise PhoneError("phone.invalid")


def parse_contact_phone(number: str) -> str:
    """The ten-digit national number of a Telegram account's own contact, or PhoneError.

    Telegram gives an account's number in international form, though some clients send
    it without the "+": "4512345678" is a Danish number (+45 1234 5678), never the
    Mexican 45 1234 5678. So digits without "+" get one, and anything but +52 is foreign.
    """
    stripped = visible(number).strip()
    if stripped and not stripped.startswith("+"):
        stripped = "+" + stripped
    return parse_phone(stripped)
