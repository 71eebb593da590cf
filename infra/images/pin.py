#!/usr/bin/env python3
"""Pins the prod overlay's images by digest: each `images:` entry named on stdin gets `digest: <digest>` in place
of its `newTag` or its previous digest.

usage: pin.py KUSTOMIZATION < digests     (lines "twinning/NAME sha256:HEX", as infra/images/build.sh prints them)
"""
import re
import sys


def pin(text, digests):
    lines = text.split("\n")
    missing = set(digests)
    name = None
    for i, line in enumerate(lines):
        m = re.match(r"^  - name: (\S+)\s*$", line)
        if m:
            name = m.group(1)
            continue
        if not line.startswith("    "):
            name = None
            continue
        if name in digests and re.match(r"^    (newTag|digest): ", line):
            lines[i] = "    digest: " + digests[name]
            missing.discard(name)
    if missing:
        raise SystemExit("no images: entry with newTag or digest for " + ", ".join(sorted(missing)))
    return "\n".join(lines)


def main(path):
    digests = {}
    for line in sys.stdin:
        if line.strip():
            name, digest = line.split()
            if not re.fullmatch(r"sha256:[0-9a-f]{64}", digest):
                raise SystemExit("not a digest for " + name + ": " + digest)
            digests[name] = digest
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(pin(text, digests))
    for name, digest in sorted(digests.items()):
        print("pinned " + name + "@" + digest)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
