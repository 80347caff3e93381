import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { ConventionsService } from './conventions.service';
import { ConventionView } from './dto/convention.view';
import { JoinConventionDto, MemberView, MembershipView } from './dto/membership.dto';

@ApiTags('conventions')
@Controller('v1/conventions')
export class ConventionsController {
  constructor(private readonly conventions: ConventionsService) {}

  @Get()
  @ApiOperation({ summary: 'The partnership conventions: sector, status, signatories and where each is deployed.' })
  @ApiOkResponse({ type: ConventionView, isArray: true })
  list(): Promise<ConventionView[]> {
    return this.conventions.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One convention, by id or by code (e.g. private-security-2019).' })
  @ApiOkResponse({ type: ConventionView })
  get(@Param('id') id: string): Promise<ConventionView> {
    return this.conventions.get(id);
  }

  @Get(':id/members')
  @ApiOperation({
    summary:
      'Members the caller may see: all for administrators, those in its départements for a State organisation, ' +
      'those sharing a département with it for a member. Not found for anyone else.',
  })
  @ApiOkResponse({ type: MemberView, isArray: true })
  members(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<MemberView[]> {
    return this.conventions.members(id, caller);
  }

  @Post(':id/members')
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Make an organisation of the convention’s sector a member. Administrators, or the prefecture competent for ' +
      'all its départements; the convention must be signed.',
  })
  @ApiCreatedResponse({ type: MembershipView })
  @ApiConflictResponse({ description: 'Already a member, or the convention cannot take members yet.' })
  join(
    @Param('id') id: string,
    @Body() input: JoinConventionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<MembershipView> {
    return this.conventions.join(id, input.organisationId, caller);
  }

  @Delete(':id/members/:organisationId')
  @HttpCode(204)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'End a membership. Same permissions as adding it.' })
  @ApiNoContentResponse()
  leave(
    @Param('id') id: string,
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    return this.conventions.leave(id, organisationId, caller);
  }
}
