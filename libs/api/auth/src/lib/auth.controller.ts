import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Public } from '@laurel/api-core';
import type { AccessTokenResponse, AuthResponse, NeutralAnswer, UserView } from '@laurel/contracts';
import { AccessTokenDto, AuthResponseDto, LoginDto, NeutralAnswerDto, PasswordChangeDto, PasswordResetConfirmDto, PasswordResetDto, RegisterDto, UserDto } from './auth.dto';
import { AccountService } from './account.service';
import { AuthService } from './auth.service';
import { LocalAuthGuard, LoginThrottlerGuard } from './guards';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly account: AccountService,
  ) {}

  @Public()
  @Post('register')
  @ApiOkResponse({ type: AuthResponseDto })
  register(@Body() dto: RegisterDto): Promise<AuthResponse> {
    return this.auth.register(dto);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: AuthResponseDto })
  login(@CurrentUser() user: AuthUser): Promise<AuthResponse> {
    return this.auth.signIn(user);
  }

  @ApiBearerAuth()
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  me(@CurrentUser() user: AuthUser): Promise<UserView> {
    return this.auth.me(user);
  }

  @ApiOperation({ summary: 'Mails a password reset link; the same 202 whether or not the address has an account' })
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: NeutralAnswerDto })
  requestPasswordReset(@Body() dto: PasswordResetDto): Promise<NeutralAnswer> {
    return this.account.requestPasswordReset(dto.email);
  }

  @ApiOperation({ summary: 'Sets a new password with the mailed token; older sessions end. 400 unknown token, 410 used or expired' })
  @Public()
  @Post('password-reset/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<AuthResponse> {
    return this.account.confirmPasswordReset(dto);
  }

  @ApiOperation({ summary: 'Changes the password; every other session ends, the answer carries a new token' })
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(200)
  @ApiOkResponse({ type: AccessTokenDto })
  changePassword(@CurrentUser() user: AuthUser, @Body() dto: PasswordChangeDto): Promise<AccessTokenResponse> {
    return this.account.changePassword(user, dto);
  }

  @ApiOperation({ summary: 'Ends every session of the account, this one included' })
  @ApiBearerAuth()
  @Post('sign-out-everywhere')
  @HttpCode(204)
  @ApiNoContentResponse()
  signOutEverywhere(@CurrentUser() user: AuthUser): Promise<void> {
    return this.account.signOutEverywhere(user);
  }
}
