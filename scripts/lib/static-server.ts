/**
 * A tiny static file server for the browser tests and `npm run sample`: the built add-in (dist/) and the sample cluster,
 * on 127.0.0.1 with a port the OS picks, so parallel runs and a developer's dev server never collide.
 * Read-only, GET/HEAD only, and nothing outside its roots can be named (no `..`, no symlink escape).
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** URL prefix -> folder. The longest matching prefix wins; `/` is the built bundle. */
export type Mounts = Record<string, string>;

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

async function fileFor(mounts: [string, string][], pathname: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').includes('..')) return null;
  for (const [prefix, root] of mounts) {
    if (!decoded.startsWith(prefix)) continue;
    const rest = decoded.slice(prefix.length);
    const wanted = join(root, rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest);
    try {
      const real = await realpath(wanted);
      const realRoot = await realpath(root);
      if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
      if ((await stat(real)).isFile()) return real;
    } catch {
      // Not under this mount: a shorter prefix may still have it.
    }
  }
  return null;
}

/** `port` 0 (the default) lets the OS pick a free one. */
export async function startStaticServer(mounts: Mounts, port = 0): Promise<StaticServer> {
  // Longest prefix first, so `/examples/` is looked up before `/`.
  const ordered = Object.entries(mounts)
    .map(([p, dir]) => [p.endsWith('/') ? p : `${p}/`, resolve(dir)] as [string, string])
    .sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const file = await fileFor(ordered, url.pathname);
      if (!file) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const size = (await stat(file)).size;
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 1000;
  await new Promise<void>((ok, ko) => {
    server.once('error', ko);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
