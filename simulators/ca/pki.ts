// The CA's own set-up of the two PKI libraries, as adapters/certificates/pki.ts sets them up for the code
// it stands in front of: a simulator shares no code with what it tests, so a fault there cannot hide itself.
// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill loaded
// before it: so x509 is imported from here, never directly.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

x509.cryptoProvider.set(webcrypto as Crypto);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as Crypto }));

export { x509, pkijs };
