"""Fetch the CTB8 segmentation model that the PyPI package pkuseg==0.0.12
ships, and convert it into spacy-pkuseg's format under models/pkuseg/ctb8.

Only the package registry is used (pip download); the wheel is unpacked in
.cache/ and only the converted model (features.msgpack, weights.npz) is kept.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache" / "pkuseg"
TARGET = ROOT / "models" / "pkuseg" / "ctb8"
WHEEL = "pkuseg-0.0.12-py3-none-any.whl"


def main() -> int:
    if (TARGET / "weights.npz").exists() and (TARGET / "features.msgpack").exists():
        print(f"pkuseg model ready in {TARGET}")
        return 0
    CACHE.mkdir(parents=True, exist_ok=True)
    wheel = CACHE / WHEEL
    if not wheel.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                        "pkuseg==0.0.12", "-d", str(CACHE)], check=True)
    raw = CACHE / "raw"
    with zipfile.ZipFile(wheel) as zf:
        members = [n for n in zf.namelist() if n.startswith("pkuseg/models/ctb8/")]
        zf.extractall(raw, members)
    src = raw / "pkuseg" / "models" / "ctb8"
    import spacy_pkuseg

    spacy_pkuseg.pkuseg(model_name=str(src))  # converts the text model in place
    TARGET.mkdir(parents=True, exist_ok=True)
    for name in ("features.msgpack", "weights.npz"):
        shutil.copy2(src / name, TARGET / name)
    shutil.rmtree(raw)
    print(f"converted pkuseg CTB8 model into {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
