#!/usr/bin/env python3
"""Names a wasm module's functions so that, sorted by name, similar functions sit side by side.

The wasm-opt shim that `scripts/build.sh` puts in cargo-leptos's way (`scripts/shims/wasm-opt`)
runs it on each wasm file of the bundle, then has binaryen lay the functions out in that order
(`--reorder-functions-by-name`) and drop the names (`--strip-debug`). The code does not change, only the order of the function bodies; but gzip and Brotli find
repeats only in the last 32 KB (gzip) of what they have read, and Leptos's generic code comes as
many near-copies of one function (one per signal type or closure) scattered across the module.
Put side by side, the first screen's wasm is about 19 KB gzip smaller (see the README's
Measurements).

The order: functions sorted by size, then a chain where each next function is, among the next
CANDIDATES of that order not yet placed, the one sharing the most 4-byte sequences with the
last one placed (as a share of its own). Deterministic: the same module gives the same order.

Usage: wasm_order.py IN.wasm OUT.wasm
"""

import sys

# How many functions, in size order, the chain looks among for the next one (more is slower;
# beyond about 2,000 the bundle's main module gets no smaller).
CANDIDATES = 2000
# The length of the byte sequences compared.
SHINGLE = 4

SECTION_CUSTOM, SECTION_IMPORT, SECTION_CODE = 0, 2, 10
IMPORT_FUNC, IMPORT_TABLE, IMPORT_MEMORY, IMPORT_GLOBAL, IMPORT_TAG = 0, 1, 2, 3, 4
NAME_SUBSECTION_FUNCTIONS = 1


def read_leb(data, at):
    """An unsigned LEB128 at `at`: (value, position after it)."""
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def leb(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def read_limits(data, at):
    flags, at = read_leb(data, at)
    _, at = read_leb(data, at)
    if flags & 1:
        _, at = read_leb(data, at)
    return at


def sections(module):
    """The module's sections as (id, body), in order."""
    if module[:4] != b"\0asm":
        sys.exit("not a wasm module")
    found, at = [], 8
    while at < len(module):
        section_id = module[at]
        size, at = read_leb(module, at + 1)
        found.append((section_id, module[at : at + size]))
        at += size
    return found


def imported_functions(body):
    """How many functions the import section brings (they come first in the index space)."""
    count, at = read_leb(body, 0)
    functions = 0
    for _ in range(count):
        for _name in range(2):  # module, field
            length, at = read_leb(body, at)
            at += length
        kind = body[at]
        at += 1
        if kind == IMPORT_FUNC:
            _, at = read_leb(body, at)
            functions += 1
        elif kind == IMPORT_TABLE:
            at = read_limits(body, at + 1)
        elif kind == IMPORT_MEMORY:
            at = read_limits(body, at)
        elif kind == IMPORT_GLOBAL:
            at += 2
        elif kind == IMPORT_TAG:
            _, at = read_leb(body, at + 1)
        else:
            sys.exit(f"unknown import kind {kind}")
    return functions


def function_bodies(body):
    count, at = read_leb(body, 0)
    bodies = []
    for _ in range(count):
        size, at = read_leb(body, at)
        bodies.append(body[at : at + size])
        at += size
    return bodies


def chain(bodies):
    """The order of the defined functions (indices into `bodies`)."""
    shingles = [
        {code[i : i + SHINGLE] for i in range(max(1, len(code) - SHINGLE + 1))} for code in bodies
    ]
    left = sorted(range(len(bodies)), key=lambda f: (len(bodies[f]), bodies[f]))
    if not left:
        return []
    order = [left.pop(0)]
    while left:
        last = shingles[order[-1]]
        best, best_share = 0, -1.0
        for position, candidate in enumerate(left[:CANDIDATES]):
            own = shingles[candidate]
            share = len(last & own) / (len(own) + 1)
            if share > best_share:
                best, best_share = position, share
        order.append(left.pop(best))
    return order


def name_section(names):
    """A `name` custom section naming function `index` `name`, for each pair."""
    entries = bytearray(leb(len(names)))
    for index, name in sorted(names.items()):
        encoded = name.encode()
        entries += leb(index) + leb(len(encoded)) + encoded
    payload = leb(4) + b"name" + bytes([NAME_SUBSECTION_FUNCTIONS]) + leb(len(entries)) + entries
    return bytes([SECTION_CUSTOM]) + leb(len(payload)) + payload


def is_name_section(section_id, body):
    if section_id != SECTION_CUSTOM:
        return False
    length, at = read_leb(body, 0)
    return body[at : at + length] == b"name"


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    module = open(sys.argv[1], "rb").read()
    found = sections(module)
    imports = sum(imported_functions(b) for i, b in found if i == SECTION_IMPORT)
    bodies = [f for i, b in found if i == SECTION_CODE for f in function_bodies(b)]
    order = chain(bodies)
    width = len(str(len(order)))
    names = {imports + f: f"f{rank:0{width}d}" for rank, f in enumerate(order)}
    out = bytearray(module[:8])
    for section_id, body in found:
        if not is_name_section(section_id, body):
            out += bytes([section_id]) + leb(len(body)) + body
    out += name_section(names)
    open(sys.argv[2], "wb").write(out)


if __name__ == "__main__":
    main()
