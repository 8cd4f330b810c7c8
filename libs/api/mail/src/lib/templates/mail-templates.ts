import type { GrantableRole, MailLanguage, PrizeTier } from '@laurel/contracts';

/**
 * Every message Laurel sends, with the parameters each one needs. The caller gives plain data;
 * the template builds links on PUBLIC_URL, so no caller ever writes a URL. Tokens are the raw
 * single-use secrets of a link (only their hashes are stored elsewhere).
 */

export interface MailTemplateParams {
  /** A new account proves its mailbox. */
  verify_email: { displayName: string; token: string };
  /** Someone signed up with an address that already has an account. */
  address_taken: { displayName: string };
  password_reset: { displayName: string; token: string };
  /** A judge invited to one contest's panel; `expiresAt` ISO-8601. */
  judge_invitation: { displayName: string; contestName: string; invitedBy: string; token: string; expiresAt: string };
  /** A new organizer or administrator invited by an admin (or the CLI, `invitedBy` null). */
  account_invitation: { displayName: string; role: GrantableRole; invitedBy: string | null; token: string; expiresAt: string };
  /** To each judge of a round that opened. `scoresDueAt` ISO-8601 or null. */
  round_opened: {
    displayName: string;
    contestName: string;
    roundName: string;
    assigned: number;
    scoresDueAt: string | null;
    timeZone?: string;
  };
  /** To a judge with unsubmitted sheets, ahead of the round's `scoresDueAt`. */
  judging_reminder: {
    displayName: string;
    contestName: string;
    roundName: string;
    unsubmitted: number;
    scoresDueAt: string;
    timeZone?: string;
  };
  /** One more judge assigned to an entry whose totals diverge (divergence review). */
  extra_assignment: {
    displayName: string;
    contestName: string;
    roundName: string;
    entryTitle: string;
    scoresDueAt: string | null;
    timeZone?: string;
  };
  entry_received: { displayName: string; contestName: string; entryId: string; entryTitle: string; entryCode: string };
  eligibility_decision: {
    displayName: string;
    contestName: string;
    entryId: string;
    entryTitle: string;
    eligible: boolean;
    /** The organizer's reason, shown as written. */
    reason: string | null;
  };
  /** To a council member once the awards are confirmed. */
  council_approval_request: {
    displayName: string;
    contestName: string;
    contestId: string;
    awards: number;
    members: number;
    required: number;
  };
  /** To a public voter; the vote counts once this link is opened. */
  vote_confirmation: { contestName: string; entryTitle: string; token: string };
  /** To every applicant once results are public: their outcome and a link to their feedback. */
  results_published: {
    displayName: string;
    contestName: string;
    contestSlug: string;
    entryId: string;
    entryTitle: string;
    /** The prize won, or null. */
    prize: PrizeTier | null;
    /** Rank in the last round the entry took part in, and that round's name; null when unranked. */
    rank: number | null;
    roundName: string | null;
  };
}

export type MailTemplate = keyof MailTemplateParams;

export const MAIL_TEMPLATES = [
  'verify_email',
  'address_taken',
  'password_reset',
  'judge_invitation',
  'account_invitation',
  'round_opened',
  'judging_reminder',
  'extra_assignment',
  'entry_received',
  'eligibility_decision',
  'council_approval_request',
  'vote_confirmation',
  'results_published',
] as const satisfies readonly MailTemplate[];

/** A message to enqueue: the template's own parameters, type-checked per template. */
export type MailMessage = {
  [T in MailTemplate]: {
    to: string;
    template: T;
    language: MailLanguage;
    params: MailTemplateParams[T];
    /** The account it goes to, when there is one (shown in the admin mailbox). */
    userId?: string | null;
    /** The contest it is about, when there is one. */
    contestId?: string | null;
  };
}[MailTemplate];

/** What a template says, before the layout turns it into text and HTML. */
export interface MailContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action, e.g. when the link expires or why the mail came. */
  note?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  actionUrl: string | null;
}
