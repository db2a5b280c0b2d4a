/** Adds values to the list a map keeps under `key`, creating the list on first use. */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, values);
}

/**
 * A value attached to an object, as a WeakMap entry would be, but kept on the object itself
 * (a non-enumerable symbol property, so spreads and JSON leave it out).
 *
 * Why not a WeakMap: V8's minor collections treat the entries of a long-lived WeakMap as
 * live, so everything a value or key reaches (a parse tree, a configuration) survives, is
 * copied and promoted, and waits for a major collection. With a WeakMap per parsed document,
 * about a fifth of a parse's garbage outlived it (V8's promotion ratio, against 0.3% for
 * `yaml` alone), and a workspace scan spent 17% of its time in the collector. A slot dies
 * with its object.
 */
export class ObjectSlot<K extends object, V> {
  private readonly key: symbol;

  constructor(description: string) {
    this.key = Symbol(description);
  }

  get(owner: K): V | undefined {
    return (owner as unknown as Record<symbol, V | undefined>)[this.key];
  }

  set(owner: K, value: V): void {
    Object.defineProperty(owner, this.key, { value, writable: true, configurable: true });
  }

  delete(owner: K): void {
    delete (owner as unknown as Record<symbol, V | undefined>)[this.key];
  }
}
