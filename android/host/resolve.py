#!/usr/bin/env python3
"""Resolves the Android app's libraries the way Gradle would and prints the
full set as Maven dependency lines for android/host/pom.xml.

Maven reads only POM files, and the POMs of Kotlin Multiplatform libraries
(Compose, lifecycle, collection, ...) name their common artifacts rather
than the Android ones, some with exact version ranges Maven cannot satisfy.
Gradle reads the Gradle module metadata (.module) next to each POM instead.
This script follows that metadata: it takes the Android (or plain JVM)
runtime variant of each module, follows "available-at" to the platform
artifact, applies version constraints and picks the highest version asked
for. Modules without metadata are read from their POM.

It is run by hand when a version in libraries.txt changes:
  android/host/resolve.py     (rewrites android/host/pom.xml)
"""
import json
import os
import re
import sys
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET

REPO = "https://repo1.maven.org/maven2"
_cache = {}


def fetch(path):
    if path in _cache:
        return _cache[path]
    try:
        with urllib.request.urlopen(f"{REPO}/{path}", timeout=60) as r:
            data = r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        if e.code == 404:
            data = None
        else:
            raise
    _cache[path] = data
    return data


def base(g, a, v):
    return f"{g.replace('.', '/')}/{a}/{v}/{a}-{v}"


def vkey(v):
    parts = re.split(r"[.\-]", v)
    out = []
    for p in parts:
        if p.isdigit():
            out.append((2, int(p), ""))
        else:
            rank = {"alpha": -3, "beta": -2, "rc": -1}.get(re.sub(r"\d+", "", p.lower()), 0)
            num = int(re.sub(r"\D", "", p) or 0)
            out.append((1 if rank == 0 else rank, num, p))
    return out


def vmax(a, b):
    return a if vkey(a) >= vkey(b) else b


def version_of(spec):
    if not spec:
        return None
    v = spec.get("strictly") or spec.get("requires") or spec.get("prefers")
    if v and v.startswith("["):
        v = v.strip("[]()").split(",")[0]
    return v


def platform_of(variant):
    return variant.get("attributes", {}).get("org.jetbrains.kotlin.platform.type")


def pick_variant(module):
    runtime = [v for v in module["variants"]
               if v.get("attributes", {}).get("org.gradle.usage") == "java-runtime"
               and v.get("attributes", {}).get("org.gradle.category", "library") == "library"]
    for want in ("androidJvm", "jvm", None):
        for v in runtime:
            if platform_of(v) == want:
                return v
    return None


NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def pom_info(g, a, v):
    """(packaging, [(g, a, v)]) from a POM, with parent properties."""
    text = fetch(base(g, a, v) + ".pom")
    if text is None:
        raise LookupError(f"{g}:{a}:{v}")
    root = ET.fromstring(text)
    props = {"project.version": v, "pom.version": v, "project.groupId": g}
    parent = root.find("m:parent", NS)
    managed = {}
    if parent is not None:
        pg, pa, pv = (parent.find(f"m:{t}", NS).text for t in ("groupId", "artifactId", "version"))
        _, _, pprops, pmanaged = pom_full(pg, pa, pv)
        props.update(pprops)
        managed.update(pmanaged)
    for p in root.findall("m:properties/*", NS):
        props[p.tag.split("}")[1]] = (p.text or "").strip()

    def sub(s):
        for _ in range(5):
            s = re.sub(r"\$\{([^}]+)\}", lambda m: props.get(m.group(1), m.group(0)), s)
        return s

    for d in root.findall("m:dependencyManagement/m:dependencies/m:dependency", NS):
        dg, da = sub(d.find("m:groupId", NS).text), sub(d.find("m:artifactId", NS).text)
        dv = d.find("m:version", NS)
        if dv is not None:
            managed[(dg, da)] = sub(dv.text)
    deps = []
    for d in root.findall("m:dependencies/m:dependency", NS):
        scope = d.find("m:scope", NS)
        optional = d.find("m:optional", NS)
        if scope is not None and scope.text not in ("compile", "runtime"):
            continue
        if optional is not None and optional.text.strip() == "true":
            continue
        dg, da = sub(d.find("m:groupId", NS).text), sub(d.find("m:artifactId", NS).text)
        dv = d.find("m:version", NS)
        ver = sub(dv.text) if dv is not None else managed.get((dg, da))
        if ver and ver.startswith("["):
            ver = ver.strip("[]()").split(",")[0]
        deps.append((dg, da, ver))
    pk = root.find("m:packaging", NS)
    return (pk.text if pk is not None else "jar"), deps, props, managed


