/** @jsxImportSource hono/jsx */
// Placeholder: replaced by the full user pages.
import type { Hono } from 'hono';
import type { WebEnv } from '../shared/env.js';

/** Registers the user pages. */
export function registerUserRoutes(app: Hono<WebEnv>): void {
  void app;
}
