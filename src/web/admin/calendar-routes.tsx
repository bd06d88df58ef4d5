/** @jsxImportSource hono/jsx */
// Placeholder: replaced by the full calendar pages.
import type { Hono } from 'hono';
import type { WebEnv } from '../shared/env.js';

/** Registers the calendar pages. */
export function registerCalendarRoutes(app: Hono<WebEnv>): void {
  void app;
}
