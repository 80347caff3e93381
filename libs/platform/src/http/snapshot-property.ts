import { ApiProperty } from '@nestjs/swagger';

/**
 * A view's copy of an event's snapshot, as it was published: a free-form object in the API
 * description, its schema being the event's (docs/asyncapi.json).
 */
export const SnapshotProperty = (description: string): PropertyDecorator =>
  ApiProperty({ type: 'object', additionalProperties: true, description });
