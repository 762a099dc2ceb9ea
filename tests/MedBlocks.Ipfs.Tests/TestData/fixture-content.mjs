// Writes the deterministic fixture content of N bytes to a file:
// the concatenation of SHA-256("medblocks-ipfs-fixture" || uint64-le(i)) for i = 0, 1, 2, ...
// FixtureContent.cs in the test project produces the same bytes.
import { createHash } from 'node:crypto';
import { openSync, writeSync, closeSync } from 'node:fs';

const [, , sizeText, path] = process.argv;
const size = Number(sizeText);
const seed = Buffer.from('medblocks-ipfs-fixture', 'ascii');
const fd = openSync(path, 'w');
const block = Buffer.alloc(1 << 20);
let written = 0;
let counter = 0n;
const index = Buffer.alloc(8);
while (written < size) {
  let filled = 0;
  while (filled < block.length && written + filled < size) {
    index.writeBigUInt64LE(counter++);
    const digest = createHash('sha256').update(seed).update(index).digest();
    filled += digest.copy(block, filled);
  }
  const take = Math.min(filled, size - written);
  writeSync(fd, block, 0, take);
  written += take;
}
closeSync(fd);
