import { describe, expect, it } from "vitest";
import { TrieRouter } from "hono/router/trie-router";
import { createApp } from "../api/app.ts";
import { RememberingRouter } from "../api/lib/router.ts";
import { newToken } from "../api/lib/tokens.ts";

describe("the remembering router", () => {
  // The app's own routes and middleware, as the app adds them.
  const routes = createApp({ config: { PUBLIC_URL: "https://events.example.jp" } } as never).routes;
  const build = <R extends TrieRouter<string> | RememberingRouter<string>>(router: R) => {
    routes.forEach((r, i) => router.add(r.method, r.path, `${i} ${r.method} ${r.path}`));
    return router;
  };
  const id = "0b7a3c1e-5d2f-4a8b-9c6d-1e2f3a4b5c6d";
  const token = newToken();
  const asked: [string, string][] = [
    ["POST", `/api/events/${id}/registrations`],
    ["GET", `/api/events/${id}`],
    ["GET", "/api/events"],
    ["GET", `/api/registrations/${token}`],
    ["GET", "/admin/events/new"],
    ["GET", `/admin/events/${id}/edit`],
    ["GET", "/calendar/blocks/hokkaido.ics"],
    ["GET", "/nothing/here"],
    ["DELETE", "/api/events"],
  ];

  it("answers as Hono's trie router does, the first time and when it answers from memory", () => {
    const plain = build(new TrieRouter<string>());
    const remembering = build(new RememberingRouter<string>());
    // The registration's path runs the app's middleware and its route.
    expect(plain.match("POST", asked[0]![1])[0].length).toBeGreaterThan(3);
    for (const round of [1, 2]) {
      for (const [method, path] of asked) {
        expect(remembering.match(method, path), `${round}: ${method} ${path}`).toEqual(plain.match(method, path));
      }
    }
  });

  it("keeps no path that carries a token, and forgets what it kept when a route is added", () => {
    const remembering = build(new RememberingRouter<string>());
    remembering.match("GET", `/api/registrations/${token}`);
    expect(remembering.kept).toBe(0);
    remembering.match("GET", `/api/events/${id}`);
    remembering.match("GET", `/api/events/${id}`);
    expect(remembering.kept).toBe(1);
    remembering.add("GET", "/late", "late");
    expect(remembering.kept).toBe(0);
    expect(remembering.match("GET", "/late")[0].map(([h]) => h)).toContain("late");
  });
});
