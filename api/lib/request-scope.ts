import { AsyncLocalStorage } from "node:async_hooks";

/**
 * I/O handles that belong to one request, for an app that is built once. The app is given
 * stand-ins (`forward("db")`) that pass every property on to the handle of the request being
 * served, found through AsyncLocalStorage; `run` serves one request with its own handles.
 */
export class RequestScope<Handles extends Record<string, object>> {
  private readonly storage = new AsyncLocalStorage<Handles>();

  run<R>(handles: Handles, serve: () => R): R {
    return this.storage.run(handles, serve);
  }

  forward<K extends keyof Handles>(key: K): Handles[K] {
    const current = () => {
      const handles = this.storage.getStore();
      if (!handles) throw new Error(`${String(key)} used outside a request`);
      return handles[key];
    };
    return new Proxy({} as Handles[K], {
      get(_, property) {
        const target = current();
        const value = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
      has: (_, property) => Reflect.has(current(), property),
    });
  }
}
