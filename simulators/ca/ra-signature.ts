import * as asn1js from 'asn1js';
import { pkijs, x509 } from './pki.js';

const CERTIFICATE_POLICIES = '2.5.29.32';
const copy = (b: ArrayBuffer | Uint8Array) => new Uint8Array(b).slice().buffer;

export type RaSignatureRefusal = 'unsigned' | 'signature_invalid' | 'not_a_registration_office';

function policiesOf(cert: x509.X509Certificate): readonly string[] {
  const ext = cert.getExtension(CERTIFICATE_POLICIES);
  return ext ? new x509.CertificatePolicyExtension(ext.rawData).policies : [];
}

/**
 * What the CA checks of a request from a registration office: a detached CMS over the very bytes received,
 * whose one signer's certificate this CA's intermediate issued to a registration office (its policy) and
 * has not revoked. Null when it holds; else why it does not.
 */
export async function checkRaSignature(
  body: Buffer,
  header: string | undefined,
  intermediate: x509.X509Certificate,
  officePolicy: string,
  isRevoked: (serial: string) => boolean,
): Promise<RaSignatureRefusal | null> {
  if (!header) return 'unsigned';
  let signedData: pkijs.SignedData;
  try {
    const der = Buffer.from(header, 'base64');
    const asn1 = asn1js.fromBER(copy(der));
    if (asn1.offset === -1) return 'signature_invalid';
    signedData = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1.result }).content });
  } catch {
    return 'signature_invalid';
  }
  if (signedData.signerInfos.length !== 1 || signedData.encapContentInfo.eContent) return 'signature_invalid';
  try {
    const r = await signedData.verify({ signer: 0, data: copy(body), extendedMode: true, checkChain: false });
    if (!r.signatureVerified || !r.signerCertificate) return 'signature_invalid';
    const signer = new x509.X509Certificate(r.signerCertificate.toSchema().toBER(false));
    const issuedHere =
      signer.issuer === intermediate.subject &&
      (await signer.verify({ publicKey: intermediate.publicKey, signatureOnly: true }));
    if (!issuedHere || !policiesOf(signer).includes(officePolicy) || isRevoked(signer.serialNumber))
      return 'not_a_registration_office';
    const now = new Date();
    if (signer.notBefore > now || signer.notAfter < now) return 'not_a_registration_office';
    return null;
  } catch {
    return 'signature_invalid';
  }
}
