import { Type, type Static } from '@sinclair/typebox';

const NationalCode = Type.String({ pattern: '^[0-9]{10}$' });
const JalaliDate = Type.String({ pattern: '^[0-9]{4}/[0-9]{2}/[0-9]{2}$' });
const Mobile = Type.String({ pattern: '^09[0-9]{9}$' });

const PGSB_SERVICES = ['civil-registry', 'shahkar'] as const;
export type PgsbService = (typeof PGSB_SERVICES)[number];

// Admin API bodies: the fixtures tests plant in the simulated registries.
export const CitizenBody = Type.Object({
  nationalCode: NationalCode,
  birthDate: JalaliDate,
  firstName: Type.String({ minLength: 1 }),
  lastName: Type.String({ minLength: 1 }),
  fatherName: Type.String({ minLength: 1 }),
  alive: Type.Boolean({ default: true }),
});
export type Citizen = Static<typeof CitizenBody>;

export const MobileBody = Type.Object({ nationalCode: NationalCode, mobile: Mobile });

export const FaultBody = Type.Object({
  service: Type.Union(PGSB_SERVICES.map((s) => Type.Literal(s))),
  mode: Type.Union([Type.Literal('error'), Type.Literal('timeout')]),
  count: Type.Optional(Type.Integer({ minimum: 1 })),
});

export const CallsQuery = Type.Object({
  service: Type.Optional(Type.Union(PGSB_SERVICES.map((s) => Type.Literal(s)))),
});

// Bus request bodies, as the services behind PGSB expect them.
export const CivilRegistryRequest = Type.Object({ nationalCode: NationalCode, birthDate: JalaliDate });
export const ShahkarRequest = Type.Object({ nationalCode: NationalCode, mobile: Mobile });
