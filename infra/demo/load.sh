#!/usr/bin/env bash
# The demo data (from the seed articles), loaded through the services' APIs by ./twinning up.
set -euo pipefail
exec python3 "$(dirname "$0")/load.py"
