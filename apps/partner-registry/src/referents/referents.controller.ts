import { Body, Controller, Param } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { UuidParam } from '@vigie/platform';
import { ReadRoute, CreateRoute, ChangeRoute, RemoveRoute } from '../access/routes';
import { CreateReferentDto, DirectoryEntryView, ReferentView, UpdateReferentDto } from './dto/referent.dto';
import { ReferentsService } from './referents.service';

const ROLE_TAKEN = { description: 'The organisation already has a referent of this role for the département.' };

@ApiTags('referents')
@Controller('v1')
export class ReferentsController {
  constructor(private readonly referents: ReferentsService) {}

  @CreateRoute(
    'organizations/:id/referents',
    'Name a referent of the organisation for one of its départements: one PRIMARY and one DEPUTY at most. ' +
      'The organisation’s operators, or administrators.',
    ReferentView,
    { byOperators: true },
  )
  @ApiConflictResponse(ROLE_TAKEN)
  create(
    @UuidParam() id: string,
    @Body() input: CreateReferentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferentView> {
    return this.referents.create(id, input, caller);
  }

  @ReadRoute(
    'organizations/:id/referents',
    'The organisation’s referents, for whoever may read the organisation.',
    ReferentView,
    'list',
  )
  list(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<ReferentView[]> {
    return this.referents.list(id, caller);
  }

  @ChangeRoute('referents/:id', 'Change a referent. The organisation’s operators, or administrators.', ReferentView, {
    byOperators: true,
  })
  @ApiConflictResponse(ROLE_TAKEN)
  update(
    @UuidParam() id: string,
    @Body() input: UpdateReferentDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReferentView> {
    return this.referents.update(id, input, caller);
  }

  @RemoveRoute('referents/:id', 'Remove a referent. The organisation’s operators, or administrators.', {
    byOperators: true,
  })
  @ApiConflictResponse({
    description: 'The referent coordinates crisis management for a site: replace them there first.',
  })
  remove(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.referents.remove(id, caller);
  }

  @ReadRoute(
    'departments/:code/referents',
    'The département’s directory: referents of the competent prefecture and of convention members there. ' +
      'For administrators, the competent prefecture, and members of a convention deployed there (who see the ' +
      'members of their own conventions only).',
    DirectoryEntryView,
    'list',
  )
  directory(@Param('code') code: string, @CurrentCaller() caller: Caller): Promise<DirectoryEntryView[]> {
    return this.referents.directory(code, caller);
  }
}
