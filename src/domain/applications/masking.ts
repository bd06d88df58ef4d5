// The applicant's personal data as shown to those who may see a case but not its applicant (docs/security/privacy.md):
// a supervising office up the tree, admins, case roles held above the handling organization. One place, so the case
// page, the staff API, lists and downloads mask alike.
import type { Applicant } from './application.js';

/** What stands for a hidden name or address. */
export const HIDDEN_TEXT = '（已隐去）';

/** The applicant with every personal field hidden; the kinds of applicant and document stay (they identify no one). */
export function maskApplicant(a: Applicant): Applicant {
  return {
    ...a,
    name: HIDDEN_TEXT,
    idNumber: '',
    phone: '',
    email: '',
    address: '',
    postcode: '',
    legalRepresentative: '',
    contactPerson: '',
  };
}
