import { randomInt, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type Account, LOAD_COUNSELOR_NAME } from './accounts';
import { type ApiClient, type Response, sleep } from './http';

/** What the run created, and the last version the API answered for each referral and case it read or changed. */
export class Ledger {
  readonly created = { referrals: new Set<string>(), cases: new Set<string>(), contacts: new Set<string>() };
  readonly versions = { referrals: new Map<string, number>(), cases: new Map<string, number>() };
  /** 409s of races another user won (two supervisors taking the same referral): expected, not errors. */
  conflicts = 0;

  saw(kind: 'referrals' | 'cases', id: string, version: number | undefined): void {
    if (version === undefined) return;
    const map = this.versions[kind];
    map.set(id, Math.max(map.get(id) ?? 0, version));
  }
}

export interface WorldOptions {
  /** performance.now() after which no user starts another request (stop() moves it to now). */
  deadline: number;
  /** Mean pause between a user's requests (uniform over 0.5–1.5 × this). */
  thinkMs: number;
  /** The users are the load's own accounts (supervisors assign to load counselors), not the shared demo ones. */
  loadAccounts: boolean;
}

interface Catalog {
  schoolIds: string[];
  reasonCodes: string[];
}

type Body = Record<string, unknown>;
interface Page<T> {
  items: T[];
}
interface Item {
  id: string;
  status: string;
}

/** What all virtual users share: the API, the run's clock, the sessions (one sign-in per account), the ledger. */
export class World {
  readonly ledger = new Ledger();
  private readonly sessions = new Map<string, Promise<string | null>>();
  private catalog: Promise<Catalog | null> | null = null;

  constructor(
    readonly api: ApiClient,
    readonly options: WorldOptions,
  ) {}

  running(): boolean {
    return performance.now() < this.options.deadline;
  }

  stop(): void {
    this.options.deadline = Math.min(this.options.deadline, performance.now());
  }

  /** A user's pause between two requests; false when the run is over. */
  async pause(): Promise<boolean> {
    if (!this.running()) return false;
    await sleep(this.options.thinkMs * (0.5 + Math.random()));
    return this.running();
  }

  /** The account's session token: the first user of an account signs in, the others reuse the session. */
  session(account: Account): Promise<string | null> {
    let token = this.sessions.get(account.email);
    if (!token) {
      token = this.api
        .call<{ token?: string }>('sign-in', 'POST', '/api/auth/login', {
          body: { email: account.email, password: account.password },
        })
        .then((res) => (res.status === 200 && res.body.token ? res.body.token : null));
      this.sessions.set(account.email, token);
    }
    return token;
  }

  /** Schools and reason codes, read once (the SPA caches its catalogs the same way); read again after a failure. */
  catalogOf(token: string): Promise<Catalog | null> {
    this.catalog ??= Promise.all([
      this.api.call<{ id: string; inCvpdJurisdiction: boolean; active: boolean }[]>(
        'list',
        'GET',
        '/api/schools',
        {
          token,
        },
      ),
      this.api.call<{ code: string; kind: string; excludedFromDiversion: boolean; active: boolean }[]>(
        'list',
        'GET',
        '/api/reason-codes',
        { token },
      ),
    ]).then(([schools, codes]) => {
      if (schools.status !== 200 || codes.status !== 200) {
        this.catalog = null;
        return null;
      }
      return {
        schoolIds: schools.body.filter((s) => s.active && s.inCvpdJurisdiction).map((s) => s.id),
        reasonCodes: codes.body
          .filter((c) => c.active && !c.excludedFromDiversion && c.kind !== 'CONCERN')
          .map((c) => c.code),
      };
    });
    return this.catalog;
  }
}

const FIRST = ['Itzel', 'Mateo', 'Sofía', 'Diego', 'Camila', 'Luis', 'Valeria', 'Ángel', 'Jasmine', 'Noah'];
const LAST = ['Quintero', 'Ramírez', 'Nguyen', 'Santos', 'Reyes', 'Flores', 'Torres', 'Castillo', 'Okafor'];
const pick = <T>(xs: readonly T[]): T => xs[randomInt(xs.length)];
const letters = (n: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode((i ? 97 : 65) + randomInt(26))).join('');
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
/** An instant the server will not call future: a second ago, but never before `notBefore`. */
const justNow = (notBefore?: string | null) =>
  new Date(Math.max(Date.now() - 1000, notBefore ? Date.parse(notBefore) : 0)).toISOString();
const key = () => ({ 'idempotency-key': randomUUID() });

/**
 * One virtual user: signs in once, then repeats its role's journey with a pause before each request, as a person
 * at the SPA does, until the run's deadline.
 */
export async function runUser(world: World, account: Account): Promise<void> {
  const token = await world.session(account);
  if (!token) return;
  const user = new User(world, token);
  switch (account.role) {
    case 'SRO':
      while (world.running()) await user.officer();
      return;
    case 'PROVIDER_SUPERVISOR':
      while (world.running()) await user.supervisor();
      return;
    case 'COUNSELOR':
      while (world.running()) await user.counselor();
      return;
  }
}

