/** What the global set-up hands every browser test file (vitest's provide/inject). */
export interface E2EContext {
  /** `http://127.0.0.1:<port>` serving the bundle folder. */
  origin: string;
  /** Chromium executable. */
  chromium: string;
  /** Repository root. */
  root: string;
  /** The folder being served (dist/ or the tests' own build). */
  bundleDir: string;
  /** The Excel fake bundled for the browser (a script file to add with page.addInitScript). */
  fakeOfficeScript: string;
  /** test-output/e2e: screenshots and downloads go under test-output/. */
  outDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2EContext;
  }
}
