/**
 * Builds the add-in into dist/: taskpane.html (the pane inside Excel, and the manifest's function file:
 * one shared runtime), index.html (the standalone page: same bundle, no office.js), commands.html (a bare
 * function page, kept for older cached manifests and the browser tests), the icons, the manifest and
 * the sample cluster the standalone page opens with. `npm run build` is the production build; `npm run
 * dev-server` serves the same pages on https://localhost:3000 (scripts/start.mjs runs it).
 *
 * Modern build on purpose: no polyfill entries, ES2020 output. Office on Windows and Mac now runs
 * add-ins in Edge WebView2 / Safari WebKit; the old IE11 web view cannot run ExcelApi 1.9 anyway.
 */
import { createRequire } from 'node:module';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const require = createRequire(import.meta.url);
const root = path.dirname(fileURLToPath(import.meta.url));

/** The one base URL of manifest.xml. */
export const DEV_BASE_URL = 'https://localhost:3000';
export const DEV_PORT = 3000;

/** Where office-addin-dev-certs writes its files (its defaults.js), read directly when it gives up. */
export const CERT_DIR = path.join(homedir(), '.office-addin-dev-certs');

/** A day's margin, as office-addin-dev-certs' own check (openssl -checkend 86400). */
const EXPIRY_MARGIN_MS = 24 * 60 * 60 * 1000;

function readCertificateFiles() {
  const read = (name) => readFileSync(path.join(CERT_DIR, name));
  const files = { ca: read('ca.crt'), cert: read('localhost.crt'), key: read('localhost.key') };
  // An expired certificate reads fine but every browser refuses it: treat it as missing.
  const validTo = Date.parse(new X509Certificate(files.cert).validTo);
  if (!(validTo - EXPIRY_MARGIN_MS > Date.now())) throw new Error('localhost.crt has expired');
  return files;
}

function tryReadCertificateFiles() {
  try {
    return readCertificateFiles();
  } catch {
    return null;
  }
}

function caInstalled(devCerts) {
  try {
    return devCerts.verifyCertificates() === true;
  } catch {
    return false;
  }
}

/**
 * HTTPS options for the dev server, most trusted first:
 * 1. certificate files that are still valid: use them as they are. Calling office-addin-dev-certs
 *    again would delete and remake them whenever its CA is not in the system store, so a CA the
 *    developer trusted by hand (no admin rights) would change on every start;
 * 2. none yet: getHttpsServerOptions() makes them and adds its CA to the system store. Without admin
 *    rights (no sudo) it rejects after writing the files, so read those files directly;
 * 3. still none: ask office-addin-dev-certs only to generate them (no install), then read them;
 * 4. nothing works: plain HTTP, which Excel refuses but the standalone page can still use.
 */
export async function devServerHttps() {
  const devCerts = require('office-addin-dev-certs');
  const existing = tryReadCertificateFiles();
  if (existing) return { type: 'https', options: existing, untrusted: !caInstalled(devCerts) };
  try {
    const { ca, cert, key } = await withTimeout(devCerts.getHttpsServerOptions(), installTimeoutMs());
    return { type: 'https', options: { ca, cert, key } };
  } catch (error) {
    console.warn(`[ThiDua] office-addin-dev-certs did not finish (${firstLine(error)}); reading ${CERT_DIR} directly.`);
  }
  const written = tryReadCertificateFiles();
  if (written) return { type: 'https', options: written, untrusted: true };
  try {
    await devCerts.generateCertificates();
    return { type: 'https', options: readCertificateFiles(), untrusted: true };
  } catch (error) {
    console.warn(
      `[ThiDua] Không tạo được chứng chỉ HTTPS, máy chủ chạy HTTP: Excel sẽ không nạp add-in, chỉ dùng được trang độc lập.\n` +
        `[ThiDua] No HTTPS certificate could be made (${firstLine(error)}); serving plain HTTP: Excel will not load the add-in, only the standalone page works.`,
    );
    return { type: 'http' };
  }
}

