import { randomUUID } from 'node:crypto';
import { LIST_COUNT_CAP } from '@pathways/contracts';
import { NoProgramNoticeScheduler } from '../src/notices/no-program-notice.scheduler';
import { NoticesService } from '../src/notices/notices.service';
import {
  at,
  consentPending,
  enrolled,
  type Flow,
  flow,
  freshYouth,
  inOutreach,
  post,
  submitted,
  triaged,
} from './support/referral-flow';
import { type Session, TestApp } from './support/test-app';

type Body = Record<string, any>;
const DAY = 86_400_000;

describe('notices: letters to the referring agency (GET /api/notices, GET /api/referrals/:id/notices)', () => {
  let t: TestApp;
  let f: Flow;
  let scheduler: NoProgramNoticeScheduler;
  beforeAll(async () => {
    t = await TestApp.start();
    f = await flow(t);
    scheduler = t.app.get(NoProgramNoticeScheduler);
    // Wednesday 25 November 2026, 10:00 in Chula Vista.
    await at(f, '2026-11-25T18:00:00Z');
  });
  afterAll(() => t.close());

  const list = async (as: Session, query = '') => {
    const res = await t.call('GET', `/api/notices?pageSize=100${query}`, { as });
    expect(res.status).toBe(200);
    return res.body as { items: Body[]; total: number; totalCapped: boolean };
  };
  const ofReferral = (id: string, as: Session, query = '') =>
    t.call('GET', `/api/referrals/${id}/notices${query}`, { as });
  const letterOf = async (referralId: string, type: string, lang: 'en' | 'es', as: Session = f.as.sro) => {
    const res = await ofReferral(referralId, as, `?lang=${lang}`);
    expect(res.status).toBe(200);
    const notice = res.body.find((n: Body) => n.type === type);
    expect(notice).toBeDefined();
    return notice.letter as { language: string; title: string; paragraphs: string[] };
  };
  const text = (letter: { title: string; paragraphs: string[] }) =>
    [letter.title, ...letter.paragraphs].join('\n');
  /** Nothing that names or describes the youth: fixture names, guardian, narrative, staff's free text. */
  const IDENTIFYING = /Itzel|Caseflow|Quintero|quad|lunch|Restitution owed|prefers private/i;

  describe('who reads which notices', () => {
    let own: Body;
    let other: Body;
    let assigned: Body;
    beforeAll(async () => {
      own = await triaged(f);
      other = await submitted(f, {}, f.as.sro2);
      await post(f, other.id, 'acknowledge', f.as.supervisor, { version: 1 });
      assigned = await inOutreach(f);
    });
    const ids = (page: { items: Body[] }) => page.items.map((n) => n.referralId);

    it('gives an officer the letters about their own referrals only', async () => {
      const page = await list(f.as.sro);
      expect(ids(page)).toEqual(expect.arrayContaining([own.id, assigned.id]));
      expect(ids(page)).not.toContain(other.id);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM notices n JOIN referrals r ON r.id = n.referral_id WHERE r.referring_user_id = $1`,
        [f.as.sro.user.id],
      );
      expect(page.total).toBe(Math.min(n, LIST_COUNT_CAP));
      expect(ids(await list(f.as.sro2))).toEqual(expect.arrayContaining([other.id]));
      expect(ids(await list(f.as.sro2))).not.toContain(own.id);
    });

    it('gives the PD supervisor every letter to the agency, and the provider supervisor every letter sent', async () => {
      for (const s of [f.as.sergeant, f.as.supervisor])
        expect(ids(await list(s))).toEqual(expect.arrayContaining([own.id, other.id, assigned.id]));
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM notices WHERE to_org_id = $1`, [
        f.as.sergeant.user.organization.id,
      ]);
      // Counted up to LIST_COUNT_CAP (the demo data alone sends the agency more letters than that).
      const page = await list(f.as.sergeant);
      expect(page).toMatchObject({ total: Math.min(n, LIST_COUNT_CAP), totalCapped: n > LIST_COUNT_CAP });
    });

    it('gives a counselor the letters about referrals assigned to them only', async () => {
      expect(ids(await list(f.as.counselor))).toContain(assigned.id);
      expect(ids(await list(f.as.counselor))).not.toContain(own.id);
      expect(ids(await list(f.as.counselor2))).not.toContain(assigned.id);
    });

    it('answers the notices of a referral to whoever sees the referral, 404 to anyone else', async () => {
      for (const s of [f.as.sro, f.as.sergeant, f.as.supervisor, f.as.counselor])
        expect((await ofReferral(assigned.id, s)).status).toBe(200);
      for (const s of [f.as.sro2, f.as.counselor2])
        expect((await ofReferral(assigned.id, s)).status).toBe(404);
      expect((await ofReferral(randomUUID(), f.as.supervisor)).status).toBe(404);
      const res = await ofReferral(assigned.id, f.as.sro);
      expect(res.body).toEqual([
        expect.objectContaining({
          type: 'REFERRAL_ACK',
          referralId: assigned.id,
          referenceNumber: assigned.referenceNumber,
          toOrgId: f.as.sro.user.organization.id,
          toOrgName: 'Chula Vista Police Department',
          toUserId: f.as.sro.user.id,
          caseId: null,
          sentAt: '2026-11-25T18:00:00.000Z',
        }),
      ]);
    });

    it('refuses roles without the capability (403) and bad queries (400)', async () => {
      for (const s of [f.as.admin, f.as.auditor]) {
        expect((await t.call('GET', '/api/notices', { as: s })).status).toBe(403);
        expect((await ofReferral(own.id, s)).status).toBe(403);
      }
      const bad = await t.call('GET', '/api/notices?lang=fr&pageSize=500', { as: f.as.sro });
      expect(bad.status).toBe(400);
      expect(bad.body.details.map((d: Body) => d.path).sort()).toEqual(['lang', 'pageSize']);
    });

    it('writes a VIEW audit row per notice read, with the youth and no names', async () => {
      const res = await ofReferral(assigned.id, f.as.sergeant);
      const rows = await t.auditRows(`action = 'VIEW' AND entity_type = 'notice' AND actor_id = $1`, [
        f.as.sergeant.user.id,
      ]);
      const last = rows.at(-1);
      expect(last).toMatchObject({ entity_id: res.body[0].id, youth_id: assigned.youthId });
      expect(JSON.stringify(rows)).not.toMatch(IDENTIFYING);
    });
  });

  describe('letters', () => {
    it('acknowledges in English and Spanish with the reference number and the WIC 652.5 date', async () => {
      const r = await triaged(f);
      const en = await letterOf(r.id, 'REFERRAL_ACK', 'en');
      expect(en).toMatchObject({ language: 'en', title: 'Referral acknowledged' });
      expect(text(en)).toContain(r.referenceNumber);
      expect(text(en)).toContain(
        'We received this referral on November 25, 2026 and acknowledged it on November 25, 2026.',
      );
      expect(text(en)).toContain('section 652.5, a service program is to begin by December 15, 2026');
      expect(text(en)).toContain('From South Bay Community Services to Chula Vista Police Department');
      const es = await letterOf(r.id, 'REFERRAL_ACK', 'es');
      expect(es).toMatchObject({ language: 'es', title: 'Acuse de recibo de la remisión' });
      expect(text(es)).toContain('Recibimos esta remisión el 25 de noviembre de 2026');
      expect(text(es)).toContain('a más tardar el 15 de diciembre de 2026');
      for (const l of [en, es]) expect(text(l)).not.toMatch(IDENTIFYING);
    });

    it('writes the letter in the reader’s own language unless another is asked for', async () => {
      const r = await triaged(f);
      await t.db.query(`UPDATE users SET locale = 'es' WHERE id = $1`, [f.as.sergeant.user.id]);
      try {
        const res = await ofReferral(r.id, f.as.sergeant);
        expect(res.body[0].letter.language).toBe('es');
        const page = await list(f.as.sergeant);
        expect(page.items.every((n) => n.letter.language === 'es')).toBe(true);
        expect((await ofReferral(r.id, f.as.sergeant, '?lang=en')).body[0].letter.language).toBe('en');
        expect((await ofReferral(r.id, f.as.sro)).body[0].letter.language).toBe('en');
      } finally {
        await t.db.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [f.as.sergeant.user.id]);
      }
    });

    it('returns an ineligible police diversion to the agency, naming the failed checks and never the reason', async () => {
      const r = await triaged(f, { restitutionEstimate: 8000 });
      await post(f, r.id, 'ineligible', f.as.supervisor, {
        version: r.version,
        reason: 'Restitution owed to the district is too high',
      });
      const en = await letterOf(r.id, 'INELIGIBLE_RETURN', 'en');
      expect(en.title).toBe('Referral returned: not eligible');
      expect(text(en)).toContain('Criteria not met: restitution estimated above $5,000.');
      expect(text(en)).toContain('The decision on this referral returns to your agency.');
      const es = await letterOf(r.id, 'INELIGIBLE_RETURN', 'es');
      expect(text(es)).toContain('Criterios no cumplidos: restitución estimada superior a 5.000 dólares.');
      expect(text(es)).toContain('La decisión sobre esta remisión vuelve a su agencia.');
      for (const l of [en, es]) expect(text(l)).not.toMatch(IDENTIFYING);
    });

    it('tells the agency about a PREVENTION decline for information only', async () => {
      const r = await consentPending(f, { pathway: 'PREVENTION' });
      await post(f, r.id, 'decline', f.as.counselor, {
        version: r.version,
        reason: 'Family prefers private counseling',
      });
      const en = await letterOf(r.id, 'UNSUCCESSFUL_RETURN', 'en');
      expect(en.title).toBe('Referral returned: program not completed');
      expect(text(en)).toContain('The family declined to take part in the program offered.');
      expect(text(en)).toContain('for your information only');
      expect(text(en)).not.toContain('returns to your agency');
      const es = await letterOf(r.id, 'UNSUCCESSFUL_RETURN', 'es');
      expect(text(es)).toContain('La familia decidió no participar');
      expect(text(es)).toContain('solo informativo');
      for (const l of [en, es]) expect(text(l)).not.toMatch(IDENTIFYING);
    });

    it('reports enrollment with its date', async () => {
      const { referral } = await enrolled(f);
      const en = await letterOf(referral.id, 'ENROLLED', 'en');
      expect(text(en)).toContain('enrolled in the program on November 25, 2026');
      expect(text(await letterOf(referral.id, 'ENROLLED', 'es'))).toContain(
        'se inscribió en el programa el 25 de noviembre de 2026',
      );
      const provider = await ofReferral(referral.id, f.as.supervisor);
      expect(provider.body.find((n: Body) => n.type === 'ENROLLED').caseId).toEqual(expect.any(String));
      expect(
        (await ofReferral(referral.id, f.as.sro)).body.find((n: Body) => n.type === 'ENROLLED').caseId,
      ).toBeNull();
    });

    it('cites WIC 827.95 on completion, and identifies nothing once the referral is sealed', async () => {
      const { referral, caseId } = await enrolled(f);
      const completedAt = '2027-02-10T20:00:00.000Z';
      await t.db.transaction((m) =>
        t.app.get(NoticesService).issue(m, null, {
          type: 'COMPLETION_827_95',
          referral: {
            id: referral.id,
            referringOrgId: referral.referringOrgId,
            referringUserId: referral.referringUserId,
            providerOrgId: referral.providerOrgId,
            youthId: referral.youthId,
          },
          caseId,
          facts: { completedAt },
        }),
      );
      await t.db.query(`UPDATE referrals SET sealed_at = $2, completed_at = $2 WHERE id = $1`, [
        referral.id,
        completedAt,
      ]);
      const en = await letterOf(referral.id, 'COMPLETION_827_95', 'en');
      expect(en.title).toBe('Notice of satisfactory completion (WIC 827.95)');
      expect(text(en)).toContain('satisfactorily completed the program on February 10, 2027');
      expect(text(en)).toContain('section 827.95');
      const es = await letterOf(referral.id, 'COMPLETION_827_95', 'es');
      expect(text(es)).toContain('completó satisfactoriamente el programa el 10 de febrero de 2027');
      for (const l of [en, es]) expect(text(l)).not.toMatch(IDENTIFYING);
      const page = await list(f.as.sro);
      expect(JSON.stringify(page.items.filter((n) => n.referralId === referral.id))).not.toMatch(IDENTIFYING);
    });
  });

  describe('the 20-day scheduler (WIC 652.5)', () => {
    const noProgram = (referralId: string): Promise<Body[]> =>
      t.db.query(`SELECT * FROM notices WHERE referral_id = $1 AND type = 'NO_PROGRAM_20_DAY'`, [referralId]);
    let received: Date;
    let lapsed: Body;
    let onTime: Body;
    let startedLate: Body;
    let enrolledIdle: Body;
    let withdrawn: Body;
    beforeAll(async () => {
      await at(f, '2026-11-26T18:00:00Z');
      received = t.clock.now();
      lapsed = await submitted(f);
      withdrawn = await submitted(f);
      await post(f, withdrawn.id, 'withdraw', f.as.sro, { version: 1, reason: 'Family moved away' });
      onTime = (await enrolled(f)).referral;
      startedLate = (await enrolled(f)).referral;
      enrolledIdle = (await enrolled(f)).referral;
      await t.db.query(`UPDATE cases SET service_program_initiated_at = $2 WHERE referral_id = $1`, [
        onTime.id,
        new Date(received.getTime() + 19 * DAY),
      ]);
      await t.db.query(`UPDATE cases SET service_program_initiated_at = $2 WHERE referral_id = $1`, [
        startedLate.id,
        new Date(received.getTime() + 21 * DAY),
      ]);
    });

    it('issues nothing before the 20 calendar days have passed', async () => {
      await scheduler.runDue(new Date(received.getTime() + 20 * DAY - 60_000));
      for (const r of [lapsed, onTime, startedLate, enrolledIdle]) expect(await noProgram(r.id)).toEqual([]);
    });

    it('notifies once for every referral whose clock lapsed without a program, under a lock, audited as SYSTEM', async () => {
      const now = new Date(received.getTime() + 22 * DAY);
      const [first, second] = await Promise.all([scheduler.runDue(now), scheduler.runDue(now)]);
      expect(first + second).toBeGreaterThanOrEqual(3);
      expect(await scheduler.runDue(now)).toBe(0);
      for (const r of [lapsed, startedLate, enrolledIdle]) {
        const rows = await noProgram(r.id);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ sent_at: now, to_user_id: f.as.sro.user.id, created_by: null });
        expect(rows[0].facts).toEqual({
          receivedAt: received.toISOString(),
          dueServiceStartAt: new Date(received.getTime() + 20 * DAY).toISOString(),
        });
        const [audit] = await t.auditRows(`entity_type = 'notice' AND entity_id = $1`, [rows[0].id]);
        expect(audit).toMatchObject({
          action: 'CREATE',
          actor_id: null,
          actor_role: 'SYSTEM',
          youth_id: r.youthId,
        });
      }
      for (const r of [onTime, withdrawn]) expect(await noProgram(r.id)).toEqual([]);
      const en = await letterOf(lapsed.id, 'NO_PROGRAM_20_DAY', 'en');
      expect(en.title).toBe('Notice under WIC 652.5: no service program within 20 days');
      expect(text(en)).toContain(
        'received on November 26, 2026, had not begun within 20 calendar days (by December 16, 2026)',
      );
      expect(text(await letterOf(lapsed.id, 'NO_PROGRAM_20_DAY', 'es'))).toContain('20 días naturales');
    });

    it('skips a round while another instance holds the lock', async () => {
      const late = await submitted(f, { youth: freshYouth() });
      const now = new Date(received.getTime() + 25 * DAY);
      const runner = t.db.createQueryRunner();
      await runner.connect();
      try {
        await runner.query('BEGIN');
        await runner.query('SELECT pg_advisory_xact_lock(6525020)');
        expect(await scheduler.runDue(now)).toBe(0);
        expect(await noProgram(late.id)).toEqual([]);
        await runner.query('ROLLBACK');
      } finally {
        await runner.release();
      }
      expect(await scheduler.runDue(now)).toBeGreaterThanOrEqual(1);
      expect(await noProgram(late.id)).toHaveLength(1);
    });
  });
});
