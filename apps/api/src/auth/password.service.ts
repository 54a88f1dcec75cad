import { Injectable } from '@nestjs/common';
import { hash, verify, Algorithm } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from '@pathways/domain';
import { randomInt } from 'node:crypto';
import { validationFailed } from '../common/app-exception';

/** The bundled list of common passwords (zxcvbn's ~50k), loaded once. */
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** argon2id with OWASP's recommended parameters (19 MiB, 2 passes). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

@Injectable()
export class PasswordService {
  hash(password: string): Promise<string> {
    return hash(password, ARGON2);
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Throws a 400 naming `field` when the password breaks a rule of ACCESS.md. */
  assertAcceptable(password: string, field: string, email?: string): void {
    const problems = checkPassword(password, (p) => COMMON.has(p), email);
    if (problems.length)
      throw validationFailed(problems.map((p) => ({ path: field, message: PASSWORD_PROBLEM_MESSAGES[p] })));
  }

  /** A one-time password handed to a person by an administrator: 4 groups of 4 unambiguous characters. */
  oneTimePassword(): string {
    const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
    const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
    return [group(), group(), group(), group()].join('-');
  }
}
