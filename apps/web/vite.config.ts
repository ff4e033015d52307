import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text that compresses; images other than SVG and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;
/** Below this a compressed copy saves less than its headers cost (nginx's gzip_min_length, roughly). */
const MIN_BYTES = 1024;

/**
 * Writes `x.br` and `x.gz` next to every compressible file of the build, once, at the highest
 * levels: the API serves them as they are (@fastify/static `preCompressed`), so no request pays for
 * compression. A copy that is not smaller than the file is not written.
 */
function precompress(): Plugin {
  let outDir: string | null = null;
  return {
    name: 'butie:precompress',
    apply: 'build',
    configResolved(config) {
      // A build that writes nothing (`build.write: false`) has nothing to compress.
      outDir = config.build.write ? path.resolve(config.root, config.build.outDir) : null;
    },
    async closeBundle() {
      if (!outDir) return;
      const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          if (content.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            gzipAsync(content, { level: 9 }),
          ]);
          if (br.length < content.length) await writeFile(`${file}.br`, br);
          if (gz.length < content.length) await writeFile(`${file}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * The login page is the first page of nearly every visit, and a chunk of its own (app/router.tsx).
 * Without a hint the browser would ask for that chunk, its CSS and what only it imports after the
 * entry had run: two more round trips before anything is drawn. These links have them fetched
 * alongside the entry. A signed-in visitor has them cached already (hashed, immutable) from signing in.
 */
function preloadFirstPage(moduleSuffix: string): Plugin {
  return {
    name: 'butie:preload-first-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return;
        const chunks = new Map(
          Object.values(bundle)
            .filter((output): output is Rolldown.OutputChunk => output.type === 'chunk')
            .map((chunk) => [chunk.fileName, chunk]),
        );
        const closure = (fileName: string, into = new Set<string>()) => {
          if (into.has(fileName)) return into;
          into.add(fileName);
          for (const imported of chunks.get(fileName)?.imports ?? []) closure(imported, into);
          return into;
        };
        const page = [...chunks.values()].find((chunk) => chunk.facadeModuleId?.endsWith(moduleSuffix));
        const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
        if (!page || !entry) throw new Error(`preloadFirstPage: no chunk for ${moduleSuffix}`);
        const loadedByEntry = closure(entry.fileName);
        const scripts = [...closure(page.fileName)].filter((fileName) => !loadedByEntry.has(fileName));
        const styles = scripts.flatMap((fileName) => [...(chunks.get(fileName)?.viteMetadata?.importedCss ?? [])]);
        return [
          ...scripts.map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${fileName}` }, injectTo: 'head' as const })),
          ...styles.map((fileName) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${fileName}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

/**
 * pdf.js (the in-page preview of PDF materials) reads character maps for CJK text and the standard
 * fonts from URLs at run time: they are copied beside the build under /pdfjs/ (and served from the
 * package in development), loaded only when a PDF that needs them is opened.
 */
function pdfjsAssets(): Plugin {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folders = ['cmaps', 'standard_fonts'];
  let outDir: string | null = null;
  return {
    name: 'butie:pdfjs-assets',
    configResolved(config) {
      outDir = config.command === 'build' && config.build.write ? path.resolve(config.root, config.build.outDir) : null;
    },
    configureServer(server) {
      server.middlewares.use('/pdfjs', (request, response, next) => {
        const relative = decodeURIComponent((request.url ?? '').split('?')[0]).replace(/^\/+/, '');
        const [folder] = relative.split('/');
        if (!folders.includes(folder) || relative.includes('..')) return next();
        readFile(path.join(packageDir, relative)).then((content) => response.end(content), () => next());
      });
    },
    async closeBundle() {
      if (!outDir) return;
      await Promise.all(folders.map((folder) => cp(path.join(packageDir, folder), path.join(outDir!, 'pdfjs', folder), { recursive: true })));
    },
  };
}

// The SPA is served by the API in production (one port); in development Vite proxies /api to it.
export default defineConfig({
  plugins: [react(), preloadFirstPage('/src/features/auth/LoginPage.tsx'), pdfjsAssets(), precompress()],
  resolve: {
    alias: { '@butie/contracts': fileURLToPath(new URL('../../libs/contracts/src/index.ts', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: false,
    rolldownOptions: {
      treeshake: {
        // antd's own rc-component packages do not declare `sideEffects: false`, so every module behind
        // an index they import was kept: an antd Input brought the whole of @rc-component/form and its
        // validator to the login page. Their modules only define components and helpers.
        moduleSideEffects: (id) => (/[\\/]node_modules[\\/]@rc-component[\\/]/.test(id) ? false : undefined),
      },
    },
  },
});
