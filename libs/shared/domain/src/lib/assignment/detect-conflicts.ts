import { emailDomain, normalizeEmail } from './email-domain';
import { normalizeOrganization, normalizePersonName } from './normalize-name';
import { isPublicMailDomain } from './public-mail-domains';
import { known } from '../util/known';

export type ConflictReason = 'same_organization' | 'same_email_domain' | 'team_member';

export interface ConflictJudge {
  readonly id: string;
  readonly email: string;
  readonly organization?: string | null;
  readonly displayName: string;
}

export interface EntryMember {
  readonly name: string;
  readonly email?: string | null;
}

export interface ConflictEntry {
  readonly id: string;
  readonly organization?: string | null;
  readonly ownerEmail?: string | null;
  readonly members: readonly EntryMember[];
}

export interface Conflict {
  readonly judgeId: string;
  readonly entryId: string;
  readonly reason: ConflictReason;
  /** English, for the organizer's screens and the audit trail; `reason` is what gets translated. */
  readonly detail: string;
}

/** One conflict per judge and entry: the strongest reason wins, since one is enough to exclude. */
const REASON_STRENGTH: Record<ConflictReason, number> = {
  team_member: 3,
  same_organization: 2,
  same_email_domain: 1,
};

interface Contact {
  readonly entryIndex: number;
  readonly email: string;
  /** Null for the entry's owner. */
  readonly memberName: string | null;
}

interface EntryIndex {
  readonly byEmail: Map<string, Contact[]>;
  readonly byDomain: Map<string, Contact[]>;
  readonly byOrganization: Map<string, number[]>;
  readonly byUnreachableMemberName: Map<string, { entryIndex: number; name: string }[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function indexEntries(entries: readonly ConflictEntry[]): EntryIndex {
  const index: EntryIndex = {
    byEmail: new Map(),
    byDomain: new Map(),
    byOrganization: new Map(),
    byUnreachableMemberName: new Map(),
  };
  entries.forEach((entry, entryIndex) => {
    const organization = normalizeOrganization(entry.organization);
    if (organization !== '') push(index.byOrganization, organization, entryIndex);

    const contacts: Contact[] = [];
    const ownerEmail = normalizeEmail(entry.ownerEmail);
    if (ownerEmail !== '') contacts.push({ entryIndex, email: ownerEmail, memberName: null });
    for (const member of entry.members) {
      const email = normalizeEmail(member.email);
      if (email !== '') {
        contacts.push({ entryIndex, email, memberName: member.name });
        continue;
      }
      const name = normalizePersonName(member.name);
      if (isDistinctiveName(name)) push(index.byUnreachableMemberName, name, { entryIndex, name: member.name });
    }
    for (const contact of contacts) {
      push(index.byEmail, contact.email, contact);
      const domain = emailDomain(contact.email);
      if (domain !== null && !isPublicMailDomain(domain)) push(index.byDomain, domain, contact);
    }
  });
  return index;
}

/**
 * A name alone identifies a member only when the member gave no e-mail: with an e-mail, a
 * different address means a different person, and Vietnamese full names repeat too often
 * ("Nguyễn Văn An") to overrule it. Without one, a missed conflict costs more than a judge
 * too many excluded. A single word ("An") matches too many people to count at all.
 */
function isDistinctiveName(normalizedName: string): boolean {
  return normalizedName.includes(' ');
}

function describeContact(contact: Contact): string {
  return contact.memberName === null ? `the entry's owner (${contact.email})` : `team member "${contact.memberName}" (${contact.email})`;
}

/**
 * Finds every judge–entry pair that must not be assigned: the same organization, the same
 * non-public e-mail domain as the owner or a member, or the judge being on the team.
 * Pairs come out judge by judge, entries in input order.
 */
export function detectConflicts(judges: readonly ConflictJudge[], entries: readonly ConflictEntry[]): Conflict[] {
  const index = indexEntries(entries);
  const conflicts: Conflict[] = [];

  for (const judge of judges) {
    const found = new Map<number, { reason: ConflictReason; detail: string }>();
    const note = (entryIndex: number, reason: ConflictReason, detail: string): void => {
      const previous = found.get(entryIndex);
      if (!previous || REASON_STRENGTH[reason] > REASON_STRENGTH[previous.reason]) found.set(entryIndex, { reason, detail });
    };

    const email = normalizeEmail(judge.email);
    for (const contact of (email !== '' && index.byEmail.get(email)) || []) {
      const role = contact.memberName === null ? 'owns this entry' : `is team member "${contact.memberName}"`;
      note(contact.entryIndex, 'team_member', `Judge ${judge.displayName} (${email}) ${role}.`);
    }

    const name = normalizePersonName(judge.displayName);
    for (const member of (isDistinctiveName(name) && index.byUnreachableMemberName.get(name)) || []) {
      note(
        member.entryIndex,
        'team_member',
        `Team member "${member.name}" gave no e-mail and has the same name as judge ${judge.displayName}.`,
      );
    }

    const organization = normalizeOrganization(judge.organization);
    for (const entryIndex of (organization !== '' && index.byOrganization.get(organization)) || []) {
      note(
        entryIndex,
        'same_organization',
        `Judge ${judge.displayName} is from "${judge.organization}", the entry's organization ("${known(entries[entryIndex], 'an indexed entry').organization}").`,
      );
    }

    const domain = emailDomain(email);
    for (const contact of (domain !== null && index.byDomain.get(domain)) || []) {
      note(
        contact.entryIndex,
        'same_email_domain',
        `Judge ${judge.displayName} (${email}) shares the e-mail domain ${domain} with ${describeContact(contact)}.`,
      );
    }

    for (const [entryIndex, { reason, detail }] of [...found].sort(([a], [b]) => a - b)) {
      conflicts.push({ judgeId: judge.id, entryId: known(entries[entryIndex], 'an indexed entry').id, reason, detail });
    }
  }
  return conflicts;
}
