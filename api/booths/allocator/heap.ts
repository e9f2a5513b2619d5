/** A binary heap ordered by `better` (the best element on top). */
export class Heap<T> {
  private a: T[] = [];
  constructor(private readonly better: (x: T, y: T) => boolean) {}
  get size() {
    return this.a.length;
  }
  peek(): T | undefined {
    return this.a[0];
  }
  push(x: T) {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.better(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): T | undefined {
    const a = this.a;
    if (a.length === 0) return undefined;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let b = i;
        if (l < a.length && this.better(a[l]!, a[b]!)) b = l;
        if (r < a.length && this.better(a[r]!, a[b]!)) b = r;
        if (b === i) break;
        [a[i], a[b]] = [a[b]!, a[i]!];
        i = b;
      }
    }
    return top;
  }
}
