import type { SentMessage } from '../../simulators/sms/state.js';

export const isCode = (m: SentMessage) => m.template === 'payam-otp' || /\d{6}/.test(m.text);
export const isRegistered = (m: SentMessage) => m.template === 'payam-registered';
export const codeIn = (m: SentMessage) => m.tokens?.[0] ?? /\d{6}/.exec(m.text)?.[0] ?? '';
/** A message of the kind to one applicant's phone. */
export const toPhone = (mobile: string, kind: (m: SentMessage) => boolean) => (m: SentMessage) =>
  m.to === mobile && kind(m);
