import type { viRefusals } from './refusals.vi';

/** English sentences of the API's refusals that no area of the console words itself (see `CODE_MESSAGES`). */
export const enRefusals: typeof viRefusals = {
  admin: {
    nothingToChange: 'Nothing was changed: choose the roles to give, or disable or enable the account.',
  },
  advance: {
    invalidGates: 'These rules cannot be applied: the number to advance must be a whole number, 0 or more, and the minimum score a number.',
    ruleRequired: 'Choose how entries advance: the best N, a minimum score, no criterion scored zero, or several of these.',
  },
  assignment: {
    submittedNoRecusal:
      'You have submitted this sheet, so you can no longer recuse yourself from it. Tell the organizer about the conflict: they can record it.',
    unknownPair: 'The judge or the entry is not part of this round any more. Reload the page and choose again.',
  },
  attachment: {
    fileMissing: 'The stored file of this attachment is missing. Tell the organizers: the team may need to upload it again.',
    notCleanable:
      'This file could not be opened to remove its makers’ names, so a blind round does not show it. Tell the organizer: the team may need to upload it again.',
    notFound: 'This entry has no such file any more. Reload the entry to see its files.',
  },
  auth: {
    sessionEnded:
      'This session has ended: the password was changed, or the account was signed out everywhere or its roles changed. Please sign in again.',
  },
  certificate: {
    notFound: 'There is no certificate for this entry: certificates exist for awarded entries once the results are published.',
  },
  conflict: {
    exists: 'A conflict of interest is already recorded for this judge and entry. Reload the list.',
    notFound: 'This conflict of interest is no longer recorded. Reload the list.',
    notRemovable: 'A conflict the judge declared (a recusal) cannot be removed; only conflicts added by an organizer can.',
    unknownPair: 'The judge is not on this contest’s panel, or the entry is not one of its entries. Reload the page and choose again.',
  },
  contest: {
    formLocked:
      'Entries were already submitted against this form, so its questions can no longer be removed, retyped or made stricter. You may still reword labels and help, reorder questions, add options and add optional questions.',
    formRemovalUnconfirmed:
      'Removing a question from a form with submitted entries takes it away from the screening and the judges. Confirm the removal to go ahead.',
  },
  database: {
    unavailable: 'The database cannot be reached for a moment. Nothing was saved: try again in a few seconds.',
  },
  documents: {
    finalRoundNotClosed: 'The minutes record the final ranking: close the final round first, then confirm the awards.',
  },
  entry: {
    alreadyWithdrawn: 'This entry is already withdrawn. There is nothing more to do.',
    categoryTaken: 'You already have an entry in the category “{category}”. Continue that entry, or withdraw it before starting another.',
    incomplete: 'The entry cannot be submitted yet: some required answers are missing. Complete them, then submit again.',
    ineligible: 'The entry does not meet the contest’s eligibility rules. Check the answers the rules name, then submit again.',
    notFound: 'This entry cannot be found among the ones you can open. Check the link, or reload the list you came from.',
    notSubmitted: 'Only submitted entries are screened; this one is still a draft or was withdrawn.',
    ownerOnly: 'Only the team that owns this entry may do this. Contest managers can read it but not change it.',
  },
  idempotency: {
    badKey: 'The request carries an invalid Idempotency-Key. Reload the page and try again.',
    inProgress: 'The same request is still being handled. Wait a moment, then try again.',
    keyReused: 'This request was sent again with different content. Reload the page and make the change again.',
  },
  import: {
    invalidRows: 'Nothing was imported: some rows have problems (listed below). Correct them in the workbook, then import it again.',
    tooLarge:
      'The workbook unpacks to {sizeBytes}, more than the {limitBytes} an import reads. Copy the entries into the template (no pictures or other sheets) and import that file.',
    unreadable: 'The workbook could not be read. Open it in Excel or LibreOffice, save it again as .xlsx, and import it again.',
  },
  invitation: {
    notFound: 'This invitation no longer exists. Reload the panel.',
    notPending: 'This invitation was already accepted or withdrawn: there is nothing to resend.',
    otherAccount:
      'This invitation is for {invited}, and you are signed in as {signedIn}. Sign out, sign in as {invited}, then open the link again.',
    passwordRequired: 'Choose a password for your new account.',
    retry: 'An account was created for this address at the same moment. Open the link again.',
    signIn: 'An account already uses {email}. Sign in as {email}, then accept the invitation.',
  },
  mail: {
    notFound: 'This message is no longer in the outbox. Reload the mailbox.',
  },
  panel: {
    judgeHasSubmitted:
      'This judge has submitted score sheets in the contest and stays on the panel so that their scores keep a judge. Remove their open assignments instead.',
    judgeNotFound: 'This judge is not on the contest’s panel. Reload the panel.',
  },
  request: {
    badUrl: 'This address is broken: a % in it is not followed by a valid code. Check the link, or go back and open the page again.',
    methodNotAllowed:
      'This address does not take this kind of request ({method}; it takes {allowed}). Reload the page and try again; if it keeps happening, tell the organizers.',
    notJsonObject: 'What was sent is not in the form Laurel reads here: a JSON object. Reload the page and try again.',
    tooLarge: 'What was sent is larger than Laurel accepts. Shorten the text; files go through their own upload.',
    unknownRoute: 'Nothing is at this address. Check the link, or go back and open the page again.',
    unreadableBody: 'What was sent could not be read: it arrived empty, cut short or malformed. Reload the page and try again.',
    unsupportedMediaType: 'What was sent is in a form Laurel does not read. Reload the page and try again.',
  },
  results: {
    inconsistentScores:
      'The sheets of the round “{round}” cannot be ranked: their scores do not agree with the rubric. Ask an administrator to check them.',
  },
  round: {
    notFound: 'This round cannot be found among the ones you can open. Check the link, or reload the contest.',
    orderBeforeStarted: 'The round “{round}” has already started; a round cannot be placed before it. Use an order above {order}.',
    rubricRequired: 'At this step of the contest, a round needs at least one criterion in its rubric.',
    settingRequired: 'A round always has this setting: give it a value, or leave the field out to keep the current one.',
  },
  upload: {
    badForm: 'The upload could not be read: send one file, and only the fields this upload asks for.',
    fieldName: 'The file was sent in the wrong field. Reload the page and choose the file again.',
    notMultipart: 'The file was not sent as an upload. Reload the page and choose the file again.',
    oneFile: 'Send one file at a time.',
    unsupportedType:
      'This kind of file is not accepted here: an entry takes PDF, PowerPoint (.pptx), PNG or JPEG files, an import an Excel workbook (.xlsx). The file’s content decides, not its name.',
  },
  user: {
    notFound: 'This account no longer exists. Reload the list.',
  },
  vote: {
    notFound: 'This vote no longer exists. Reload the vote counts.',
  },
  /** The fields of a contest and of a round by their API names, when a refusal names them (`*.field_locked`). */
  fieldNames: {
    contest: {
      name: 'Contest name',
      slug: 'Address (slug)',
      year: 'Year',
      description: 'Description',
      submissionOpensAt: 'Submissions open',
      submissionClosesAt: 'Submission deadline',
      minScoreForPrize: 'Minimum score for a prize',
      noZeroCriterion: 'No prize with a criterion scored 0',
      publicVote: 'Public vote',
      requirePitchDeck: 'Pitch deck required',
      codePrefix: 'Entry code prefix',
      language: 'Language of the documents',
      timeZone: 'Time zone of the documents',
      categories: 'Categories',
      prizes: 'Prizes',
      formFields: 'Application form questions',
      eligibilityRules: 'Eligibility rules',
      council: 'Judging council',
      feedback: 'Feedback to the teams',
      councilMeetingAt: 'Council meeting time',
      councilMeetingPlace: 'Council meeting place',
    },
    round: {
      name: 'Round name',
      order: 'Order',
      panel: 'Panel',
      judgesPerEntry: 'Judges per entry',
      blind: 'Blind scoring',
      aggregation: 'Aggregation',
      trim: 'Totals dropped at each end (k)',
      minSheetsForNormalization: 'Minimum sheets to normalize',
      rankBy: 'Ranking',
      priorityCriteria: 'Priority criteria for ties',
      divergenceThreshold: 'Divergence review threshold',
      maxExtraJudges: 'Extra judges per entry',
      criteria: 'Rubric',
      liveEnabled: 'Live scoring (pitch day)',
      scoresDueAt: 'Scores due',
      reminderHoursBefore: 'Reminder before the deadline',
    },
  },
  /** One line of a refusal's `fields`, said beside where it is (a row and column, an entry, a criterion). */
  fields: {
    /** A request's shape checks (a 400 `validation_failed`), beside the sentences of `application.problems`. */
    shape: {
      decimals: 'A number with at most {limit} decimals.',
      minLength: 'At least {limit} characters.',
      min: 'At least {limit}.',
      option: 'Choose one of: {options}.',
      positive: 'A number greater than 0.',
      wholeNumber: 'A whole number.',
    },
    import: {
      badEmail: '“{value}” is not an e-mail address (such as name@example.vn).',
      badUrl: 'This is not a web address: it must start with http:// or https://.',
      cellTooLong: 'A cell holds more than {max} characters: shorten it to what the field allows.',
      empty: 'This cell is empty: fill it in.',
      exists: 'This entry is already in the contest ({entry}, same title and team name): remove the row.',
      missingColumn: 'The column “{column}” is missing: download the template again and keep its header row.',
      noMembers: 'The row lists no member: give at least member 1 a name and a role.',
      noRows: 'The file has no entries below the header row.',
      noSheet: 'The file holds no sheet: use the template.',
      repeatedRow: 'This row repeats row {first} (same title and team name): keep one of them.',
      tooLong: '{length} characters: at most {max} fit.',
      tooManyColumns: 'This row has values beyond the template’s columns (at most {max} are read): delete the columns to the right.',
      tooManyRows: 'The file holds more than {max} entries: import at most {max} at a time, in several files.',
      unknownCategory: '“{value}” is not a category of this contest; use one of {categories}.',
    },
    assignment: {
      allJudgesConflicted: '{entry}: every judge on the panel has a conflict of interest with it.',
      tooFewJudges: '{entry}: needs {needed} more judge(s) without a conflict of interest, and only {available} are available.',
    },
    settings: {
      councilEmpty: 'The council needs at least one member; or leave it to the judges of the final round.',
      councilNotJudge: 'This person is not a judge of this contest: invite them to the panel first.',
      prizeCategoryMismatch: 'The prize names two different categories: choose one.',
      prizeTierRepeated: 'This prize appears twice for the same category: keep one line and raise its number of places.',
      slugReserved: '“{slug}” is reserved for the console’s own pages: choose another address.',
      voteClosesBeforeOpening: 'The public vote must close after it opens.',
      noCriteria: 'The rubric needs at least one criterion.',
      priorityUnknown: '“{criterion}” is not a criterion of this round’s rubric: choose one of its criteria.',
    },
    password: {
      blank: 'Not only spaces: use letters, digits or signs.',
      isEmail: 'Not your e-mail address: choose something others cannot guess from it.',
      notCurrent: 'This is not your current password.',
    },
    /** The organizers' own words are on the contest's rule; this is said where they are not at hand. */
    eligibility: {
      ruleFailed: 'The entry does not meet this eligibility rule of the contest.',
    },
    screening: {
      reasonIneligible: 'Say why the entry is not eligible: the team and the audit trail read it.',
      reasonOverride: 'Say why the entry is eligible although it fails the rule(s) {rules}: the audit trail keeps it.',
    },
    score: {
      decimals: '“{criterion}” takes at most two decimals (such as 7.25).',
      outOfRange: '“{criterion}” must be a number between 0 and {max}.',
      repeated: '“{criterion}” was sent twice: reload the sheet.',
      unknownCriterion: 'A criterion is no longer in the round’s rubric: reload the sheet.',
    },
  },
};
