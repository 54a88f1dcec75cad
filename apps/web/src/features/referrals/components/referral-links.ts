/** Where the referral screens link to; the app's routes provide them (features do not import the app). */
export interface ReferralLinks {
  list: string;
  newReferral: string;
  detail: (id: string) => string;
  edit: (id: string) => string;
  print: (id: string) => string;
  familySheet: (id: string) => string;
  /** The case a referral opened on enrollment. */
  caseDetail: (id: string) => string;
}
