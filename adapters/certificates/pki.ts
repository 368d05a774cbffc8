// @peculiar/x509 resolves its algorithms through tsyringe, which needs the Reflect metadata polyfill
// loaded before it: so x509 is imported from here, never directly.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

// Node's WebCrypto for both libraries.
x509.cryptoProvider.set(webcrypto as Crypto);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as Crypto }));

export { x509, pkijs };
