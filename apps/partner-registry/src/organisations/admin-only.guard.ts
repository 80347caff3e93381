import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '@vigie/access';
import { ForbiddenError } from '@vigie/platform';

/** Routes that change the trust model are for the platform administrator. */
@Injectable()
export class AdminOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const caller = context.switchToHttp().getRequest<{ caller?: Caller }>().caller;
    if (!caller?.isAdmin) throw new ForbiddenError('administrator key required');
    return true;
  }
}
