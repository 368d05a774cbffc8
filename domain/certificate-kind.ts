/**
 * The five kinds of certificate an intermediate CA (e.g. GICA) issues, as the Setad token guide lists
 * them, each named by a certificate-policy OID. The OIDs sit under 2.999, the arc ITU-T X.660 reserves for
 * examples, so they can never be mistaken for a real CA's policy (a 2.25 UUID arc would do too, but
 * @peculiar/x509 cannot decode arcs past 2^53); a deployment against a real CA maps that CA's policy OIDs here.
 */
const POLICY_ARC = '2.999.364.12';

export const CERTIFICATE_KINDS = {
  'individual-independent': `${POLICY_ARC}.1`,
  'individual-non-government': `${POLICY_ARC}.2`,
  'seal-non-government': `${POLICY_ARC}.3`,
  'individual-government': `${POLICY_ARC}.4`,
  'seal-government': `${POLICY_ARC}.5`,
} as const;

export type CertificateKind = keyof typeof CERTIFICATE_KINDS;
export const CERTIFICATE_KIND_NAMES = Object.keys(CERTIFICATE_KINDS) as CertificateKind[];

/** The kind whose policy OID is among the certificate's policies, or null when none is ours. */
export function kindOfPolicies(policyOids: readonly string[]): CertificateKind | null {
  return CERTIFICATE_KIND_NAMES.find((k) => policyOids.includes(CERTIFICATE_KINDS[k])) ?? null;
}

/**
 * Subject attributes: the organization's name (O), its national id as ETSI EN 319 412-1's
 * organizationIdentifier ("NTRIR-" + the 11-digit legal-entity id), and the role (title, e.g. MANAGER).
 */
export const SUBJECT_OIDS = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  organizationIdentifier: '2.5.4.97',
  title: '2.5.4.12',
  country: '2.5.4.6',
} as const;

const ORG_ID_PREFIX = 'NTRIR-';
export const organizationIdentifier = (agencyNationalId: string) => `${ORG_ID_PREFIX}${agencyNationalId}`;
export const agencyIdOf = (orgIdentifier: string | null | undefined) =>
  orgIdentifier?.startsWith(ORG_ID_PREFIX) ? orgIdentifier.slice(ORG_ID_PREFIX.length) : null;
