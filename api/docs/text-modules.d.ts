// What the Worker build imports as text (wrangler.toml [[rules]] type = "Text"); Node reads the files instead.
declare module "swagger-ui-dist/swagger-ui-bundle.js" {
  const text: string;
  export default text;
}
declare module "swagger-ui-dist/swagger-ui.css" {
  const text: string;
  export default text;
}
