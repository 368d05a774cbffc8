import { CLOSED_STATUSES, type RegistrationRow, type RegistrationsRepo } from '../../db/registrations-repo.js';
import { AppError, notFound } from '../errors/app-error.js';

/** A registration as the applicant's hook read it (`request.registration`), or its id for callers without one (scripts, tests). */
export type RegistrationRef = string | RegistrationRow;

/** 409 unless the registration is open (and, when given, in `status`); `expired` says so. */
export function assertOpen(reg: RegistrationRow, status?: RegistrationRow['status']): void {
  if (CLOSED_STATUSES.includes(reg.status))
    throw new AppError(reg.status === 'expired' ? 'expired' : 'conflict', 409, [], { status: reg.status });
  if (status && reg.status !== status) throw new AppError('conflict', 409, [], { status: reg.status });
}

/** The row behind a reference (read only when given an id; 404 when there is none), checked by `assertOpen`. */
export async function openRegistration(
  repo: RegistrationsRepo,
  ref: RegistrationRef,
  status?: RegistrationRow['status'],
): Promise<RegistrationRow> {
  const reg = typeof ref === 'string' ? await repo.get(ref) : ref;
  if (!reg) throw notFound();
  assertOpen(reg, status);
  return reg;
}
