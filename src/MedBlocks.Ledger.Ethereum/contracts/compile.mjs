// Compiles MedBlocksLedger.sol with the solc pinned in package-lock.json through standard JSON input, so the
// output depends on the source and the settings below only (never on paths or the machine).
// Usage: node compile.mjs [outDir]   (default: build)
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const solc = require('solc');
const here = dirname(fileURLToPath(import.meta.url));
const outDir = process.argv[2] ?? join(here, 'build');
const name = 'MedBlocksLedger';

const input = {
  language: 'Solidity',
  sources: { [`${name}.sol`]: { content: readFileSync(join(here, `${name}.sol`), 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'paris',
    metadata: { bytecodeHash: 'ipfs' },
    outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input)));
const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);

const contract = output.contracts[`${name}.sol`][name];
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, `${name}.abi.json`), JSON.stringify(contract.abi, null, 2) + '\n');
writeFileSync(join(outDir, `${name}.bin`), contract.evm.bytecode.object + '\n');
writeFileSync(join(outDir, 'solc-version.txt'), solc.version() + '\n');
