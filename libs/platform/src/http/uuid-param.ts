import { Param, ParseUUIDPipe } from '@nestjs/common';

/** A path parameter that must be a UUID, refused with a 400 before the handler runs: `id` unless named. */
export const UuidParam = (name = 'id'): ParameterDecorator => Param(name, ParseUUIDPipe);
