/** Swagger UI's files as text modules of the Worker bundle (wrangler.toml [[rules]] type = "Text"). */
import bundle from "swagger-ui-dist/swagger-ui-bundle.js";
import css from "swagger-ui-dist/swagger-ui.css";
import type { DocsAssets } from "./assets.ts";

const files = Promise.resolve({ bundle, css });

export const workerDocsAssets: DocsAssets = { load: () => files };
