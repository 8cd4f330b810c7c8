import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { PassportModule } from '@nestjs/passport';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { AdminMailController } from './admin-mail.controller';
import { AdminUsersController } from './admin-users.controller';
import { AdminUsersService } from './admin-users.service';
import { AccountInvitations } from './account-invitations.service';
import { AuthController } from './auth.controller';
import { MailboxService } from './mailbox.service';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';
import { AuthService } from './auth.service';
import { AccountService } from './account.service';
import { RegistrationService } from './registration.service';
import { SessionCheck } from './session-check';
import { AddressThrottleGuard, JwtAuthGuard, RolesGuard } from './guards';
import { Throttles } from './throttle/throttles';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [laurelConfig.KEY],
      useFactory: (config: LaurelConfig) => ({
        // A secret key object, as the bearer check uses: given the string, jsonwebtoken first tries
        // it as a private key (createPrivateKey throws) on every token it signs, a quarter of a
        // millisecond of the event loop per sign-in (the bench's burst profile).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) as unknown as Buffer,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, ProfileController, InvitationsController, AdminMailController, AdminUsersController],
  providers: [
    AuthService,
    AccountService,
    ProfileService,
    MailboxService,
    RegistrationService,
    SessionCheck,
    Throttles,
    AddressThrottleGuard,
    InvitationsService,
    AdminUsersService,
    AccountInvitations,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, Throttles, AccountInvitations],
})
export class AuthModule {}
