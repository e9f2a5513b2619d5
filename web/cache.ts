/** The pages' Cache-Control: public pages revalidate, private pages (a token in the path) and organiser pages are never stored. */
export const PAGE_CACHE = { "Cache-Control": "private, no-cache" };
export const PRIVATE_PAGE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };
export const NO_STORE = { "Cache-Control": "no-store" };
