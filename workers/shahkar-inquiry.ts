import { Type } from '@sinclair/typebox';
import { defineWorker } from './support/define-worker.js';
import { InquiryOutcomeSchema, runInquiry } from './support/inquiry.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/** Card steps 8 to 8-3: does the mobile number belong to the national code (Shahkar, over PGSB). */
export const shahkarInquiryWorker = defineWorker({
  topic: TOPICS.shahkarInquiry,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ shahkarOutcome: InquiryOutcomeSchema }),
  async handle(task, { db, shahkar }) {
    const shahkarOutcome = await runInquiry(
      db,
      task,
      'shahkar',
      async (data, messageId) => {
        const answer = await shahkar.match({ nationalCode: data.nationalCode, mobile: data.mobile }, { messageId });
        return answer.match ? 'match' : 'no_match';
      },
      () => 'shahkar_mismatch',
    );
    return { shahkarOutcome };
  },
});
