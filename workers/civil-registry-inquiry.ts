import { defineWorker } from './support/define-worker.js';
import { runInquiry, type InquiryOutcome } from './support/inquiry.js';

/** Card steps 7 to 7-3: national code and Jalali birth date to the civil registry over PGSB. */
export const civilRegistryInquiryWorker = defineWorker<{ registrationId: string }, Record<string, string>, { civilRegistryOutcome: InquiryOutcome }>({
  taskType: 'civil-registry-inquiry',
  fetchVariables: ['registrationId'],
  async handle(job, { db, civilRegistry }) {
    const civilRegistryOutcome = await runInquiry(db, job, 'civil-registry', async (data, messageId) => {
      const answer = await civilRegistry.inquire({ nationalCode: data.nationalCode, birthDate: data.birthDate }, { messageId });
      return !answer.match ? 'no_match' : answer.alive ? 'match' : 'deceased';
    }, (o) => (o === 'deceased' ? 'civil_registry_deceased' : 'civil_registry_mismatch'));
    return { civilRegistryOutcome };
  },
});
