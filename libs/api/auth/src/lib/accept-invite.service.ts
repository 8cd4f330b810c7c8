import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { AppError, hashPassword, passwordProblems } from '@laurel/api-core';
import { hashInviteToken, InvitesRepository } from '@laurel/api-database';
import type { AuthResponse } from '@laurel/contracts';
import type { AcceptInviteDto } from './accept-invite.dto';
import { AuthService } from './auth.service';

/**
 * An invited judge sets a password with the single-use token of their link and is signed in.
 * A token never issued (or replaced by a newer invite) answers 400; a used or expired one 410
 * Gone: it existed and is over. Both ask the judge for a new link from the organizer.
 */
@Injectable()
export class AcceptInviteService {
  private readonly logger = new Logger(AcceptInviteService.name);

  constructor(
    private readonly invites: InvitesRepository,
    private readonly auth: AuthService,
  ) {}

  async accept(dto: AcceptInviteDto): Promise<AuthResponse> {
    const tokenHash = hashInviteToken(dto.token);
    const invite = await this.invites.findByTokenHash(tokenHash);
    if (!invite) throw inviteRefused('unknown');
    const problems = passwordProblems(dto.password, invite.email);
    if (problems.length > 0) {
      throw AppError.badRequest(
        'auth.weak_password',
        `The password ${problems.join(' and ')}.`,
        problems.map((message) => ({ field: 'password', message })),
      );
    }
    const redeemed = await this.invites.redeem(tokenHash, await hashPassword(dto.password));
    if (!redeemed.ok) throw inviteRefused(redeemed.problem);
    const { user } = redeemed;
    this.logger.log({ userId: user.id }, 'Invite accepted');
    return this.auth.issue(user);
  }
}

function inviteRefused(problem: 'unknown' | 'used' | 'expired'): AppError {
  const ask = 'Ask the organizer who invited you for a new link.';
  switch (problem) {
    case 'used':
      return new AppError(HttpStatus.GONE, 'auth.invite_used', `This invite link has already been used. Sign in with your e-mail and password, or if you forgot it: ${ask}`);
    case 'expired':
      return new AppError(HttpStatus.GONE, 'auth.invite_expired', `This invite link has expired (links are valid for 14 days). ${ask}`);
    default:
      return AppError.badRequest('auth.invite_invalid', `This invite link is not valid; it may have been replaced by a newer one. ${ask}`);
  }
}