def pom_full(g, a, v):
    return pom_info(g, a, v)


def node(g, a, v):
    """(final g, a, v, extension, [dep (g, a, v)], [constraint (g, a, v)])."""
    mod = fetch(base(g, a, v) + ".module")
    if mod is not None:
        m = json.loads(mod)
        var = pick_variant(m)
        if var is None:
            return None
        if "available-at" in var:
            at = var["available-at"]
            return node(at["group"], at["module"], at["version"])
        deps = [(d["group"], d["module"], version_of(d.get("version")))
                for d in var.get("dependencies", [])
                if d.get("attributes", {}).get("org.gradle.category") != "platform"]
        cons = [(d["group"], d["module"], version_of(d.get("version")))
                for d in var.get("dependencyConstraints", [])]
        files = var.get("files", [])
        ext = None
        if files:
            ext = files[0]["url"].rsplit(".", 1)[1]
        return g, a, v, ext, [d for d in deps if d[2]], [c for c in cons if c[2]]
    packaging, deps, _, _ = pom_info(g, a, v)
    ext = {"bundle": "jar", "pom": None}.get(packaging, packaging)
    return g, a, v, ext, [d for d in deps if d[2]], []


def resolve(roots):
    wanted = {}
    for g, a, v in roots:
        wanted[(g, a)] = v
    while True:
        seen, result, constraints, changed = set(), {}, {}, False
        missing = {}
        queue = [(g, a) for g, a, _ in roots]
        asked = dict(wanted)
        while queue:
            key = queue.pop(0)
            if key in seen:
                continue
            seen.add(key)
            try:
                n = node(key[0], key[1], asked[key])
            except LookupError as e:
                missing[key] = str(e)
                continue
            if n is None:
                continue
            fg, fa, fv, ext, deps, cons = n
            result[key] = (fg, fa, fv, ext)
            for c in cons:
                constraints[(c[0], c[1])] = vmax(constraints.get((c[0], c[1]), c[2]), c[2])
            for dg, da, dv in deps:
                k = (dg, da)
                best = vmax(wanted.get(k, dv), dv)
                if k in constraints:
                    best = vmax(best, constraints[k])
                if wanted.get(k) != best:
                    wanted[k] = best
                    changed = True
                asked[k] = wanted[k]
                queue.append(k)
        for k, cv in constraints.items():
            if k in result and vmax(wanted[k], cv) != wanted[k]:
                wanted[k] = cv
                changed = True
        if not changed:
            for k, what in missing.items():
                print(f"not on Maven Central: {what}", file=sys.stderr)
            return result


POM_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by android/host/resolve.py from android/host/libraries.txt;
     do not edit by hand. Every library the Android app and its screen tests
     use, with the version Gradle would pick, each without transitive
     dependencies (they are all listed). tests/android.sh copies them with
     mvn dependency:copy-dependencies. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>app.unknot</groupId>
  <artifactId>android-host</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
"""
POM_TAIL = """  </dependencies>
</project>
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    roots = []
    with open(f"{here}/libraries.txt") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                roots.append(tuple(line.split(":")))
    res = resolve(roots)
    # Two requested modules can land on one artifact (a multiplatform root
    # and its -jvm artifact asked for directly): keep the highest version.
    best = {}
    for (fg, fa, fv, ext) in res.values():
        if ext is None or fg == "org.jetbrains.kotlin":
            # kotlinc brings its own (newer) Kotlin standard library
            continue
        if (fg, fa) not in best or vmax(best[(fg, fa)][0], fv) == fv:
            best[(fg, fa)] = (fv, ext)
    lines = []
    for (fg, fa), (fv, ext) in sorted(best.items()):
        t = "" if ext == "jar" else f"<type>{ext}</type>"
        lines.append(
            f"    <dependency><groupId>{fg}</groupId><artifactId>{fa}</artifactId>"
            f"<version>{fv}</version>{t}"
            "<exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId>"
            "</exclusion></exclusions></dependency>\n")
    with open(f"{here}/pom.xml", "w") as f:
        f.write(POM_HEAD + "".join(lines) + POM_TAIL)
    print(f"{len(lines)} libraries written to pom.xml", file=sys.stderr)


if __name__ == "__main__":
    main()
