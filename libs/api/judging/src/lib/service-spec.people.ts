import type { AuthUser } from '@laurel/api-core';
import type { UsersRepository } from '@laurel/api-database';

/** The people the judging service specs share: an organizer and the judges Ana and Bình, stored through the users repository. */
export interface SpecPeople {
  organizerId: string;
  judges: Record<'ana' | 'binh', AuthUser>;
}

/** Stores the organizer (`organizer@<domain>`) and the two judges; test-only, imported by the specs of this library. */
export async function storeSpecPeople(users: UsersRepository, domain: string): Promise<SpecPeople> {
  const organizer = await users.insertIfNew({
    email: `organizer@${domain}`,
    passwordHash: 'x',
    displayName: 'Organizer',
    roles: ['organizer'],
  });
  if (!organizer) throw new Error('could not create the organizer');
  const judge = async (key: 'ana' | 'binh'): Promise<AuthUser> => {
    const user = await users.insertIfNew({ email: `${key}@judges.test`, passwordHash: 'x', displayName: key, roles: ['judge'] });
    if (!user) throw new Error(`could not create ${key}`);
    return { id: user.id, email: user.email, displayName: user.displayName, roles: ['judge'] };
  };
  return { organizerId: organizer.id, judges: { ana: await judge('ana'), binh: await judge('binh') } };
}
