import { Body, Controller, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser } from '@laurel/api-core';
import type { UserView } from '@laurel/contracts';
import { ProfileUpdateDto } from './profile.dto';
import { ProfileService } from './profile.service';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/me')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @ApiOperation({
    summary: 'Changes the name shown to others and the language of the mails this account receives',
    description:
      "Changes the signed-in account's display name (shown to organizers, judges and on documents) and the language of the mails it receives (`vi` or `en`). Any signed-in account may change its own profile. Refusals: 400 `validation_failed`; 401 `auth.account_gone`.",
  })
  @Patch()
  @ApiAnswer(200, 'UserView', 'The signed-in account after the change, with its new name and mail language.')
  update(@CurrentUser() user: AuthUser, @Body() dto: ProfileUpdateDto): Promise<UserView> {
    return this.profile.update(user, dto);
  }
}
