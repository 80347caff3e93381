import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { UuidParam } from '@vigie/platform';
import { ReadRoute, CreateRoute, RemoveRoute } from '../access/routes';
import { ConventionsService } from './conventions.service';
import { ConventionView } from './dto/convention.view';
import { CoverageQuery, CoverageView } from './dto/coverage.dto';
import { JoinConventionDto, MemberView, MembershipView } from './dto/membership.dto';

@ApiTags('conventions')
@Controller('v1/conventions')
export class ConventionsController {
  constructor(private readonly conventions: ConventionsService) {}

  @ReadRoute(
    '',
    'The partnership conventions: sector, status, signatories and where each is deployed.',
    ConventionView,
    'list',
  )
  list(): Promise<ConventionView[]> {
    return this.conventions.list();
  }

  // Before ':id', which would take "coverage" for a convention's code.
  @ReadRoute(
    'coverage',
    'Coverage of the conventions: active members and their sites per convention and per département where it is ' +
      'deployed, with totals. Every département for the national level, its own for a prefecture or a State force.',
    CoverageView,
  )
  @ApiForbiddenResponse({ description: 'The caller is neither a prefecture, a State force nor the national level.' })
  coverage(@Query() query: CoverageQuery, @CurrentCaller() caller: Caller): Promise<CoverageView> {
    return this.conventions.coverage(query.department, caller);
  }

  @ReadRoute(':id', 'One convention, by id or by code (e.g. private-security-2019).', ConventionView)
  get(@Param('id') id: string): Promise<ConventionView> {
    return this.conventions.get(id);
  }

  @ReadRoute(
    ':id/members',
    'Members the caller may see: all for administrators, those in its départements for a State organisation, ' +
      'those sharing a département with it for a member. Not found for anyone else.',
    MemberView,
    'list',
  )
  members(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<MemberView[]> {
    return this.conventions.members(id, caller);
  }

  @CreateRoute(
    ':id/members',
    'Make an organisation of the convention’s sector a member. Administrators, or the prefecture competent for ' +
      'all its départements; the convention must be signed.',
    MembershipView,
    { byOperators: true },
  )
  @ApiConflictResponse({ description: 'Already a member, or the convention cannot take members yet.' })
  join(
    @Param('id') id: string,
    @Body() input: JoinConventionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MembershipView> {
    return this.conventions.join(id, input.organisationId, caller);
  }

  @RemoveRoute(':id/members/:organisationId', 'End a membership. Same permissions as adding it.', { byOperators: true })
  leave(
    @Param('id') id: string,
    @UuidParam('organisationId') organisationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.conventions.leave(id, organisationId, caller);
  }
}
