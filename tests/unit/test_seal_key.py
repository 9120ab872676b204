"""The seal key is HKDF-SHA256 of the station secret, computed with the standard library
so a start need not load ``cryptography``: the key must stay the one every sealed row of
every station was sealed with."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.services import seal


@pytest.mark.parametrize("secret", [b"x", b"a-station-secret" * 4, bytes(range(256))])
def test_the_seal_key_is_the_hkdf_of_the_station_secret(secret):
    expected = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"StationDesk record seal v1").derive(secret)
    assert seal.derive(secret) == expected