class User {
  private counselorIds: string[] | null = null;

  constructor(
    private readonly world: World,
    private readonly token: string,
  ) {}

  private get api(): ApiClient {
    return this.world.api;
  }

  private get ledger(): Ledger {
    return this.world.ledger;
  }

  private call<T = Body>(
    group: Parameters<ApiClient['call']>[0],
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Response<T>> {
    return this.api.call<T>(group, method, path, { ...options, token: this.token });
  }

  /** A 409 because someone else changed the record first: the user reloads and moves on. */
  private conflict(res: Response): boolean {
    if (res.status !== 409) return false;
    this.ledger.conflicts += 1;
    return true;
  }

  /** The SRO: checks for the youth, files a referral (or saves a draft and submits it), looks at it, then at their list. */
  async officer(): Promise<void> {
    const catalog = await this.world.catalogOf(this.token);
    if (!catalog?.schoolIds.length || !catalog.reasonCodes.length) return void (await this.world.pause());
    const youth = {
      firstName: pick(FIRST),
      lastName: `${pick(LAST)}-${letters(5)}`,
      dateOfBirth: `${2009 + randomInt(8)}-0${1 + randomInt(9)}-1${randomInt(10)}`,
      primaryLanguage: pick(['es', 'en']),
    };
    if (!(await this.world.pause())) return;
    const q = new URLSearchParams({
      firstName: youth.firstName,
      lastName: youth.lastName,
      dateOfBirth: youth.dateOfBirth,
    });
    await this.call('search', 'GET', `/api/youth/matches?${q.toString()}`);
    if (!(await this.world.pause())) return;
    // One in three is saved as a draft first (the wizard's "save and finish later"), then submitted.
    const asDraft = Math.random() < 1 / 3;
    const created = await this.call<{ id: string; version: number }>('create', 'POST', '/api/referrals', {
      headers: key(),
      body: {
        youth,
        guardians: [
          {
            name: `${pick(FIRST)} ${youth.lastName}`,
            relationship: pick(['MOTHER', 'FATHER', 'GRANDPARENT']),
            phone: `(619) 555-0${100 + randomInt(900)}`,
            preferredLanguage: youth.primaryLanguage,
          },
        ],
        schoolId: pick(catalog.schoolIds),
        grade: 6 + randomInt(7),
        incidentAt: isoDaysAgo(0.2 + Math.random() * 3),
        incidentLocation: pick(['ON_CAMPUS', 'SCHOOL_EVENT', 'COMMUNITY']),
        pathway: 'LE_DIVERSION_626B',
        reasonCodes: [pick(catalog.reasonCodes)],
        narrative: 'Argument in the hallway that turned physical; no injuries; youth calm and cooperative.',
        submit: !asDraft,
      },
    });
    if (created.status !== 201) return;
    this.ledger.created.referrals.add(created.body.id);
    this.ledger.saw('referrals', created.body.id, created.body.version);
    if (asDraft) {
      if (!(await this.world.pause())) return;
      const submitted = await this.call<{ version: number }>(
        'transition',
        'POST',
        `/api/referrals/${created.body.id}/submit`,
        { body: { version: created.body.version } },
      );
      if (submitted.status !== 200) return;
      this.ledger.saw('referrals', created.body.id, submitted.body.version);
    }
    if (!(await this.world.pause())) return;
    await this.referralDetail(created.body.id);
    if (!(await this.world.pause())) return;
    await this.call('list', 'GET', '/api/referrals?page=1&pageSize=20&sort=receivedAt%3Adesc');
  }

  /** The provider supervisor: takes a referral from the intake queue (acknowledge, assign), then reads a case. */
  async supervisor(): Promise<void> {
    this.counselorIds ??= await this.counselors();
    if (!(await this.world.pause())) return;
    const queue = await this.call<Page<Item>>(
      'list',
      'GET',
      '/api/referrals?queue=intake&page=1&pageSize=25&sort=dueServiceStartAt%3Aasc',
    );
    const open =
      queue.status === 200 ? queue.body.items.filter((i) => /SUBMITTED|TRIAGE/.test(i.status)) : [];
    if (open.length && this.counselorIds.length) {
      const item = pick(open);
      if (!(await this.world.pause())) return;
      let r = await this.referralDetail(item.id);
      if (r?.status === 'SUBMITTED') {
        if (!(await this.world.pause())) return;
        const ack = await this.call<{ version: number; status: string }>(
          'transition',
          'POST',
          `/api/referrals/${item.id}/acknowledge`,
          { body: { version: r.version } },
        );
        if (this.conflict(ack) || ack.status !== 200) r = null;
        else {
          this.ledger.saw('referrals', item.id, ack.body.version);
          r = { version: ack.body.version, status: ack.body.status };
        }
      }
      if (r?.status === 'TRIAGE') {
        if (!(await this.world.pause())) return;
        const assigned = await this.call<{ version: number }>(
          'transition',
          'POST',
          `/api/referrals/${item.id}/assign`,
          {
            body: { version: r.version, counselorId: pick(this.counselorIds) },
          },
        );
        if (!this.conflict(assigned) && assigned.status === 200)
          this.ledger.saw('referrals', item.id, assigned.body.version);
      }
    }
    if (!(await this.world.pause())) return;
    await this.caseWork(false);
  }

  /** The counselor: reaches a youth (outreach contact), enrolls them, then works one of their cases. */
  async counselor(): Promise<void> {
    if (!(await this.world.pause())) return;
    const outreach = await this.call<Page<Item>>(
      'list',
      'GET',
      '/api/referrals?status=OUTREACH&page=1&pageSize=10&sort=dueServiceStartAt%3Aasc',
    );
    const item = outreach.status === 200 ? outreach.body.items[0] : undefined;
    if (item) {
      if (!(await this.world.pause())) return;
      const r = await this.referralDetail(item.id);
      if (!r || !(await this.world.pause())) return;
      const contact = await this.call<{ id: string }>(
        'create',
        'POST',
        `/api/referrals/${item.id}/contacts`,
        {
          headers: key(),
          body: {
            occurredAt: justNow(r.receivedAt),
            contactType: 'OUTREACH_ATTEMPT',
            modality: 'PHONE',
            result: 'COMPLETED',
          },
        },
      );
      if (contact.status === 201) this.ledger.created.contacts.add(contact.body.id);
      if (!(await this.world.pause())) return;
      const pending = await this.referralDetail(item.id);
      if (pending?.status === 'CONSENT_PENDING') {
        if (!(await this.world.pause())) return;
        const enrolled = await this.call<{ caseId: string }>(
          'transition',
          'POST',
          `/api/referrals/${item.id}/enroll`,
          {
            headers: key(),
            body: {
              version: pending.version,
              consents: [
                {
                  type: 'PROGRAM_PARTICIPATION',
                  youthAssent: true,
                  guardianName: 'Rocío Quintero',
                  signatureMethod: 'E_SIGNATURE',
                  language: 'es',
                  signedAt: justNow(pending.receivedAt),
                },
              ],
            },
          },
        );
        if (enrolled.status === 201) {
          this.ledger.created.cases.add(enrolled.body.caseId);
          this.ledger.saw('referrals', item.id, pending.version + 1);
          this.ledger.saw('cases', enrolled.body.caseId, 1);
        } else this.conflict(enrolled);
      }
    }
    if (!(await this.world.pause())) return;
    await this.caseWork(true);
  }

  /** A case list, one case's page (detail and timeline, loaded together), and for a counselor a session note. */
  private async caseWork(recordContact: boolean): Promise<void> {
    const list = await this.call<Page<Item>>(
      'list',
      'GET',
      '/api/cases?open=true&page=1&pageSize=25&sort=targetEndAt%3Aasc',
    );
    if (list.status !== 200 || !list.body.items.length) return;
    const c = pick(list.body.items);
    if (!(await this.world.pause())) return;
    const [detail] = await Promise.all([
      this.call<{ version: number; openedAt: string }>('page', 'GET', `/api/cases/${c.id}`),
      this.call('page', 'GET', `/api/cases/${c.id}/timeline`),
    ]);
    if (detail.status !== 200) return;
    this.ledger.saw('cases', c.id, detail.body.version);
    if (!recordContact || !(await this.world.pause())) return;
    const contact = await this.call<{ id: string }>('create', 'POST', `/api/cases/${c.id}/contacts`, {
      headers: key(),
      body: {
        occurredAt: justNow(detail.body.openedAt),
        contactType: 'COUNSELING_INDIVIDUAL',
        modality: pick(['OFFICE', 'PHONE', 'VIDEO']),
        result: 'COMPLETED',
        durationMin: 30 + randomInt(30),
        participants: ['YOUTH'],
      },
    });
    if (contact.status === 201) this.ledger.created.contacts.add(contact.body.id);
  }

  private async referralDetail(
    id: string,
  ): Promise<{ version: number; status: string; receivedAt?: string | null } | null> {
    const res = await this.call<{ version: number; status: string; receivedAt: string | null }>(
      'page',
      'GET',
      `/api/referrals/${id}`,
    );
    if (res.status !== 200) return null;
    this.ledger.saw('referrals', id, res.body.version);
    return res.body;
  }

  /** The counselors a supervisor assigns to: the load's own accounts, or the demo counselors. */
  private async counselors(): Promise<string[]> {
    const res = await this.call<{ id: string; displayName: string }[]>(
      'list',
      'GET',
      '/api/users?role=COUNSELOR',
    );
    if (res.status !== 200) return [];
    const isLoad = (u: { displayName: string }) => u.displayName.startsWith(LOAD_COUNSELOR_NAME);
    return res.body.filter((u) => isLoad(u) === this.world.options.loadAccounts).map((u) => u.id);
  }
}
