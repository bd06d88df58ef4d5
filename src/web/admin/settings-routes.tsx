/** @jsxImportSource hono/jsx */
// Placeholder: replaced by the full settings pages.
import type { Hono } from 'hono';
import type { WebEnv } from '../shared/env.js';

/** Registers the settings pages. */
export function registerSettingsRoutes(app: Hono<WebEnv>): void {
  void app;
}
