import { applyDecorators, Body, Controller, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { PublicRoute, UuidParam } from '@vigie/platform';
import { ReadRoute, CreateRoute, ChangeRoute } from '../access/routes';
import { AuditLog } from '../audit/audit.log';
import {
  AcceptInvitationDto,
  InvitationLookupView,
  InvitationTokenDto,
  InvitationView,
  InviteDto,
  IssuedInvitationView,
  PersonView,
  UpdatePersonDto,
} from './people.dto';
import { PeopleService } from './people.service';

const EMAIL_TAKEN = { description: 'A person with this e-mail address already has an account.' };

/** A public use of an invitation link: unknown or used links are not found, expired ones gone. */
const InvitationLinkRoute = (path: string, summary: string, created: ApiResponseOptions): MethodDecorator =>
  applyDecorators(
    Post(path),
    PublicRoute(),
    ApiOperation({ summary }),
    ApiCreatedResponse(created),
    ApiNotFoundResponse({ description: 'Unknown or already used.' }),
    ApiGoneResponse({ description: 'Expired.' }),
  );

@ApiTags('people')
@Controller('v1')
export class PeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly audit: AuditLog,
  ) {}

  @CreateRoute(
    'organizations/:id/invitations',
    'Invite a person: a one-time link (its token is in this response only), valid 7 days.',
    IssuedInvitationView,
  )
  @ApiConflictResponse(EMAIL_TAKEN)
  invite(
    @UuidParam() id: string,
    @Body() input: InviteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuedInvitationView> {
    return this.people.invite(id, input, caller);
  }

  @ReadRoute(
    'organizations/:id/invitations',
    'Invitations not used yet (never their tokens). A read from outside the organisation is audited.',
    InvitationView,
    'list',
  )
  async invitations(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<InvitationView[]> {
    return this.audit.readFromOutside(caller, id, 'invitations', await this.people.invitations(id, caller));
  }

  @ReadRoute(
    'organizations/:id/people',
    'The people of an organisation, with their roles. A read from outside the organisation is audited.',
    PersonView,
    'list',
  )
  async list(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<PersonView[]> {
    return this.audit.readFromOutside(caller, id, 'people', await this.people.people(id, caller));
  }

  @ChangeRoute('people/:id', 'Change a person’s roles, or disable them (which also ends their sessions).', PersonView)
  update(
    @UuidParam() id: string,
    @Body() input: UpdatePersonDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PersonView> {
    return this.people.update(id, input, caller);
  }

  @InvitationLinkRoute('invitations/lookup', 'What an invitation link is for, before the person chooses a password.', {
    type: InvitationLookupView,
  })
  lookup(@Body() input: InvitationTokenDto): Promise<InvitationLookupView> {
    return this.people.lookup(input.token);
  }

  @InvitationLinkRoute(
    'invitations/accept',
    'Use an invitation: the person’s account is created with the password chosen (argon2id hash).',
    {
      description: 'The account is created; the person signs in with it',
      schema: {
        type: 'object',
        required: ['personId', 'email'],
        properties: { personId: { type: 'string', format: 'uuid' }, email: { type: 'string', format: 'email' } },
      },
    },
  )
  @ApiConflictResponse(EMAIL_TAKEN)
  accept(@Body() input: AcceptInvitationDto): Promise<{ personId: string; email: string }> {
    return this.people.accept(input);
  }
}
