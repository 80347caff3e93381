import { franceShapes } from './france-shapes';

describe('franceShapes', () => {
  it('draws the 96 mainland départements and the five overseas ones in their boxes, once', () => {
    const shapes = franceShapes();
    const codes = [...shapes.mainland, ...shapes.insets].map((shape) => shape.code);
    expect(new Set(codes).size).toBe(101);
    expect(codes).toEqual(expect.arrayContaining(['2A', '2B', '971', '972', '973', '974', '976']));
    expect(codes).not.toContain('975');
    for (const inset of shapes.insets) {
      const numbers = inset.path.match(/-?\d+(\.\d+)?/g)!.map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(inset.box.x);
      expect(Math.max(...xs)).toBeLessThanOrEqual(inset.box.x + inset.box.width + 0.01);
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(inset.box.y);
      expect(Math.max(...ys)).toBeLessThanOrEqual(inset.box.y + inset.box.height + 0.01);
    }
    expect(franceShapes()).toBe(shapes);
  });
});
