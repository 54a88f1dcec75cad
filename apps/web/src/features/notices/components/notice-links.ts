/** Where the notice screens link to; the app's routes provide them (features do not import the app). */
export interface NoticeLinks {
  list: string;
  print: (id: string, lang?: 'en' | 'es', referralId?: string) => string;
  referral: (id: string) => string;
}
