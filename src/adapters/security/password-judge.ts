// Common-password detection with zxcvbn-ts and its common-password dictionary. The dictionaries take
// time and memory to load and to rank, so they are loaded on the first password judged, not at start.
import { createRequire } from 'node:module';
import type * as ZxcvbnCore from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type { PasswordJudge } from '../../domain/users/password-policy.js';

function loadZxcvbn(): ZxcvbnCore.ZxcvbnFactory {
  const require = createRequire(import.meta.url);
  const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore;
  const common = require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
  return new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
}

/**
 * A judge that rejects passwords zxcvbn scores below 3 ("safely unguessable") — which covers
 * every entry of its common-password list, keyboard patterns, repeats and dates.
 */
export function zxcvbnJudge(): PasswordJudge {
  let zxcvbn: ZxcvbnCore.ZxcvbnFactory | undefined;
  return {
    isCommon: (password, userInputs) => {
      zxcvbn ??= loadZxcvbn();
      return zxcvbn.check(password.slice(0, 100), userInputs).score < 3;
    },
  };
}
