import { fail, ok, type Result } from './result.js';

export const STAFF_ROLES = ['reviewer', 'supervisor', 'process-owner', 'ra-clerk', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const isStaffRole = (s: unknown): s is StaffRole => (STAFF_ROLES as readonly unknown[]).includes(s);

/**
 * What a staff member may do in our own pages; the table: reviewers review, supervisors read
 * reports, process owners edit and deploy the models (the modeler page, and Cockpit through the engine's group),
 * registration-office clerks take and check certificate requests (issue 23), admins all.
 */
export type StaffPermission = 'review' | 'reports' | 'model' | 'certificates' | 'accounts';

const GRANTS: Record<StaffPermission, readonly StaffRole[]> = {
  review: ['reviewer', 'admin'],
  reports: ['supervisor', 'admin'],
  model: ['process-owner', 'admin'],
  certificates: ['ra-clerk', 'admin'],
  // Unbinding an agency's certificate (a lost token): administrators only.
  accounts: ['admin'],
};

export const may = (role: StaffRole, permission: StaffPermission): boolean => GRANTS[permission].includes(role);

/** Lower-case ASCII so that a name typed with other case or spaces still finds the same account. */
const STAFF_USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

export const normalizeStaffUsername = (input: string) => input.trim().toLowerCase();

export function checkStaffUsername(input: string): Result<string, 'staff_username_format'> {
  const username = normalizeStaffUsername(input);
  return STAFF_USERNAME_PATTERN.test(username) ? ok(username) : fail('staff_username_format');
}
