/** @jsxImportSource hono/jsx */
// POST /track/case/correction: the applicant sends a correction (补正, 《政府信息公开条例》第三十条) from the
// applicant's page — multipart, the corrected request and optional files, with the pass of the case (gk_track) and
// the CSRF field; posts are limited per client address (common/rate-limit.ts SEND_LIMITS). Sent, it answers 303 to
// the case page, which shows the correction waiting for the handler; refused, the case page again with what was
// typed and the Chinese messages (422; 409 when the case does not wait for a correction; 429 when limited).
import type { Context, Hono } from 'hono';
import { loadPortalSite } from '../../../app/portal/portal.js';
import { sendCorrection } from '../../../app/applications/online-correction.js';
import { trackCasePage, type TrackCaseView } from '../../../app/applications/track.js';
import type { WebEnv } from '../../common/env.js';
import { formAction, parseBody, readForm, type FormState, uploadedFiles, valueOf } from '../../common/pipeline.js';
import { limitedSend } from '../../common/rate-limit.js';
import { text, z } from '../../common/validation.js';
import { CORRECTION_ACTION, type CorrectionFormState } from './track-correction-views.js';
import { TrackCasePage } from './track-views.js';
import { passRefused, withPass } from './track-routes.js';

/** The form as typed (the domain checks the text and the files, every problem at once). */
const correctionForm = z.object({ correctedRequest: text(20_000) });

/** Registers POST /track/case/correction. */
export function registerTrackCorrectionRoutes(app: Hono<WebEnv>): void {
  app.post(CORRECTION_ACTION, async (c) => {
    const values = await readForm(c);
    const chosen = await uploadedFiles((await parseBody(c, { all: true })).files);
    const files = chosen.map((f) => ({ name: f.fileName, content: f.content }));
    return withPass(
      c,
      async (ctx, token) => {
        const page = await trackCasePage(ctx, token);
        return page.ok ? { ...page, token } : page;
      },
      async ({ view, token }) => {
        const limited = await limitedSend(c);
        if (limited) {
          c.header('Retry-After', String(limited.retryAfterSeconds));
          const minutes = Math.max(1, Math.ceil(limited.retryAfterSeconds / 60));
          const message = `提交过于频繁，请约${minutes}分钟后再试。`;
          return c.html(await casePage(c, view, { values, errors: {}, message }), 429);
        }
        return formAction(c, {
          schema: correctionForm,
          values,
          run: (input) => sendCorrection(c.get('ctx'), token, { correctedRequest: input.correctedRequest, files }),
          done: (sent) => (sent.ok ? c.redirect('/track/case#correction', 303) : passRefused(c, sent.refusal)),
          again: (state) => casePage(c, view, state),
        });
      },
    );
  });
}

/** The case page with the correction form as typed. */
async function casePage(c: Context<WebEnv>, view: TrackCaseView, state: FormState) {
  const form: CorrectionFormState = {
    csrf: c.get('csrf'),
    values: { correctedRequest: valueOf(state.values, 'correctedRequest') },
    errors: state.errors,
    message: state.message ?? '补正未提交，请按提示更正',
  };
  const site = await loadPortalSite(c.get('ctx'));
  return <TrackCasePage site={site} view={view} csrf={c.get('csrf')} correctionForm={form} />;
}
