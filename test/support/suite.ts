// Resources of a `describe` block (a runtime, a server): opened before its tests and closed after them.
import { after, before } from 'node:test';

/**
 * Opens the resource before the suite's tests (hooks registered after this call run after it) and closes it
 * after them. The object returned is filled in when the tests run: use it as the resource itself.
 */
export function forSuite<T extends { close: () => Promise<void> }>(open: () => Promise<T>): T {
  const resource = {} as T;
  before(async () => {
    Object.assign(resource, await open());
  });
  after(() => resource.close?.());
  return resource;
}
