// What a `describe` block's tests share (a runtime, a server, staff): made before its tests, closed after them.
import { after, before } from 'node:test';

/**
 * Makes an object before the suite's tests (after the `before` hooks registered earlier, so it may use
 * them). The object returned is filled in when the tests run: use it as the value itself.
 */
export function beforeSuite<T extends object>(make: () => Promise<T>): T {
  const value = {} as T;
  before(async () => {
    const made = await make();
    // Class instances (a TestAgent) keep their methods: the placeholder takes the made object's prototype.
    Object.setPrototypeOf(value, Object.getPrototypeOf(made));
    Object.assign(value, made);
  });
  return value;
}

/** Opens a resource before the suite's tests and closes it after them (see `beforeSuite`). */
export function forSuite<T extends { close: () => Promise<void> }>(open: () => Promise<T>): T {
  const resource = beforeSuite(open);
  after(() => resource.close?.());
  return resource;
}
