import { describe, expect, it } from 'vitest';
import { requirePermission } from '../../api/auth/permissions.js';
import { checkStaffUsername, may, STAFF_ROLES } from '../../domain/staff.js';

describe('staff roles', () => {
  it.each([
    ['reviewer', true, false, false, false],
    ['supervisor', false, true, false, false],
    ['process-owner', false, false, true, false],
    ['ra-clerk', false, false, false, true],
    ['admin', true, true, true, true],
  ] as const)(
    'given %s, then review=%s, reports=%s, model=%s and certificates=%s',
    (role, review, reports, model, certificates = false) => {
      expect(may(role, 'review')).toBe(review);
      expect(may(role, 'reports')).toBe(reports);
      expect(may(role, 'model')).toBe(model);
      expect(may(role, 'certificates')).toBe(certificates);
    },
  );

  it('given a role without the permission, then 403 forbidden', () => {
    const staff = { staffId: 'x', username: 'sara', role: 'supervisor' as const };
    expect(() => requirePermission(staff, 'review')).toThrow(
      expect.objectContaining({ code: 'forbidden', statusCode: 403 }),
    );
    expect(() => requirePermission(staff, 'reports')).not.toThrow();
  });

  it("lists exactly the five roles: reviewers, supervisors, process owners, the registration office's clerks, admins", () => {
    expect(STAFF_ROLES).toEqual(['reviewer', 'supervisor', 'process-owner', 'ra-clerk', 'admin']);
  });
});

describe('staff usernames', () => {
  it('given mixed case and spaces, then the lower-case name', () => {
    expect(checkStaffUsername('  Sara.Ahmadi ')).toEqual({ ok: true, value: 'sara.ahmadi' });
  });

  it.each(['ab', '1sara', 'sara ahmadi', 'سارا', 'a'.repeat(33)])('given %s, then refused', (name) => {
    expect(checkStaffUsername(name)).toEqual({ ok: false, code: 'staff_username_format' });
  });
});
