import { randomBytes } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { PendingStateSignIn } from '../clients/state-identity.client';

/** A browser has this long to come back from the State's identity provider. */
export const STATE_SIGN_IN_SECONDS = 600;

/**
 * State sign-ins under way, each bound to the browser that started it by its own cookie
 * (SameSite=Lax, so that it comes back with the provider's redirect). Taken once: a second
 * return with the same cookie finds nothing.
 */
@Injectable()
export class StateSignInFlows implements OnModuleDestroy {
  private readonly flows = new Map<string, { pending: PendingStateSignIn; startedAt: number }>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000);

  constructor() {
    this.sweeper.unref();
  }

  /** The id the browser's cookie carries. */
  start(pending: PendingStateSignIn): string {
    const id = randomBytes(32).toString('base64url');
    this.flows.set(id, { pending, startedAt: Date.now() });
    return id;
  }

  take(id: string | undefined): PendingStateSignIn | undefined {
    if (!id) return undefined;
    const flow = this.flows.get(id);
    this.flows.delete(id);
    return flow && !this.expired(flow) ? flow.pending : undefined;
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  private expired(flow: { startedAt: number }): boolean {
    return Date.now() - flow.startedAt > STATE_SIGN_IN_SECONDS * 1000;
  }

  private sweep(): void {
    for (const [id, flow] of this.flows) if (this.expired(flow)) this.flows.delete(id);
  }
}
