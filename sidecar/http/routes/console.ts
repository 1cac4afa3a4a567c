// The sidecar's own admin console: the page (admin-ui/console/index.html) at /admin and the webpack
// bundle (dist/admin-ui) under /admin/assets. Both are public: the page signs in through the API.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

/** The folder holding package.json, from this file in sidecar/ or in dist/sidecar/. */
function projectRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

export function consoleRoutes(directories: { consoleDirectory?: string; assetsDirectory?: string }): Router {
  const root = projectRoot();
  const page = join(directories.consoleDirectory ?? join(root, 'admin-ui', 'console'), 'index.html');
  const assets = directories.assetsDirectory ?? join(root, 'dist', 'admin-ui');
  const router = Router();
  router.get('/admin', (_req, res) => {
    if (!existsSync(page)) {
      res.status(503).json({ error: 'The admin console is not built yet; run npm run build and reload.' });
      return;
    }
    res.sendFile(page);
  });
  router.use('/admin/assets', express.static(assets, { index: false, fallthrough: true }));
  return router;
}
