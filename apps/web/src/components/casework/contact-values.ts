import type { ContactModality, ContactParticipant, ContactResult, ContactType } from '@pathways/contracts';
import { localDateTimeToIso } from '../../lib/schema-resolver';

/** The form values every contact form has (a case session, a referral's outreach attempt). */
export interface ContactFieldValues {
  occurredAt: string;
  contactType: ContactType;
  modality: ContactModality | '';
  result: ContactResult | '';
  durationMin: string;
  participants: ContactParticipant[];
  interpreterUsed: boolean;
}

/** The shared fields as the contact contract takes them (one mapping for sessions and outreach alike). */
export const contactPayload = (v: ContactFieldValues) => ({
  occurredAt: localDateTimeToIso(v.occurredAt),
  contactType: v.contactType,
  modality: v.modality || undefined,
  result: v.result || undefined,
  durationMin: v.durationMin.trim() === '' ? undefined : Number(v.durationMin),
  participants: v.participants.length ? v.participants : undefined,
  interpreterUsed: v.interpreterUsed || undefined,
});

/** The shared fields a server 400 may name. */
export const CONTACT_FIELDS = [
  'occurredAt',
  'contactType',
  'modality',
  'result',
  'durationMin',
  'participants',
  'interpreterUsed',
] as const;
