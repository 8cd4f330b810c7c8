import type { viUsers } from './users.vi';

export const enUsers: typeof viUsers = {
  page: {
    title: 'Users & organizers',
    subtitle:
      'Find accounts, grant or revoke the organizer and administrator roles, disable accounts. Every change takes effect at once and goes into the audit trail.',
    search: 'Search by name or e-mail',
    role: 'Role',
    allRoles: 'All roles',
    invite: 'Invite an organizer',
    empty: 'No account matches.',
    emptyHint: 'Try part of a name or of an e-mail address.',
    count: '{total} accounts',
    page: 'Page {page} of {pages}',
    previous: 'Previous page',
    next: 'Next page',
    you: 'You',
  },
  columns: {
    person: 'Person',
    roles: 'Roles',
    organizer: 'Organizer',
    admin: 'Administrator',
    status: 'Status',
    actions: 'Actions',
  },
  status: {
    active: 'Active',
    disabled: 'Disabled',
    unverified: 'E-mail not confirmed',
  },
  actions: {
    disable: 'Disable',
    enable: 'Enable',
    cancel: 'Cancel',
  },
  confirm: {
    grantTitle: 'Grant the {role} role?',
    grantBody: '{name} ({email}) becomes {role}. Their current sessions end; they sign in again to use the new role.',
    revokeTitle: 'Revoke the {role} role?',
    revokeBody: '{name} ({email}) loses the {role} role at once: their sessions end within a second.',
    grant: 'Grant the role',
    revoke: 'Revoke',
    disableTitle: 'Disable the account?',
    disableBody:
      '{name} ({email}) can no longer sign in, and every open session ends within a second. You can enable the account again later.',
    enableTitle: 'Enable the account?',
    enableBody: '{name} ({email}) can sign in again with their current password.',
  },
  done: {
    granted: '{name} now has the {role} role.',
    revoked: '{name} no longer has the {role} role.',
    disabled: '{name}’s account is disabled.',
    enabled: '{name}’s account is enabled again.',
  },
  errors: {
    lastAdmin: 'This is the last enabled administrator: the platform would have none. Invite or appoint another administrator first.',
    disableSelf: 'You cannot disable your own account. Ask another administrator.',
    notGrantable:
      'Only the organizer and administrator roles are granted here; the judge role comes from a contest’s invitation, the applicant role from signing up.',
    hasRole: '{email} already has that role.',
    noRole: 'An account keeps at least one role. Disable the account instead of revoking its last role.',
  },
  inviteDialog: {
    title: 'Invite by e-mail',
    intro:
      'The invitation travels only by mail: the person opens its link to take the role (and chooses a password if they have no account). The link works for 14 days.',
    email: 'E-mail',
    name: 'Name of the person invited',
    role: 'Role',
    organizer: 'Organizer: creates and runs contests',
    admin: 'Administrator: manages people and the platform',
    send: 'Send the invitation',
    close: 'Close',
    sent: 'The invitation is on its way to {email}.',
    emailInvalid: 'Enter an e-mail address, such as name@company.com.',
    nameRequired: 'Enter the name of the person invited.',
  },
};
