import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zetTaal } from '../i18n';
import { aantal, datum, getal, leesAantal, percentage, vandaagIso } from './index';

describe('Dutch formatting', () => {
  it('groups thousands with dots', () => {
    expect(aantal(96830)).toBe('96.830');
    expect(aantal(135010)).toBe('135.010');
    expect(aantal(999)).toBe('999');
    expect(aantal(1000000)).toBe('1.000.000');
    expect(aantal(-1024)).toBe('-1.024');
    expect(aantal(0)).toBe('0');
  });

  it('formats rates from tenths of a percent', () => {
    expect(percentage(999)).toBe('99,9%');
    expect(percentage(962)).toBe('96,2%');
    expect(percentage(1000)).toBe('100,0%');
    expect(percentage(1021)).toBe('102,1%');
    expect(percentage(5)).toBe('0,5%');
    expect(percentage(null)).toBe('–');
  });

  it('formats dates without leading zeros', () => {
    expect(datum('2027-03-04')).toBe('4-3-2027');
    expect(datum('2026-11-23')).toBe('23-11-2026');
    expect(datum(null)).toBe('–');
    expect(vandaagIso(new Date(2026, 2, 4))).toBe('2026-03-04');
  });

  it('reads typed counts', () => {
    expect(leesAantal('1.024')).toBe(1024);
    expect(leesAantal(' 87 ')).toBe(87);
    expect(leesAantal('')).toBe(0);
    expect(leesAantal('-3')).toBe(-3);
    expect(leesAantal('12,5')).toBeNull();
    expect(leesAantal('abc')).toBeNull();
    expect(leesAantal('1.02')).toBeNull();
    expect(leesAantal('1,024')).toBeNull();
    expect(getal(2.5)).toBe('2,5');
  });
});

describe('English formatting', () => {
  beforeAll(() => {
    zetTaal('en');
  });
  afterAll(() => {
    zetTaal('nl');
  });

  it('groups thousands with commas and uses a decimal point', () => {
    expect(aantal(96830)).toBe('96,830');
    expect(aantal(-1024)).toBe('-1,024');
    expect(percentage(999)).toBe('99.9%');
    expect(percentage(10215)).toBe('1,021.5%');
    expect(percentage(null)).toBe('–');
    expect(getal(2.5)).toBe('2.5');
  });

  it('writes dates with the month as a word', () => {
    expect(datum('2027-03-04')).toBe('4 Mar 2027');
    expect(datum('2026-11-23')).toBe('23 Nov 2026');
    expect(datum(null)).toBe('–');
  });

  it('reads typed counts with commas', () => {
    expect(leesAantal('1,024')).toBe(1024);
    expect(leesAantal('1024')).toBe(1024);
    expect(leesAantal('1.024')).toBeNull();
    expect(leesAantal('12.5')).toBeNull();
  });
});
