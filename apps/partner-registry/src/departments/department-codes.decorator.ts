import { applyDecorators } from '@nestjs/common';
import { ArrayMaxSize, ArrayMinSize, IsArray, Matches } from 'class-validator';
import { DEPARTMENT_CODE_PATTERN } from '@vigie/contracts';

/**
 * A list of one to 120 INSEE département codes. The validators are applied in the order a stack of
 * them would be (the lowest first), so a request breaking several rules is answered as before.
 */
export const DepartmentCodes = (): PropertyDecorator =>
  applyDecorators(
    Matches(DEPARTMENT_CODE_PATTERN, { each: true, message: 'each department must be an INSEE département code' }),
    ArrayMaxSize(120),
    ArrayMinSize(1),
    IsArray(),
  );
