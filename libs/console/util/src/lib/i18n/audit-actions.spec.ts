import { AUDIT_ACTIONS } from '@laurel/contracts';
import { en } from './en';
import { vi } from './vi';
import { auditActionKey } from './keys';

// The API's audit events are typed with AUDIT_ACTIONS; the trail must word each one, never show `stage.drawn`.
describe('audit actions', () => {
  it('each action the API records has a key and words in both languages', () => {
    const missing = AUDIT_ACTIONS.filter((action) => {
      const key = auditActionKey(action)?.replace(/^audit\.actions\./, '');
      return !key || !(key in vi.audit.actions) || !(key in en.audit.actions);
    });
    expect(missing).toEqual([]);
  });

  it('words no action the API does not record', () => {
    const keys = AUDIT_ACTIONS.map((action) => action.replace('.', '_'));
    expect(Object.keys(vi.audit.actions).sort()).toEqual([...keys].sort());
    expect(Object.keys(en.audit.actions).sort()).toEqual([...keys].sort());
  });

  it('an unknown action has no key, so the page shows it as recorded', () => {
    expect(auditActionKey('stage.teleported')).toBeNull();
    expect(auditActionKey('vote.voided')).toBe('audit.actions.vote_voided');
  });
});
