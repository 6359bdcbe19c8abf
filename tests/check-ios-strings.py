#!/usr/bin/env python3
"""Checks the iOS app's String Catalog (ios/App/Localizable.xcstrings).

Fails when
  - a key lacks English, Spanish or German (or a value in one of them),
  - a translation's format specifiers (%lld, %d, %@, ...) differ from its key's,
  - a view uses a literal string key (Text("..."), Button("..."),
    String(localized: "..."), ...) that the catalog does not hold; an
    interpolation in the literal matches any format specifier in the key.
Prints what it checked. Run by ./tests/run.sh (the swift step).
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "ios/App/Localizable.xcstrings"
VIEWS = sorted((ROOT / "ios/App").glob("*.swift"))
LANGS = ("en", "es", "de")

SPEC = re.compile(r"%(?:\d+\$)?(?:lld|llu|ld|lu|d|u|@|lf|f|%)")
# Where a string literal is a localization key in SwiftUI.
OPENER = re.compile(
    r"(?:\b(?:Text|Button|Label|Section|navigationTitle|Toggle|Picker|TextField|DatePicker|alert"
    r"|confirmationDialog|capRow)\(\s*|String\(localized:\s*|\b(?:title|confirm):\s*"
    r"|\bcontrol\(\"[^\"]*\",\s*)\"")


def specs(text):
    return sorted(s.replace("%", "", 1).split("$")[-1] for s in SPEC.findall(text) if s != "%%")


def literal_at(src, i):
    """The Swift string literal starting after the quote at src[i-1]: its
    parts, with each interpolation as None."""
    parts, buf = [], []
    while i < len(src):
        c = src[i]
        if c == '"':
            parts.append("".join(buf))
            return parts
        if c == "\\" and src[i + 1] == "(":
            parts.append("".join(buf))
            buf = []
            depth, i = 1, i + 2
            while depth:
                depth += {"(": 1, ")": -1}.get(src[i], 0)
                i += 1
            parts.append(None)
            continue
        if c == "\\":
            buf.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(src[i + 1], src[i + 1]))
            i += 2
            continue
        buf.append(c)
        i += 1
    raise ValueError("unterminated string literal")


def main():
    errors = []
    catalog = json.loads(CATALOG.read_text(encoding="utf-8"))
    strings = catalog.get("strings", {})
    for key, entry in strings.items():
        locs = entry.get("localizations", {})
        for lang in LANGS:
            loc = locs.get(lang)
            if loc is None:
                errors.append(f"{key!r}: no {lang}")
                continue
            values = []  # (value, whether it may leave out the counted number)
            if "stringUnit" in loc:
                values.append((loc["stringUnit"].get("value", ""), False))
            plural = loc.get("variations", {}).get("plural")
            if plural is not None:
                if "other" not in plural:
                    errors.append(f"{key!r}: {lang} plural has no 'other'")
                values += [(v.get("stringUnit", {}).get("value", ""), form in ("zero", "one"))
                           for form, v in plural.items()]
            if not values or any(not v.strip() for v, _ in values):
                errors.append(f"{key!r}: {lang} has an empty value")
            for v, may_drop in values:
                got, want = specs(v), specs(key)
                # "Once a day" for one: the number may be left out, nothing added.
                ok = got == want or (may_drop and all(got.count(x) <= want.count(x) for x in got))
                if v and not ok:
                    errors.append(f"{key!r}: {lang} {v!r} has other format specifiers")

    # A key with specifiers matches a literal whose interpolations sit where they are.
    def find(parts):
        if all(p is not None for p in parts):
            return "".join(parts) in strings
        rx = "^" + "".join(re.escape(p) if p is not None else SPEC.pattern for p in parts) + "$"
        r = re.compile(rx)
        return any(r.match(k) for k in strings)

    used = 0
    for f in VIEWS:
        src = f.read_text(encoding="utf-8")
        for m in OPENER.finditer(src):
            parts = literal_at(src, m.end())
            text = "".join(p if p is not None else "\\(…)" for p in parts)
            used += 1
            if not find(parts):
                line = src.count("\n", 0, m.start()) + 1
                errors.append(f"ios/App/{f.name}:{line}: {text!r} is not in the String Catalog")
    for e in errors:
        print("check-ios-strings:", e, file=sys.stderr)
    if errors:
        print(f"check-ios-strings: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print(f"check-ios-strings: {len(strings)} keys, each in {', '.join(LANGS)}; "
          f"{used} literal keys in {len(VIEWS)} view files, all in the catalog")
    return 0


if __name__ == "__main__":
    sys.exit(main())
