import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SignedInPerson } from '../clients/registry.client';
import type { ConsoleSession } from './console-session.store';

/** The signed-in person as a page sees them: who, their bearer for the services, their CSRF token. */
export interface SignedIn {
  person: SignedInPerson;
  bearer: string;
  csrfToken: string;
  /** The person's organisation is a prefecture (or the national level): the duty-desk pages. */
  stateDesk: boolean;
}

export interface ConsoleRequest extends Request {
  consoleSession?: ConsoleSession;
  signedIn?: SignedIn;
}

/** Pages reachable without signing in (sign-in, invitation, e-mailed acknowledgement links). */
export const PUBLIC_PAGE = 'console:public-page';
export const PublicPage = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_PAGE, true);

export const Viewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): SignedIn =>
    context.switchToHttp().getRequest<ConsoleRequest>().signedIn!,
);

export const Session = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ConsoleSession | undefined =>
    context.switchToHttp().getRequest<ConsoleRequest>().consoleSession,
);
