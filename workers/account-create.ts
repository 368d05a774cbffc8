import { Type } from '@sinclair/typebox';
import { randomUUID } from 'node:crypto';
import { createAccountsRepo } from '../db/accounts-repo.js';
import { createApplicantDataRepo } from '../db/applicant-data-repo.js';
import { createAuditRepo } from '../db/audit-repo.js';
import { usernameCandidates } from '../domain/username.js';
import { defineWorker } from './support/define-worker.js';
import { WorkerError } from './support/worker-error.js';
import { TOPICS } from '../adapters/engine/process-model.js';

const isUniqueViolation = (e: unknown, constraint: string) =>
  (e as { code?: string; constraint?: string }).code === '23505' &&
  (e as { constraint?: string }).constraint === constraint;

/**
 * Card step 11. The username follows domain/username.ts and is stored against the registration,
 * so a repeated task returns the account it made. The password is the hash kept since step 4.
 */
export const accountCreateWorker = defineWorker({
  topic: TOPICS.accountCreate,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ accountId: Type.String() }),
  async handle(task, { db }) {
    const { registrationId } = task.variables;
    const made = await createAccountsRepo(db).byRegistration(registrationId);
    if (made) return { accountId: made.id };
    const data = await createApplicantDataRepo(db).get(registrationId);
    if (!data?.passwordHash)
      throw new WorkerError(
        WorkerError.APPLICANT_DATA_MISSING,
        'no applicant data or password for the registration',
        false,
      );

    for (const username of usernameCandidates(data)) {
      const id = randomUUID();
      try {
        await db.transaction(async (trx) => {
          await trx('accounts').insert({
            id,
            registration_id: registrationId,
            username,
            password_hash: data.passwordHash,
            agency_national_id: data.agencyNationalId,
          });
          await createAuditRepo(db).record(
            { registrationId, actor: 'worker:account-create', action: 'account_created', detail: { accountId: id } },
            trx,
          );
        });
        return { accountId: id };
      } catch (e) {
        if (isUniqueViolation(e, 'accounts_username_unique')) continue;
        if (isUniqueViolation(e, 'accounts_one_active_per_agency')) {
          throw new WorkerError(WorkerError.AGENCY_HAS_ACCOUNT, 'the agency already has an active account', false);
        }
        throw e;
      }
    }
    throw new WorkerError(WorkerError.NO_FREE_USERNAME, 'no free username for the registration', false);
  },
});
