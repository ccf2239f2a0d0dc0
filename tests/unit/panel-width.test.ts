import { describe, expect, it } from 'vitest';
import { clampWidth, widthAfterKey, widthBounds } from '../../utils/page/panel-width/bounds';

describe('the panel width’s bounds', () => {
  it.each([
    [1600, { min: 320, max: 720 }],
    [1280, { min: 320, max: 640 }],
    [900, { min: 320, max: 450 }],
    [500, { min: 320, max: 320 }],
  ])('in a window %i px wide: %o', (windowWidth, bounds) => {
    expect(widthBounds(windowWidth)).toEqual(bounds);
  });

  it('clamps and rounds', () => {
    expect(clampWidth(100, { min: 320, max: 640 })).toBe(320);
    expect(clampWidth(900, { min: 320, max: 640 })).toBe(640);
    expect(clampWidth(400.6, { min: 320, max: 640 })).toBe(401);
  });
});

describe('keys on the width handle', () => {
  const bounds = { min: 320, max: 640 };
  it.each([
    ['ArrowLeft', false, 400, 416],
    ['ArrowLeft', true, 400, 464],
    ['ArrowRight', false, 400, 384],
    ['ArrowRight', true, 400, 336],
    ['ArrowRight', true, 330, 320],
    ['ArrowLeft', false, 636, 640],
    ['Home', false, 500, 320],
    ['End', false, 500, 640],
    ['ArrowUp', false, 400, null],
    ['a', false, 400, null],
  ] as const)('%s (Shift: %s) from %i px gives %s', (key, shift, width, expected) => {
    expect(widthAfterKey(key, shift, width, bounds)).toBe(expected);
  });
});
