import { HttpStatus } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { isUuid, UuidPipe } from './uuid';

describe(UuidPipe.name, () => {
  const roundNotFound = () => AppError.notFound('round.not_found', 'No round has this id.');
  const sut = new UuidPipe(roundNotFound);

  it('passes a UUID through unchanged, in either case', () => {
    expect(sut.transform('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe('3f2504e0-4f89-11d3-9a0c-0305e82c3301');
    expect(sut.transform('3F2504E0-4F89-11D3-9A0C-0305E82C3301')).toBe('3F2504E0-4F89-11D3-9A0C-0305E82C3301');
  });

  it.each(['not-a-uuid', '', '3f2504e0-4f89-11d3-9a0c-0305e82c330', '3f2504e0-4f89-11d3-9a0c-0305e82c3301x', "1' OR '1'='1"])(
    'answers the resource’s own 404 for %p',
    (value) => {
      expect(() => sut.transform(value)).toThrow(AppError);
      try {
        sut.transform(value);
      } catch (error) {
        expect((error as AppError).getStatus()).toBe(HttpStatus.NOT_FOUND);
        expect((error as AppError).getResponse()).toMatchObject({ code: 'round.not_found' });
      }
    },
  );

  it('has a plain 404 when the route names no resource', () => {
    expect(() => new UuidPipe().transform('x')).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('tells a UUID from anything else', () => {
    expect(isUuid('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(isUuid(42)).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });
});
