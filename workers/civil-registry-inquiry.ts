import { Type } from '@sinclair/typebox';
import { defineWorker } from './support/define-worker.js';
import { InquiryOutcomeSchema, runInquiry } from './support/inquiry.js';
import { TOPICS } from '../adapters/engine/process-model.js';

/** Card steps 7 to 7-3: national code and Jalali birth date to the civil registry over PGSB. */
export const civilRegistryInquiryWorker = defineWorker({
  topic: TOPICS.civilRegistryInquiry,
  input: Type.Object({ registrationId: Type.String() }),
  output: Type.Object({ civilRegistryOutcome: InquiryOutcomeSchema }),
  async handle(task, { db, civilRegistry }) {
    const civilRegistryOutcome = await runInquiry(
      db,
      task,
      'civil-registry',
      async (data, messageId) => {
        const answer = await civilRegistry.inquire(
          { nationalCode: data.nationalCode, birthDate: data.birthDate },
          { messageId },
        );
        return !answer.match ? 'no_match' : answer.alive ? 'match' : 'deceased';
      },
      (o) => (o === 'deceased' ? 'civil_registry_deceased' : 'civil_registry_mismatch'),
    );
    return { civilRegistryOutcome };
  },
});
