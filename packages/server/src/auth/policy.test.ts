import { describe, expect, it } from 'vitest';
import { authorize, policies, type Actor } from './policy.js';

// Two agencies (A = 1, B = 2); agency A has divisions 10 and 11, and agency 3 below it in the tree.
const A = 1;
const B = 2;
const BELOW_A = 3;
const actor = (
  key: string,
  role: Actor['role'],
  agencyId: number | null,
  divisionId: number | null = null,
  oversees: Actor['oversees'] = role === 'central_admin' ? 'all' : null,
): Actor => ({
  id: key.length,
  email: `${key}@test`,
  displayName: key,
  role,
  agencyId,
  divisionId,
  oversees,
});
const ACTORS = {
  central: actor('central', 'central_admin', null),
  // Central admins overseeing part of the tree: agency A and the one below it; agency B alone.
  overseerOfA: actor('overseerOfA', 'central_admin', null, null, new Set([A, BELOW_A])),
  overseerOfB: actor('overseerOfB', 'central_admin', null, null, new Set([B])),
  adminA: actor('adminA', 'agency_admin', A),
  adminB: actor('adminB', 'agency_admin', B),
  execA: actor('execA', 'executive', A),
  editorA10: actor('editorA10', 'division_editor', A, 10),
  editorA11: actor('editorA11', 'division_editor', A, 11),
  editorB: actor('editorB', 'division_editor', B, 20),
};
type Who = keyof typeof ACTORS;
const EVERYONE = Object.keys(ACTORS) as Who[];
const OF_A: Who[] = ['central', 'overseerOfA', 'adminA', 'execA', 'editorA10', 'editorA11'];
const ADMINS_OF_A: Who[] = ['central', 'overseerOfA', 'adminA'];
/** Every central admin, whatever part of the tree they oversee. */
const CENTRAL: Who[] = ['central', 'overseerOfA', 'overseerOfB'];
/** Central admins of the whole country only. */
const NATIONAL: Who[] = ['central'];
/** Those who oversee agency A. */
const OVERSEERS_OF_A: Who[] = ['central', 'overseerOfA'];

/**
 * Every rule of the policy, as a table: the record it is asked about, and exactly who may.
 * A rule added to `policies` without a row here fails the completeness test below.
 */
