/** A built site served on 127.0.0.1 as a static host serves it: for the browser tests and the link check. */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

/**
 * Why: serve a built `dist/` on 127.0.0.1 as a static host would: a missing page answers status 404
 * with the site's 404 page (a link check must see it as broken). With `base` (e.g. `/team-hub/`)
 * the site is served under that path only, as on GitHub Pages.
 */
export async function serveDist(dist: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const serve = sirv(dist, { dev: false, etag: false, extensions: ['html'] });
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    if (base !== '/') {
      if (!url.startsWith(base)) {
        response.statusCode = 404;
        return void response.end('Not found (outside the base path)');
      }
      request.url = url.slice(base.length - 1);
    }
    serve(request, response, () => {
      const notFoundPage = path.join(dist, '404.html');
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      response.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
