#!/usr/bin/env python3
"""Checks an image's config as pulled back from the registry (the JSON of `skopeo inspect --config`).

usage: check-image.py PORT... < config.json   exits 1 with the failed checks listed (PORT: each port it must expose)
"""
import json
import sys

ports = sys.argv[1:]
config = json.load(sys.stdin)["config"]
entrypoint = " ".join(config.get("Entrypoint") or [])
labels = config.get("Labels") or {}
checks = {
    "runs as the non-root user 1001": config.get("User", "").split(":")[0] == "1001",
    "entrypoint starts java": entrypoint.startswith("java ") or "/java " in entrypoint,
    # The heap share is the deployment's (_JAVA_OPTIONS in k8s); the image only makes an OOM end the process.
    "JVM exits on OutOfMemoryError": "-XX:+ExitOnOutOfMemoryError" in entrypoint,
    "entrypoint runs quarkus-run.jar": "quarkus-run.jar" in entrypoint,
    **{f"exposes {port}/tcp": f"{port}/tcp" in (config.get("ExposedPorts") or {}) for port in ports},
    "OCI labels source, version, revision": all(
        labels.get(f"org.opencontainers.image.{k}") for k in ("source", "version", "revision")),
}
for name, ok in checks.items():
    print(("ok     " if ok else "FAILED ") + name)
sys.exit(0 if all(checks.values()) else 1)
