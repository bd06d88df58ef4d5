// The assessment use cases as the web and CLI edges call them (AssessmentUseCases, ./ports.ts), bound to a context.
import type { AppContext } from '../context.js';
import type { AssessmentUseCases } from './ports.js';
import {
  authorizedScheme,
  copyScheme,
  createScheme,
  deleteScheme,
  listSchemes,
  toRecord,
  updateScheme,
  type SchemeContext,
} from './schemes.js';
import { adjust, enterValue, linkPublication, publish, schemeTable } from './adjust.js';
import { drill } from './drill.js';

/** The assessment use cases over the application's context. */
export function assessmentUseCases(ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>): AssessmentUseCases {
  const c: SchemeContext = ctx;
  return {
    listSchemes: (actor) => listSchemes(c, actor),
    getScheme: async (actor, id) => toRecord(await authorizedScheme(c, actor, id)),
    createScheme: (actor, req) => createScheme(c, actor, req),
    copyScheme: (actor, fromId, req) => copyScheme(c, actor, fromId, req),
    updateScheme: (actor, id, req) => updateScheme(c, actor, id, req),
    deleteScheme: (actor, id) => deleteScheme(c, actor, id),
    compute: (actor, schemeId) => schemeTable(c, actor, schemeId),
    drill: (actor, schemeId, orgId, indicatorId) => drill(c, actor, schemeId, orgId, indicatorId),
    enterValue: (actor, schemeId, req) => enterValue(c, actor, schemeId, req),
    adjust: (actor, schemeId, req) => adjust(c, actor, schemeId, req),
    publish: (actor, schemeId) => publish(c, actor, schemeId),
    linkPublication: (actor, schemeId, publicationId) => linkPublication(c, actor, schemeId, publicationId),
  };
}
