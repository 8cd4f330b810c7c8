import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@laurel/api-core';
import type { AuthResponse } from '@laurel/contracts';
import { AcceptInviteDto } from './accept-invite.dto';
import { AcceptInviteService } from './accept-invite.service';
import { AuthResponseDto } from './auth.dto';

@ApiTags('auth')
@Controller('auth')
export class AcceptInviteController {
  constructor(private readonly invites: AcceptInviteService) {}

  @ApiOperation({ summary: 'Set the password of an invited account with its single-use token; 400 unknown token, 410 used or expired' })
  @Public()
  @Post('accept-invite')
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  accept(@Body() dto: AcceptInviteDto): Promise<AuthResponse> {
    return this.invites.accept(dto);
  }
}
