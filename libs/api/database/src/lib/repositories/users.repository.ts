import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserEntity } from '../entities';
import type { Role } from '@laurel/contracts';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }

  /** Inserts unless the e-mail is taken (case-insensitively); null when it is. */
  async insertIfNew(user: {
    email: string;
    passwordHash: string;
    displayName: string;
    roles: Role[];
  }): Promise<UserEntity | null> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO users (email, password_hash, display_name, roles)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO NOTHING
       RETURNING id`,
      [user.email, user.passwordHash, user.displayName, user.roles],
    );
    return rows.length === 0 ? null : this.findById(rows[0].id);
  }
}
