import type { FastifyReply } from 'fastify';
import type { SentMessage } from './state.js';

// Kavenegar's own status codes and wording; the HTTP status equals `return.status`.
export const KAVENEGAR_ERRORS = {
  400: 'پارامترها ناقص هستند',
  403: 'کد شناسائی API-Key معتبر نمی‌باشد',
  411: 'دریافت کننده نامعتبر است',
  424: 'الگوی مورد نظر پیدا نشد',
  431: 'ساختار کد صحیح نمی‌باشد',
} as const;

export function kavenegarError(reply: FastifyReply, status: keyof typeof KAVENEGAR_ERRORS) {
  return reply.code(status).send({ return: { status, message: KAVENEGAR_ERRORS[status] }, entries: null });
}

export function kavenegarOk(message: SentMessage, sender: string) {
  return {
    return: { status: 200, message: 'تایید شد' },
    entries: [
      {
        messageid: Number(message.id),
        message: message.text,
        status: 1,
        statustext: 'در صف ارسال',
        sender,
        receptor: message.to,
        date: Math.floor(Date.parse(message.at) / 1000),
        cost: 120,
      },
    ],
  };
}
