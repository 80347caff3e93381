import { ApiProperty } from '@nestjs/swagger';

export class PrefectureRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Préfecture du Rhône' }) name: string;
}

export class DepartmentView {
  @ApiProperty({ example: '69' }) code: string;
  @ApiProperty({ example: 'Rhône' }) name: string;
  @ApiProperty({ type: PrefectureRef }) prefecture: PrefectureRef;
  @ApiProperty({
    type: PrefectureRef,
    description: 'Competent for security partnerships (Préfecture de police for 75, 92, 93, 94)',
  })
  competentPrefecture: PrefectureRef;
}
