import { Type } from '@sinclair/typebox';
import { STAFF_ROLES } from '../../domain/staff.js';
import { literals } from './common.js';

const Username = Type.String({ minLength: 1, maxLength: 64 });
const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const StaffLoginBody = Type.Object({ username: Username, password: Password });

export const AccountLoginBody = Type.Object({
  username: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'As in the SMS after registration; Persian digits are accepted',
  }),
  password: Password,
  captchaId: Type.String({ format: 'uuid', description: 'From GET /api/captcha' }),
  captcha: Type.String({ minLength: 1, maxLength: 32, description: 'The digits on the captcha image' }),
});

export const SessionSchema = Type.Object({
  token: Type.String({ description: 'Send as `Authorization: Bearer <token>`; ends at expiresAt or on logout' }),
  expiresAt: Type.String({ format: 'date-time' }),
});

export const StaffMeSchema = Type.Object({
  username: Type.String(),
  role: literals(STAFF_ROLES),
});

export const AccountMeSchema = Type.Object({
  accountId: Type.String({ format: 'uuid' }),
  username: Type.String(),
  status: Type.String(),
  agency: Type.Object({ name: Type.Union([Type.String(), Type.Null()]), nationalId: Type.String() }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const staffBearer = [{ staffBearer: [] as string[] }];
export const accountBearer = [{ accountBearer: [] as string[] }];