const TABLE: { rule: string; record: unknown; allowed: Who[] }[] = [
  { rule: 'agency.read', record: { id: A }, allowed: OF_A },
  { rule: 'agency.read', record: { id: BELOW_A }, allowed: OVERSEERS_OF_A },
  { rule: 'agency.read', record: { id: B }, allowed: ['central', 'overseerOfB', 'adminB', 'editorB'] },
  { rule: 'agency.listAll', record: undefined, allowed: NATIONAL },
  { rule: 'agency.create', record: { parentId: null }, allowed: NATIONAL },
  { rule: 'agency.create', record: { parentId: BELOW_A }, allowed: OVERSEERS_OF_A },
  { rule: 'agency.update', record: { id: A }, allowed: ADMINS_OF_A },
  { rule: 'agency.update', record: { id: BELOW_A }, allowed: OVERSEERS_OF_A },
  { rule: 'agency.import', record: undefined, allowed: NATIONAL },
  { rule: 'agencyKind.read', record: undefined, allowed: EVERYONE },
  { rule: 'agencyKind.manage', record: undefined, allowed: NATIONAL },
  { rule: 'division.read', record: { id: 10, agencyId: A }, allowed: OF_A },
  { rule: 'division.create', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'division.update', record: { id: 10, agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'division.delete', record: { id: 10, agencyId: A }, allowed: ADMINS_OF_A },
  // An account of agency A's division 10 editor: itself, its agency's admin, central.
  {
    rule: 'user.read',
    record: { id: 'editorA10'.length, role: 'division_editor', agencyId: A, divisionId: 10 },
    allowed: ['central', 'overseerOfA', 'adminA', 'editorA10', 'editorA11'],
  },
  {
    rule: 'user.read',
    record: { id: 99, role: 'central_admin', agencyId: null, divisionId: null, overseesAgencyId: BELOW_A },
    allowed: OVERSEERS_OF_A,
  },
  { rule: 'user.listAll', record: undefined, allowed: NATIONAL },
  { rule: 'user.create', record: { role: 'executive', agencyId: A, divisionId: null }, allowed: ADMINS_OF_A },
  { rule: 'user.create', record: { role: 'central_admin', agencyId: null, divisionId: null }, allowed: NATIONAL },
  // A central admin of part of the tree makes central admins only within it.
  {
    rule: 'user.create',
    record: { role: 'central_admin', agencyId: null, divisionId: null, overseesAgencyId: BELOW_A },
    allowed: OVERSEERS_OF_A,
  },
  {
    rule: 'user.create',
    record: { role: 'central_admin', agencyId: null, divisionId: null, overseesAgencyId: B },
    allowed: ['central', 'overseerOfB'],
  },
  { rule: 'user.update', record: { id: 99, role: 'executive', agencyId: A, divisionId: null }, allowed: ADMINS_OF_A },
  { rule: 'user.update', record: { id: 99, role: 'central_admin', agencyId: A, divisionId: null }, allowed: NATIONAL },
  {
    rule: 'user.update',
    record: { id: 99, role: 'central_admin', agencyId: null, divisionId: null, overseesAgencyId: A },
    allowed: OVERSEERS_OF_A,
  },
  { rule: 'user.resetPassword', record: { id: 99, role: 'executive', agencyId: A, divisionId: null }, allowed: ADMINS_OF_A },
  {
    rule: 'user.revokeSessions',
    record: { id: 'execA'.length, role: 'executive', agencyId: A, divisionId: null },
    allowed: ['central', 'overseerOfA', 'adminA', 'execA'],
  },
  {
    rule: 'user.revokeSessions',
    record: { id: 99, role: 'central_admin', agencyId: null, divisionId: null, overseesAgencyId: null },
    allowed: NATIONAL,
  },
  { rule: 'audit.listAll', record: undefined, allowed: NATIONAL },
  { rule: 'audit.listOverseen', record: undefined, allowed: CENTRAL },
  { rule: 'audit.list', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'audit.list', record: { agencyId: null }, allowed: NATIONAL },
  { rule: 'assessment.read', record: { agencyId: A }, allowed: OF_A },
  { rule: 'document.generate', record: { agencyId: A }, allowed: OF_A },
  { rule: 'document.generateForEvery', record: undefined, allowed: CENTRAL },
  { rule: 'job.read', record: { requestedBy: 'execA'.length, agencyId: A }, allowed: ['central', 'overseerOfA', 'execA'] },
  { rule: 'batch.read', record: { requestedBy: 'execA'.length }, allowed: ['central', 'execA'] },
  { rule: 'assessment.import', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'cityResults.read', record: undefined, allowed: CENTRAL },
  { rule: 'plan.read', record: { agencyId: A }, allowed: OF_A },
  { rule: 'plan.manage', record: { agencyId: A }, allowed: ADMINS_OF_A },
  {
    rule: 'report.read',
    record: { agencyId: A, divisions: [10] },
    allowed: ['central', 'overseerOfA', 'adminA', 'execA', 'editorA10'],
  },
  { rule: 'report.read', record: { agencyId: A, divisions: ['all'] }, allowed: OF_A },
  { rule: 'report.edit', record: { agencyId: A, divisions: [10] }, allowed: [...ADMINS_OF_A, 'editorA10'] },
  { rule: 'report.edit', record: { agencyId: A, divisions: ['all'] }, allowed: [...ADMINS_OF_A, 'editorA10', 'editorA11'] },
  { rule: 'report.review', record: { agencyId: A }, allowed: ADMINS_OF_A },
  {
    rule: 'report.editPart',
    record: { agencyId: A, divisions: ['all'], divisionId: 11 },
    allowed: [...ADMINS_OF_A, 'editorA11'],
  },
  { rule: 'report.editPart', record: { agencyId: A, divisions: [10], divisionId: 11 }, allowed: [] },
  { rule: 'round.approve', record: { agencyId: A }, allowed: [...OVERSEERS_OF_A, 'execA'] },
  { rule: 'round.approve', record: { agencyId: B }, allowed: ['central', 'overseerOfB'] },
  { rule: 'round.reopen', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'round.readCompleteness', record: { agencyId: A }, allowed: [...ADMINS_OF_A, 'execA'] },
  { rule: 'publication.read', record: { agencyId: A }, allowed: OF_A },
  { rule: 'publication.manage', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'oitChecklist.read', record: { agencyId: A }, allowed: OF_A },
  { rule: 'oitChecklist.manage', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'oitChecklist.approve', record: { agencyId: A }, allowed: [...OVERSEERS_OF_A, 'execA'] },
  { rule: 'oitChecklist.readWhole', record: { agencyId: A }, allowed: [...ADMINS_OF_A, 'execA'] },
  { rule: 'oitChecklist.readCity', record: undefined, allowed: CENTRAL },
  { rule: 'oitTask.read', record: { agencyId: A, divisions: [10] }, allowed: [...ADMINS_OF_A, 'execA', 'editorA10'] },
  {
    rule: 'oitTask.contribute',
    record: { agencyId: A, divisions: [10, 11] },
    allowed: [...ADMINS_OF_A, 'editorA10', 'editorA11'],
  },
  { rule: 'oitTask.contribute', record: { agencyId: A, divisions: [11] }, allowed: [...ADMINS_OF_A, 'editorA11'] },
  // On an item shared by divisions 10 and 11, each division removes only its own documents.
  {
    rule: 'oitTask.removeEvidence',
    record: { agencyId: A, divisions: [10, 11], divisionId: 10 },
    allowed: [...ADMINS_OF_A, 'editorA10'],
  },
  { rule: 'oitTask.removeEvidence', record: { agencyId: A, divisions: [10, 11], divisionId: null }, allowed: ADMINS_OF_A },
  { rule: 'survey.read', record: { agencyId: A }, allowed: [...ADMINS_OF_A, 'execA'] },
  { rule: 'survey.manage', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'calendar.read', record: { agencyId: A }, allowed: OF_A },
  { rule: 'calendar.manage', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'calendar.setDefaults', record: undefined, allowed: NATIONAL },
  { rule: 'calendar.feed', record: { agencyId: A, divisionId: 0 }, allowed: ADMINS_OF_A },
  { rule: 'calendar.feed', record: { agencyId: A, divisionId: 10 }, allowed: [...ADMINS_OF_A, 'editorA10'] },
  { rule: 'framework.import', record: undefined, allowed: NATIONAL },
  { rule: 'library.read', record: { agencyId: A, status: 'private' }, allowed: OF_A },
  { rule: 'library.read', record: { agencyId: A, status: 'pending' }, allowed: OF_A },
  { rule: 'library.read', record: { agencyId: A, status: 'shared' }, allowed: EVERYONE },
  { rule: 'library.read', record: { agencyId: null, status: 'shared' }, allowed: EVERYONE },
  { rule: 'library.read', record: { agencyId: B, status: 'private' }, allowed: ['central', 'overseerOfB', 'adminB', 'editorB'] },
  { rule: 'library.readAll', record: undefined, allowed: NATIONAL },
  { rule: 'library.create', record: undefined, allowed: ['central', 'adminA', 'adminB'] },
  { rule: 'library.offer', record: { agencyId: A }, allowed: ADMINS_OF_A },
  { rule: 'library.offer', record: { agencyId: null }, allowed: [] },
  { rule: 'library.approveShare', record: undefined, allowed: NATIONAL },
];

const ruleOf = (rule: string) => {
  const [resource, action] = rule.split('.') as [string, string];
  return (policies as unknown as Record<string, Record<string, (actor: Actor, record: unknown) => boolean>>)[resource]![action]!;
};

describe('the policy, rule by rule and role by role', () => {
  it('has a row for every rule it holds', () => {
    const rules = Object.entries(policies).flatMap(([resource, actions]) =>
      Object.keys(actions).map((action) => `${resource}.${action}`),
    );
    expect(rules.filter((rule) => !TABLE.some((row) => row.rule === rule))).toEqual([]);
  });

  for (const row of TABLE) {
    it(`${row.rule} of ${JSON.stringify(row.record) ?? 'nothing'}: ${row.allowed.join(', ') || 'nobody'}`, () => {
      const decided = EVERYONE.filter((who) => ruleOf(row.rule)(ACTORS[who], row.record));
      expect(decided).toEqual(EVERYONE.filter((who) => row.allowed.includes(who)));
    });
  }

  it('answers a refused read of a record as not found, and other refusals as forbidden', () => {
    expect(() => authorize(ACTORS.adminB, 'plan', 'read', { agencyId: A })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => authorize(ACTORS.execA, 'plan', 'manage', { agencyId: A })).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => authorize(ACTORS.adminB, 'plan', 'manage', { agencyId: A })).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => authorize(ACTORS.adminA, 'cityResults', 'read', undefined)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => authorize(ACTORS.adminA, 'plan', 'manage', { agencyId: A })).not.toThrow();
    expect(() => authorize(ACTORS.overseerOfB, 'plan', 'read', { agencyId: A })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
    expect(() => authorize(ACTORS.overseerOfB, 'plan', 'manage', { agencyId: A })).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });
});
