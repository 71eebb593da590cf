#!/usr/bin/env python3
"""Rewrites, in an OCI image layout, the jars Quarkus writes with the time of the build, so that two builds of the
same commit give the same image digest.

usage: normalize-layers.py OCI_DIR      (the layout `skopeo copy docker://IMAGE oci:OCI_DIR:latest` writes)

Jib already gives every file in a layer a fixed time; the jars' contents still carry their entries' times. Quarkus
3.27 writes quarkus-run.jar and quarkus/*.jar with the time of the build (from 3.28 on it honours
project.build.outputTimestamp, and this step can go). Each such jar is rewritten with every entry at 1980-01-01,
no extra fields (they hold more times), entries in name order after the manifest; its layer, the config's diff_ids,
the manifest and the index are then rewritten to match. Other layers and files are left byte for byte.
"""
import gzip
import hashlib
import io
import json
import os
import re
import sys
import tarfile
import zipfile

FIXED = (1980, 1, 1, 0, 0, 0)
QUARKUS_JARS = re.compile(r"(^|/)(quarkus-run\.jar|quarkus/[^/]+\.jar)$")


def read_blob(root, digest):
    with open(os.path.join(root, "blobs", *digest.split(":")), "rb") as f:
        return f.read()


def write_blob(root, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    with open(os.path.join(root, "blobs", *digest.split(":")), "wb") as f:
        f.write(data)
    return digest


def normalize_jar(data):
    """The jar with fixed entry times, no extra fields, the manifest first and the other entries by name."""
    source = zipfile.ZipFile(io.BytesIO(data))
    infos = source.infolist()
    first = [i for i in infos if i.filename in ("META-INF/", "META-INF/MANIFEST.MF")]
    rest = sorted((i for i in infos if i not in first), key=lambda i: i.filename)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in first + rest:
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            entry.create_system = info.create_system
            target.writestr(entry, source.read(info), compresslevel=6 if info.compress_type == zipfile.ZIP_DEFLATED else None)
    return out.getvalue()


def normalize_layer(raw):
    """The layer's tar with Quarkus' jars rewritten, or None when it holds none."""
    changed = False
    out = io.BytesIO()
    with tarfile.open(fileobj=io.BytesIO(raw)) as source, \
            tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as target:
        for member in source.getmembers():
            data = source.extractfile(member).read() if member.isfile() else None
            if data is not None and QUARKUS_JARS.search(member.name):
                data = normalize_jar(data)
                member.size = len(data)
                changed = True
            member.pax_headers = {}
            target.addfile(member, io.BytesIO(data) if data is not None else None)
    return out.getvalue() if changed else None


def main(root):
    with open(os.path.join(root, "index.json")) as f:
        index = json.load(f)
    descriptor = index["manifests"][0]
    manifest = json.loads(read_blob(root, descriptor["digest"]))
    config = json.loads(read_blob(root, manifest["config"]["digest"]))
    for i, layer in enumerate(manifest["layers"]):
        packed = read_blob(root, layer["digest"])
        raw = gzip.decompress(packed) if "gzip" in layer["mediaType"] else packed
        rewritten = normalize_layer(raw)
        if rewritten is None:
            continue
        config["rootfs"]["diff_ids"][i] = "sha256:" + hashlib.sha256(rewritten).hexdigest()
        zipped = io.BytesIO()
        with gzip.GzipFile(fileobj=zipped, mode="wb", mtime=0, compresslevel=6) as gz:
            gz.write(rewritten)
        layer["digest"] = write_blob(root, zipped.getvalue())
        layer["size"] = len(zipped.getvalue())
    config_bytes = json.dumps(config, separators=(",", ":")).encode()
    manifest["config"]["digest"] = write_blob(root, config_bytes)
    manifest["config"]["size"] = len(config_bytes)
    manifest_bytes = json.dumps(manifest, separators=(",", ":")).encode()
    descriptor["digest"] = write_blob(root, manifest_bytes)
    descriptor["size"] = len(manifest_bytes)
    with open(os.path.join(root, "index.json"), "w") as f:
        json.dump(index, f)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
