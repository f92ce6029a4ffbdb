import type { z } from 'zod';

/**
 * A schema built on first use instead of at module load. Building zod schemas is most of what a waking
 * service worker spends evaluating its code (every message's schemas, though one message arrived), so
 * modules export their schemas through this: the value behaves as the schema itself (parse, shape,
 * pick, nesting in other schemas) and is built once, the first time anything reads it.
 *
 * Marked free of side effects for the bundler: a schema nothing reads is dropped, so a content
 * script's first stage that imports a domain module for its helpers does not carry zod.
 */
/*#__NO_SIDE_EFFECTS__*/
export function lazySchema<T extends z.core.$ZodType>(build: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= build());
  // The target only mirrors the non-configurable properties the traps report (a proxy invariant).
  const handler: ProxyHandler<object> = {
    get: (_, key) => Reflect.get(schema(), key, schema()) as unknown,
    has: (_, key) => Reflect.has(schema(), key),
    set: (_, key, value) => Reflect.set(schema(), key, value, schema()),
    ownKeys: () => Reflect.ownKeys(schema()),
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
    getOwnPropertyDescriptor: (target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(schema(), key);
      if (descriptor && !descriptor.configurable && !Reflect.getOwnPropertyDescriptor(target, key))
        Reflect.defineProperty(target, key, descriptor);
      return descriptor;
    },
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(schema(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(schema(), key),
  };
  return new Proxy({}, handler) as T;
}
