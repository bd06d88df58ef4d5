// Common-password detection with zxcvbn-ts and its common-password dictionary.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import type { PasswordJudge } from '../../domain/users/password-policy.js';

/**
 * A judge that rejects passwords zxcvbn scores below 3 ("safely unguessable") — which covers
 * every entry of its common-password list, keyboard patterns, repeats and dates.
 */
export function zxcvbnJudge(): PasswordJudge {
  const zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return {
    isCommon: (password, userInputs) => {
      const result = zxcvbn.check(password.slice(0, 100), userInputs);
      return result.score < 3;
    },
  };
}
