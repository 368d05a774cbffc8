import { may, type StaffPermission } from '../../domain/staff.js';
import { AppError } from '../errors/app-error.js';
import type { StaffPrincipal } from './staff-auth.js';

/** 403 unless the staff member's role grants the permission (domain/staff.ts holds the table). */
export function requirePermission(staff: StaffPrincipal, permission: StaffPermission): void {
  if (!may(staff.role, permission)) throw new AppError('forbidden', 403, [], { permission });
}
