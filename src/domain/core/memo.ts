/**
 * The value kept under `key` in `cache`, made by `make` the first time it is asked for (a promise is kept as it is,
 * so callers asking while it is pending share it).
 */
export function memo<K, T>(cache: Map<K, T>, key: K, make: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = make();
  cache.set(key, value);
  return value;
}
