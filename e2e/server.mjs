// A small static file server for the built site (dist/), used by the end-to-end tests.
// It binds to 127.0.0.1, serves correct MIME types (application/wasm included) and sends
// `Cache-Control: no-store`, so every test sees exactly the files on disk.
//
// As a module: `const server = await startServer({ root }); ... await server.close();`
// From the shell: `node e2e/server.mjs [root=dist] [port=8080]` (with the strict CSP).

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The content types of the files a release holds (shared with bench/server.mjs). */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** The policy the widget promises to run under (issue 5); `csp: true` sends it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/** The strict policy with Trusted Types enforced, as security-minded platforms set. */
export const TRUSTED_TYPES_CSP = `${STRICT_CSP}; require-trusted-types-for 'script'`;

/**
 * Serves the files under `root` on `host`; port 0 picks a free port. With `csp`, every
 * response carries the strict Content-Security-Policy, or the policy `csp` names when it
 * is a string (the strict one with Trusted Types, say).
 * Resolves to `{ url, origin, served, close() }` once the server listens; `served` lists
 * the path of every file sent, in order.
 */
export async function startServer({ root, host = '127.0.0.1', port = 0, csp = false }) {
  const rootDir = resolve(root);
  const extraHeaders = csp ? { 'Content-Security-Policy': typeof csp === 'string' ? csp : STRICT_CSP } : {};
  const served = [];
  const server = createServer((request, response) => {
    serve(rootDir, request, response, extraHeaders, served).catch((error) => {
      if (!response.headersSent) {
        send(response, 500, `internal error: ${error.message}`);
      } else {
        response.destroy(error);
      }
    });
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, resolveListen);
  });
  const { port: boundPort } = server.address();
  const origin = `http://${host}:${boundPort}`;
  return {
    origin,
    url: `${origin}/`,
    served,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

async function serve(rootDir, request, response, extraHeaders, served) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'method not allowed');
    return;
  }
  const found = await findFile(rootDir, request.url);
  if (found.status !== 200) {
    send(response, found.status, found.problem);
    return;
  }
  const { target, info } = found;
  response.writeHead(200, {
    'Content-Type': MIME_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  served.push(new URL(request.url, 'http://localhost').pathname);
  createReadStream(target).pipe(response);
}

/**
 * The file a request's address names under `rootDir` (its index.html for a folder), as
 * `{ status: 200, target, info }`, or the status and problem that say why there is none:
 * 400 for a path that does not decode, 403 for one outside the root, 404 for nothing there.
 * Shared with bench/server.mjs.
 */
export async function findFile(rootDir, requestUrl) {
  const { pathname } = new URL(requestUrl, 'http://localhost');
  let relative;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return { status: 400, problem: 'bad path' };
  }
  const filePath = normalize(join(rootDir, relative));
  if (filePath !== rootDir && !filePath.startsWith(rootDir + sep)) return { status: 403, problem: 'forbidden' };
  let target = filePath;
  let info = await stat(target).catch(() => null);
  if (info?.isDirectory()) {
    target = join(target, 'index.html');
    info = await stat(target).catch(() => null);
  }
  if (!info?.isFile()) return { status: 404, problem: 'not found' };
  return { status: 200, target, info };
}

function send(response, status, text) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(`${text}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const server = await startServer({ root, port, csp: true });
  console.log(`serving ${resolve(root)} on ${server.url}`);
}
