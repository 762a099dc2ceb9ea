#!/usr/bin/env bash
# Builds the v0.01 (2018) fixtures with tools independent of MedBlocks: openssl for every key and
# cipher operation, python3 only for base58 text and the JSON container. Run once; the outputs are
# committed and the tests read them (no openssl at test time).
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# RSA-1024, private key as PKCS#1 PEM ("BEGIN RSA PRIVATE KEY"), public key as SubjectPublicKeyInfo PEM.
openssl genrsa -traditional -out rsa-private.pem 1024
openssl rsa -in rsa-private.pem -pubout -out rsa-public.pem

# Ed25519: the PKCS#8 DER ends with the 32-byte seed, the SPKI DER with the 32-byte public key.
openssl genpkey -algorithm ed25519 -outform DER -out "$work/ed.der"
openssl pkey -inform DER -in "$work/ed.der" -pubout -outform DER -out "$work/ed-pub.der"
tail -c 32 "$work/ed.der" > "$work/ed-seed.bin"
tail -c 32 "$work/ed-pub.der" > "$work/ed-pub.bin"

python3 - "$work/ed-seed.bin" "$work/ed-pub.bin" <<'PY'
import json, sys
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def b58(data: bytes) -> str:
    n = int.from_bytes(data, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out
seed = open(sys.argv[1], "rb").read()
pub = open(sys.argv[2], "rb").read()
user = {
    "name": "Jenny Tallia",
    "phone": "+61 400 000 123",
    "bigchain": {"private_key": b58(seed), "public_key": b58(pub)},
    "rsa": {"private_key": open("rsa-private.pem").read(), "public_key": open("rsa-public.pem").read()},
}
with open("user.json", "w") as f:
    json.dump(user, f, indent=2)
    f.write("\n")
with open("user-address.txt", "w") as f:
    f.write(b58(pub) + "\n")
PY

# Records: plaintext zero-padded to whole AES blocks, AES-256-CBC without further padding, IV prefixed;
# the AES key wrapped with RSA-OAEP-SHA1 for the user's key, base64 with a newline every 76 characters.
make_record() {
    local name=$1
    local size pad
    size=$(stat -c %s "$name.plain")
    pad=$(( (16 - size % 16) % 16 ))
    cp "$name.plain" "$work/$name.padded"
    head -c "$pad" /dev/zero >> "$work/$name.padded"
    openssl rand -hex 32 > "$name.key.hex"
    openssl rand -hex 16 > "$work/$name.iv.hex"
    openssl enc -aes-256-cbc -nopad -K "$(cat "$name.key.hex")" -iv "$(cat "$work/$name.iv.hex")" \
        -in "$work/$name.padded" -out "$work/$name.body"
    xxd -r -p "$work/$name.iv.hex" > "$name.bin"
    cat "$work/$name.body" >> "$name.bin"
    xxd -r -p "$name.key.hex" > "$work/$name.key"
    openssl pkeyutl -encrypt -pubin -inkey rsa-public.pem \
        -pkeyopt rsa_padding_mode:oaep -pkeyopt rsa_oaep_md:sha1 -pkeyopt rsa_mgf1_md:sha1 \
        -in "$work/$name.key" | base64 -w 76 > "$name.key.wrapped"
}

# A text note, a binary record of several blocks, one of exactly two blocks (no padding), and one
# ending in zero bytes (which this format cannot round-trip).
printf 'Allergy: penicillin (anaphylaxis, 2015). Blood group A+. Recorded 2018-03-02.\n' > note.plain
{ head -c 1000 /dev/urandom; printf '\x2a'; } > scan.plain
printf '0123456789abcdef0123456789ABCDEF' > blocks.plain
{ printf 'ends in zeros'; head -c 3 /dev/zero; } > zeros.plain
for record in note scan blocks zeros; do
    make_record "$record"
done
