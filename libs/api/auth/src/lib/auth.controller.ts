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
  })
  @Public()
  @ApiAnswer(202, 'NeutralAnswer', { errors: [429] })
  @Post('register')
  @Throttled('register')
  @UseGuards(AddressThrottleGuard)
  @HttpCode(202)
  register(@Body() dto: RegisterDto): Promise<NeutralAnswer> {
    return this.registration.register(dto);
  }

  @ApiOperation({ summary: 'Confirm the address with the mailed token; answers a session. 400 unknown token, 410 used or expired' })
  @Public()
  @ApiAnswer(200, 'AuthResponse', { errors: [410] })
  @Post('verify-email')
  @HttpCode(200)
  verifyEmail(@Body() dto: VerifyEmailDto): Promise<AuthResponse> {
    return this.registration.verifyEmail(dto.token);
  }

  @ApiOperation({
    summary: 'Mail a new confirmation link to the signed-in account; 409 when already confirmed; rate limited per client address',
  })
  @ApiBearerAuth()
  @ApiAnswer(202, 'NeutralAnswer', { errors: [409, 429] })
  @Post('verify-email/resend')
  @Throttled('verify_resend')
  @UseGuards(AddressThrottleGuard)
  @HttpCode(202)
  resendVerification(@CurrentUser() user: AuthUser): Promise<NeutralAnswer> {
    return this.registration.resendVerification(user);
  }

  @Public()
  @ApiOperation({ summary: 'Sign in with e-mail and password; rate limited per client and per account' })
  @ApiAnswer(200, 'AuthResponse', { errors: [429] })
  @Post('login')
  @HttpCode(200)
  @Throttled('sign_in')
  @UseGuards(AddressThrottleGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  login(@CurrentUser() user: AuthUser): Promise<AuthResponse> {
    return this.auth.signIn(user);
  }

  @ApiOperation({ summary: 'The signed-in account' })
  @ApiBearerAuth()
  @ApiAnswer(200, 'UserView')
  @Get('me')
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.auth.me(user);
  }

  @ApiOperation({ summary: 'Mails a password reset link; the same 202 whether or not the address has an account' })
  @Public()
  @ApiAnswer(202, 'NeutralAnswer', { errors: [429] })
  @Post('password-reset')
  @Throttled('password_reset')
  @UseGuards(AddressThrottleGuard)
  @HttpCode(202)
  requestPasswordReset(@Body() dto: PasswordResetDto): Promise<NeutralAnswer> {
    return this.account.requestPasswordReset(dto.email);
  }

  @ApiOperation({ summary: 'Sets a new password with the mailed token; older sessions end. 400 unknown token, 410 used or expired' })
  @Public()
  @ApiAnswer(200, 'AuthResponse', { errors: [410] })
  @Post('password-reset/confirm')
  @HttpCode(200)
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<AuthResponse> {
    return this.account.confirmPasswordReset(dto);
  }

  @ApiOperation({ summary: 'Changes the password; every other session ends, the answer carries a new token' })
  @ApiBearerAuth()
  @ApiAnswer(200, 'AccessTokenResponse')
  @Post('password')
  @HttpCode(200)
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: PasswordChangeDto): Promise<AccessTokenResponse> {
    return this.account.changePassword(user, dto);
  }

  @ApiOperation({ summary: 'Ends every session of the account, this one included' })
  @ApiBearerAuth()
  @ApiAnswer(204, null)
  @Post('sign-out-everywhere')
  @HttpCode(204)
  signOutEverywhere(@CurrentUser() user: AuthUser): Promise<void> {
    return this.account.signOutEverywhere(user);
  }
}
