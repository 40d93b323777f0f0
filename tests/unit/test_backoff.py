"""BackoffPolicy: growth, cap, bounded jitter, determinism."""

from __future__ import annotations

import itertools
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.transports.backoff import BackoffPolicy


def take(policy: BackoffPolicy, n: int, seed: int | None = 1) -> list[float]:
    rng = random.Random(seed) if seed is not None else None
    return list(itertools.islice(policy.delays(rng), n))


def test_defaults_are_the_documented_ones():
    policy = BackoffPolicy()
    assert (policy.initial_s, policy.maximum_s, policy.multiplier, policy.jitter) == (
        0.5, 30.0, 2.0, 0.2,
    )


def test_without_jitter_delays_grow_geometrically_then_cap():
    policy = BackoffPolicy(initial_s=0.5, maximum_s=30.0, multiplier=2.0, jitter=0.0)
    assert take(policy, 9) == [0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 30.0, 30.0, 30.0]


def test_with_jitter_delays_grow_on_average_and_never_exceed_the_maximum():
    policy = BackoffPolicy(initial_s=0.5, maximum_s=30.0, multiplier=2.0, jitter=0.2)
    delays = take(policy, 50)
    # each step's base doubles; +-20 % jitter cannot reverse a doubling (0.6 * 2 * 0.8 > 0.6...)
    for earlier, later in zip(delays[:6], delays[1:7]):
        assert later > earlier
    assert max(delays) <= 30.0
    assert all(d >= 30.0 * 0.8 for d in delays[7:])  # capped region stays near the maximum


def test_jitter_is_bounded_around_each_step():
    policy = BackoffPolicy(initial_s=1.0, maximum_s=1000.0, multiplier=3.0, jitter=0.25)
    for seed in range(20):
        for step, delay in enumerate(take(policy, 6, seed)):
            base = 3.0 ** step
            assert base * 0.75 <= delay <= base * 1.25


def test_jitter_actually_varies():
    policy = BackoffPolicy(initial_s=1.0, maximum_s=10.0, jitter=0.2)
    firsts = {take(policy, 1, seed)[0] for seed in range(10)}
    assert len(firsts) > 5


def test_seeded_random_makes_the_sequence_deterministic():
    policy = BackoffPolicy()
    assert take(policy, 20, seed=42) == take(policy, 20, seed=42)
    assert take(policy, 20, seed=42) != take(policy, 20, seed=43)


def test_each_call_to_delays_starts_over():
    policy = BackoffPolicy(jitter=0.0)
    first = policy.delays()
    next(first), next(first), next(first)
    assert next(policy.delays()) == 0.5


def test_unseeded_iterator_works_and_is_bounded():
    policy = BackoffPolicy(initial_s=0.01, maximum_s=0.05)
    delays = take(policy, 10, seed=None)
    assert all(0.0 <= d <= 0.05 for d in delays)


def test_tiny_policy_for_tests_stays_tiny():
    policy = BackoffPolicy(initial_s=0.01, maximum_s=0.05)
    assert sum(take(policy, 10)) < 0.5


@pytest.mark.parametrize(
    "kwargs",
    [
        {"initial_s": -1.0},
        {"initial_s": 2.0, "maximum_s": 1.0},
        {"multiplier": 0.5},
        {"jitter": -0.1},
        {"jitter": 1.5},
    ],
)
def test_invalid_parameters_are_rejected(kwargs):
    with pytest.raises(ValueError):
        BackoffPolicy(**kwargs)


def test_policy_is_frozen_and_hashable():
    policy = BackoffPolicy()
    with pytest.raises(AttributeError):
        policy.initial_s = 1.0  # type: ignore[misc]
    assert hash(policy) == hash(BackoffPolicy())


@given(
    initial=st.floats(min_value=0.0, max_value=10.0),
    extra=st.floats(min_value=0.0, max_value=100.0),
    multiplier=st.floats(min_value=1.0, max_value=5.0),
    jitter=st.floats(min_value=0.0, max_value=1.0),
    seed=st.integers(min_value=0, max_value=2**32),
)
def test_property_every_delay_is_within_zero_and_maximum(initial, extra, multiplier, jitter, seed):
    policy = BackoffPolicy(initial_s=initial, maximum_s=initial + extra, multiplier=multiplier,
                           jitter=jitter)
    for delay in take(policy, 40, seed):
        assert 0.0 <= delay <= policy.maximum_s
