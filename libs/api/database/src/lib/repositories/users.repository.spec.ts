import { getMetadataArgsStorage } from 'typeorm';
import { UserEntity } from '../entities';
import { USER_COLUMNS } from './users.repository';

describe('USER_COLUMNS', () => {
  it('reads every column of users under the property name UserEntity gives it, and nothing else', () => {
    const entity = getMetadataArgsStorage()
      .columns.filter((column) => column.target === UserEntity)
      .map((column) => [column.options.name ?? column.propertyName, column.propertyName]);
    const selected = USER_COLUMNS.split(',').map((part) => {
      const match = /^\s*u\.(\w+)(?:\s+AS\s+"(\w+)")?\s*$/.exec(part);
      if (!match?.[1]) throw new Error(`not a column of u: ${part}`);
      return [match[1], match[2] ?? match[1]];
    });
    expect(selected.sort()).toEqual(entity.sort());
    expect(entity).toHaveLength(12);
  });
});
