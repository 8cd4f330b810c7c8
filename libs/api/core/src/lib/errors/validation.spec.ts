import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { HttpStatus } from '@nestjs/common';
import { AppError } from './app-error';
import { LaurelValidationPipe } from './validation-pipe';

class MemberDto {
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(80, { message: 'must be at most 80 characters long' })
  @IsString()
  name!: string;

  @IsOptional()
  @IsEmail({}, { message: 'must be an e-mail address' })
  email?: string;
}

class ScoreDto {
  @Min(0)
  @Max(7.5)
  value!: number;

  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  weight?: number;
}

class SignUpDto {
  @MinLength(8)
  @MaxLength(128)
  @IsString()
  password!: string;

  @IsOptional()
  @IsIn(['vi', 'en'])
  language?: string;

  @IsOptional()
  @IsInt()
  @IsPositive()
  teamSize?: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members?: MemberDto[];

  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ScoreDto)
  scores?: ScoreDto[];
}

/** What the API's pipe answers for `body`, as the client reads it. */
async function refusalOf(body: unknown): Promise<{ status: number; code: string; fields: unknown; message: string }> {
  try {
    await new LaurelValidationPipe().transform(body, { type: 'body', metatype: SignUpDto });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { status: error.getStatus(), code: error.code, fields: error.fields, message: error.message };
  }
  throw new Error('the body was accepted');
}

describe('a request body that does not fit its DTO', () => {
  it('names each field with a code and the limit of its check, taken from the decorator, not from the English', async () => {
    const refusal = await refusalOf({ password: 'x'.repeat(129), language: 'fr', teamSize: 2.5 });
    expect(refusal.status).toBe(HttpStatus.BAD_REQUEST);
    expect(refusal.code).toBe('validation_failed');
    expect(refusal.fields).toEqual([
      { field: 'password', message: 'password must be shorter than or equal to 128 characters', code: 'max_length', limit: 128 },
      { field: 'language', message: 'language must be one of the following values: vi, en', code: 'option', params: { options: 'vi, en' } },
      { field: 'teamSize', message: 'teamSize must be an integer number', code: 'whole_number' },
    ]);
    // The English stays whole for API clients.
    expect(refusal.message).toContain('password: password must be shorter than or equal to 128 characters');
  });

  it('says "too short" with its least length, and "empty" for a one-character minimum', async () => {
    expect((await refusalOf({ password: 'short' })).fields).toEqual([
      { field: 'password', message: 'password must be longer than or equal to 8 characters', code: 'min_length', limit: 8 },
    ]);
    expect((await refusalOf({ password: 'long enough', members: [{ name: '' }] })).fields).toEqual([
      { field: 'members.0.name', message: 'must not be empty', code: 'required' },
    ]);
  });

  it('keeps the path of a nested field and reads the limits of the nested class', async () => {
    const refusal = await refusalOf({
      password: 'long enough',
      members: [{ name: 'Hoa' }, { name: 'x'.repeat(81), email: 'not-an-address' }],
      scores: [{ value: 8, weight: 1.234 }],
    });
    expect(refusal.fields).toEqual([
      { field: 'members.1.name', message: 'must be at most 80 characters long', code: 'max_length', limit: 80 },
      { field: 'members.1.email', message: 'must be an e-mail address', code: 'format' },
      { field: 'scores.0.value', message: 'value must not be greater than 7.5', code: 'max', limit: 7.5 },
      { field: 'scores.0.weight', message: 'weight must be a number conforming to the specified constraints', code: 'decimals', limit: 2 },
    ]);
  });

  it('codes a list too long, a number not above 0, a wrong kind of value and an unknown field', async () => {
    const refusal = await refusalOf({
      password: 12345678,
      teamSize: 0,
      members: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
      role: 'admin',
    });
    expect(refusal.fields).toEqual([
      { field: 'role', message: 'is not a known field: remove it', code: 'unknown' },
      { field: 'password', message: 'password must be a string', code: 'type' },
      { field: 'teamSize', message: 'teamSize must be a positive number', code: 'positive' },
      { field: 'members', message: 'members must contain no more than 2 elements', code: 'max_items', limit: 2 },
    ]);
  });

  it('refuses a JSON body that is not an object (a string, a list, a number) with its own code, not "undefined: an unknown value"', async () => {
    for (const body of ['just a string', [], 42]) {
      const refusal = await refusalOf(body);
      expect({ body, status: refusal.status, code: refusal.code, fields: refusal.fields }).toEqual({
        body,
        status: 400,
        code: 'request.not_json_object',
        fields: undefined,
      });
      expect(refusal.message).toMatch(/must be a JSON object/);
      expect(refusal.message).not.toMatch(/undefined|unknown value/);
    }
  });
});
