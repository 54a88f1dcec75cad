import { randomUUID } from 'node:crypto';
import { caseTeam, type CaseTeam, openCase, type OpenedCase } from './support/case-workspace-fixtures';
import { catalog, type Catalog, count } from './support/referral-fixtures';
import { type Session, TestApp } from './support/test-app';

describe('case notes: kinds, visibility, sanitizing, amendments (GET|POST /api/cases/:id/notes)', () => {
  let t: TestApp;
  let cat: Catalog;
  let team: CaseTeam;
  let counselor: Session;
  let counselor2: Session;
  let supervisor: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    cat = await catalog(t);
    team = await caseTeam(t);
    ({ counselor, counselor2, supervisor } = team);
  });
  afterAll(() => t.close());

  const open = () => openCase(t, cat, { sro: team.sro, counselorId: counselor.user.id });
  const write = (c: OpenedCase, body: Record<string, unknown>, as: Session = counselor) =>
    t.call('POST', `/api/cases/${c.id}/notes`, { as, body });
  const read = (c: OpenedCase, as: Session) => t.call('GET', `/api/cases/${c.id}/notes`, { as });
  const kinds = (res: { body: { kind: string }[] }) => res.body.map((n) => n.kind).sort();

  /** A case with one note of each kind by its counselor and one case note by the supervisor. */
  async function caseWithNotes(): Promise<{ c: OpenedCase; ids: Record<string, string> }> {
    const c = await open();
    const ids: Record<string, string> = {};
    for (const kind of ['CASE_NOTE', 'CLINICAL', 'PSYCHOTHERAPY']) {
      const res = await write(c, { kind, body: `<p>${kind} note body</p>` });
      expect(res.status).toBe(201);
      ids[kind] = res.body.id;
    }
    const sup = await write(c, { kind: 'CASE_NOTE', body: 'Supervisor check-in' }, supervisor);
    expect(sup.status).toBe(201);
    ids.SUPERVISOR_CASE_NOTE = sup.body.id;
    return { c, ids };
  }

  describe('visibility by role and kind', () => {
    it('shows the assigned counselor every note they may read, psychotherapy included', async () => {
      const { c } = await caseWithNotes();
      const res = await read(c, counselor);
      expect(res.status).toBe(200);
      expect(kinds(res)).toEqual(['CASE_NOTE', 'CASE_NOTE', 'CLINICAL', 'PSYCHOTHERAPY']);
      expect(res.body.find((n: { kind: string }) => n.kind === 'PSYCHOTHERAPY')).toMatchObject({
        caseId: c.id,
        body: '<p>PSYCHOTHERAPY note body</p>',
        authorId: counselor.user.id,
        authorName: 'Ana Torres',
        amendsId: null,
        amendedById: null,
      });
    });

    it('shows the supervisor case and clinical notes but never the counselor’s psychotherapy notes', async () => {
      const { c, ids } = await caseWithNotes();
      const res = await read(c, supervisor);
      expect(res.status).toBe(200);
      expect(kinds(res)).toEqual(['CASE_NOTE', 'CASE_NOTE', 'CLINICAL']);
      expect(res.body.map((n: { id: string }) => n.id)).not.toContain(ids.PSYCHOTHERAPY);
      expect(JSON.stringify(res.body)).not.toContain('PSYCHOTHERAPY note body');
    });

    it('answers 404 to another counselor, reading or writing', async () => {
      const { c } = await caseWithNotes();
      expect((await read(c, counselor2)).status).toBe(404);
      expect((await write(c, { kind: 'CASE_NOTE', body: 'Hello' }, counselor2)).status).toBe(404);
    });

    it('keeps psychotherapy notes with their author only: a counselor who takes the case over does not see them', async () => {
      const { c, ids } = await caseWithNotes();
      const detail = await t.call('GET', `/api/cases/${c.id}`, { as: supervisor });
      const patched = await t.call('PATCH', `/api/cases/${c.id}`, {
        as: supervisor,
        body: { version: detail.body.version, primaryCounselorId: counselor2.user.id },
      });
      expect(patched.status).toBe(200);
      const res = await read(c, counselor2);
      expect(kinds(res)).toEqual(['CASE_NOTE', 'CASE_NOTE', 'CLINICAL']);
      expect(res.body.map((n: { id: string }) => n.id)).not.toContain(ids.PSYCHOTHERAPY);
      // The author no longer sees the case at all.
      expect((await read(c, counselor)).status).toBe(404);
    });

    it('lets the supervisor write case notes but not clinical or psychotherapy notes (403 CLINICAL_WRITE_DENIED)', async () => {
      const c = await open();
      const before = await count(t, 'notes');
      for (const kind of ['CLINICAL', 'PSYCHOTHERAPY']) {
        const res = await write(c, { kind, body: 'Observations' }, supervisor);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('CLINICAL_WRITE_DENIED');
      }
      expect(await count(t, 'notes')).toBe(before);
    });

    it('keeps psychotherapy notes out of the supervisor’s timeline; the author’s shows the kind, never the text', async () => {
      const { c, ids } = await caseWithNotes();
      const supervisorTimeline = await t.call('GET', `/api/cases/${c.id}/timeline`, { as: supervisor });
      expect(supervisorTimeline.status).toBe(200);
      const supervisorNotes = supervisorTimeline.body.filter((e: { kind: string }) => e.kind === 'NOTE');
      expect(supervisorNotes.map((e: { detail: string }) => e.detail).sort()).toEqual([
        'CASE_NOTE',
        'CASE_NOTE',
        'CLINICAL',
      ]);
      expect(supervisorNotes.map((e: { entityId: string }) => e.entityId)).not.toContain(ids.PSYCHOTHERAPY);
      const authorTimeline = await t.call('GET', `/api/cases/${c.id}/timeline`, { as: counselor });
      expect(authorTimeline.body).toContainEqual(
        expect.objectContaining({ kind: 'NOTE', detail: 'PSYCHOTHERAPY', entityId: ids.PSYCHOTHERAPY }),
      );
      expect(JSON.stringify(authorTimeline.body)).not.toContain('note body');
    });

    it('audits each note read as one VIEW row and each note written without its text', async () => {
      const { c, ids } = await caseWithNotes();
      await read(c, supervisor);
      const views = await t.auditRows(`action = 'VIEW' AND entity_id = $1`, [c.id]);
      expect(views.map((v) => v.entity_type)).toEqual(['case.notes']);
      const [created] = await t.auditRows(`action = 'CREATE' AND entity_id = $1`, [ids.PSYCHOTHERAPY]);
      expect(created).toMatchObject({ entity_type: 'note', youth_id: c.youthId });
      expect(JSON.stringify(created)).not.toContain('note body');
    });
  });

  describe('sanitizing', () => {
    it('stores rich text inert: scripts, event handlers, links and styles removed, simple formatting kept', async () => {
      const c = await open();
      const res = await write(c, {
        kind: 'CASE_NOTE',
        body:
          '<p onclick="steal()">Met <strong style="color:red">Marisol</strong> at school' +
          '<script>alert(document.cookie)</script><img src=x onerror="alert(1)">' +
          '<a href="javascript:alert(1)">here</a></p><ul><li><em>Attended</em></li></ul><iframe src="https://evil"></iframe>',
      });
      expect(res.status).toBe(201);
      const expected = '<p>Met <strong>Marisol</strong> at schoolhere</p><ul><li><em>Attended</em></li></ul>';
      expect(res.body.body).toBe(expected);
      const [row] = await t.db.query(`SELECT body FROM notes WHERE id = $1`, [res.body.id]);
      expect(row.body).toBe(expected);
      expect(row.body).not.toMatch(/script|onerror|onclick|javascript|iframe|style|<img|<a/i);
    });

    it('escapes plain text so it cannot become markup', async () => {
      const c = await open();
      const res = await write(c, { kind: 'CASE_NOTE', body: 'Score < 5 & rising > 3' });
      expect(res.body.body).toBe('Score &lt; 5 &amp; rising &gt; 3');
    });

    it.each([
      ['<script>alert(1)</script>'],
      ['<p> </p><br>'],
      ['<img src=x onerror=alert(1)>'],
      ['<p>&nbsp;</p>'],
    ])('refuses a note that is empty once sanitized (%s) with 400 and writes nothing', async (body) => {
      const c = await open();
      const before = await count(t, 'notes');
      const res = await write(c, { kind: 'CASE_NOTE', body });
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual([{ path: 'body', message: expect.any(String) }]);
      expect(await count(t, 'notes')).toBe(before);
    });

    it('lists every bad field of a note at once', async () => {
      const c = await open();
      const res = await write(c, { kind: 'DIARY', body: '', amends: 'nope', authorId: randomUUID() });
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual([
        'amends',
        'authorId',
        'body',
        'kind',
      ]);
    });
  });

  describe('amendments (notes are never edited)', () => {
    it('amends a note with a new note that points to it; the original shows who amended it', async () => {
      const { c, ids } = await caseWithNotes();
      const res = await write(c, {
        kind: 'CLINICAL',
        body: 'Correction: score was 14',
        amends: ids.CLINICAL,
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ amendsId: ids.CLINICAL, amendedById: null });
      const list = await read(c, supervisor);
      const original = list.body.find((n: { id: string }) => n.id === ids.CLINICAL);
      expect(original).toMatchObject({ amendedById: res.body.id, body: '<p>CLINICAL note body</p>' });
    });

    it('refuses a second amendment of the same note (409): amend the latest instead', async () => {
      const { c, ids } = await caseWithNotes();
      const first = await write(c, { kind: 'CASE_NOTE', body: 'First correction', amends: ids.CASE_NOTE });
      expect(first.status).toBe(201);
      const second = await write(c, { kind: 'CASE_NOTE', body: 'Second correction', amends: ids.CASE_NOTE });
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('NOTE_ALREADY_AMENDED');
      expect(
        (await write(c, { kind: 'CASE_NOTE', body: 'Second correction', amends: first.body.id })).status,
      ).toBe(201);
    });

    it('refuses an amendment of another kind, of another case’s note, or of a note the author may not read', async () => {
      const { c, ids } = await caseWithNotes();
      const other = await caseWithNotes();
      const kind = await write(c, { kind: 'CASE_NOTE', body: 'Fix', amends: ids.CLINICAL });
      expect(kind.status).toBe(400);
      expect(kind.body.details[0].path).toBe('kind');
      const elsewhere = await write(c, { kind: 'CASE_NOTE', body: 'Fix', amends: other.ids.CASE_NOTE });
      expect(elsewhere.status).toBe(400);
      expect(elsewhere.body.details[0].path).toBe('amends');
      // The supervisor cannot write psychotherapy notes at all; a case note cannot amend one.
      const hidden = await write(
        c,
        { kind: 'CASE_NOTE', body: 'Fix', amends: ids.PSYCHOTHERAPY },
        supervisor,
      );
      expect(hidden.status).toBe(400);
      expect(hidden.body.details[0].path).toBe('amends');
    });

    it('cannot change a stored note: the database refuses UPDATE', async () => {
      const { ids } = await caseWithNotes();
      await expect(
        t.db.query(`UPDATE notes SET body = 'changed' WHERE id = $1`, [ids.CASE_NOTE]),
      ).rejects.toThrow(/never edited/);
    });
  });
});
