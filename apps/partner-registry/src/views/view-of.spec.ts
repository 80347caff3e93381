import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { documentedFields, viewOf } from './view-of';

describe('viewOf', () => {
  const row = { id: 'a', createdAt: new Date('2026-01-02T03:04:05.000Z'), revokedAt: null as Date | null, secret: 's' };

  it('copies the named fields in the order given and writes dates as ISO 8601', () => {
    const view = viewOf(row, ['revokedAt', 'createdAt', 'id']);
    expect(view).toEqual({ revokedAt: null, createdAt: '2026-01-02T03:04:05.000Z', id: 'a' });
    expect(Object.keys(view)).toEqual(['revokedAt', 'createdAt', 'id']);
  });

  it('leaves out the fields it is not given', () => {
    expect(viewOf(row, ['id'])).not.toHaveProperty('secret');
  });
});

describe('documentedFields', () => {
  class KeyView {
    @ApiProperty() id: string;
    @ApiPropertyOptional({ nullable: true, type: String }) revokedAt: string | null;
    @ApiProperty() createdAt: string;
  }
  class IssuedView extends KeyView {
    @ApiProperty() key: string;
  }

  it('lists the documented fields in the order declared, a subclass’s after its parent’s', () => {
    expect(documentedFields(KeyView)).toEqual(['id', 'revokedAt', 'createdAt']);
    expect(documentedFields(IssuedView)).toEqual(['id', 'revokedAt', 'createdAt', 'key']);
  });

  it('gives viewOf the view’s fields, and no others', () => {
    const row = { id: 'a', createdAt: new Date('2026-01-02T03:04:05.000Z'), revokedAt: null, secret: 's' };
    expect(viewOf(row, documentedFields(KeyView))).toEqual({
      id: 'a',
      revokedAt: null,
      createdAt: '2026-01-02T03:04:05.000Z',
    });
  });
});
