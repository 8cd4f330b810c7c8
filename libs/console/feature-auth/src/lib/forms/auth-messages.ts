import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@laurel/contracts';
import type { ErrorMessages } from './field-errors';

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 120;

export const EMAIL_ERRORS: ErrorMessages = {
  required: { key: 'auth.validation.emailRequired' },
  email: { key: 'auth.validation.emailInvalid' },
  maxlength: { key: 'auth.validation.emailTooLong', params: { max: EMAIL_MAX_LENGTH } },
};

export const PASSWORD_ERRORS: ErrorMessages = {
  required: { key: 'auth.validation.passwordRequired' },
  blank: { key: 'auth.validation.passwordBlank' },
  minlength: { key: 'auth.validation.passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } },
  maxlength: { key: 'auth.validation.passwordTooLong', params: { max: PASSWORD_MAX_LENGTH } },
  sameAsEmail: { key: 'auth.validation.passwordIsEmail' },
};

export const DISPLAY_NAME_ERRORS: ErrorMessages = {
  required: { key: 'auth.validation.displayNameRequired' },
  blank: { key: 'auth.validation.displayNameRequired' },
  maxlength: { key: 'auth.validation.displayNameTooLong', params: { max: DISPLAY_NAME_MAX_LENGTH } },
};
