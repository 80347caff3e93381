import { competenceOf } from './competence';

describe('competence table', () => {
  const competence = competenceOf(['69', '75', '92', '93', '94', '2A']);

  it('gives the Préfecture de police Paris and the inner ring', () => {
    expect(competence.get('75')).toEqual(['75', '92', '93', '94']);
  });

  it('leaves the inner-ring prefectures without security competence', () => {
    expect(competence.get('92')).toEqual([]);
  });

  it('keeps every other prefecture competent for its own département', () => {
    expect(competence.get('69')).toEqual(['69']);
    expect(competence.get('2A')).toEqual(['2A']);
  });
});
