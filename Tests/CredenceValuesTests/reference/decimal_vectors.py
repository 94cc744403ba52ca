#!/usr/bin/env python3
"""Writes decimal-vectors.txt: results of exact-decimal operations on operands near the
limits (38 digits, 18 decimals), computed with Python's fractions as the arbitrary-precision
reference, for ExactDecimalReferenceTests.

The rules restated here, independently of the Swift code (docs/language.md, "Exact numbers"):
- a result is computed exactly at its natural scale: the larger scale for + and -, the sum
  of scales for * (rounded half to even at 18 decimals beyond 18), for / the fewest decimals
  (at least the dividend's) that hold the quotient exactly, or 18 rounded half to even when
  it does not terminate within 18, for round(x, t) the scale t;
- when that significand has more than 38 digits, trailing zeros are dropped (the value is
  unchanged) until it fits; if it never fits the result is `overflow`.

Run from this folder: python3 decimal_vectors.py > decimal-vectors.txt
Each line: `op left right expected` (for round: `round value places rule expected`).
"""

import random
from fractions import Fraction

MAX_DIGITS = 38
MAX_SCALE = 18
LIMIT = 10**MAX_DIGITS - 1


def text(significand, scale):
    sign = "-" if significand < 0 else ""
    digits = str(abs(significand)).rjust(scale + 1, "0")
    if scale == 0:
        return sign + digits
    return sign + digits[:-scale] + "." + digits[-scale:]


def value(significand, scale):
    return Fraction(significand, 10**scale)


def fit(exact, scale):
    """The text of `exact` at `scale`, or at the largest smaller scale where it fits."""
    while scale >= 0:
        scaled = exact * 10**scale
        if scaled.denominator != 1:
            break
        if abs(scaled.numerator) <= LIMIT:
            return text(scaled.numerator, scale)
        scale -= 1
    return "overflow"


def round_integer(fraction, rule):
    """`fraction` rounded to an integer by one of ExactDecimal's rounding rules."""
    floor = fraction.numerator // fraction.denominator
    rest = fraction - floor
    if rest == 0:
        return floor
    ceiling = floor + 1
    toward_zero, away = (floor, ceiling) if fraction > 0 else (ceiling, floor)
    half = Fraction(1, 2)
    distance_from_zero_side = rest if fraction > 0 else 1 - rest
    if rule == "ceiling":
        return ceiling
    if rule == "floor":
        return floor
    if rule == "towardZero":
        return toward_zero
    if rule == "awayFromZero":
        return away
    if distance_from_zero_side != half:
        return away if distance_from_zero_side > half else toward_zero
    if rule == "halfAwayFromZero":
        return away
    if rule == "halfTowardZero":
        return toward_zero
    return floor if floor % 2 == 0 else ceiling  # halfEven


def add(a, b):
    return fit(value(*a) + value(*b), max(a[1], b[1]))


def subtract(a, b):
    return fit(value(*a) - value(*b), max(a[1], b[1]))


def multiply(a, b):
    product = value(*a) * value(*b)
    scale = a[1] + b[1]
    if scale > MAX_SCALE:
        product = Fraction(round_integer(product * 10**MAX_SCALE, "halfEven"), 10**MAX_SCALE)
        scale = MAX_SCALE
    return fit(product, scale)


def divide(a, b):
    if b[0] == 0:
        return "divisionByZero"
    quotient = value(*a) / value(*b)
    for scale in range(a[1], MAX_SCALE + 1):
        if (quotient * 10**scale).denominator == 1:
            return fit(quotient, scale)
    rounded = round_integer(quotient * 10**MAX_SCALE, "halfEven")
    return fit(Fraction(rounded, 10**MAX_SCALE), MAX_SCALE)


def round_to(a, places, rule):
    if places >= a[1]:
        return fit(value(*a), places)
    rounded = round_integer(value(*a) * 10**places, rule)
    return text(rounded, places)


RULES = ["halfAwayFromZero", "halfEven", "halfTowardZero", "ceiling", "floor", "towardZero",
         "awayFromZero"]


def operand(rng):
    """A significand and scale, mostly near the limits: long, all nines, powers of ten,
    trailing zeros, ones written with many decimals."""
    kind = rng.randrange(8)
    scale = rng.choice([0, 0, 18, 18, rng.randrange(MAX_SCALE + 1)])
    if kind == 0:
        significand = LIMIT
    elif kind == 1:
        significand = 10**rng.randrange(MAX_DIGITS)
    elif kind == 2:
        zeros = rng.randrange(1, 30)
        significand = rng.randrange(1, 10**(MAX_DIGITS - zeros)) * 10**zeros
    elif kind == 3:
        significand = 10**scale  # one, written with `scale` decimals
    elif kind == 4:
        significand = rng.randrange(1, 10**rng.randrange(1, 6))
    else:
        significand = rng.randrange(10**rng.randrange(30, MAX_DIGITS), LIMIT + 1)
    significand = min(significand, LIMIT)
    if rng.random() < 0.5:
        significand = -significand
    return significand, scale


def main():
    rng = random.Random(22)
    lines = []
    fixed = [
        ("div", (10**21, 0), (1, 0)),
        ("div", (-LIMIT, 0), (-1, 0)),
        ("mul", (LIMIT, 0), (10**18, 18)),
        ("div", (10**37, 1), (1, 1)),
        ("add", (10**37, 0), (0, 1)),
        ("sub", (LIMIT, 1), (-5, 1)),
        ("add", (10**38 - 5, 1), (5, 1)),
    ]
    for op, a, b in fixed:
        lines.append((op, a, b))
    for _ in range(1800):
        op = rng.choice(["add", "sub", "mul", "div"])
        lines.append((op, operand(rng), operand(rng)))
    functions = {"add": add, "sub": subtract, "mul": multiply, "div": divide}
    for op, a, b in lines:
        print(op, text(*a), text(*b), functions[op](a, b))
    print("round", text(-LIMIT, 0), 18, "halfAwayFromZero", round_to((-LIMIT, 0), 18,
          "halfAwayFromZero"))
    for _ in range(400):
        a = operand(rng)
        places = rng.randrange(MAX_SCALE + 1)
        rule = rng.choice(RULES)
        print("round", text(*a), places, rule, round_to(a, places, rule))


if __name__ == "__main__":
    main()
