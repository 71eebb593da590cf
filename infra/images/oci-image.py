#!/usr/bin/env python3
"""Packs a root file system into a one-layer OCI image layout, with no container engine.

usage: oci-image.py ROOTFS OUT_DIR TAG USER_UID [LABEL=VALUE ...]

The layout (OUT_DIR/oci-layout, index.json, blobs/sha256/*) is then pushed with
`skopeo copy oci:OUT_DIR:TAG docker://REGISTRY/NAME:TAG`.
"""
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile


def blob(out, data, media_type):
    digest = hashlib.sha256(data).hexdigest()
    path = os.path.join(out, "blobs", "sha256", digest)
    with open(path, "wb") as f:
        f.write(data)
    return {"mediaType": media_type, "digest": "sha256:" + digest, "size": len(data)}


def main(rootfs, out, tag, uid, *labels):
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "blobs", "sha256"))
    with tempfile.TemporaryFile() as tar:
        # Numeric owners, name order and one fixed time keep the layer reproducible for the same rootfs.
        subprocess.run(["tar", "--numeric-owner", "--sort=name", "--mtime=@0", "-C", rootfs, "-cf", "-", "."],
                       stdout=tar, check=True)
        tar.seek(0)
        raw = tar.read()
    diff_id = "sha256:" + hashlib.sha256(raw).hexdigest()
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0, compresslevel=6) as gz:
        gz.write(raw)
    layer = blob(out, packed.getvalue(), "application/vnd.oci.image.layer.v1.tar+gzip")
    config = {
        "architecture": "amd64",
        "os": "linux",
        "config": {
            "User": uid,
            "WorkingDir": "/home/app",
            "Env": [
                "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64",
                "LANG=C.UTF-8",
            ],
            "Labels": dict(label.split("=", 1) for label in labels),
        },
        "rootfs": {"type": "layers", "diff_ids": [diff_id]},
        "history": [{"created_by": "debootstrap bookworm minbase + openjdk-17-jre-headless (infra/images)"}],
    }
    config_desc = blob(out, json.dumps(config, sort_keys=True).encode(), "application/vnd.oci.image.config.v1+json")
    manifest = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "config": config_desc, "layers": [layer]}
    manifest_desc = blob(out, json.dumps(manifest, sort_keys=True).encode(), "application/vnd.oci.image.manifest.v1+json")
    manifest_desc["annotations"] = {"org.opencontainers.image.ref.name": tag}
    with open(os.path.join(out, "index.json"), "w") as f:
        json.dump({"schemaVersion": 2, "manifests": [manifest_desc]}, f)
    with open(os.path.join(out, "oci-layout"), "w") as f:
        json.dump({"imageLayoutVersion": "1.0.0"}, f)


if __name__ == "__main__":
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
