"""party_points/lib/collector.py: the collector paused, and always resumed."""

import gc

import pytest
from conftest import load_lib

collector_paused = load_lib("party_points", "collector").collector_paused


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_resumed_after():
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_resumed_when_the_block_raises():
    with pytest.raises(ZeroDivisionError), collector_paused():
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_left_paused_when_paused_outside():
    gc.disable()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()
