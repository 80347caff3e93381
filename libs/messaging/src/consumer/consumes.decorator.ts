import { EventPattern } from '@nestjs/microservices';
import type { EventDefinition } from '@vigie/contracts';

/** Subscribes the decorated method to the topic of an event; pair it with EventConsumer.handle. */
export function Consumes(definition: EventDefinition<object>): MethodDecorator {
  const subscribe: (topic: string) => MethodDecorator = EventPattern;
  return subscribe(definition.topic);
}
