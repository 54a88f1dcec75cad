import { Injectable } from '@nestjs/common';
import type { NoteRequest, NoteView } from '@pathways/contracts';
import { canReadNote, canWriteNote } from '@pathways/domain';
import sanitizeHtml from 'sanitize-html';
import type { EntityManager } from 'typeorm';
import { validationFailed } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { Params } from '../common/sql-params';
import { caseRoute } from './case-input';
import { CaseStore } from './case-store.service';
import { toNoteView } from './case-views';
import { NoteEntity } from './case-work.entities';
import type { CaseEntity } from './case.entity';
import { clinicalWriteDenied, noteAlreadyAmended } from './cases.exception';
import { noteVisibilitySql } from './cases.policy';

/** The rich text a note may carry: paragraphs, line breaks, emphasis and lists; no attributes, no links. */
const NOTE_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li'],
  allowedAttributes: {},
  allowedSchemes: [],
  disallowedTagsMode: 'discard',
};

/** The body as stored: sanitized HTML, inert wherever it is rendered. */
export function sanitizeNoteBody(body: string): string {
  return sanitizeHtml(body, NOTE_HTML).trim();
}

/** True when nothing readable is left (only tags, spaces and non-breaking spaces). */
function isBlank(html: string): boolean {
  return (
    sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
      .replace(/&nbsp;|\u00a0|\s/g, '')
      .trim().length === 0
  );
}

/**
 * Notes are never edited (a database trigger refuses UPDATE): an amendment is a new note of the same kind that
 * points to the one it corrects, and each note has at most one amendment (amend the latest). Who reads which kind
 * is decided in SQL (cases.policy.ts, the twin of canReadNote): psychotherapy notes reach their author only.
 */
@Injectable()
export class CaseNotesService {
  constructor(private readonly store: CaseStore) {}

  async list(actor: Actor, caseId: string): Promise<NoteView[]> {
    return this.store.read(actor, caseId, 'notes', async (m, c) => this.visibleNotes(m, actor, c));
  }

  /** Notes stay writable on a closed case (late entries and corrections belong to the record). */
  async create(actor: Actor, caseId: string, body: NoteRequest, key: string | undefined): Promise<NoteView> {
    const idempotency = { key, route: caseRoute(caseId, 'notes'), body };
    return this.store.write(actor, caseId, { allowClosed: true, idempotency }, async (m, c) => {
      if (!canWriteNote(actor, c, body.kind)) throw clinicalWriteDenied();
      const clean = sanitizeNoteBody(body.body);
      if (isBlank(clean))
        throw validationFailed([{ path: 'body', message: 'The note is empty once formatting is removed' }]);
      if (body.amends) await this.checkAmendable(m, actor, c, body.amends, body.kind);
      const saved = await m.save(
        m.create(NoteEntity, {
          caseId: c.id,
          kind: body.kind,
          body: clean,
          authorId: actor.userId,
          amendsId: body.amends ?? null,
          organizationId: c.organizationId,
        }),
      );
      await this.store.record(m, actor, c, { action: 'CREATE', entityType: 'note', entityId: saved.id });
      const row = await m.getRepository(NoteEntity).findOneByOrFail({ id: saved.id });
      return toNoteView(row, await this.store.names(m, [row.authorId]), null);
    });
  }

  /** The note amended must be of this case, readable by the author, of the same kind, and not amended yet. */
  private async checkAmendable(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    amendsId: string,
    kind: NoteRequest['kind'],
  ): Promise<void> {
    const original = await m.getRepository(NoteEntity).findOneBy({ id: amendsId, caseId: c.id });
    if (!original || !canReadNote(actor, c, original))
      throw validationFailed([{ path: 'amends', message: 'Note not found on this case' }]);
    if (original.kind !== kind)
      throw validationFailed([
        { path: 'kind', message: `An amendment keeps the note's kind (${original.kind})` },
      ]);
    if (await m.getRepository(NoteEntity).existsBy({ amendsId })) throw noteAlreadyAmended();
  }

  private async visibleNotes(m: EntityManager, actor: Actor, c: CaseEntity): Promise<NoteView[]> {
    const p = new Params();
    const caseParam = p.add(c.id);
    const visible = noteVisibilitySql(actor, c, p, 'n');
    const visibleAmendment = noteVisibilitySql(actor, c, p, 'a');
    const rows = await m.query<NoteRow[]>(
      `SELECT n.id, n.case_id, n.kind, n.body, n.author_id, u.display_name AS author_name, n.created_at,
              n.amends_id,
              (SELECT a.id FROM notes a WHERE a.amends_id = n.id AND ${visibleAmendment}
               ORDER BY a.created_at DESC LIMIT 1) AS amended_by_id
       FROM notes n LEFT JOIN users u ON u.id = n.author_id
       WHERE n.case_id = ${caseParam} AND ${visible}
       ORDER BY n.created_at DESC, n.id`,
      p.values,
    );
    return rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      kind: r.kind,
      body: r.body,
      authorId: r.author_id,
      authorName: r.author_name,
      createdAt: r.created_at.toISOString(),
      amendsId: r.amends_id,
      amendedById: r.amended_by_id,
    }));
  }
}

interface NoteRow {
  id: string;
  case_id: string;
  kind: NoteView['kind'];
  body: string;
  author_id: string;
  author_name: string | null;
  created_at: Date;
  amends_id: string | null;
  amended_by_id: string | null;
}
