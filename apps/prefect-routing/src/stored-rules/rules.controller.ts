import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { CreateRoutingRuleDto, RoutingRuleBodyDto, RoutingRuleView } from './dto/routing-rule.dto';
import { RulesService } from './rules.service';

@ApiTags('routing rules')
@Controller('v1/routing/rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Get()
  @RequireRoles(ApiKeyRole.Operator, ApiKeyRole.Subscriber, ApiKeyRole.Publisher)
  @ApiOperation({ summary: 'The routing rules in the order they run. For the State and administrators.' })
  @ApiOkResponse({ type: RoutingRuleView, isArray: true })
  list(@CurrentCaller() caller: Caller): Promise<RoutingRuleView[]> {
    return this.rules.list(caller);
  }

  @Get(':id')
  @RequireRoles(ApiKeyRole.Operator, ApiKeyRole.Subscriber, ApiKeyRole.Publisher)
  @ApiOperation({ summary: 'One routing rule.' })
  @ApiOkResponse({ type: RoutingRuleView })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<RoutingRuleView> {
    return this.rules.get(id, caller);
  }

  @Post()
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Add a rule. Administrators: any rule; a prefecture: rules whose every condition is limited to its départements.',
  })
  @ApiCreatedResponse({ type: RoutingRuleView })
  @ApiConflictResponse({ description: 'A routing rule with this id already exists.' })
  @ApiForbiddenResponse({ description: 'Beyond the caller’s competence, or not a prefecture.' })
  create(@Body() input: CreateRoutingRuleDto, @CurrentCaller() caller: Caller): Promise<RoutingRuleView> {
    return this.rules.create(input, caller);
  }

  @Put(':id')
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Replace a rule. A prefecture changes only its own rules, within its départements.' })
  @ApiOkResponse({ type: RoutingRuleView })
  replace(
    @Param('id') id: string,
    @Body() input: RoutingRuleBodyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RoutingRuleView> {
    return this.rules.replace(id, input, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Delete a rule. Default rules: administrators only.' })
  @ApiNoContentResponse()
  remove(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.rules.remove(id, caller);
  }
}
