import { Body, Param } from '@nestjs/common';
import { CurrentCaller, Endpoint, ServiceController, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { CreateRoutingRuleDto, RoutingRuleBodyDto, RoutingRuleView } from './dto/routing-rule.dto';
import { RulesService } from './rules.service';

/** The State's keys read the rules; operators change them. */
const READERS = [ApiKeyRole.Operator, ApiKeyRole.Subscriber, ApiKeyRole.Publisher];

@ServiceController('v1/routing/rules', 'routing rules')
export class RulesController {
  constructor(private readonly rules: RulesService) {}

  @Endpoint('GET', undefined, {
    roles: READERS,
    summary: 'The routing rules in the order they run. For the State and administrators.',
    ok: [RoutingRuleView],
  })
  list(@CurrentCaller() caller: Caller): Promise<RoutingRuleView[]> {
    return this.rules.list(caller);
  }

  @Endpoint('GET', ':id', { roles: READERS, summary: 'One routing rule.', ok: RoutingRuleView })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<RoutingRuleView> {
    return this.rules.get(id, caller);
  }

  @Endpoint('POST', undefined, {
    roles: [ApiKeyRole.Operator],
    summary:
      'Add a rule. Administrators: any rule; a prefecture: rules whose every condition is limited to its départements.',
    created: RoutingRuleView,
    conflict: 'A routing rule with this id already exists.',
    forbidden: 'Beyond the caller’s competence, or not a prefecture.',
  })
  create(@Body() input: CreateRoutingRuleDto, @CurrentCaller() caller: Caller): Promise<RoutingRuleView> {
    return this.rules.create(input, caller);
  }

  @Endpoint('PUT', ':id', {
    roles: [ApiKeyRole.Operator],
    summary: 'Replace a rule. A prefecture changes only its own rules, within its départements.',
    ok: RoutingRuleView,
  })
  replace(
    @Param('id') id: string,
    @Body() input: RoutingRuleBodyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<RoutingRuleView> {
    return this.rules.replace(id, input, caller);
  }

  @Endpoint('DELETE', ':id', {
    roles: [ApiKeyRole.Operator],
    status: 204,
    summary: 'Delete a rule. Default rules: administrators only.',
    noContent: '',
  })
  remove(@Param('id') id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.rules.remove(id, caller);
  }
}
