import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
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
import { CreateReferentDto, DirectoryEntryView, ReferentView, UpdateReferentDto } from './dto/referent.dto';
import { ReferentsService } from './referents.service';

@ApiTags('referents')
@Controller('v1')
export class ReferentsController {
  constructor(private readonly referents: ReferentsService) {}

  @Post('organizations/:id/referents')
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Name a referent of the organisation for one of its départements: one PRIMARY and one DEPUTY at most. ' +
      'The organisation’s operators, or administrators.',
  })
  @ApiCreatedResponse({ type: ReferentView })
  @ApiConflictResponse({ description: 'The organisation already has a referent of this role for the département.' })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: CreateReferentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferentView> {
    return this.referents.create(id, input, caller);
  }

  @Get('organizations/:id/referents')
  @ApiOperation({ summary: 'The organisation’s referents, for whoever may read the organisation.' })
  @ApiOkResponse({ type: ReferentView, isArray: true })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<ReferentView[]> {
    return this.referents.list(id, caller);
  }

  @Patch('referents/:id')
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Change a referent. The organisation’s operators, or administrators.' })
  @ApiOkResponse({ type: ReferentView })
  @ApiConflictResponse({ description: 'The organisation already has a referent of this role for the département.' })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: UpdateReferentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferentView> {
    return this.referents.update(id, input, caller);
  }

  @Delete('referents/:id')
  @HttpCode(204)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Remove a referent. The organisation’s operators, or administrators.' })
  @ApiNoContentResponse()
  @ApiConflictResponse({
    description: 'The referent coordinates crisis management for a site: replace them there first.',
  })
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.referents.remove(id, caller);
  }

  @Get('departments/:code/referents')
  @ApiOperation({
    summary:
      'The département’s directory: referents of the competent prefecture and of convention members there. ' +
      'For administrators, the competent prefecture, and members of a convention deployed there (who see the ' +
      'members of their own conventions only).',
  })
  @ApiOkResponse({ type: DirectoryEntryView, isArray: true })
  directory(@Param('code') code: string, @CurrentCaller() caller: Caller): Promise<DirectoryEntryView[]> {
    return this.referents.directory(code, caller);
  }
}
