// Test helper: freeze an object graph so any write throws (ES modules are strict): plain objects
// and arrays with Object.freeze, Maps and Sets by replacing their mutators on the instance.

const MUTATORS: Record<string, string[]> = { Map: ['set', 'delete', 'clear'], Set: ['add', 'delete', 'clear'] };

export function deepFreeze<T>(value: T, seen = new Set<unknown>()): T {
  if (value === null || typeof value !== 'object' || seen.has(value) || Object.isFrozen(value)) return value;
  seen.add(value);
  const collection = value instanceof Map ? 'Map' : value instanceof Set ? 'Set' : undefined;
  if (value instanceof Map) for (const [k, v] of value) deepFreeze(k, seen), deepFreeze(v, seen);
  if (value instanceof Set) for (const v of value) deepFreeze(v, seen);
  if (collection) {
    for (const name of MUTATORS[collection]!) {
      Object.defineProperty(value, name, {
        value: () => {
          throw new TypeError(`write to a frozen ${collection} (${name})`);
        },
      });
    }
  }
  for (const key of Reflect.ownKeys(value)) {
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d && 'value' in d) deepFreeze(d.value, seen);
  }
  return Object.freeze(value);
}
