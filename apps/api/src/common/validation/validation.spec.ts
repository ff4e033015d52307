import 'reflect-metadata';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import { fieldErrors, implicitFieldErrors, MultiLine, validationFailed } from './validation.js';

class Address {
  @ApiProperty() city: string;
}

class Sample {
  @ApiPropertyOptional() name?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) email?: string | null;
  @ApiPropertyOptional() @MultiLine() opinion?: string;
  @ApiPropertyOptional({ type: Address }) address?: Address;
}

function sample(values: Partial<Sample>): Sample {
  return Object.assign(new Sample(), values);
}

describe('implicitFieldErrors: what every DTO field follows without saying so', () => {
  it('refuses null where the documented schema does not say nullable', () => {
    expect(implicitFieldErrors(sample({ name: null }))).toEqual([{ field: 'name', message: '不能为 null（不填请省略该字段）' }]);
  });

  it('takes null where the field is documented nullable', () => {
    expect(implicitFieldErrors(sample({ email: null }))).toEqual([]);
  });

  it('refuses line breaks and tabs outside a @MultiLine() field, and takes them in one', () => {
    expect(implicitFieldErrors(sample({ name: 'a\nb' }))).toEqual([{ field: 'name', message: '不能包含换行符或制表符' }]);
    expect(implicitFieldErrors(sample({ opinion: '第一条\n第二条\t（附件）' }))).toEqual([]);
  });

  it('looks into nested DTOs and names the nested field', () => {
    const address = Object.assign(new Address(), { city: '云\r州' });
    expect(implicitFieldErrors(sample({ address }))).toEqual([{ field: 'address.city', message: '不能包含换行符或制表符' }]);
  });

  it('leaves an absent field alone (optional means "may be left out")', () => {
    expect(implicitFieldErrors(sample({}))).toEqual([]);
  });
});

describe('fieldErrors: messages in Chinese', () => {
  class Query {
    @IsOptional() @IsString() @MaxLength(64) keyword?: string;
    @IsString({ message: '请输入姓名' }) fullName: string;
  }

  it('puts class-validator’s English defaults into Chinese, keeping the limit, and keeps a DTO’s own message', () => {
    const errors = validateSync(Object.assign(new Query(), { keyword: 'x'.repeat(65), fullName: 3 }));
    const messages = fieldErrors(errors);
    expect(messages).toEqual(
      expect.arrayContaining([
        { field: 'keyword', message: '最多 64 个字符' },
        { field: 'fullName', message: '请输入姓名' },
      ]),
    );
    for (const { message } of messages) {
      expect(message).toMatch(/[\u4e00-\u9fff]/);
      expect(message).not.toMatch(/[A-Za-z]{4,}/);
    }
  });
});

describe('validationFailed: a bounded answer', () => {
  it('lists each field’s message once, at most 20 fields, and names the count of the rest in the detail', () => {
    const fields = Array.from({ length: 9000 }, (_, i) => ({ field: `k${i}`, message: '含有不允许的字符' }));
    const error = validationFailed([...fields, fields[0]]);
    expect(error.options.fields).toHaveLength(20);
    expect(error.detail).toBe('含有不允许的字符');
    const mixed = validationFailed(Array.from({ length: 8 }, (_, i) => ({ field: `f${i}`, message: `问题 ${i}` })));
    expect(mixed.detail).toBe('问题 0；问题 1；问题 2；问题 3；问题 4；等 8 处不符合要求');
  });
});
