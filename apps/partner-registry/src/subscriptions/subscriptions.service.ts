import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Caller } from '@vigie/access';
import { AlertSeverity } from '@vigie/contracts';
import { Geography } from '@vigie/geo';
import { ConflictError, NotFoundError, type FieldError, InvalidRequestError } from '@vigie/platform';
import { actsFor, type ManagedOrganisation } from '../access/registry.access';
import { OrganisationWriter } from '../organisations/organisation-writer';
import type { Organisation } from '../organisations/organisation.entity';
import { heldBy, organisationFor } from '../organisations/organisation.lookup';
import { SubscriptionView, type CreateSubscriptionDto } from './dto/subscription.dto';
import { Subscription } from './subscription.entity';

/** How many subscriptions one organisation may hold. */
export const MAX_SUBSCRIPTIONS = 50;

/** The organisation's own operators, and administrators, choose what it receives. */
const subscribesFor = (caller: Caller, organisation: ManagedOrganisation) => actsFor(caller, organisation.id);

/**
 * A subscription covers known départements where the organisation operates (for a State
 * organisation, the départements it is in charge of).
 */
export function departmentProblems(
  departments: string[],
  organisation: Pick<Organisation, 'departments'>,
): FieldError[] {
  const unknown = departments.filter((code) => !Geography.official().department(code));
  if (unknown.length > 0) return [{ field: 'departments', problems: [`unknown départements: ${unknown.join(', ')}`] }];
  const outside = departments.filter((code) => !organisation.departments.includes(code));
  if (outside.length > 0) {
    return [{ field: 'departments', problems: [`the organisation does not operate in: ${outside.join(', ')}`] }];
  }
  return [];
}

@Injectable()
export class SubscriptionsService extends OrganisationWriter {
  create(organisationId: string, input: CreateSubscriptionDto, caller: Caller): Promise<SubscriptionView> {
    // The organisation's row lock serialises concurrent creations, so the limit holds.
    return this.underOrganisation(organisationId, caller, subscribesFor, async (manager, organisation) => {
      const departments = [...new Set(input.departments)];
      const problems = departmentProblems(departments, organisation);
      if (problems.length > 0) {
        throw new InvalidRequestError(problems);
      }
      if ((await manager.count(Subscription, { where: { organisationId } })) >= MAX_SUBSCRIPTIONS) {
        throw new ConflictError(`an organisation may hold at most ${MAX_SUBSCRIPTIONS} subscriptions`);
      }
      const id = randomUUID();
      await manager.insert(Subscription, {
        id,
        organisationId,
        departments,
        eventCodes: [...new Set(input.eventCodes ?? [])],
        minimumSeverity: input.minimumSeverity ?? AlertSeverity.Unknown,
        sectors: [...new Set(input.sectors ?? [])],
        includeExercises: input.includeExercises ?? false,
      });
      const view = SubscriptionView.of(await manager.findOneByOrFail(Subscription, { id }));
      await this.changes.recordOf(manager, caller, 'subscription', 'created', view, { after: view });
      return view;
    });
  }

  async list(organisationId: string, caller: Caller): Promise<SubscriptionView[]> {
    const order = { createdAt: 'ASC', id: 'ASC' } as const;
    const subscriptions = await heldBy(this.dataSource.manager, Subscription, organisationId, caller, order);
    return subscriptions.map(SubscriptionView.of);
  }

  remove(organisationId: string, subscriptionId: string, caller: Caller): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await organisationFor(manager, organisationId, caller, subscribesFor, true);
      const subscription = await manager.findOneBy(Subscription, { id: subscriptionId, organisationId });
      if (!subscription) throw new NotFoundError('subscription', subscriptionId);
      await manager.delete(Subscription, subscriptionId);
      await this.changes.recordOf(manager, caller, 'subscription', 'deleted', subscription, {
        before: SubscriptionView.of(subscription),
      });
    });
  }
}
