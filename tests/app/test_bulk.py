"""app/bulk.py: the garbage collector paused while rows are built, and always back after."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from app.bulk import collector_paused


@pytest.fixture(autouse=True)
def collector_enabled() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_and_back_after_even_on_an_error() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_overlapping_threads_resume_it_when_the_last_one_leaves() -> None:
    a_inside, b_inside, a_left, b_may_leave = (threading.Event() for _ in range(4))
    seen: dict[str, bool] = {}

    def first() -> None:
        with collector_paused():
            a_inside.set()
            b_inside.wait(5)
        a_left.set()

    def second() -> None:
        a_inside.wait(5)
        with collector_paused():
            b_inside.set()
            a_left.wait(5)
            seen["after the first left"] = gc.isenabled()
            b_may_leave.wait(5)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    a_left.wait(5)
    b_may_leave.set()
    for t in threads:
        t.join(5)
    assert seen == {"after the first left": False}
    assert gc.isenabled()


def test_left_disabled_when_it_was_disabled_before() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
