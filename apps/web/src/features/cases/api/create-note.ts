import type { NoteRequest, NoteView } from '@pathways/contracts';
import { api } from '../../../lib/api-client';
import { casePath, useCaseWrite } from './case-api';

/** Notes are never edited: an amendment is a new note with `amends` pointing at the old one. */
export const createNote = ({ caseId, body }: { caseId: string; body: NoteRequest }): Promise<NoteView> =>
  api.post<NoteView>(casePath(caseId, 'notes'), body);

export const useCreateNote = () => useCaseWrite(createNote);
