import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class RegisterWebhookDto {
  @ApiProperty({
    description:
      'Where alerts are POSTed. https, no credentials, and a public address (checked at registration and before each delivery).',
    example: 'https://alarms.gardiennage-rhone.fr/vigie/webhook',
    maxLength: 2048,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  url: string;
}
