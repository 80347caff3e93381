import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { statisticsScopeOf, type Caller } from '@vigie/access';
import { countedDepartments, OrganisationKind } from '@vigie/contracts';
import { ConflictError, ForbiddenError, NotFoundError, InvalidRequestError } from '@vigie/platform';
import { actorOf, canManage } from '../access/registry.access';
import { OrganisationWriter } from '../organisations/organisation-writer';
import { Organisation } from '../organisations/organisation.entity';
import { refuseIfRevoked } from '../organisations/organisation.lifecycle';
import { conventionCoverage } from './convention-coverage.queries';
import { ConventionMember } from './convention-member.entity';
import { conventionMembers } from './convention-members.queries';
import { Convention, ConventionStatus } from './convention.entity';
import { canSeeMember, joinProblems, memberViewerOf } from './convention.rules';
import { ConventionView } from './dto/convention.view';
import type { CoverageView } from './dto/coverage.dto';
import type { MemberView, MembershipView } from './dto/membership.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;

function membershipView(convention: Convention, member: ConventionMember): MembershipView {
  return {
    conventionId: convention.id,
    conventionCode: convention.code,
    organisationId: member.organisationId,
    joinedAt: member.joinedAt.toISOString(),
    joinedBy: member.joinedBy,
  };
}

@Injectable()
export class ConventionsService extends OrganisationWriter {
  async list(): Promise<ConventionView[]> {
    const conventions = await this.dataSource.manager.find(Convention, { order: { code: 'ASC' } });
    return conventions.map(ConventionView.of);
  }

  async get(ref: string): Promise<ConventionView> {
    return ConventionView.of(await this.convention(this.dataSource.manager, ref));
  }

  /**
   * Members and their sites per convention and département, counted where the caller may count:
   * every département for administrators and the national level, its own for a prefecture or a
   * State force (the statistics scope). Partners are refused: they see their fellow members
   * through the member list, not the State's picture of the network.
   */
  async coverage(department: string | undefined, caller: Caller): Promise<CoverageView> {
    const scope = statisticsScopeOf(caller, 'convention coverage is for State organisations');
    const departments = countedDepartments(scope, department);
    return { departments, conventions: await conventionCoverage(this.dataSource.manager, departments) };
  }

  /** The members the caller may see; the list is not found for anyone with no business in it. */
  async members(ref: string, caller: Caller): Promise<MemberView[]> {
    const manager = this.dataSource.manager;
    const convention = await this.convention(manager, ref);
    const callerIsMember =
      caller.organisationId !== null &&
      (await manager.existsBy(ConventionMember, {
        conventionId: convention.id,
        organisationId: caller.organisationId,
      }));
    const viewer = memberViewerOf(caller, callerIsMember);
    if (!viewer) throw new NotFoundError('member list of convention', ref);
    return (await conventionMembers(manager, convention.id))
      .filter((member) => canSeeMember(viewer, member))
      .map((member) => ({ ...member, joinedAt: member.joinedAt.toISOString() }));
  }

  join(ref: string, organisationId: string, caller: Caller): Promise<MembershipView> {
    return this.dataSource.transaction(async (manager) => {
      const { convention, organisation } = await this.managedPair(manager, ref, organisationId, caller);
      const problems = joinProblems(organisation, convention);
      if (problems.length > 0) {
        throw new InvalidRequestError(problems);
      }
      if (convention.status !== ConventionStatus.Signed) {
        throw new ConflictError(`convention ${convention.code} is ${convention.status}: it cannot take members yet`);
      }
      refuseIfRevoked(organisation);
      if (await manager.existsBy(ConventionMember, { conventionId: convention.id, organisationId })) {
        throw new ConflictError(`organisation ${organisationId} is already a member of ${convention.code}`);
      }
      const member: ConventionMember = {
        conventionId: convention.id,
        organisationId,
        joinedAt: new Date(),
        joinedBy: actorOf(caller),
      };
      await manager.insert(ConventionMember, member);
      const view = membershipView(convention, member);
      await this.changes.record(manager, caller, organisationId, {
        action: 'convention.member-added',
        entity: 'convention',
        entityId: convention.id,
        after: view,
      });
      return view;
    });
  }

  leave(ref: string, organisationId: string, caller: Caller): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const { convention } = await this.managedPair(manager, ref, organisationId, caller);
      const member = await manager.findOneBy(ConventionMember, { conventionId: convention.id, organisationId });
      if (!member) throw new NotFoundError(`member of ${convention.code}`, organisationId);
      await manager.delete(ConventionMember, { conventionId: convention.id, organisationId });
      await this.changes.record(manager, caller, organisationId, {
        action: 'convention.member-removed',
        entity: 'convention',
        entityId: convention.id,
        before: membershipView(convention, member),
      });
    });
  }

  /**
   * The convention (share-locked, so its deployment cannot change under the membership) and the
   * organisation (write-locked, as every change to it is), if the caller may manage the
   * organisation's memberships. Only administrators and prefectures ever may: anyone else is
   * refused before the organisation is looked up.
   */
  private async managedPair(
    manager: EntityManager,
    ref: string,
    organisationId: string,
    caller: Caller,
  ): Promise<{ convention: Convention; organisation: Organisation }> {
    const convention = await this.convention(manager, ref, true);
    if (!caller.isAdmin && caller.kind !== OrganisationKind.Prefecture) {
      throw new ForbiddenError('convention membership is managed by administrators and prefectures');
    }
    const organisation = await manager.findOne(Organisation, {
      where: { id: organisationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!organisation) throw new NotFoundError('organisation', organisationId);
    if (!canManage(caller, organisation)) {
      throw new ForbiddenError('only the prefecture competent for all of its départements manages this organisation');
    }
    return { convention, organisation };
  }

  /** A convention by id or by code. */
  private async convention(manager: EntityManager, ref: string, lock = false): Promise<Convention> {
    const where = UUID.test(ref) ? { id: ref } : CODE.test(ref) ? { code: ref } : undefined;
    const convention = where
      ? await manager.findOne(Convention, { where, ...(lock ? { lock: { mode: 'pessimistic_read' as const } } : {}) })
      : null;
    if (!convention) throw new NotFoundError('convention', ref);
    return convention;
  }
}
