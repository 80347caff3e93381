import { applyDecorators, Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { BroadcastsService } from './broadcasts.service';
import { BroadcastPreviewView, BroadcastView, SendBroadcastDto } from './dto/send-broadcast.dto';

/** Sending a broadcast, or previewing one: for a prefecture within its départements, or the national level. */
const BroadcastSender = (): MethodDecorator =>
  applyDecorators(
    RequireRoles(ApiKeyRole.Operator, ApiKeyRole.Publisher),
    ApiForbiddenResponse({ description: 'Not a prefecture or the national level, or beyond its départements.' }),
  );

@ApiTags('broadcasts')
@Controller('v1/broadcasts')
export class BroadcastsController {
  constructor(private readonly broadcasts: BroadcastsService) {}

  @Post()
  @BroadcastSender()
  @ApiOperation({
    summary:
      'Send a vigilance message to the partners of the caller’s départements (a prefecture) or of any département (the national level), narrowed by sector, convention and event code. TLP applies; delivered by the notification service.',
  })
  @ApiCreatedResponse({ type: BroadcastView })
  send(@Body() input: SendBroadcastDto, @CurrentCaller() caller: Caller): Promise<BroadcastView> {
    return this.broadcasts.send(input, caller);
  }

  @Post('preview')
  @HttpCode(200)
  @BroadcastSender()
  @ApiOperation({
    summary:
      'Who a draft broadcast would reach, by name, and why (and who it would leave out): the same decision as sending, with nothing stored or sent.',
  })
  @ApiOkResponse({ type: BroadcastPreviewView })
  preview(@Body() input: SendBroadcastDto, @CurrentCaller() caller: Caller): Promise<BroadcastPreviewView> {
    return this.broadcasts.preview(input, caller);
  }

  @Get()
  @RequireRoles(ApiKeyRole.Operator, ApiKeyRole.Publisher, ApiKeyRole.Subscriber)
  @ApiOperation({ summary: 'Broadcasts the caller’s organisation sent or received, newest first (100).' })
  @ApiOkResponse({ type: BroadcastView, isArray: true })
  list(@CurrentCaller() caller: Caller): Promise<BroadcastView[]> {
    return this.broadcasts.list(caller);
  }

  @Get(':id')
  @RequireRoles(ApiKeyRole.Operator, ApiKeyRole.Publisher, ApiKeyRole.Subscriber)
  @ApiOperation({ summary: 'One broadcast, for its sender, its recipients and administrators.' })
  @ApiOkResponse({ type: BroadcastView })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<BroadcastView> {
    return this.broadcasts.get(id, caller);
  }
}
