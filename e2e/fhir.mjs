// The native `fhir` command, for the tests that check FHIR files (fhir.test.mjs,
// clinician.test.mjs). Build it with `cargo build --release --bin fhir`; where cargo
// builds into another directory, this follows cargo's own CARGO_TARGET_DIR.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
const FHIR = join(TARGET, 'release', 'fhir');

/** What `fhir <args>` prints for `input` (given as JSON on stdin), parsed. */
export function fhirCommand(args, input) {
  if (!existsSync(FHIR)) {
    throw new Error(`${FHIR} is missing: run \`cargo build --release --bin fhir\` first (or set CARGO_TARGET_DIR)`);
  }
  return JSON.parse(execFileSync(FHIR, args, { input: input === undefined ? '' : JSON.stringify(input) }).toString());
}
