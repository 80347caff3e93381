import { deploymentsOf } from './conventions.deployments';

const official = ['01', '2A', '2B', '69', '75', '971'];
const codes = ['private-security-2019', 'large-retail-2019'];

describe('convention deployments', () => {
  it('deploys every convention in every official département by default', () => {
    const deployments = deploymentsOf(codes, official, undefined);
    expect(deployments.get('private-security-2019')).toEqual(official);
    expect(deployments.get('large-retail-2019')).toEqual(official);
  });

  it('takes the configured list, deduplicated and in the official order, and the default for the rest', () => {
    const deployments = deploymentsOf(codes, official, { 'private-security-2019': ['971', '69', '2A', '69'] });
    expect(deployments.get('private-security-2019')).toEqual(['2A', '69', '971']);
    expect(deployments.get('large-retail-2019')).toEqual(official);
  });

  it('accepts a convention deployed nowhere', () => {
    expect(deploymentsOf(codes, official, { 'large-retail-2019': [] }).get('large-retail-2019')).toEqual([]);
  });

  it.each<[string, unknown, RegExp]>([
    ['an unknown convention', { 'bakers-2030': ['69'] }, /unknown convention bakers-2030/],
    ['an unknown département', { 'private-security-2019': ['69', '20', '96'] }, /unknown départements 20, 96/],
    ['a list that is not one', { 'private-security-2019': '69' }, /expected a list of département codes/],
    ['a list of numbers', { 'private-security-2019': [69] }, /expected a list of département codes/],
    ['an array instead of an object', [['69']], /must be an object/],
    ['a string', '69', /must be an object/],
  ])('refuses %s', (_, configured, message) => {
    expect(() => deploymentsOf(codes, official, configured)).toThrow(message);
  });
});
