// Settings of the application procedure where the Regulation leaves a choice to the office. Site-wide, changed by
// an administrator of a top-level organization on the site settings page, audited as settings.updated.
import type { Actor } from '../../domain/policies/actor.js';
import type { DisclosureRules } from '../../domain/applications/rules.js';
import type { AppContext } from '../context.js';
import type { SettingsRepos } from '../settings/ports.js';
import { mayChangeSettings } from '../settings/site-settings.js';
import { writeSetting } from '../settings/write-setting.js';
import { forbidden } from '../errors.js';

/** The settings key. */
export const PROCEDURE_SETTINGS_KEY = 'applications.procedure';

/** The choices; each is a field of DisclosureRules the office may override. */
export type ProcedureSettings = Pick<DisclosureRules, 'reasonsRequestStopsClock'>;

/**
 * Defaults. Art. 35 says nothing of the reply clock while the applicant explains an excessive request, so it runs
 * (false): the reading that never lengthens the statutory period without a text saying so.
 */
export const DEFAULT_PROCEDURE_SETTINGS: ProcedureSettings = { reasonsRequestStopsClock: false };

/** The settings in force: the stored ones over the defaults. */
export async function procedureSettings(repos: SettingsRepos): Promise<ProcedureSettings> {
  const v = (await repos.settings.get(PROCEDURE_SETTINGS_KEY)) as Partial<ProcedureSettings> | undefined;
  return {
    reasonsRequestStopsClock:
      typeof v?.reasonsRequestStopsClock === 'boolean'
        ? v.reasonsRequestStopsClock
        : DEFAULT_PROCEDURE_SETTINGS.reasonsRequestStopsClock,
  };
}

/**
 * Changes the settings. A change applies to moves made from then on: each case records on its events the choice
 * that applied (e.g. request_reasons' pausesClock), so nothing already recorded is re-dated.
 * @throws AppError 'forbidden' unless an administrator of a top-level organization (null actor: the CLI)
 */
export async function saveProcedureSettings(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock'>,
  actor: Actor | null,
  input: ProcedureSettings,
): Promise<ProcedureSettings> {
  if (!(await mayChangeSettings(ctx, actor))) throw forbidden('只有根机构（本级人民政府）的管理员可以修改办理程序设置');
  const after: ProcedureSettings = { reasonsRequestStopsClock: input.reasonsRequestStopsClock };
  await writeSetting(ctx, actor, PROCEDURE_SETTINGS_KEY, { before: await procedureSettings(ctx.repos), after });
  return after;
}
