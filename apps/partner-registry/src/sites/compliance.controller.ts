import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { ComplianceView } from './dto/compliance.view';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('v1/departments')
export class ComplianceController {
  constructor(private readonly sites: SitesService) {}

  @Get(':code/compliance')
  @ApiOperation({
    summary:
      'Sites of the département lacking an APPROVED security plan or a crisis-management coordinator, with counts. ' +
      'The competent prefecture and administrators only.',
  })
  @ApiOkResponse({ type: ComplianceView })
  compliance(@Param('code') code: string, @CurrentCaller() caller: Caller): Promise<ComplianceView> {
    return this.sites.compliance(code, caller);
  }
}
