import { compilerPercent, compilerTicks, isCompilerThread } from './broker-warm-up';

describe('the broker warm-up', () => {
  it("recognises HotSpot's compiler threads by their cut names", () => {
    expect(isCompilerThread('C2 CompilerThre\n')).toBe(true);
    expect(isCompilerThread('C1 CompilerThre')).toBe(true);
    expect(isCompilerThread('data-plane-kafk')).toBe(false);
    expect(isCompilerThread('G1 Conc#0')).toBe(false);
  });

  it('turns ticks over a window into a share of one core', () => {
    expect(compilerPercent(1000, 1450, 10)).toBe(45);
    expect(compilerPercent(1000, 1003, 10)).toBe(0.3);
    expect(compilerPercent(0, 0, 10)).toBe(0);
  });

  it('reads a live process (no compiler threads in Node: 0) and tells when it cannot', () => {
    expect(compilerTicks(process.pid)).toBe(0);
    expect(compilerTicks(2 ** 22 + 1)).toBeNull();
  });
});
