// The static server of the benchmark, the same code for both sites. Like e2e/server.mjs
// it binds to 127.0.0.1 and sends `Cache-Control: no-store`; unlike it, it compresses with
// brotli when the request accepts br, because the bytes a clinic's visitor downloads are
// the compressed ones, and the comparison should not favour whichever site has fewer
// raw bytes that compress worse.
//
// Each file is read and compressed once, at the strongest setting (as e2e/size.mjs
// measures and as a host serving pre-compressed files would), and then served from
// memory, so compression time never shows up in the page-load times.
//
//   const server = await startServer({ root }); ... server.served; await server.close();
//   node bench/server.mjs bench/surveyjs 8081     (from the shell, to look at a site)

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress as brotliCompressCallback, constants } from 'node:zlib';

import { MIME_TYPES, findFile } from '../e2e/server.mjs';

const brotliCompress = promisify(brotliCompressCallback);

// Already-compressed formats are sent as they are, as any web server would.
const INCOMPRESSIBLE = new Set(['.png', '.ico', '.webp', '.woff2']);

/**
 * Serves the files under `root` on 127.0.0.1 at a free port. Resolves to
 * `{ url, origin, served, close() }`; `served` lists every response sent, as
 * `{ path, status, encoding, rawBytes, sentBytes }`, for checking what the browser reports.
 */
export async function startServer({ root, host = '127.0.0.1', port = 0 }) {
  const rootDir = resolve(root);
  // path -> Promise<{ mtimeMs, size, raw, brotli }>: a promise, so that two requests for
  // the same file at once compress it once.
  const cache = new Map();
  const served = [];
  const server = createServer((request, response) => {
    serve({ rootDir, cache, served }, request, response).catch((error) => {
      if (!response.headersSent) send(response, 500, `internal error: ${error.message}`);
      else response.destroy(error);
    });
  });
  await new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, resolveListen);
  });
  const origin = `http://${host}:${server.address().port}`;
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

async function serve({ rootDir, cache, served }, request, response) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'method not allowed');
    return;
  }
  const { pathname } = new URL(request.url, 'http://localhost');
  const record = (status, encoding = null, rawBytes = 0, sentBytes = 0) =>
    served.push({ path: pathname, status, encoding, rawBytes, sentBytes });
  const found = await findFile(rootDir, request.url);
  if (found.status !== 200) {
    record(found.status);
    send(response, found.status, found.problem);
    return;
  }
  const { target, info } = found;

  const file = await cached(cache, target, info);
  const useBrotli = file.brotli !== null && acceptsBrotli(request.headers['accept-encoding']);
  const body = useBrotli ? file.brotli : file.raw;
  const headers = {
    'Content-Type': MIME_TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  };
  if (file.brotli !== null) headers.Vary = 'Accept-Encoding';
  if (useBrotli) headers['Content-Encoding'] = 'br';
  response.writeHead(200, headers);
  record(200, useBrotli ? 'br' : 'identity', file.raw.length, request.method === 'HEAD' ? 0 : body.length);
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** The file's bytes and their brotli form, from memory unless the file changed on disk. */
function cached(cache, path, info) {
  const entry = cache.get(path);
  if (entry && entry.mtimeMs === info.mtimeMs && entry.size === info.size) return entry.file;
  const file = (async () => {
    const raw = await readFile(path);
    const ext = extname(path).toLowerCase();
    const brotli = INCOMPRESSIBLE.has(ext) ? null : await brotliCompress(raw, brotliOptions(raw, ext));
    return { raw, brotli };
  })();
  cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, file });
  return file;
}

function brotliOptions(raw, ext) {
  return {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_MODE]: ext === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  };
}

/** True when an Accept-Encoding header allows br (and does not give it q=0). */
function acceptsBrotli(header = '') {
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().split(';').map((s) => s.trim());
    if (coding !== 'br' && coding !== '*') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

function send(response, status, text) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? fileURLToPath(new URL('./surveyjs', import.meta.url));
  const server = await startServer({ root, port: Number(process.argv[3] ?? 8081) });
  console.log(`serving ${resolve(root)} on ${server.url}`);
}
