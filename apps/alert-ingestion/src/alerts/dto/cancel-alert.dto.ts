import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CancelAlertDto {
  @ApiProperty({ example: 'Fausse alerte : déclenchement intempestif du détecteur', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}
