import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import { access } from '../../http/access';
import type { AppEnv } from '../../http/app-env';

const resolvePackageFile = createRequire(import.meta.url).resolve;

/** Read once at start: htmx from node_modules (no CDN) and our own stylesheet. */
const assets = {
  'htmx.min.js': {
    body: readFileSync(resolvePackageFile('htmx.org/dist/htmx.min.js')),
    type: 'text/javascript; charset=utf-8',
  },
  'app.css': {
    body: readFileSync(fileURLToPath(new URL('../../../views/static/app.css', import.meta.url))),
    type: 'text/css; charset=utf-8',
  },
};

function isAssetName(name: string): name is keyof typeof assets {
  return Object.hasOwn(assets, name);
}

export function assetRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/assets/:name', access('public'), (c) => {
    const name = c.req.param('name');
    if (!isAssetName(name)) return c.notFound();
    const asset = assets[name];
    c.header('Content-Type', asset.type);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(new Uint8Array(asset.body));
  });

  return app;
}
