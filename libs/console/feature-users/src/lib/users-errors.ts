import { type UiMessage, apiErrorOf, toUiMessage } from '@laurel/console-util';

const CODES: Record<string, UiMessage> = {
  'admin.last_admin': { key: 'users.errors.lastAdmin' },
  'admin.disable_self': { key: 'users.errors.disableSelf' },
  'admin.role_not_grantable': { key: 'users.errors.notGrantable' },
  'admin.no_role': { key: 'users.errors.noRole' },
  'invitation.has_role': { key: 'users.errors.hasRole' },
};

/** A refusal of the users API in the reader's language. */
export function usersError(error: unknown): UiMessage {
  const code = apiErrorOf(error)?.code;
  return (code && CODES[code]) || toUiMessage(error);
}
