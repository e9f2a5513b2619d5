/**
 * Swagger UI's files, from the swagger-ui-dist package the project installs. Each runtime entry says
 * where they come from (Node: node_modules on disk; the Worker: text modules in its bundle).
 */
export type DocsFiles = { bundle: string; css: string };
export type DocsAssets = { load(): Promise<DocsFiles> };
