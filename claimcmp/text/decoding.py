"""Bytes to text for article inputs: BOMs, BOM-less UTF-16, an HTML page's declared
charset, charset-normalizer's guess when it is confident; binary data is refused."""
from __future__ import annotations

import codecs
import re

from claimcmp.errors import InputError

MAX_CONTROL_SHARE = 0.02  # more control characters than this and it is not prose
MAX_DETECTION_CHAOS = 0.1  # charset-normalizer's mess ratio above which a guess is refused
PREFERRED_LEGACY_CODECS = ("cp1252", "latin_1", "iso8859_15")
MAX_OFFSETS_SHOWN = 5

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, where: str, declared: str | None = None) -> str:
    """Bytes to text with \\n newlines: UTF-8 (BOM stripped), UTF-16/32 with a BOM or
    plainly UTF-16, the declared charset of an HTML page, UTF-8 with a few bad bytes
    replaced, else charset-normalizer's guess when it is confident. Raises InputError for
    binary data or an undecodable text."""
    return decode_with_warning(data, where, declared)[0]


def decode_with_warning(data: bytes, where: str, declared: str | None = None) -> tuple[str, str | None]:
    """decode_text's text, and a warning when it is not plainly what the bytes say: bad
    bytes replaced in UTF-8 text (their offsets named), or a guessed codec."""
    note: list[str] = []
    text = _decode(data, where, declared, note)
    if text.startswith("\ufeff"):
        text = text[1:]
    _refuse_binary(text, where)
    return text.replace("\r\n", "\n").replace("\r", "\n"), (note[0] if note else None)


def _decode(data: bytes, where: str, declared: str | None, note: list[str]) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                if codec.startswith("utf-32"):
                    continue  # FF FE 00 00 may also be a UTF-16 BOM and a NUL
                raise InputError(
                    f"cannot decode text (invalid {codec} after its BOM)", where
                ) from None
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
        raise InputError("not text (binary data)", where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    bad = _bad_utf8_offsets(data)
    if bad is not None:
        shown = ", ".join(map(str, bad[:MAX_OFFSETS_SHOWN])) + (", ..." if len(bad) > MAX_OFFSETS_SHOWN else "")
        note.append(f"invalid UTF-8 at byte offset{'s' if len(bad) > 1 else ''} {shown}: "
                    "replaced with U+FFFD")
        return data.decode("utf-8", "replace")
    text, codec = _detect(data, where)
    note.append(f"not UTF-8: decoded as {codec} (a guess)")
    return text


def _bad_utf8_offsets(data: bytes) -> list[int] | None:
    """Offsets of the invalid bytes when data is UTF-8 with a few of them (more valid
    multi-byte characters than bad bytes, which a legacy 8-bit text never has), else None."""
    del _BAD_OFFSETS[:]
    data.decode("utf-8", _RECORD_BAD_UTF8)
    bad = list(_BAD_OFFSETS)
    if not bad:
        return None
    valid = len(_NON_ASCII.findall(data.decode("utf-8", "replace"))) - len(bad)
    return bad if valid > len(bad) else None


_BAD_OFFSETS: list[int] = []
_RECORD_BAD_UTF8 = "claimcmp-record-bad-utf8"
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _record_bad_utf8(error: UnicodeDecodeError) -> tuple[str, int]:
    _BAD_OFFSETS.append(error.start)
    return "\ufffd", error.end


codecs.register_error(_RECORD_BAD_UTF8, _record_bad_utf8)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly ASCII text has a NUL in every other byte; binary data does not."""
    if len(data) < 4 or len(data) % 2:
        return None
    pairs = len(data) // 2
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if odd_nuls >= 0.5 * pairs and even_nuls <= 0.02 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.5 * pairs and odd_nuls <= 0.02 * pairs:
        return "utf-16-be"
    return None


def _detect(data: bytes, where: str) -> tuple[str, str]:
    """The text and the codec charset-normalizer guesses."""
    tried = "tried utf-8, utf-16"
    try:
        import charset_normalizer

        matches = list(charset_normalizer.from_bytes(data))
    except Exception:  # a detector fed arbitrary bytes must not crash a batch
        matches = []
    if not matches:
        raise InputError(f"cannot decode text ({tried})", where)
    best = matches[0]
    if best.chaos > MAX_DETECTION_CHAOS:
        raise InputError(f"cannot decode text ({tried}, detected {best.encoding})", where)
    # Equally clean guesses (same chaos) are common among the single-byte codecs, and on a
    # short text charset-normalizer may rank a DOS or Baltic code page first by coherence
    # (cp1252 quotes read as cp775 "ō...ö"). Western European is by far the most frequent
    # among them: prefer it. could_be_from_charset lists the codecs that decode the bytes
    # to the very same text, so decoding with the preferred one changes nothing else.
    for match in matches:
        if match.chaos > best.chaos:
            continue
        for codec in PREFERRED_LEGACY_CODECS:
            if codec in match.could_be_from_charset:
                try:
                    return data.decode(codec), codec
                except UnicodeDecodeError:
                    continue
    return str(best), best.encoding


# Unicode's control characters (category Cc, a fixed set) but the whitespace ones \t\n\v\f\r
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _refuse_binary(text: str, where: str) -> None:
    controls = len(_CONTROL.findall(text))  # one regex scan (a Python loop per character: 23 ms / 60 articles)
    if "\x00" in text or controls > MAX_CONTROL_SHARE * max(len(text), 1):
        raise InputError("not text (binary data)", where)


_META_CHARSET = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{2,40})", re.I
)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
