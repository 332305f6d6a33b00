import bcrypt from 'bcryptjs';

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spends as long as checking a real password, for logins with an unknown email: the answer then takes the
 * same time whether or not an account exists.
 */
export async function wasteVerification(password: string, cost: number): Promise<void> {
  if (!dummyHashes.has(cost)) dummyHashes.set(cost, bcrypt.hash('not a password of anyone', cost));
  await bcrypt.compare(password, await dummyHashes.get(cost)!);
}
