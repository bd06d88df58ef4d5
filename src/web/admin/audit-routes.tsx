/** @jsxImportSource hono/jsx */
// Placeholder: replaced by the full audit pages.
import type { Hono } from 'hono';
import type { WebEnv } from '../shared/env.js';

/** Registers the audit pages. */
export function registerAuditRoutes(app: Hono<WebEnv>): void {
  void app;
}
