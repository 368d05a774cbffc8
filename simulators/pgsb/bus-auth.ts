/** Credentials the simulated bus accepts: a bearer token and, optionally, a basic user/password pair. */
export type BusCredentials = { token: string; basic?: { username: string; password: string } };

export function isAuthorized(header: string | undefined, credentials: BusCredentials): boolean {
  if (!header) return false;
  const [scheme, value] = header.split(' ', 2);
  if (scheme === 'Bearer') return value === credentials.token;
  if (scheme === 'Basic' && credentials.basic && value) {
    const { username, password } = credentials.basic;
    return Buffer.from(value, 'base64').toString('utf8') === `${username}:${password}`;
  }
  return false;
}
