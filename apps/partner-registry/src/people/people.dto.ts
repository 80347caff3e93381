import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsEnum,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PersonRole } from '@vigie/contracts';
import { MIN_PASSWORD_LENGTH } from './person.policy';

export class InviteDto {
  @ApiProperty({ example: 'camille.durand@rhone.gouv.fr' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'Camille Durand' }) @IsString() @IsNotEmpty() @MaxLength(200) fullName: string;
  @ApiProperty({ enum: PersonRole, isArray: true, example: [PersonRole.DutyOfficer] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(PersonRole, { each: true })
  roles: PersonRole[];
}

export class InvitationTokenDto {
  @ApiProperty({ description: 'The token of the invitation link (vgi_…)' }) @IsString() @MaxLength(200) token: string;
}

export class AcceptInvitationDto extends InvitationTokenDto {
  @ApiProperty({ minLength: MIN_PASSWORD_LENGTH, description: `At least ${MIN_PASSWORD_LENGTH} characters` })
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `the password must have at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(200)
  password: string;
}

export class UpdatePersonDto {
  @ApiPropertyOptional({ enum: PersonRole, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsEnum(PersonRole, { each: true })
  roles?: PersonRole[];
  @ApiPropertyOptional({ enum: ['ACTIVE', 'DISABLED'] }) @IsOptional() @IsIn(['ACTIVE', 'DISABLED']) status?:
    'ACTIVE' | 'DISABLED';
}

export class SignInDto {
  @ApiProperty() @IsString() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MaxLength(200) password: string;
}

export class StateSignInDto {
  @ApiProperty({ description: 'The ID token the console received from the State identity provider (a signed JWT)' })
  @IsString()
  @MaxLength(16_384)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'idToken must be a signed JWT' })
  idToken: string;

  @ApiProperty({ description: 'The nonce of the authorization request that yielded this ID token' })
  @IsString()
  @MinLength(16)
  @MaxLength(256)
  nonce: string;

  @ApiPropertyOptional({
    description:
      "The provider's signed userinfo answer (a JWT about the same subject), when the provider puts the e-mail address there rather than in the ID token",
  })
  @IsOptional()
  @IsString()
  @MaxLength(16_384)
  @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'userinfo must be a signed JWT' })
  userinfo?: string;
}

/** Who an invitation is for, and with which roles. */
class InvitedPerson {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: PersonRole, isArray: true }) roles: PersonRole[];
}

export class IssuedInvitationView extends InvitedPerson {
  @ApiProperty() expiresAt: string;
  @ApiProperty({ description: 'Shown once: the link the person opens (the registry keeps a hash).' }) token: string;
}

export class InvitationView extends InvitedPerson {
  @ApiProperty() createdAt: string;
  @ApiProperty() expiresAt: string;
}

export class InvitationLookupView {
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() expiresAt: string;
}

export class PersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: PersonRole, isArray: true }) roles: PersonRole[];
  @ApiProperty({ enum: ['ACTIVE', 'DISABLED'] }) status: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) lastLoginAt: string | null;
}

export class SignedInPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: PersonRole, isArray: true }) roles: PersonRole[];
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() organisationName: string;
  @ApiProperty() organisationKind: string;
  @ApiProperty({ type: String, isArray: true }) departments: string[];
}

export class AccessView {
  @ApiProperty({ description: 'A signed JWT (EdDSA), sent as Authorization: Bearer to every service' })
  accessToken: string;
  @ApiProperty() accessTokenExpiresAt: string;
  @ApiProperty({ type: SignedInPersonView }) person: SignedInPersonView;
}

export class SessionView extends AccessView {
  @ApiProperty({ description: 'Kept server-side by the console; refreshes the access token (vgs_…)' })
  sessionToken: string;
}
