import { Transform, Type } from 'class-transformer';
import { IsEmail, IsISO8601, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { compiledBodyCheck } from './compiled-body-check';

class Contact {
  @IsEmail() email: string;
}

class WithUnknownRule {
  @IsOptional() @ValidateNested() @Type(() => Contact) contact?: Contact;
}

class Leaf {
  @IsString() @MaxLength(3) name: string;
}

class NestedWithoutType {
  @ValidateNested() leaf: Leaf;
}

class WithDefault {
  @IsOptional() @IsString() language?: string = 'fr-FR';
}

class Trimmed {
  @Transform(({ value }: { value: string }) => value.trim()) @IsString() name: string;
}

class WithDate {
  @Type(() => Date) @IsISO8601() at: Date;
}

class Known {
  @IsOptional() @ValidateNested() @Type(() => Leaf) leaf?: Leaf;
}

describe('compiledBodyCheck', () => {
  it('refuses to compile a rule it has no form known to match, even in a nested class', () => {
    expect(() => compiledBodyCheck(WithUnknownRule)).toThrow('Contact.email: isEmail has no compiled form');
  });

  it('refuses to compile a nested class it cannot name', () => {
    expect(() => compiledBodyCheck(NestedWithoutType)).toThrow('NestedWithoutType.leaf: nested without @Type');
  });

  it('refuses to compile a class the pipe would build differently from the value it accepts', () => {
    expect(() => compiledBodyCheck(WithDefault)).toThrow('WithDefault: default values (language) change the body');
    expect(() => compiledBodyCheck(Trimmed)).toThrow('Trimmed.name: @Transform changes the body');
    expect(() => compiledBodyCheck(WithDate)).toThrow('WithDate.at: @Type without nested validation changes the body');
  });

  it('checks nested classes, refuses unknown properties and null at every level', () => {
    const check = compiledBodyCheck(Known);
    expect(check({})).toBe(true);
    expect(check({ leaf: { name: 'abc' } })).toBe(true);
    expect(check({ leaf: { name: 'abcd' } })).toBe(false);
    expect(check({ leaf: { name: 'abc', other: 1 } })).toBe(false);
    expect(check({ other: 1 })).toBe(false);
    expect(check({ leaf: null })).toBe(false);
    expect(check({ leaf: {} })).toBe(false);
    expect(check([])).toBe(false);
  });
});
