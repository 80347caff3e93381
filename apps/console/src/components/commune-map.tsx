import type { VNode } from 'preact';
import { CommuneMap, Geography } from '@vigie/geo';

/**
 * Where an alert is: the commune's centre on its département's outline, as inline SVG (no tile
 * server, no script). Nothing at all when the commune or its département's outline is unknown.
 * The outline is approximate (a hull of the commune centres): the caption says so.
 */
export function CommuneMapFigure(props: { communeCode: string | null; communeName: string | null }): VNode | null {
  if (!props.communeCode) return null;
  const drawing = CommuneMap.official().draw(props.communeCode);
  const department = drawing ? Geography.official().department(drawing.department) : undefined;
  if (!drawing || !department) return null;
  const commune = props.communeName ?? Geography.official().commune(props.communeCode)?.name ?? props.communeCode;
  // "Préfecture du Rhône" -> "du Rhône": the INSEE article belongs to the département's name.
  const ofDepartment = department.prefectureName.replace(/^Préfecture /, '');
  const id = `carte-${props.communeCode}`;
  return (
    <figure class="vigie-commune-map fr-mb-4w">
      <svg
        viewBox={`0 0 ${drawing.width} ${drawing.height}`}
        width={drawing.width}
        height={drawing.height}
        role="img"
        aria-labelledby={`${id}-titre ${id}-desc`}
        focusable="false"
      >
        <title id={`${id}-titre`}>{`Carte ${ofDepartment}, point sur ${commune}`}</title>
        <desc id={`${id}-desc`}>
          {`Contour approximatif du département ${department.name} (${department.code}) avec la position de la commune ${commune}.`}
        </desc>
        <path class="vigie-commune-map__outline" d={drawing.outline} />
        <circle class="vigie-commune-map__point" cx={drawing.point.x} cy={drawing.point.y} r={6} />
      </svg>
      <figcaption id={`${id}-legende`} class="fr-text--sm">
        {commune} dans le département {department.name} ({department.code}). Contour approximatif, tracé à partir des
        centres des communes.
      </figcaption>
    </figure>
  );
}
