#!/usr/bin/env python3
"""Post-generation step for the Kotlin bindings: one call-status structure
per thread instead of a new one on every call into Rust.

UniFFI's generated Kotlin allocates a fresh `UniffiRustCallStatus` for every
call (a method call makes two: one to clone the object's handle, one for the
method itself). Each is a JNA `Structure` holding its own native memory plus
a nested `RustBuffer`, so every call mallocs twice, and JNA records every
allocation in a global map and a cleaner list that are only emptied after
the garbage collector has found the structures unreachable. With a large
young generation hundreds of thousands of entries pile up between
collections, and the inserts, resizes and removals were most of the cost of
a call (see docs/performance.md, "Crossing cost from Kotlin").

The replacement takes the thread's spare status, resets it to success and
puts it back after the call; a nested call on the same thread (none exists
today: the API has no callbacks) finds no spare and allocates as before.
The script fails if the generated code no longer contains the exact lines
it replaces, so a UniFFI upgrade cannot drop the step silently.

    bindings/kotlin-call-status.py build/bindings/kotlin/app/unknot/core/unknot_ffi.kt
"""

import sys

OLD = """    var status = UniffiRustCallStatus()
    val return_value = callback(status)
    uniffiCheckCallStatus(errorHandler, status)
    return return_value
}
"""

NEW = """    val status = UniffiCallStatusCache.take()
    try {
        val return_value = callback(status)
        UniffiCallStatusCache.readAfterCall(status)
        uniffiCheckCallStatus(errorHandler, status)
        return return_value
    } finally {
        UniffiCallStatusCache.give(status)
    }
}

// Added after generation by bindings/kotlin-call-status.py: each thread keeps
// one spare call status, so a call into Rust allocates no JNA structure, and
// JNA does not copy its fields by reflection around every call: the code byte
// is zeroed before the call and read after it, and the whole structure is
// read only when Rust reported an error.
internal object UniffiCallStatusCache {
    private val spare = ThreadLocal<UniffiRustCallStatus?>()

    fun take(): UniffiRustCallStatus {
        val status = spare.get()
        if (status == null) {
            // New structure memory is zeroed: the code reads as success.
            return UniffiRustCallStatus().also { it.setAutoSynch(false) }
        }
        spare.set(null)
        status.code = UNIFFI_CALL_SUCCESS
        status.pointer.setByte(0, UNIFFI_CALL_SUCCESS)
        return status
    }

    fun readAfterCall(status: UniffiRustCallStatus) {
        if (status.pointer.getByte(0) != UNIFFI_CALL_SUCCESS) {
            status.read()
        }
    }

    fun give(status: UniffiRustCallStatus) {
        spare.set(status)
    }
}
"""

MARK = "UniffiCallStatusCache"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if MARK in text:
        return 0
    if text.count(OLD) != 1:
        print(
            f"{path}: the generated call helper is not the one this step expects "
            "(UniFFI changed?); update bindings/kotlin-call-status.py",
            file=sys.stderr,
        )
        return 1
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(OLD, NEW))
    return 0


if __name__ == "__main__":
    sys.exit(main())
