/** Where the case screens link to; the app's routes provide them (features do not import the app). */
export interface CaseLinks {
  list: string;
  detail: (id: string) => string;
  referral: (id: string) => string;
  noticePrint: (id: string, lang?: 'en' | 'es', referralId?: string) => string;
}