/**
 * Installing the CA may ask for a sudo password on a terminal; without one (npm start runs the server
 * detached) nothing can answer, so give up after a while instead of never serving.
 */
function installTimeoutMs() {
  return process.stdin.isTTY ? Infinity : 60_000;
}

function withTimeout(promise, ms) {
  if (!Number.isFinite(ms)) return promise;
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

function untrustedNotice() {
  console.warn(
    `[ThiDua] Chứng chỉ tự tạo chưa được tin cậy: hãy tin cậy ${path.join(CERT_DIR, 'ca.crt')} trong hệ điều hành/trình duyệt ` +
      `(hoặc chạy "npx office-addin-dev-certs install" với quyền quản trị).\n` +
      `[ThiDua] The self-made certificate is not trusted yet: trust ${path.join(CERT_DIR, 'ca.crt')} in the OS or browser ` +
      `(or run "npx office-addin-dev-certs install" as an administrator).`,
  );
}

/**
 * A deployment serves from its own origin: ADDIN_BASE_URL=https://example.org/thidua npm run build
 * rewrites the manifest's one base URL in dist/manifest.xml (the source manifest keeps localhost).
 */
function manifestPattern(baseUrl) {
  const pattern = { from: 'manifest.xml', to: 'manifest.xml' };
  if (!baseUrl) return pattern;
  const target = baseUrl.replace(/\/+$/, '');
  return { ...pattern, transform: (content) => content.toString('utf8').split(DEV_BASE_URL).join(target) };
}

export default async function config(env = {}, argv = {}) {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const dev = mode === 'development';
  let server;
  if (env.WEBPACK_SERVE) {
    server = await devServerHttps();
    if (server.untrusted) untrustedNotice();
    delete server.untrusted;
  }

  return {
    mode,
    context: root,
    target: ['web', 'es2020'],
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/faces/taskpane/index.tsx',
      commands: './src/faces/commands/commands.ts',
    },
    output: {
      path: path.join(root, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.mjs', '.js', '.json'],
      alias: {
        // exceljs's package entry is its Node build (fs, stream, zlib); its browser bundle has them
        // all built in. src/hosts/xlsx imports 'exceljs' and gets the browser bundle here.
        exceljs$: require.resolve('exceljs/dist/exceljs.min.js'),
      },
      // Nothing in the browser build may reach Node built-ins; fail loudly rather than ship a shim.
      fallback: { fs: false, path: false, os: false, crypto: false, stream: false, zlib: false },
    },
    module: {
      // A finished, minified bundle: parsing it again costs seconds and finds nothing to resolve.
      noParse: /exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type errors are tsc's job (npm run typecheck); the bundle only needs transpiling.
              transpileOnly: true,
              configFile: path.join(root, 'tsconfig.json'),
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/faces/taskpane/index.html',
        chunks: ['taskpane'],
      }),
      // The standalone page: the same bundle without office.js, under a strict content security policy.
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/faces/taskpane/standalone.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/faces/commands/commands.html',
        chunks: ['commands'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          // The sample cluster the standalone page opens with, fetched from its own origin.
          { from: 'examples/cum-thi-dua-so-1/**/*.xlsx', to: '[path][name][ext]' },
          manifestPattern(dev ? undefined : process.env.ADDIN_BASE_URL),
        ],
      }),
    ],
    performance: {
      // Served from the add-in's own origin and cached by Office; the Fluent UI and exceljs bundles
      // are large by nature. Warn only past what a task pane should ever load.
      maxAssetSize: 4 * 1024 * 1024,
      maxEntrypointSize: 4 * 1024 * 1024,
    },
    devServer: {
      host: 'localhost',
      port: DEV_PORT,
      server,
      static: false,
      hot: false,
      liveReload: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      client: { overlay: { errors: true, warnings: false } },
    },
  };
}
