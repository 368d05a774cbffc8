import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { SmsError, SmsErrorCode } from './sms-error.js';

const Reply = Type.Object({
  return: Type.Object({ status: Type.Integer(), message: Type.String() }),
  entries: Type.Union([
    Type.Array(Type.Object({ messageid: Type.Union([Type.Integer(), Type.String()]) })),
    Type.Null(),
  ]),
});

// Kavenegar statuses that a later attempt can cure: 418 is an empty account balance, topped up by a person.
const RETRYABLE_STATUS = new Set([418, 429]);

/** Reads Kavenegar's `{return, entries}` envelope into a message id or an SmsError. */
export function readKavenegarReply(httpStatus: number, text: string): { messageId: string } {
  if (httpStatus >= 500) throw new SmsError(SmsErrorCode.UNAVAILABLE, `kavenegar: HTTP ${httpStatus}`, httpStatus);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SmsError(SmsErrorCode.BAD_RESPONSE, `kavenegar: HTTP ${httpStatus}, body is not JSON`, httpStatus);
  }
  if (!Value.Check(Reply, body))
    throw new SmsError(SmsErrorCode.BAD_RESPONSE, `kavenegar: HTTP ${httpStatus}, unexpected body`, httpStatus);
  const status = body.return.status;
  if (status !== 200) {
    const code = RETRYABLE_STATUS.has(status) ? SmsErrorCode.UNAVAILABLE : SmsErrorCode.REJECTED;
    throw new SmsError(code, `kavenegar: status ${status}`, status);
  }
  const first = body.entries?.[0];
  if (!first) throw new SmsError(SmsErrorCode.BAD_RESPONSE, 'kavenegar: status 200 without entries', status);
  return { messageId: String(first.messageid) };
}
