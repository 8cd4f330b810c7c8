import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { laurelConfig, type LaurelConfig } from '@laurel/api-core';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { AdminMailController } from './admin-mail.controller';
import { AuthController } from './auth.controller';
import { MailboxService } from './mailbox.service';
import { ProfileController } from './profile.controller';
import { ProfileService } from './profile.service';
import { AuthService } from './auth.service';
import { AccountService } from './account.service';
import { SessionCheck } from './session-check';
import { JwtAuthGuard, RolesGuard } from './guards';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [laurelConfig.KEY],
      useFactory: (config: LaurelConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [laurelConfig.KEY],
      useFactory: (config: LaurelConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.auth.loginThrottleLimit }],
      }),
    }),
  ],
  controllers: [AuthController, ProfileController, InvitationsController, AdminMailController],
  providers: [
    AuthService,
    AccountService,
    ProfileService,
    MailboxService,
    SessionCheck,
    InvitationsService,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
