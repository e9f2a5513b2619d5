import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { DocsAssets, DocsFiles } from "./assets.ts";

const require = createRequire(import.meta.url);
let files: Promise<DocsFiles> | undefined;

/** Read from node_modules on first use, then kept for the life of the process. */
export const nodeDocsAssets: DocsAssets = {
  load() {
    files ??= Promise.all([
      readFile(require.resolve("swagger-ui-dist/swagger-ui-bundle.js"), "utf8"),
      readFile(require.resolve("swagger-ui-dist/swagger-ui.css"), "utf8"),
    ]).then(([bundle, css]) => ({ bundle, css }));
    // A failed read is tried again by the next request rather than remembered.
    files.catch(() => (files = undefined));
    return files;
  },
};
