import { Body, Controller, Delete, Get, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { bearerToken, CurrentCaller, type Caller } from '@vigie/access';
import { PublicRoute, UnauthenticatedError } from '@vigie/platform';
import { AccessView, SessionView, SignInDto, StateSignInDto } from '../people/people.dto';
import { PersonTokenSigner } from '../people/person-token.signer';
import { SessionsService } from './sessions.service';

const sessionTokenOf = (authorization: string | undefined): string => {
  const token = bearerToken(authorization);
  if (!token) throw new UnauthenticatedError('send the session token as Authorization: Bearer vgs_…');
  return token;
};

@ApiTags('sessions')
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly signer: PersonTokenSigner,
  ) {}

  @Post('v1/sessions')
  @PublicRoute()
  @ApiOperation({
    summary: 'Sign in: a session token (kept by the console) and a 5-minute access token. 423 while locked.',
  })
  @ApiCreatedResponse({ type: SessionView })
  @ApiUnauthorizedResponse({ description: 'Unknown e-mail address or wrong password (the same answer for both).' })
  @ApiResponse({ status: 423, description: 'Locked for a while after repeated wrong passwords.' })
  signIn(@Body() input: SignInDto): Promise<SessionView> {
    return this.sessions.signIn(input.email, input.password);
  }

  @Post('v1/sessions/federated')
  @PublicRoute()
  @ApiOperation({
    summary: 'State sign-in (OpenID Connect): an ID token from the State identity provider opens a session.',
    description:
      "The registry verifies the ID token itself against the provider's published keys (signature, issuer, " +
      "audience = the console's client id, dates, nonce, verified e-mail); each ID token opens one session at most. " +
      "The e-mail address is read from the ID token, or from the provider's signed userinfo answer when one is sent. " +
      'The e-mail address must be that of an active person of a prefecture, a State force or the national level.',
  })
  @ApiCreatedResponse({ type: SessionView })
  @ApiUnauthorizedResponse({
    description: 'The ID token is invalid, for another client, expired, already used, or the account is disabled.',
  })
  @ApiForbiddenResponse({
    description: 'The person does not belong to a State organisation (`not_state_organisation`).',
  })
  @ApiNotFoundResponse({
    description: 'No person account has this e-mail address (`no_account`), or State sign-in is off.',
  })
  signInWithStateIdentity(@Body() input: StateSignInDto): Promise<SessionView> {
    return this.sessions.signInWithStateIdentity(input.idToken, input.nonce, input.userinfo);
  }

  @Post('v1/sessions/refresh')
  @PublicRoute()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'A new access token for an open session (Authorization: Bearer vgs_…).' })
  @ApiOkResponse({ type: AccessView })
  @ApiUnauthorizedResponse({ description: 'No session token, or the session has ended.' })
  refresh(@Headers('authorization') authorization?: string): Promise<AccessView> {
    return this.sessions.refresh(sessionTokenOf(authorization));
  }

  @Delete('v1/sessions/current')
  @PublicRoute()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out: the session (Authorization: Bearer vgs_…) ends.' })
  @ApiNoContentResponse()
  @ApiUnauthorizedResponse({ description: 'No session token.' })
  signOut(@Headers('authorization') authorization?: string): Promise<void> {
    return this.sessions.signOut(sessionTokenOf(authorization));
  }

  @Post('v1/sessions/revoke-all')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Sign out everywhere: every session of the person holding this access token ends.' })
  @ApiNoContentResponse()
  signOutEverywhere(@CurrentCaller() caller: Caller): Promise<void> {
    return this.sessions.signOutEverywhere(caller);
  }

  @Get('.well-known/jwks.json')
  @PublicRoute()
  @ApiOperation({ summary: 'The public keys that verify person access tokens (JWKS).' })
  @ApiOkResponse({
    description: 'A JSON Web Key Set (RFC 7517)',
    schema: { type: 'object', required: ['keys'], properties: { keys: { type: 'array', items: { type: 'object' } } } },
  })
  jwks(): object {
    return this.signer.jwks();
  }
}
