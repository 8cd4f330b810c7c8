import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, Public } from '@laurel/api-core';
import type { AccessTokenResponse, AuthResponse, NeutralAnswer, UserView } from '@laurel/contracts';
import { LoginDto, PasswordChangeDto, PasswordResetConfirmDto, PasswordResetDto, RegisterDto, VerifyEmailDto } from './auth.dto';
import { AccountService } from './account.service';
import { RegistrationService } from './registration.service';
import { AuthService } from './auth.service';
import { AddressThrottleGuard, LocalAuthGuard, Throttled } from './guards';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly account: AccountService,
    private readonly registration: RegistrationService,
  ) {}

  @ApiOperation({
    summary:
      'Sign up as an applicant; the same 202 whether or not the address has an account (a mail says which); rate limited per client address',
    description:
      'Creates an applicant account that must confirm its address before it may submit an entry, and mails the confirmation link. The answer is the same 202 whether or not the address already has an account (that mailbox gets a mail saying so instead), so the route never tells who is registered. Anyone may call it. Refusals: 400 `auth.weak_password` or `validation_failed`; 429 `auth.too_many_sign_ups` per client address (wait as Retry-After says).',
  })
  @Public()
  @ApiAnswer(202, 'NeutralAnswer', 'The same sentence whether or not the address already had an account (a mail tells its holder which).', {
    errors: [429],
  })
  @Post('register')
  @Throttled('register')
  @UseGuards(AddressThrottleGuard)
  @HttpCode(202)
  register(@Body() dto: RegisterDto): Promise<NeutralAnswer> {
    return this.registration.register(dto);
  }

  @ApiOperation({
    summary: 'Confirm the address with the mailed token; answers a session. 400 unknown token, 410 used or expired',
    description:
      "Confirms the account's address with the token from the mailed link and answers a session (`AuthResponse`), so the link signs the person in. Anyone holding the token may call it. Refusals: 400 `auth.verify_invalid` (unknown token, or replaced by a newer link); 410 `auth.verify_used` or `auth.verify_expired` (links work for 48 hours: ask for a new one); 403 `auth.account_disabled`.",
  })
  @Public()
  @ApiAnswer(200, 'AuthResponse', 'A session for the account whose address is now confirmed: the bearer token and the account.', {
    errors: [403, 410],
  })
  @Post('verify-email')
  @HttpCode(200)
  verifyEmail(@Body() dto: VerifyEmailDto): Promise<AuthResponse> {
    return this.registration.verifyEmail(dto.token);
  }

  @ApiOperation({
    summary: 'Mail a new confirmation link to the signed-in account; 409 when already confirmed; rate limited per client address',
    description:
      'Mails the signed-in account a new confirmation link; the older links stop working. For an account that signed up and has not confirmed yet. Refusals: 409 `auth.already_verified`; 429 `auth.too_many_resends` per client address.',
  })
  @ApiBearerAuth()
  @ApiAnswer(202, 'NeutralAnswer', 'The sentence saying a new confirmation link was mailed; older links stop working.', {
    errors: [409, 429],
  })
  @Post('verify-email/resend')
  @Throttled('verify_resend')
  @UseGuards(AddressThrottleGuard)
  @HttpCode(202)
  resendVerification(@CurrentUser() user: AuthUser): Promise<NeutralAnswer> {
    return this.registration.resendVerification(user);
  }

  @Public()
  @ApiOperation({
    summary: 'Sign in with e-mail and password; rate limited per client and per account',
    description:
      'Checks the e-mail and password and answers a session: a bearer token for the `Authorization` header and the account. Anyone may call it. Refusals: 401 `auth.invalid_credentials` (the same for an unknown address and a wrong password); 403 `auth.account_disabled`; 429 `auth.too_many_attempts` per client and per account; 503 `auth.busy` when too many people sign in at once (retry after Retry-After).',
  })
  @ApiAnswer(200, 'AuthResponse', 'A session: the bearer token for the Authorization header, and the signed-in account.', {
    errors: [401, 403, 429],
  })
  @Post('login')
  @HttpCode(200)
  @Throttled('sign_in')
  @UseGuards(AddressThrottleGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  login(@CurrentUser() user: AuthUser): Promise<AuthResponse> {
    return this.auth.signIn(user);
  }

  @ApiOperation({
    summary: 'The signed-in account',
    description:
      'The signed-in account: id, address, name, roles, language and whether the address is confirmed. Any signed-in account may call it; a client calls it on start to learn whether its stored token still works. Refusals: 401 when the session ended (`auth.session_ended`, `auth.token_expired`) or the account is gone (`auth.account_gone`).',
  })
  @ApiBearerAuth()
  @ApiAnswer(200, 'UserView', 'The signed-in account: id, address, name, roles, language and whether the address is confirmed.')
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.auth.me(user);
  }

  @ApiOperation({
    summary: 'Mails a password reset link; the same 202 whether or not the address has an account',
    description:
      'Mails a link that sets a new password (valid for 1 hour). The answer is the same 202 whether or not the address has an account, so the route never tells who is registered. Anyone may call it. Refusals: 400 `validation_failed`; 429 `auth.too_many_resets` per client address.',
  })
  @Public()
  @ApiAnswer(
    202,
    'NeutralAnswer',
    'The same sentence whether or not the address has an account, so the answer never tells who is registered.',
    { errors: [429] },
  )
  @Post('password-reset')
  @Throttled('password_reset')
  @UseGuards(AddressThrottleGuard)
  @HttpCode(202)
  requestPasswordReset(@Body() dto: PasswordResetDto): Promise<NeutralAnswer> {
    return this.account.requestPasswordReset(dto.email);
  }

  @ApiOperation({
    summary: 'Sets a new password with the mailed token; older sessions end. 400 unknown token, 410 used or expired',
    description:
      'Sets a new password with the token of the mailed link and answers a new session; every older session of the account ends. Anyone holding the token may call it. Refusals: 400 `auth.reset_invalid` (unknown, or replaced by a newer link) or `auth.weak_password`; 410 `auth.reset_used` or `auth.reset_expired` (ask for a new link).',
  })
  @Public()
  @ApiAnswer(200, 'AuthResponse', 'A new session with the new password: the bearer token and the account; older sessions have ended.', {
    errors: [410],
  })
  @Post('password-reset/confirm')
  @HttpCode(200)
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<AuthResponse> {
    return this.account.confirmPasswordReset(dto);
  }

  @ApiOperation({
    summary: 'Changes the password; every other session ends, the answer carries a new token',
    description:
      "Changes the signed-in account's password after checking the current one. Every other session ends; the answer carries the new token this client should use from now on. Refusals: 400 `auth.wrong_password` or `auth.weak_password`; 401 `auth.account_gone`.",
  })
  @ApiBearerAuth()
  @ApiAnswer(200, 'AccessTokenResponse', 'The new bearer token this client uses from now on; every other session has ended.')
  @Post('password')
  @HttpCode(200)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: PasswordChangeDto): Promise<AccessTokenResponse> {
    return this.account.changePassword(user, dto);
  }

  @ApiOperation({
    summary: 'Ends every session of the account, this one included',
    description:
      'Ends every session of the signed-in account, this one included (for a lost device). The next request with any older token answers 401 `auth.session_ended`. Any signed-in account may call it.',
  })
  @ApiBearerAuth()
  @ApiAnswer(204, null, 'Every session of the account has ended, this one included; no body.')
  @Post('sign-out-everywhere')
  @HttpCode(204)
  signOutEverywhere(@CurrentUser() user: AuthUser): Promise<void> {
    return this.account.signOutEverywhere(user);
  }
}
