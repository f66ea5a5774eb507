// Tests which roles may edit (only administrators and planners) and how a role is named.

import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseInfo } from '../api';
import type { Rol } from '../api/types/Rol';
import { zetTaal } from '../i18n';
import { magBewerken, rolLabel } from './rol';

function info(rol: Rol): DatabaseInfo {
  return {
    pad: 'postgres://anna@server/opvang',
    backend: 'postgres',
    gebruiker: 'anna',
    rol,
    locaties: 3,
    verouderd_na_dagen: 14,
  };
}

describe('magBewerken', () => {
  it('allows administrators and planners', () => {
    expect(magBewerken(info('beheerder'))).toBe(true);
    expect(magBewerken(info('planner'))).toBe(true);
  });

  it('refuses reviewers, readers, logins without a role and an unknown state', () => {
    expect(magBewerken(info('beoordelaar'))).toBe(false);
    expect(magBewerken(info('lezer'))).toBe(false);
    expect(magBewerken(info('geen'))).toBe(false);
    expect(magBewerken(null)).toBe(false);
  });
});

describe('rolLabel', () => {
  afterEach(() => {
    zetTaal('nl');
  });

  it('names every role in the chosen language, not as its stored value', () => {
    expect(rolLabel('beheerder')).toBe('Beheerder');
    expect(rolLabel('geen')).toBe('Geen rol');
    zetTaal('en');
    expect(rolLabel('beheerder')).toBe('Administrator');
    expect(rolLabel('beoordelaar')).toBe('Reviewer');
    expect(rolLabel('lezer')).toBe('Reader');
  });
});
