import type { ReasonCodeKind, SchoolKind, SchoolLevel } from './enums';

export interface School {
  id: string;
  name: string;
  level: SchoolLevel;
  kind: SchoolKind;
  district: string;
  cdsCode: string | null;
  address: string | null;
  city: string | null;
  zip: string | null;
  phone: string | null;
  inCvpdJurisdiction: boolean;
  active: boolean;
}

export interface ReasonCode {
  id: string;
  code: string;
  label: string;
  /** Spanish label where the catalog has one; the web falls back to `label`. */
  labelEs: string | null;
  kind: ReasonCodeKind;
  educationCode: string | null;
  otherCode: string | null;
  excludedFromDiversion: boolean;
  active: boolean;
}

export interface ServiceType {
  id: string;
  code: string;
  label: string;
  labelEs: string | null;
  active: boolean;
}

export interface Resource {
  id: string;
  key: string;
  name: string;
  organization: string | null;
  category: string;
  description: string | null;
  descriptionEs: string | null;
  phone: string | null;
  urls: string[];
  ages: string | null;
  languages: string[];
  lastVerifiedAt: string | null;
  active: boolean;
}
