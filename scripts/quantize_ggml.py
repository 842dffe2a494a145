#!/usr/bin/env python3
"""Quantize a whisper.cpp ggml model (f16) to q8_0 or q5_1, like whisper.cpp's `quantize` tool.

    quantize_ggml.py ggml-base.bin ggml-base-q8_0.bin [q8_0]
    quantize_ggml.py ggml-base.bin ggml-base-q5_1.bin q5_1

Matrix weights become q8_0 (blocks of 32 int8 with one f16 scale) or q5_1 (blocks of 32
5-bit values with an f16 scale and minimum); conv kernels stay f16, biases, norms and
positional embeddings stay f32 — the types whisper.cpp expects for such a file. Needs numpy
only. Checked: the q8_0 output is byte-identical to whisper.cpp v1.8.3's
`whisper-quantize IN OUT q8_0` on the test model; both come out at exactly the sizes of the
catalog's ggml-base-q8_0.bin / ggml-base-q5_1.bin (the model benchmark uses them to say what
the quantized catalog models cost on this machine).
"""
import struct
import sys
from pathlib import Path

import numpy as np

GGML_TYPE_F32, GGML_TYPE_F16, GGML_TYPE_Q5_1, GGML_TYPE_Q8_0 = 0, 1, 7, 8
GGML_FTYPE_MOSTLY_Q8_0, GGML_FTYPE_MOSTLY_Q5_1 = 7, 9
GGML_QNT_VERSION = 2
QK8_0 = QK5_1 = 32


def q8_0(x):
    blocks = x.astype(np.float32).reshape(-1, QK8_0)
    amax = np.abs(blocks).max(axis=1, keepdims=True)
    d = amax / 127.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    # ggml rounds half away from zero (roundf), numpy's rint rounds half to even.
    q = np.trunc(blocks * inv + np.copysign(0.5, blocks)).clip(-127, 127).astype(np.int8)
    out = np.empty((blocks.shape[0], 2 + QK8_0), dtype=np.uint8)
    out[:, :2] = d.astype("<f2").view(np.uint8).reshape(-1, 2)
    out[:, 2:] = q.view(np.uint8)
    return out.tobytes()


def q5_1(x):
    """ggml's quantize_row_q5_1_ref: q = (x - min) / d rounded, 5 bits split into a low
    nibble (two per byte, first and second half of the block) and one high bit in `qh`."""
    blocks = x.astype(np.float32).reshape(-1, QK5_1)
    lo = blocks.min(axis=1)
    d = (blocks.max(axis=1) - lo) / 31.0
    inv = np.divide(1.0, d, out=np.zeros_like(d), where=d != 0)
    q = ((blocks - lo[:, None]) * inv[:, None] + 0.5).astype(np.uint8)
    half = QK5_1 // 2
    x0, x1 = q[:, :half], q[:, half:]
    bits = np.arange(half, dtype=np.uint32)
    qh = ((((x0 >> 4) & 1).astype(np.uint32) << bits).sum(axis=1)
          + (((x1 >> 4) & 1).astype(np.uint32) << (bits + half)).sum(axis=1))
    out = np.empty(len(blocks), dtype=[("d", "<f2"), ("m", "<f2"), ("qh", "<u4"), ("qs", "u1", half)])
    out["d"] = d.astype(np.float16)
    out["m"] = lo.astype(np.float16)
    out["qh"] = qh.astype(np.uint32)
    out["qs"] = (x0 & 0x0F) | ((x1 & 0x0F) << 4)
    return out.tobytes()


KINDS = {
    "q8_0": (q8_0, GGML_TYPE_Q8_0, GGML_FTYPE_MOSTLY_Q8_0),
    "q5_1": (q5_1, GGML_TYPE_Q5_1, GGML_FTYPE_MOSTLY_Q5_1),
}


def main():
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and sys.argv[3] not in KINDS):
        raise SystemExit(__doc__)
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    quantize, qtype, qftype = KINDS[sys.argv[3] if len(sys.argv) == 4 else "q8_0"]
    data = src.read_bytes()
    pos = 0

    def take(n):
        nonlocal pos
        chunk = data[pos:pos + n]
        if len(chunk) != n:
            raise SystemExit(f"{src}: truncated at byte {pos}")
        pos += n
        return chunk

    def i32():
        return struct.unpack("<i", take(4))[0]

    out = bytearray()
    magic = i32()
    if magic != 0x67676D6C:
        raise SystemExit(f"{src}: not a ggml whisper model")
    hparams = [i32() for _ in range(10)]
    ftype = i32()
    if ftype % 1000 != 1:
        raise SystemExit(f"{src}: expected an f16 model (ftype 1), got ftype {ftype}")
    out += struct.pack("<i", magic)
    out += struct.pack("<10i", *hparams)
    out += struct.pack("<i", GGML_QNT_VERSION * 1000 + qftype)
    n_mel, n_fft = i32(), i32()
    out += struct.pack("<ii", n_mel, n_fft) + take(4 * n_mel * n_fft)
    n_vocab = i32()
    out += struct.pack("<i", n_vocab)
    for _ in range(n_vocab):
        n = i32()
        out += struct.pack("<i", n) + take(n)
    while pos < len(data):
        n_dims, name_len, ttype = i32(), i32(), i32()
        dims = [i32() for _ in range(n_dims)]
        name = take(name_len)
        count = int(np.prod(dims))
        size = count * (4 if ttype == GGML_TYPE_F32 else 2)
        raw = take(size)
        if ttype == GGML_TYPE_F16 and n_dims == 2 and dims[0] % QK8_0 == 0:
            payload, ttype = quantize(np.frombuffer(raw, dtype="<f2")), qtype
        else:
            payload = raw
        out += struct.pack("<iii", n_dims, name_len, ttype)
        out += struct.pack(f"<{n_dims}i", *dims) + name + payload
    tmp = dst.with_suffix(".part")
    tmp.write_bytes(out)
    tmp.replace(dst)
    print(f"wrote {dst} ({len(out)} bytes)")


if __name__ == "__main__":
    main()
