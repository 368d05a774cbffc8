import type { ProcessEngine } from '../../adapters/engine/process-engine.js';
import type { Config } from '../../config/config.js';
import { createAuditRepo } from '../../db/audit-repo.js';
import type { Db } from '../../db/knex.js';
import { requirePermission } from '../auth/permissions.js';
import type { StaffPrincipal } from '../auth/staff-auth.js';
import { createReviewDecider, type DecisionInput } from './review-decision.js';
import { createReviewDetail } from './review-detail.js';
import { createReviewQueue, type QueuePageRequest } from './review-queue.js';

export interface ReviewDeps {
  db: Db;
  engine: ProcessEngine;
  config: Config;
  now: () => Date;
}

/**
 * The reviewer's operations, each checking the role first so a route cannot forget to. Opening
 * a request or its letter shows personal data, so it is audited like a decision.
 */
export function createReviewService({ db, engine, config, now }: ReviewDeps) {
  const queue = createReviewQueue(db, engine, config, now);
  const view = createReviewDetail(db, engine, config);
  const decide = createReviewDecider(db, engine);
  const audit = createAuditRepo(db);
  const viewed = (staff: StaffPrincipal, registrationId: string, action: string) =>
    audit.record({ registrationId, actor: `staff:${staff.username}`, action, detail: { staffId: staff.staffId } });

  return {
    async queue(staff: StaffPrincipal, page: QueuePageRequest) {
      requirePermission(staff, 'review');
      return queue(page);
    },
    async detail(staff: StaffPrincipal, registrationId: string) {
      requirePermission(staff, 'review');
      const detail = await view.detail(registrationId);
      await viewed(staff, registrationId, 'review_viewed');
      return detail;
    },
    async letter(staff: StaffPrincipal, registrationId: string) {
      requirePermission(staff, 'review');
      const letter = await view.letter(registrationId);
      await viewed(staff, registrationId, 'letter_viewed');
      return letter;
    },
    async decide(input: DecisionInput) {
      requirePermission(input.staff, 'review');
      return decide(input);
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
