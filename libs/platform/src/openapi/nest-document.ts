import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

/** `AlertChangesController` + `cancel` → `alertChangesCancel`: short, and unique across the four services. */
export function operationId(controllerKey: string, methodKey: string): string {
  const controller = controllerKey.replace(/Controller$/, '');
  return `${controller.charAt(0).toLowerCase()}${controller.slice(1)}${methodKey.charAt(0).toUpperCase()}${methodKey.slice(1)}`;
}

/** The document Nest derives from one service's controllers and their decorators (OpenAPI 3.0, raw). */
export function nestDocument(app: INestApplication, docs: { title: string; description: string }): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(docs.title)
      .setDescription(docs.description)
      .setVersion('1')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        description: 'An API key issued by the partner registry (`vgk_…`), or a person access token',
      })
      .addSecurityRequirements('bearer')
      .build(),
    { operationIdFactory: operationId },
  );
}
