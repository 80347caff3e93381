import { Controller, Query } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CommuneSearch, Geography } from '@vigie/geo';
import { ReadRoute } from '../access/routes';

export class CommuneSearchQuery {
  @ApiProperty({
    example: 'st etienne',
    description:
      'A name (accents, hyphens and "saint" optional, words in any order, each a prefix) or digits of a postal or INSEE code',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}

export class CommuneView {
  @ApiProperty({ example: '42218', description: 'INSEE code: what an alert names as its commune' })
  code: string;
  @ApiProperty({ example: 'Saint-Étienne' }) name: string;
  @ApiProperty({ example: '42' }) department: string;
  @ApiProperty({ example: 'Loire' }) departmentName: string;
  @ApiProperty({ example: ['42000', '42100'], type: [String] }) postalCodes: string[];
}

/** The official commune list (INSEE), searched the way people type: for forms that name a commune. */
@ApiTags('departments')
@Controller('v1/communes')
export class CommunesController {
  private readonly communes = CommuneSearch.official();
  private readonly geography = Geography.official();

  @ReadRoute(
    '',
    'Communes by name or postal code, closest first: "st etienne" finds Saint-Étienne, a postal code shared by several communes lists them all.',
    CommuneView,
    'list',
  )
  search(@Query() query: CommuneSearchQuery): CommuneView[] {
    return this.communes.search(query.q, { limit: query.limit }).map((commune) => ({
      code: commune.code,
      name: commune.name,
      department: commune.department,
      departmentName: this.geography.department(commune.department)?.name ?? commune.department,
      postalCodes: commune.postalCodes,
    }));
  }
}
