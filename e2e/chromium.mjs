// How every script here starts Debian's Chromium (the end-to-end tests, and the
// benchmarks in bench/): the binary, and the flags for running it headless as root in a
// container with nothing phoning home. No dependencies, so bench/ can import it too.

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
