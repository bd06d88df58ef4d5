// Organizations for domain tests: a complete record with blank details, so a test names only what it is about.
import type { Organization } from './organization.js';

/** An organization with blank contact details and functions; `over` sets what the test is about. */
export function testOrganization(over: Partial<Organization> & Pick<Organization, 'id'>): Organization {
  return {
    parentId: null,
    sortOrder: 0,
    name: over.id,
    kind: 'department',
    shortName: '',
    creditCode: over.id,
    address: '',
    postcode: '',
    phone: '',
    officeHours: '',
    officeName: '',
    officeAddress: '',
    officePhone: '',
    officeEmail: '',
    officeFax: '',
    functions: '',
    leadership: '',
    internalUnits: '',
    retiredAt: null,
    createdAt: '',
    updatedAt: '',
    ...over,
  };
}
