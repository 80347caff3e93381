import type { MigrationInterface } from 'typeorm';
import { migrationSteps } from '@vigie/persistence';

/** Who acknowledged, when a person did it through the console (not only which organisation), and their note. */
export class AcknowledgingPerson1764300000330 implements MigrationInterface {
  name = 'AcknowledgingPerson1764300000330';

  up = migrationSteps(
    'ALTER TABLE acknowledgements ADD COLUMN person_id uuid, ADD COLUMN person_name text, ADD COLUMN note text',
  );

  down = migrationSteps(
    'ALTER TABLE acknowledgements DROP COLUMN person_id, DROP COLUMN person_name, DROP COLUMN note',
  );
}
