import { UsersAndContests1764230400000 } from './1764230400000-UsersAndContests';
import { EntriesAndAttachments1764316800000 } from './1764316800000-EntriesAndAttachments';
import { EntryDraftWithoutCategory1764403200000 } from './1764403200000-EntryDraftWithoutCategory';
import { Judging1764576000000 } from './1764576000000-Judging';
import { Results1764748800000 } from './1764748800000-Results';
import { AuditTrail1764835200000 } from './1764835200000-AuditTrail';
import { IdempotencyKeys1764921600000 } from './1764921600000-IdempotencyKeys';
import { MailOutbox1765100000000 } from './1765100000000-MailOutbox';
import { AccountsAndSessions1765100000001 } from './1765100000001-AccountsAndSessions';
import { Invitations1765100000002 } from './1765100000002-Invitations';
import { AuditChainPerContest1765200000000 } from './1765200000000-AuditChainPerContest';
import { ApplicationForm1765300000000 } from './1765300000000-ApplicationForm';
import { ScoringPolicies1765400000000 } from './1765400000000-ScoringPolicies';
import { CouncilAndFeedback1765500000000 } from './1765500000000-CouncilAndFeedback';
import { IdempotencyWithoutSecrets1765600000000 } from './1765600000000-IdempotencyWithoutSecrets';
import { BlindCopies1765600000001 } from './1765600000001-BlindCopies';
import { PitchDay1765700000000 } from './1765700000000-PitchDay';
import { ContestLanguageAndTimeZone1765800000000 } from './1765800000000-ContestLanguageAndTimeZone';
import { Throttles1765900000000 } from './1765900000000-Throttles';
import { ScoresDueAndReminders1765910000000 } from './1765910000000-ScoresDueAndReminders';
import { PublicVote1765950000000 } from './1765950000000-PublicVote';
import { VoteThrottleInThrottles1766040000000 } from './1766040000000-VoteThrottleInThrottles';
import { DetectedConflictsStored1766110000000 } from './1766110000000-DetectedConflictsStored';
import { SheetScoreValues1766120000000 } from './1766120000000-SheetScoreValues';
import { AuditEventsWithoutHashIndex1766300000000 } from './1766300000000-AuditEventsWithoutHashIndex';

/** Every migration, oldest first. Bundled builds cannot glob a folder, so each is listed here. */
export const MIGRATIONS = [
  UsersAndContests1764230400000,
  EntriesAndAttachments1764316800000,
  EntryDraftWithoutCategory1764403200000,
  Judging1764576000000,
  Results1764748800000,
  AuditTrail1764835200000,
  IdempotencyKeys1764921600000,
  MailOutbox1765100000000,
  AccountsAndSessions1765100000001,
  Invitations1765100000002,
  AuditChainPerContest1765200000000,
  ApplicationForm1765300000000,
  ScoringPolicies1765400000000,
  CouncilAndFeedback1765500000000,
  IdempotencyWithoutSecrets1765600000000,
  BlindCopies1765600000001,
  PitchDay1765700000000,
  ContestLanguageAndTimeZone1765800000000,
  Throttles1765900000000,
  ScoresDueAndReminders1765910000000,
  PublicVote1765950000000,
  VoteThrottleInThrottles1766040000000,
  DetectedConflictsStored1766110000000,
  SheetScoreValues1766120000000,
  AuditEventsWithoutHashIndex1766300000000,
];
