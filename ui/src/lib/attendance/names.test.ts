import { describe, expect, it } from 'vitest';
import { dayLabel } from './labels';
import { filterByName, foldName, matchRank } from './names';

describe('foldName', () => {
  it('drops case and accents so typed letters find names from every language', () => {
    expect(foldName('Özdemir, Şükrü')).toBe('ozdemir, sukru');
    expect(foldName('Łukasz Żółć')).toBe('lukasz zolc');
    expect(foldName('Weiß')).toBe('weiss');
    expect(foldName('Søren Đorđević')).toBe('soren dordevic');
    expect(foldName('Yıldız İnan')).toBe('yildiz inan');
    expect(foldName('François Nguyễn')).toBe('francois nguyen');
  });
});

describe('matchRank', () => {
  it('finds a name by the start of any of its words, ignoring accents', () => {
    expect(matchRank('Özdemir, Şükrü', 'sukru')).toBe(0);
    expect(matchRank('Kowalski, Łukasz', 'lukasz')).toBe(0);
    expect(matchRank('Özdemir, Şükrü', 'ÖZD')).toBe(0);
  });

  it('treats umlauts and their transcriptions alike, as the search does', () => {
    expect(matchRank('Müller, Anna', 'mueller')).toBe(0);
    expect(matchRank('Müller, Anna', 'muller')).toBe(0);
    expect(matchRank('Weiß, Sukran', 'weiss')).toBe(0);
  });

  it('needs every typed word, and ranks letters inside a word after word starts', () => {
    expect(matchRank('Özdemir, Şükrü', 'sukru oz')).toBe(0);
    expect(matchRank('Özdemir, Şükrü', 'sukru weiss')).toBeNull();
    expect(matchRank('Özdemir, Şükrü', 'demir')).toBe(1);
    expect(matchRank('Özdemir, Şükrü', 'anna')).toBeNull();
  });
});

describe('filterByName', () => {
  const names = ['Adler, Hanna', 'Hannemann, Jörg', 'Kowalski, Łukasz'];

  it('keeps everything for an empty query', () => {
    expect(filterByName(names, '  ', (n) => n)).toEqual(names);
  });

  it('puts names where a word starts with the letters first, otherwise keeps the order', () => {
    expect(filterByName(names, 'hann', (n) => n)).toEqual(['Adler, Hanna', 'Hannemann, Jörg']);
    expect(filterByName(names, 'ann', (n) => n)).toEqual(['Adler, Hanna', 'Hannemann, Jörg']);
    expect(filterByName(['Johannsen, Ute', 'Anna, Maria'], 'ann', (n) => n)).toEqual([
      'Anna, Maria',
      'Johannsen, Ute',
    ]);
  });
});

describe('dayLabel', () => {
  it('shows the German weekday and TT.MM. whatever the time zone', () => {
    expect(dayLabel('2021-09-21')).toBe('Di, 21.09.');
    expect(dayLabel('2026-09-22')).toBe('Di, 22.09.');
    expect(dayLabel('2026-09-20')).toBe('So, 20.09.');
    expect(dayLabel('kein Datum')).toBe('kein Datum');
  });
});
