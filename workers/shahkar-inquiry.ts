import { defineWorker } from './support/define-worker.js';
import { runInquiry, type InquiryOutcome } from './support/inquiry.js';

/** Card steps 8 to 8-3: does the mobile number belong to the national code (Shahkar, over PGSB). */
export const shahkarInquiryWorker = defineWorker<{ registrationId: string }, Record<string, string>, { shahkarOutcome: InquiryOutcome }>({
  taskType: 'shahkar-inquiry',
  fetchVariables: ['registrationId'],
  async handle(job, { db, shahkar }) {
    const shahkarOutcome = await runInquiry(db, job, 'shahkar', async (data, messageId) => {
      const answer = await shahkar.match({ nationalCode: data.nationalCode, mobile: data.mobile }, { messageId });
      return answer.match ? 'match' : 'no_match';
    }, () => 'shahkar_mismatch');
    return { shahkarOutcome };
  },
});
